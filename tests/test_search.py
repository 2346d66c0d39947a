"""Issue 6: agreed-language search — exact and near wording, whole paragraphs, the index on disk."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from rapidfuzz import fuzz

import resdiff
from resdiff.cli import main
from resdiff.errors import SeriesError
from resdiff.render.search import render_hits_text, summarise
from resdiff.search import INDEX_NAME, Index
from tests.conftest import CORPUS
from tests.series_gen.cached import written

OP36 = ("吁请国际组织和区域组织继续定期评估各国普遍利用信息和通信技术的情况并提出报告，"
        "目的是为发展中国家信息和通信技术部门的增长创造公平机会；")


@pytest.fixture()
def corpus_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "zh"
    folder.mkdir()
    shutil.copy(CORPUS, folder / CORPUS.name)
    return folder


@pytest.fixture(scope="module")
def index20() -> Index:
    folder, _ = written(20)
    return Index.open(folder)


def test_exact_wording_every_paragraph_with_its_span(corpus_folder: Path) -> None:
    hits = Index.open(corpus_folder).search("能力建设")
    assert {h.unit for h in hits} >= {"OP11", "OP17", "OP38(d)", "OP38(f)"}
    for hit in hits:
        assert hit.exact and hit.score == 1.0
        assert hit.text[hit.span[0]:hit.span[1]] == "能力建设"
        assert hit.symbol == "E/RES/2013/9" and hit.adopted == "2013-07-22"


def test_near_wording_is_found_on_word_boundaries(corpus_folder: Path) -> None:
    index = Index.open(corpus_folder)
    query = "评估各国普遍使用信息和通信技术的情况"  # OP36 says 利用, not 使用
    hits = index.search(query)
    assert hits and hits[0].unit == "OP36" and not hits[0].exact
    assert 0.75 <= hits[0].score < 1
    assert hits[0].matched == "评估各国普遍利用信息和通信技术的情况"
    # Spaces typed between Chinese words do not matter.
    assert index.search("能力 建设")[0].exact


def test_hits_are_ranked_exact_first(corpus_folder: Path) -> None:
    hits = Index.open(corpus_folder).search("区域委员会协助区域一级执行")
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert Index.open(corpus_folder).search("") == []


def test_a_whole_paragraph_finds_its_source_with_the_word_diff(corpus_folder: Path) -> None:
    draft = "36. **吁请**" + OP36.removeprefix("吁请").replace("定期", "")
    (hit, *_) = Index.open(corpus_folder).similar(draft)
    assert (hit.symbol, hit.unit) == ("E/RES/2013/9", "OP36")
    assert [(d.op, d.text) for d in hit.diff if d.op != "equal"] == [("delete", "定期")]
    assert summarise(hit.diff) == "with 定期 removed"
    assert hit.span == (0, len(hit.text))
    assert "the draft is 2013/9 OP36 with 定期 removed" in render_hits_text([hit])


def test_same_wording_over_the_years_is_one_hit_first_adopted_in_2013(index20: Index) -> None:
    (hit, *_) = index20.similar(OP36.replace("定期", ""))
    assert hit.first.symbol == "E/RES/2013/9" and hit.first.unit == "OP36"
    assert hit.symbol != "E/RES/2013/9"  # the latest text with that wording
    dates = [o.adopted for o in hit.also]
    assert dates == sorted(dates) and all(d and d < (hit.adopted or "") for d in dates)
    data = hit.to_dict()
    assert {"symbol", "adopted", "unit", "score", "text", "span"} <= data.keys()
    assert data["also"][0]["symbol"] == "E/RES/2013/9"


# -- the index on disk -------------------------------------------------------------------------

def test_the_index_is_stored_beside_the_corpus_and_reused(corpus_folder: Path) -> None:
    (corpus_folder / ".resdiff-index.json").write_text("{}", encoding="utf-8")  # of an earlier version
    first = Index.open(corpus_folder)
    assert not (corpus_folder / ".resdiff-index.json").exists()
    assert first.indexed == 1 and first.location == corpus_folder / INDEX_NAME
    assert Index.open(corpus_folder).indexed == 0
    # Touched but not changed: nothing to parse again.
    os.utime(corpus_folder / CORPUS.name, ns=(1, 1))
    assert Index.open(corpus_folder).indexed == 0
    # Changed: parsed again, and only it.
    path = corpus_folder / CORPUS.name
    path.write_text(resdiff.load(CORPUS).to_text().replace("能力建设", "能力发展"), encoding="utf-8")
    shutil.copy(CORPUS, corpus_folder / "copy.txt")
    again = Index.open(corpus_folder)
    assert again.indexed == 2
    assert {h.source for h in again.search("能力建设")} == {"copy.txt"}
    (corpus_folder / "copy.txt").unlink()
    assert Index.open(corpus_folder).search("能力建设") == []


def test_an_unwritable_folder_uses_the_cache_dir(corpus_folder: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # A folder where the index cannot be written (a directory in its place: root ignores chmod).
    (corpus_folder / INDEX_NAME).mkdir()
    cache = tmp_path / "cache"
    monkeypatch.setenv("RESDIFF_CACHE_DIR", str(cache))
    index = Index.open(corpus_folder)
    assert index.location is not None and index.location.parent == cache
    assert Index.open(corpus_folder).indexed == 0


def test_a_corrupt_index_is_rebuilt(corpus_folder: Path) -> None:
    Index.open(corpus_folder).close()
    (corpus_folder / INDEX_NAME).write_text("{not json", encoding="utf-8")
    assert Index.open(corpus_folder).indexed == 1


def test_errors(tmp_path: Path) -> None:
    with pytest.raises(SeriesError, match="no such folder"):
        Index.open(tmp_path / "missing")
    with pytest.raises(SeriesError, match="no resolutions"):
        Index.open(tmp_path)


# -- output ------------------------------------------------------------------------------------

def test_render_highlights_the_match(corpus_folder: Path) -> None:
    hits = Index.open(corpus_folder).search("能力建设", limit=2)
    text = render_hits_text(hits)
    assert "【能力建设】" in text and "2013/9" in text
    assert "\033[1;33m能力建设" in render_hits_text(hits, colour=True)
    assert render_hits_text([]) == "no matching paragraphs\n"


def test_cli_search_json_and_paragraph_file(corpus_folder: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "能力建设", str(corpus_folder), "--format", "json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits and all({"symbol", "adopted", "unit", "score", "text", "span"} <= h.keys() for h in hits)
    assert all(h["text"][h["span"][0]:h["span"][1]] == "能力建设" for h in hits)
    draft = tmp_path / "draft.txt"
    draft.write_text(OP36.replace("定期", ""), encoding="utf-8")
    assert main(["search", "--paragraph", str(draft), str(corpus_folder)]) == 0
    assert "OP36 with 定期 removed" in capsys.readouterr().out
    assert main(["search", str(corpus_folder)]) == 2


def test_a_near_match_of_a_short_query_is_found_character_by_character(tmp_path: Path) -> None:
    """Regression (review): 增强能力建设 is two words, one of them different from 加强能力建设."""
    (tmp_path / "E-RES-2013-9.txt").write_bytes(CORPUS.read_bytes())
    hits = Index.open(tmp_path).search("增强能力建设")
    assert hits and hits[0].unit == "OP11" and not hits[0].exact
    start, end = hits[0].span
    assert hits[0].text[start:end] == "加强能力建设"


def test_two_copies_of_one_resolution_count_once_and_a_draft_is_newest(tmp_path: Path) -> None:
    draft = CORPUS.parents[3] / "examples" / "drafts" / "E-RES-2014-illustrative-draft-zh.txt"
    (tmp_path / "E-RES-2013-9.txt").write_bytes(CORPUS.read_bytes())
    (tmp_path / "copy-of-2013-9.txt").write_bytes(CORPUS.read_bytes())
    (tmp_path / "draft.txt").write_bytes(draft.read_bytes())
    hit = next(h for h in Index.open(tmp_path).search("加强能力建设及技术和知识转让") if h.unit in ("OP10", "OP11"))
    assert hit.symbol is None  # the undated draft is the newest text holding the wording
    assert [(o.symbol, o.unit) for o in hit.also] == [("E/RES/2013/9", "OP11")]


# -- issue 13: the index on SQLite; issue 15: what is trusted ----------------------------------

def test_one_and_two_character_queries(corpus_folder: Path) -> None:
    index = Index.open(corpus_folder)
    for query in ("鸿沟", "网"):
        hits = index.search(query, limit=100)
        assert hits and all(h.exact and h.matched == query for h in hits)
        units = {u.id for u in resdiff.load(CORPUS).units if query in u.text}
        assert {h.unit for h in hits} == units


def test_a_changed_file_is_indexed_again_alone(index20: Index) -> None:
    folder = index20.folder
    before = len(index20)
    path = sorted(folder.glob("E-RES-*.txt"))[3]
    path.write_text(path.read_text(encoding="utf-8").replace("能力建设", "能力营造"), encoding="utf-8")
    with Index.open(folder) as again:
        assert again.indexed == 1 and len(again) == before
        assert any(h.source == path.name for h in again.search("能力营造"))


def test_invented_text_in_the_index_is_never_shown(corpus_folder: Path) -> None:
    """Regression (issue 15, item 4): a record matching size and mtime was believed over the file."""
    Index.open(corpus_folder).close()
    with sqlite3.connect(corpus_folder / INDEX_NAME) as db:
        db.execute("UPDATE texts SET text = '发明的商定语文：各国应当无条件转让全部技术；' "
                   "WHERE id = (SELECT min(id) FROM texts)")
        db.execute("INSERT INTO texts_fts(texts_fts) VALUES ('rebuild')")
    index = Index.open(corpus_folder)
    assert index.search("发明的商定语文") == []
    assert index.search("能力建设")  # the file was indexed again and is searched as before
    texts = {u.id: u.text for u in resdiff.load(CORPUS).units}
    hits = index.search("信息和通信技术", limit=200)
    assert hits and all(texts[h.unit] == h.text for h in hits)


def test_a_file_changed_behind_the_index_is_read_again(corpus_folder: Path) -> None:
    """Same size, same modification time, other content: the shown file is hashed again."""
    path = corpus_folder / CORPUS.name
    Index.open(corpus_folder).close()
    stat = path.stat()
    changed = path.read_text(encoding="utf-8").replace("能力建设", "能力发展")  # same length in UTF-8
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    index = Index.open(corpus_folder)
    assert index.indexed == 0  # believed at first …
    texts = {u.id: u.text for u in resdiff.load(path).units}
    hits = index.search("能力建设")  # … but what is shown is what the file says now
    assert "OP11" not in {h.unit for h in hits} and all(texts[h.unit] == h.text for h in hits)
    assert "OP11" in {h.unit for h in index.search("能力发展")}


@pytest.mark.parametrize("sql", [
    "UPDATE files SET size = 'abc'",
    "UPDATE files SET adopted = 'next year'",
    "UPDATE files SET units = replace(units, 'OP1', 'OP2')",
    "UPDATE files SET texts = CAST(substr(texts, 5) || substr(texts, 1, 4) AS BLOB)",
    "UPDATE texts SET postings = x'09'",
    "UPDATE texts SET postings = CAST(postings || x'0100000000000000' AS BLOB)",
    "UPDATE texts SET english = 1",
    "DELETE FROM meta",
    "DROP TABLE texts_fts",
    "DROP TABLE texts_fts; CREATE TABLE texts_fts_data (x); CREATE VIEW v AS SELECT 1",
])
def test_a_damaged_or_crafted_index_is_rebuilt(corpus_folder: Path, sql: str) -> None:
    """Regression (issue 15, item 3): a crafted index crashed every later search."""
    expected = [h.to_dict() for h in Index.open(corpus_folder).search("能力建设")]
    with sqlite3.connect(corpus_folder / INDEX_NAME) as db:
        db.executescript(sql)
    with Index.open(corpus_folder) as index:
        assert index.location == corpus_folder / INDEX_NAME
        assert [h.to_dict() for h in index.search("能力建设")] == expected


def test_a_file_deleted_during_indexing_is_left_out(corpus_folder: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Regression (issue 15, item 8): it was reported as 'cannot write the output'."""
    shutil.copy(CORPUS, corpus_folder / "copy.txt")
    import resdiff.api

    real = resdiff.api.load

    def vanishing(path: str | os.PathLike[str]) -> resdiff.Resolution:
        if Path(path).name == "copy.txt":
            Path(path).unlink()
        return real(path)

    monkeypatch.setattr(resdiff.api, "load", vanishing)
    assert main(["search", "能力建设", str(corpus_folder)]) == 0
    captured = capsys.readouterr()
    assert "copy.txt disappeared while the folder was being indexed" in captured.err
    assert "E-RES-2013-9" not in captured.err and "2013/9" in captured.out


def test_two_processes_search_and_update_at_once(corpus_folder: Path) -> None:
    for n in range(4):
        shutil.copy(CORPUS, corpus_folder / f"copy-{n}.txt")
    cmd = [sys.executable, "-m", "resdiff", "search", "能力建设", str(corpus_folder), "--format", "json"]
    env = {**os.environ, "PYTHONPATH": str(CORPUS.parents[3] / "src")}
    procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outs]
    assert outs[0][0] == outs[1][0] and json.loads(outs[0][0])
    with Index.open(corpus_folder) as index:
        assert index.indexed == 0 and len(index) == 5 * len(resdiff.load(CORPUS).units)


def test_nowhere_to_write_the_index_keeps_it_in_memory(corpus_folder: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    (corpus_folder / INDEX_NAME).mkdir()
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("RESDIFF_CACHE_DIR", str(blocker / "cache"))
    with Index.open(corpus_folder) as index:
        assert index.location is None and index.indexed == 1
        assert {"OP11", "OP17"} <= {h.unit for h in index.search("能力建设")}


def test_a_build_cuts_no_words_and_a_near_search_cuts_its_hits_once(corpus_folder: Path, tmp_path: Path) -> None:
    """Issue 13: the index holds no words, so building it loads no jieba; a near match is widened
    to whole words with the words of the hits shown, cut once and kept in the word cache, so the
    same search in the next process loads no jieba and answers the same."""
    env = {**os.environ, "PYTHONPATH": str(CORPUS.parents[3] / "src"), "RESDIFF_CACHE_DIR": str(tmp_path / "cache")}
    build = ("import sys; from resdiff.search import Index; "
             f"Index.open({str(corpus_folder)!r}).close(); print('jieba' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", build], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "False", done.stderr
    code = ("import sys; from resdiff.cli import main; "
            f"main(['search', '增强能力建设', {str(corpus_folder)!r}, '--format', 'json']); "
            "print('jieba' in sys.modules, file=sys.stderr)")
    runs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
            for _ in range(2)]
    assert [run.returncode for run in runs] == [0, 0], runs[0].stderr
    assert [run.stderr.strip() for run in runs] == ["True", "False"]
    assert runs[0].stdout == runs[1].stdout
    (hit, *_) = json.loads(runs[1].stdout)
    assert hit["unit"] == "OP11" and hit["text"][hit["span"][0]:hit["span"][1]] == "加强能力建设"


def test_words_cut_at_search_time_are_the_engines_and_rank_as_cached_ones(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 13: the words that rank whole paragraphs and widen near matches are cut when a search
    needs them. Cut then (an empty word cache) or read from the cache, they are jieba's words of
    the engine's segmenter, and the hits are the same."""
    from resdiff.segment import Segmenter

    folder, _ = written(5)
    draft = OP36.replace("定期", "经常")

    def hits() -> list[dict[str, object]]:
        with Index.open(folder) as index:
            return ([h.to_dict() for h in index.similar(draft, limit=20, cutoff=0.2)]
                    + [h.to_dict() for h in index.search("发展中国家的通讯技术", limit=30, cutoff=0.6)])

    monkeypatch.setenv("RESDIFF_CACHE_DIR", str(tmp_path / "cache"))  # no word cut yet
    cut_now = hits()
    from_cache = hits()
    assert cut_now == from_cache
    assert len(cut_now) > 10 and any(not h["exact"] for h in cut_now)
    segmenter = Segmenter()
    codes: dict[str, str] = {}

    def coded(text: str) -> str:
        return "".join(codes.setdefault(w, chr(0xF0000 + len(codes))) for w in segmenter.words(text))

    for hit in cut_now:
        if "diff" in hit:  # similar: scored on the engine's words of both paragraphs
            assert round(fuzz.ratio(coded(draft), coded(str(hit["text"]))) / 100, 4) == hit["score"]
        else:  # a near match starts and ends on the engine's word boundaries
            text, (start, end) = str(hit["text"]), hit["span"]  # type: ignore[misc]
            bounds = {0}
            for word in segmenter.words(text):
                bounds.add(max(bounds) + len(word))
            assert start in bounds and end in bounds


EXAMPLES_EN = CORPUS.parents[3] / "examples" / "bilingual"


@pytest.fixture()
def english_folder(tmp_path: Path) -> Path:
    """Two illustrative English texts of one series (examples/bilingual), not official texts."""
    folder = tmp_path / "en"
    folder.mkdir()
    shutil.copy(EXAMPLES_EN / "earlier" / "A-RES-69-904-en.txt", folder / "A-RES-69-904-en.txt")
    shutil.copy(EXAMPLES_EN / "old-en.txt", folder / "A-RES-70-901-en.txt")
    return folder


def test_english_texts_are_indexed_searched_and_followed_without_jieba(english_folder: Path) -> None:
    """Issue 12: English paragraphs are cut by the English segmenter in the index, in a search for
    a whole draft paragraph and in a series; jieba is never loaded for them."""
    code = ("import sys, json; from resdiff.search import Index; from resdiff.series import Series\n"
            f"index = Index.open({str(english_folder)!r})\n"
            "hits = index.similar('Urges all Member States to strengthen national broadband plans, and further "
            "calls upon the entities of the United Nations system to support them;')\n"
            "exact = index.search('information and communications technologies')\n"
            f"series = Series.load({str(english_folder)!r})\n"
            "print(json.dumps({'jieba': 'jieba' in sys.modules, 'similar': [(h.unit, h.score, "
            "[(op.op, op.text) for op in h.diff]) for h in hits], 'exact': len(exact), "
            "'series': [m.resolution.symbol for m in series.members]}))")
    env = {**os.environ, "PYTHONPATH": str(CORPUS.parents[3] / "src")}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found["jieba"] is False
    assert found["exact"] >= 2
    assert found["series"] == ["A/RES/69/904", "A/RES/70/901"]
    unit, score, diff = found["similar"][0]
    assert 0.5 < score < 1.0
    # The word diff is over whole English words: nothing inserted or deleted is part of a word.
    assert unit == "OP2" and [(op, text) for op, text in diff if op != "equal"] == [
        ("delete", "Calls upon"), ("insert", "Urges")]


def test_an_english_paragraph_is_not_near_another_for_sharing_spaces(english_folder: Path) -> None:
    """Spaces are words for the diff, never evidence of similarity."""
    with Index.open(english_folder) as index:
        assert index.similar("Invites the regional commissions to hold a meeting on the measurement of "
                             "broadband prices in small island developing States in the coming year;") == []
        close = index.similar("Recognizing that information and communications technologies can speed up "
                              "progress towards all the Sustainable Development Goals,")
        assert close and close[0].unit.startswith("PP")


def test_an_index_whose_english_words_jieba_cut_is_built_again(english_folder: Path) -> None:
    """The index's fingerprint names the English segmenter: an index made before is rebuilt."""
    with Index.open(english_folder) as index:
        location = index.location
    assert location is not None
    with sqlite3.connect(location) as db:
        db.execute("UPDATE meta SET value = replace(value, '+en', '+old') WHERE value LIKE '%+en%'")
        assert db.total_changes == 1
    db.close()
    with Index.open(english_folder) as index:
        assert index.indexed == 2
