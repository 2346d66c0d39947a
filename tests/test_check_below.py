"""Issue 10: the user chooses the confidence below which a change is marked "check"
(``--check-below``, ``check_threshold``): it reaches the HTML report, the terminal summary, the Word
redline's "to check" list and comments, and the brief; bad values are refused with one line."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

import resdiff
from resdiff.cli import main
from resdiff.model import Comparison
from resdiff.render.brief import make_brief
from resdiff.render.docx import to_check
from tests.conftest import CORPUS
from tests.html_fixtures import DRAFT
from tests.htmldom import parse as parse_html

#: Thresholds between the draft's confidences: none, a few and most changes below them.
LEVELS = ("0.5", "0.7", "0.95")


@pytest.fixture(scope="module")
def draft() -> Comparison:
    return resdiff.compare(resdiff.load(CORPUS), resdiff.load(DRAFT))


def unsure(comparison: Comparison, level: float) -> list[str]:
    """The ids of the changes that should be marked at ``level``: below it, not unchanged."""
    return [" + ".join(c.new or c.old) for c in comparison.changes
            if c.confidence < level and c.type != "unchanged"]


def test_the_levels_mark_different_changes(draft: Comparison) -> None:
    counts = [len(unsure(draft, float(level))) for level in LEVELS]
    assert counts[0] == 0 < counts[1] < counts[2]


@pytest.mark.parametrize("level", LEVELS)
def test_html_marks_the_changes_below_the_option(draft: Comparison, level: str, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert main(["diff", str(CORPUS), str(DRAFT), "-o", str(out), "--check-below", level, "--ui", "en"]) == 0
    page = parse_html(out.read_text(encoding="utf-8"))
    changes = page.find_all("article", cls="change")
    assert len(changes) == len(draft.changes)
    marked = [row for row in changes if row.get("data-check") == "true"]
    assert len(marked) == len(unsure(draft, float(level)))
    # data-confidence is rounded to two places: at most the level, and every change marked is unsure.
    assert all(float(row.get("data-confidence")) <= float(level) for row in marked)
    assert all(row.get("data-type") != "unchanged" for row in marked)


@pytest.mark.parametrize("level", LEVELS)
def test_text_summary_marks_the_changes_below_the_option(draft: Comparison, level: str,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(CORPUS), str(DRAFT), "--check-below", level, "--color", "never", "--ui", "en"]) == 0
    out = capsys.readouterr().out
    assert len(re.findall(r"CHECK \(\d+% sure\)", out)) == len(unsure(draft, float(level)))


@pytest.mark.parametrize("level", LEVELS)
def test_redline_lists_the_changes_below_the_option(draft: Comparison, level: str, tmp_path: Path) -> None:
    expected = unsure(draft, float(level))
    listed = to_check(draft, float(level))
    assert [item.split(" (")[0] for item in listed] == expected
    out = tmp_path / "redline.docx"
    assert main(["diff", str(CORPUS), str(DRAFT), "-o", str(out), "--check-below", level, "--ui", "en"]) == 0
    with zipfile.ZipFile(out) as z:
        document = z.read("word/document.xml").decode("utf-8")
        comments = z.read("word/comments.xml").decode("utf-8") if "word/comments.xml" in z.namelist() else ""
    # The cover's "To check" row names exactly the changes below the level; the comments follow it.
    assert ("To check" in document) == bool(expected)
    assert all(f"{where} (" in document for where in expected)
    assert comments.count("To check: resdiff is not sure") <= len(expected)
    assert ("To check: resdiff is not sure" in comments) == bool(expected)


@pytest.mark.parametrize("level", LEVELS)
def test_brief_lists_the_changes_below_the_option(draft: Comparison, level: str, tmp_path: Path) -> None:
    checks = [s for s in make_brief(draft, check_threshold=float(level)).sections if s.key == "check"]
    assert sum(len(s.items) for s in checks) == len(unsure(draft, float(level)))
    out = tmp_path / "brief.md"
    assert main(["brief", str(CORPUS), str(DRAFT), "-o", str(out), "--check-below", level, "--ui", "en"]) == 0
    assert out.read_text(encoding="utf-8").count(": please check") == len(unsure(draft, float(level)))


def test_default_is_the_options_threshold(draft: Comparison, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(CORPUS), str(DRAFT), "--color", "never", "--ui", "en"]) == 0
    out = capsys.readouterr().out
    assert len(re.findall(r"CHECK \(\d+% sure\)", out)) == len(unsure(draft, resdiff.Options().check_threshold))


@pytest.mark.parametrize("command", ["diff", "brief"])
@pytest.mark.parametrize("value", ["0", "-0.2", "1.5", "nan", "inf", "abc", ""])
def test_bad_values_are_refused(command: str, value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, str(CORPUS), str(DRAFT), "--check-below", value, "--ui", "en"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip().splitlines() == ["resdiff: error: --check-below takes a number above 0 and at most 1"]


def test_bad_value_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(CORPUS), str(DRAFT), "--check-below", "2", "--ui", "zh"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--check-below 须为大于0且不超过1的数" in err[0]


def test_one_is_accepted(draft: Comparison, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(CORPUS), str(DRAFT), "--check-below", "1", "--color", "never", "--ui", "en"]) == 0
    out = capsys.readouterr().out
    assert len(re.findall(r"CHECK \(\d+% sure\)", out)) == len(unsure(draft, 1.0)) > 0
