"""Issue 13: a paragraph once cut into words is never cut again — the word cache on disk, what
`import resdiff` loads, and lookups by id in O(1)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import resdiff
from resdiff.options import Options
from resdiff.segment import WORD_CACHE_NAME, Segmenter, WordCache, _decode, _encode, dictionary_version
from tests.conftest import CORPUS, ROOT

DRAFT = ROOT / "examples" / "drafts" / "E-RES-2014-illustrative-draft-zh.txt"
TERM = "信息社会世界首脑会议的成果"


def _run(code: str, cache: Path) -> str:
    env = {**os.environ, "RESDIFF_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120,
                          check=True)
    return done.stdout


def test_a_second_process_compares_cached_paragraphs_without_loading_jieba(tmp_path: Path) -> None:
    code = (f"import sys, json, resdiff; c = resdiff.compare({str(CORPUS)!r}, {str(DRAFT)!r}); "
            "print(json.dumps([c.to_json(), 'jieba' in sys.modules]))")
    first, loaded_first = json.loads(_run(code, tmp_path / "cache"))
    second, loaded_second = json.loads(_run(code, tmp_path / "cache"))
    assert loaded_first and not loaded_second
    assert first == second  # the same comparison, word for word
    assert (tmp_path / "cache" / WORD_CACHE_NAME).is_file()
    # A new paragraph loads jieba again, and only then.
    code_new = (f"import sys, resdiff; resdiff.compare({str(CORPUS)!r}, '1. 吁请各方一个新的段落。'); "
                "print('jieba' in sys.modules)")
    assert _run(code_new, tmp_path / "cache").strip() == "True"


def test_import_resdiff_loads_neither_jieba_nor_the_http_stack(tmp_path: Path) -> None:
    code = ("import sys, resdiff, resdiff.cli, resdiff.api; "
            "print(sorted(m for m in ('jieba', 'pkg_resources', 'http.client', 'urllib.request', 'email.utils')"
            " if m in sys.modules))")
    assert _run(code, tmp_path / "cache").strip() == "[]"


def test_the_cache_holds_boundaries_and_a_wrong_entry_is_cut_again(tmp_path: Path) -> None:
    cache = WordCache(tmp_path / WORD_CACHE_NAME)
    words = Segmenter(cache=cache).words(TERM)
    assert "".join(words) == TERM and "信息社会世界首脑会议" in words
    cache.flush()
    with sqlite3.connect(tmp_path / WORD_CACHE_NAME) as db:
        (stored,) = db.execute("SELECT words FROM words").fetchone()
        assert TERM.encode("utf-8") not in stored and "信息".encode() not in stored  # no text, lengths only
        db.execute("UPDATE words SET words = ?", (b"\x01\x02\x02",))  # lengths that do not add up
    second = WordCache(tmp_path / WORD_CACHE_NAME)
    assert Segmenter(cache=second).words(TERM) == words
    second.flush()
    with sqlite3.connect(tmp_path / WORD_CACHE_NAME) as db:
        assert _decode(db.execute("SELECT words FROM words").fetchone()[0], TERM) == words  # rewritten


def test_encoding_of_boundaries() -> None:
    assert _decode(_encode(["信息", "社会"]), "信息社会") == ("信息", "社会")
    long = "a" * 300
    assert _decode(_encode([long, "b"]), long + "b") == (long, "b")
    for bad in (b"", b"\x09\x01", b"\x01\x00\x04", b"\x04\x01\x00", "text", None):
        assert _decode(bad, "信息社会") is None


def test_a_file_that_is_not_a_cache_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / WORD_CACHE_NAME
    path.write_bytes(b"not a database at all" * 100)
    cache = WordCache(path)
    assert Segmenter(cache=cache).words(TERM)[0] == "信息社会世界首脑会议"
    cache.flush()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM words").fetchone()[0] == 1


def test_no_writable_cache_still_cuts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("RESDIFF_CACHE_DIR", str(blocker / "cache"))
    assert resdiff.compare(CORPUS, CORPUS).summary["unchanged"] == len(resdiff.load(CORPUS).units)


def test_each_dictionary_has_its_own_entries(tmp_path: Path) -> None:
    cache = WordCache(tmp_path / WORD_CACHE_NAME)
    assert dictionary_version() != dictionary_version(un_terms=False)
    with_terms = Segmenter(cache=cache).words(TERM)
    without = Segmenter(Options(un_terms=False), cache=cache).words(TERM)
    assert with_terms[0] == "信息社会世界首脑会议" and without[0] == "信息"
    assert Segmenter(cache=cache).words(TERM) == with_terms
    user = tmp_path / "user.txt"
    user.write_text("首脑会议的成果 5 n\n", encoding="utf-8")
    assert dictionary_version(str(user)) != dictionary_version()


def test_processes_share_the_cache_at_once(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    code = ("import sys, resdiff; from resdiff.segment import Segmenter; s = Segmenter(); "
            "texts = [f'第{n}段关于信息和通信技术促进发展的案文{n % 7}。' for n in range(300)]; "
            "print(sum(len(s.words(t)) for t in texts))")
    env = {**os.environ, "RESDIFF_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT / "src")}
    procs = [subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _, err in outs]
    assert len({out for out, _ in outs}) == 1 and not any(err.strip() for _, err in outs)
    with sqlite3.connect(cache / WORD_CACHE_NAME) as db:
        assert db.execute("SELECT count(*) FROM words").fetchone()[0] == 300


# -- lookups by id --------------------------------------------------------------------------

def test_lookup_by_id_leaves_equality_and_json_alone() -> None:
    text = CORPUS.read_text(encoding="utf-8")
    one, two = resdiff.parse(text), resdiff.parse(text)
    before = one.to_dict()
    assert one["OP36"].text.startswith("吁请") and one.get("OP99") is None
    assert one.index("OP36") == [u.id for u in one.units].index("OP36")
    with pytest.raises(KeyError):
        one["PP999"]
    assert one == two and one.to_dict() == before == two.to_dict()
    assert "_by_id" not in repr(one)
    assert resdiff.Resolution.from_dict(one.to_dict()) == one


def test_many_paragraphs_at_once_are_cut_as_one_by_one(tmp_path: Path) -> None:
    texts = [u.text for u in resdiff.load(CORPUS).units]
    cache = WordCache(tmp_path / WORD_CACHE_NAME)
    first = Segmenter(cache=cache).words_many(texts[:30])
    cache.flush()
    again = Segmenter(cache=WordCache(tmp_path / WORD_CACHE_NAME)).words_many(texts)
    assert again[:30] == first
    assert again == [Segmenter(cache=WordCache(None)).words(t) for t in texts]


def test_jieba_is_loaded_without_pkg_resources_and_cuts_the_same(tmp_path: Path) -> None:
    code = ("import sys; from resdiff.segment import Segmenter, WordCache; "
            f"w = Segmenter(cache=WordCache(None)).words({TERM!r}); "
            "print(list(w), 'pkg_resources' in sys.modules, 'jieba' in sys.modules)")
    assert _run(code, tmp_path / "cache").strip() == "['信息社会世界首脑会议', '的', '成果'] False True"


def test_english_texts_never_reach_the_word_cache_and_chinese_keys_name_the_segmenter(tmp_path: Path) -> None:
    """Issue 12: English paragraphs are cut by the English segmenter, even when a comparison is handed
    the (jieba) segmenter of a series; the cache key of a Chinese paragraph names language and
    segmenter beside the dictionaries, so no other segmenter's words can be read back for it."""
    import hashlib

    cache = WordCache(tmp_path / WORD_CACHE_NAME)
    segmenter = Segmenter(cache=cache)
    examples = ROOT / "examples" / "bilingual"
    english = resdiff.compare(examples / "old-en.txt", examples / "draft-en.txt", segmenter=segmenter)
    assert english.changes and english.old.language == "en"
    cache.flush()
    assert not (tmp_path / WORD_CACHE_NAME).exists() or sqlite3.connect(
        tmp_path / WORD_CACHE_NAME).execute("SELECT count(*) FROM words").fetchone()[0] == 0
    segmenter.words(TERM)
    cache.flush()
    with sqlite3.connect(tmp_path / WORD_CACHE_NAME) as db:
        (key,) = db.execute("SELECT key FROM words").fetchone()
    plain = hashlib.blake2b(TERM.encode(), digest_size=16, key=dictionary_version()).digest()
    assert bytes(key) != plain and len(bytes(key)) == 16


def test_a_batch_written_mid_comparison_does_not_wait_for_another_writer(tmp_path: Path) -> None:
    # Issue 13: "never block on it". Another process holds the write lock while this one fills a
    # batch: the batch stays waiting (a wait of BUSY_TIMEOUT would end in a drop), and is written
    # by the next flush once the lock is free.
    from resdiff import segment

    cache = WordCache(tmp_path / WORD_CACHE_NAME)
    texts = [f"请秘书长提交第{k}份报告" for k in range(segment.FLUSH_EVERY)]
    segmenter = Segmenter(cache=cache)
    segmenter.words(texts[0])
    cache.flush()
    other = sqlite3.connect(tmp_path / WORD_CACHE_NAME, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        words = [segmenter.words(text) for text in texts[1:]] + [segmenter.words("决定继续审议这一问题")]
        assert len(cache._pending) == segment.FLUSH_EVERY  # the full batch was tried, and kept
    finally:
        other.execute("ROLLBACK")
        other.close()
    cache.flush()
    assert not cache._pending
    with sqlite3.connect(tmp_path / WORD_CACHE_NAME) as db:
        assert db.execute("SELECT count(*) FROM words").fetchone()[0] == segment.FLUSH_EVERY + 1
    fresh = Segmenter(cache=WordCache(tmp_path / WORD_CACHE_NAME))
    assert [fresh.words(text) for text in texts[1:]] == words[:-1]
