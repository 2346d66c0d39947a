"""Issue 2: the parser, on the real E/RES/2013/9 extraction and on one fixture per artefact."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import resdiff
from resdiff import patterns as P
from tests.conftest import CORPUS, FIXTURES, GOLDEN, validate

EXPECTED_IDS = (
    [f"PP{i}" for i in range(1, 8)]
    + ["H1"] + [f"OP{i}" for i in range(1, 21)]
    + ["H2"] + ["OP21", "OP22"]
    + ["H3"] + [f"OP{i}" for i in range(23, 28)]
    + ["H4"] + [f"OP{i}" for i in range(28, 33)]
    + ["H5"] + [f"OP{i}" for i in range(33, 39)] + [f"OP38({x})" for x in "abcdef"]
    + [f"OP{i}" for i in range(39, 53)]
)


def test_corpus_has_exactly_the_70_units(corpus: resdiff.Resolution) -> None:
    assert [u.id for u in corpus.units] == EXPECTED_IDS
    assert len(corpus.units) == 70
    assert [u.text for u in corpus.headings] == [
        "总结：审查信息社会世界首脑会议成果的执行情况", "因特网治理", "加强合作", "因特网治理论坛", "前面的道路"]


def test_corpus_metadata(corpus: resdiff.Resolution) -> None:
    assert corpus.symbol == "E/RES/2013/9"
    assert corpus.adopted == "2013-07-22"
    assert corpus.meeting == "第41次全体会议"
    assert corpus.predecessor == "E/RES/2012/5"
    assert corpus.body == "经济及社会理事会"
    assert corpus.title == "信息社会世界首脑会议成果文件执行和后续行动方面进展情况评估"


def test_corpus_footnotes_and_their_references(corpus: resdiff.Resolution) -> None:
    assert sorted(corpus.footnotes) == list(range(1, 10))
    assert corpus.footnotes[6] == "另见委员会第十六届会议报告摘要(《经济及社会理事会正式记录, 2013年,补编第11号》(E/2013/31))。"
    assert corpus.footnotes[8].startswith("《发展筹资问题国际会议报告") and corpus.footnotes[8].endswith("决议1，附件。")
    referenced = {u.id: list(u.footnotes) for u in corpus.units if u.footnotes}
    assert referenced == {"PP1": [1], "PP5": [2], "PP6": [3], "OP1": [1], "OP3": [2], "OP22": [4], "OP30": [5],
                          "H5": [6], "OP33": [7], "OP37": [8], "OP38(b)": [9]}


def test_corpus_texts_are_free_of_artefacts(corpus: resdiff.Resolution) -> None:
    for unit in corpus.units:
        assert "E/RES/2013/9" not in unit.text, unit.id
        assert not re.search(r"(?<![\d/])7/8", unit.text), unit.id  # the page number, not 2007/8
        assert not re.search(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff\d]", unit.text), unit.id
        for body in corpus.footnotes.values():
            assert body not in unit.text, unit.id
        assert P.RE_OVERPRINT.match(unit.text) is None, unit.id
    assert "通过征求、编撰" in corpus["OP25"].text
    assert "面向发展的信息社会，并促进实现国际商定的发展目标，包括《联合国千年宣言》所载各项目标；" in corpus["OP33"].text
    assert corpus["OP9"].text.startswith("欢迎秘书长关于关于信息社会")
    assert corpus["OP38(c)"].text.endswith("的能力；") and corpus["OP38(d)"].text.startswith("鼓励会员国在国家一级")
    assert corpus["OP52"].text.endswith("全面审查模式。")


def test_corpus_leads(corpus: resdiff.Resolution) -> None:
    leads = {u.id: u.lead for u in corpus.units}
    assert leads["PP2"] == "又回顾" and leads["PP3"] == "还回顾" and leads["PP5"] == "满意地注意到"
    assert leads["PP7"] == "表示赞赏" and leads["OP2"] == "表示注意到" and leads["OP10"] == "极为关切地注意到"
    assert leads["OP24"] == "又确认" and leads["OP48"] == "又请" and leads["OP8"] == "吁请" and leads["OP35"] == "促请"
    assert [leads[f"OP38({x})"] for x in "abcdef"] == ["赞赏地注意到", "鼓励", "注意到", "鼓励", "又鼓励", "吁请"]
    assert all(u.lead is None for u in corpus.headings)
    assert all(u.lead and u.text.startswith(u.lead) for u in corpus.units if u.kind != "heading")


def test_corpus_parse_equals_golden_json(corpus: resdiff.Resolution) -> None:
    golden = json.loads((GOLDEN / "E-RES-2013-9.resolution.json").read_text(encoding="utf-8"))
    assert corpus.to_dict() == golden
    validate(corpus.to_dict())


def test_corpus_is_the_seed_byte_for_byte() -> None:
    seed = CORPUS.parents[3].parent / "shared" / "seeds" / "000_6730b422bb805a27.txt"
    import hashlib

    digest = hashlib.sha256(CORPUS.read_bytes()).hexdigest()
    assert digest == "7722d640546eef12249af4b457b0f962d60b94c3609cdfee6ebd1c8f9bcc2a0e"
    if seed.exists():
        assert seed.read_bytes() == CORPUS.read_bytes()


FIXTURE_FILES = sorted((FIXTURES / "parse").glob("*.txt"))


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=[p.stem for p in FIXTURE_FILES])
def test_fixture(path: Path) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    resolution = resdiff.load(path)
    assert [[u.id, u.lead, u.text, list(u.footnotes)] for u in resolution.units] == expected["units"]
    for key in ("symbol", "adopted", "meeting", "predecessor", "title", "body"):
        if key in expected:
            assert getattr(resolution, key) == expected[key], key
    if "footnotes" in expected:
        assert {str(n): t for n, t in resolution.footnotes.items()} == expected["footnotes"]
    validate(resolution.to_dict())


def test_round_trip_of_the_corpus(corpus: resdiff.Resolution) -> None:
    assert resdiff.parse(corpus.to_text()) == corpus
    assert resdiff.Resolution.from_dict(corpus.to_dict()) == corpus


# -- bad input ------------------------------------------------------------------------------

BAD_INPUTS = {
    "empty": (b"", resdiff.InputError, "empty"),
    "blank": (b"  \n\n \n", resdiff.InputError, "empty"),
    "binary": (bytes(range(256)) * 4, resdiff.InputError, "binary"),
    "unknown_encoding": ("经济及社会理事会，\n1. 注意到报告。".encode()[:-1] + b"\xff\xfe\xfa" * 5,
                         resdiff.InputError, "unknown encoding"),
    "not_a_resolution": ("这是一封普通的信。\n祝好！\n".encode(), resdiff.NotAResolutionError, "no operative"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_raises_one_clear_error(name: str, tmp_path: Path) -> None:
    data, error, words = BAD_INPUTS[name]
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    with pytest.raises(error, match=words):
        resdiff.load(path)


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_in_the_cli_is_one_line_and_exit_2(name: str, tmp_path: Path) -> None:
    data, _, words = BAD_INPUTS[name]
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    run = subprocess.run([sys.executable, "-m", "resdiff", "parse", str(path)], capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1 and run.stderr.startswith("resdiff: error:") and words in run.stderr
    assert "Traceback" not in run.stderr


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(resdiff.InputError, match="no such file"):
        resdiff.load(tmp_path / "nope.txt")


def test_cli_parse_text_and_json(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "resdiff", "parse", str(CORPUS)], capture_output=True, text=True)
    assert run.returncode == 0
    lines = run.stdout.splitlines()
    assert any(re.match(r"^OP12\s+又确认\s+又确认宽带接入网络", line) for line in lines)
    out = tmp_path / "r.json"
    run = subprocess.run([sys.executable, "-m", "resdiff", "parse", str(CORPUS), "--format", "json", "-o", str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    validate(document)
    assert document["symbol"] == "E/RES/2013/9" and len(document["units"]) == 70


def _web_copy(resolution: resdiff.Resolution) -> str:
    """The resolution as copied from a web page: no bold marks, full-width numbers, superscript
    footnote references, the footnotes at the end after their superscript numbers."""
    supers = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
    wide = str.maketrans("0123456789abcdef", "０１２３４５６７８９ａｂｃｄｅｆ")
    lines = []
    for line in resolution.to_text().splitlines():
        line = line.replace("**", "")
        line = re.sub(r"\[\^(\d+)\]: ", lambda m: m.group(1).translate(supers) + " ", line)
        line = re.sub(r"\[\^(\d+)\]", lambda m: m.group(1).translate(supers), line)
        line = re.sub(r"^(\d+)\. ", lambda m: m.group(1).translate(wide) + "．", line)
        line = re.sub(r"^\(([a-f])\) ", lambda m: "（" + m.group(1).translate(wide) + "）", line)
        lines.append(line)
    return "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "utf-16"])  # GBK has no superscripts: see gbk.txt
def test_the_corpus_as_a_web_copy_parses_the_same(corpus: resdiff.Resolution, encoding: str, tmp_path: Path) -> None:
    text = _web_copy(corpus)
    assert "１．" in text and "（ａ）" in text and "**" not in text and "\r\n" in text
    path = tmp_path / f"web-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    assert resdiff.load(path) == corpus


@pytest.mark.parametrize("width", [22, 27, 35, 52])
@pytest.mark.parametrize("page_lines", [9, 23, 60])
def test_other_layouts_of_an_extraction_parse_the_same(corpus: resdiff.Resolution, width: int, page_lines: int) -> None:
    """Line and page breaks elsewhere: a heading wrapped over two lines, footnote blocks in other
    paragraphs, headers between other sub-paragraphs (found over 1,750 layouts of the evaluation set)."""
    from tests.evalset.extracted import to_extracted

    draft = resdiff.load(CORPUS.parents[3] / "examples" / "drafts" / "E-RES-2014-illustrative-draft-zh.txt")
    for resolution in (corpus, draft):
        assert resdiff.parse(to_extracted(resolution, width=width, page_lines=page_lines)) == resolution
