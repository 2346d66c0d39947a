"""Regressions found by an adversarial review of issues 2–6: each test names what went wrong."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import resdiff
from resdiff.model import Resolution, Unit
from tests.conftest import CORPUS


def test_leads_weakened_in_several_paragraphs_are_not_set_aside_as_terminology(corpus: Resolution) -> None:
    new = resdiff.parse(corpus.to_text().replace("**吁请**", "**鼓励**"))
    comparison = resdiff.compare(corpus, new)
    assert comparison.terms == ()
    assert comparison.summary["lead_weaker"] == len(comparison.substantive) == 5


def test_a_recurring_change_of_obligation_is_not_terminology(corpus: Resolution) -> None:
    comparison = resdiff.compare(corpus, resdiff.parse(corpus.to_text().replace("必须", "可以")))
    assert comparison.terms == () and len(comparison.substantive) == comparison.summary["reworded"] == 3


def test_without_a_body_line_no_paragraph_is_lost() -> None:
    text = ("**回顾**信息社会世界首脑会议的成果文件以及其他所有相关的文件和决议，\n"
            "**又回顾**其关于世界首脑会议的后续行动的第2012/5号决议，\n**注意到**秘书长的报告，\n1. **决定**设立工作组。\n")
    resolution = resdiff.parse(text)
    assert [u.id for u in resolution.units] == ["PP1", "PP2", "PP3", "OP1"]
    assert resolution.body is None and resolution.title is None
    assert resdiff.parse(resolution.to_text()) == resolution


def test_numbering_that_goes_back_is_a_clear_error() -> None:
    text = ("经济及社会理事会，\n**回顾**成果文件，\n1. **注意到**情况；\n2. **吁请**所有国家；\n"
            "2. **鼓励**会员国；\n3. **请**秘书长。\n")
    with pytest.raises(resdiff.NotAResolutionError, match=r"line 5: operative paragraph 2\. follows paragraph 2\."):
        resdiff.parse(text)


def test_a_numbered_paragraph_without_text_is_a_clear_error() -> None:
    with pytest.raises(resdiff.NotAResolutionError, match="OP3 has no text"):
        resdiff.parse("经济及社会理事会，\n**回顾**成果文件，\n1. **注意到**情况；\n2. **吁请**所有国家；\n3.\n")


def test_human_rights_council_symbols_round_trip() -> None:
    resolution = Resolution(units=(Unit("OP1", "operative", "1", "请", "请秘书长提交报告。"),),
                            symbol="A/HRC/RES/22/1", body="人权理事会", title="测试标题")
    assert resolution.to_text().splitlines()[1] == "22/1. 测试标题"
    assert resdiff.parse(resolution.to_text()) == resolution


def test_a_short_gbk_file_with_quotes_and_dashes_is_read(tmp_path: Path) -> None:
    path = tmp_path / "g.txt"
    path.write_bytes("经济及社会理事会，\n1. **注意到**题为“宽带”的报告；\n2. **请**秘书长——提交“报告”。\n".encode("gbk"))
    assert resdiff.load(path)["OP2"].text == "请秘书长——提交“报告”。"


@pytest.mark.parametrize(("source", "words"), [("/tmp/no-such-draft.txt", "no such file"), ("", "empty"),
                                               ("  ", "empty")])
def test_compare_says_what_is_wrong_with_a_path_or_text(source: str, words: str) -> None:
    with pytest.raises(resdiff.InputError, match=words):
        resdiff.compare(source, CORPUS)


def test_a_full_disk_is_one_line_and_exit_2() -> None:
    with open("/dev/full", "w") as full:
        run = subprocess.run([sys.executable, "-m", "resdiff", "parse", str(CORPUS)], stdout=full,
                             stderr=subprocess.PIPE, text=True)
    assert run.returncode == 2 and run.stderr.startswith("resdiff: error: cannot write the output")
    assert "Traceback" not in run.stderr


def test_a_console_without_chinese_still_gets_utf_8(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    with out.open("w") as handle:
        run = subprocess.run([sys.executable, "-m", "resdiff", "parse", str(CORPUS)], stdout=handle,
                             stderr=subprocess.PIPE, text=True, env={"PYTHONIOENCODING": "cp1252", "PATH": ""})
    assert run.returncode == 0, run.stderr
    assert "又确认宽带接入网络" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["word-saved-as.pdf", "word-saved-as.txt"])
def test_a_word_file_with_the_wrong_ending_is_read_as_word(corpus: Resolution, tmp_path: Path, name: str) -> None:
    from tests.docx_maker import make_docx

    path = tmp_path / name
    path.write_bytes(make_docx(corpus.to_text()))
    assert resdiff.load(path) == corpus
