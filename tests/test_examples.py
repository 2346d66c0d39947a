"""The example scripts (issue 4) run as a delegate runs them, and say what they should.

Each runs in a subprocess with this interpreter, writing into the test's temporary folder.
The illustrative draft was written to hold one of each kind of change; the checks below name
those changes, so a regression in the engine that loses one shows here as well.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import resdiff
from resdiff.model import Comparison
from tests.conftest import CORPUS, ROOT
from tests.html_fixtures import DRAFT
from tests.htmldom import parse

EXAMPLES = ROOT / "examples"


def run_example(name: str, *args: str | Path) -> str:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return resdiff.compare(resdiff.load(CORPUS), resdiff.load(DRAFT))


def test_draft_is_labelled_illustrative() -> None:
    first = DRAFT.read_text(encoding="utf-8").splitlines()[0]
    assert "示意性草案" in first and "并非联合国正式文本" in first
    assert "ILLUSTRATIVE" in (EXAMPLES / "drafts" / "README.md").read_text(encoding="utf-8")


def test_draft_holds_every_kind_of_change(comparison: Comparison) -> None:
    def ids(change: resdiff.Change) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return change.old, change.new

    by_kind: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for change in comparison:
        by_kind.setdefault(change.type, []).append(ids(change))
    assert (("OP15",), ("OP14", "OP15")) in by_kind["split"]
    assert (("OP28", "OP29"), ("OP29",)) in by_kind["merged"]
    assert [ids(c) for c in comparison if c.moved] == [(("OP5",), ("OP21",))]
    assert ((), ("OP51",)) in by_kind["added"] and (("OP38(a)",), ()) in by_kind["dropped"]
    leads = {(c.lead.old, c.lead.new, c.lead.shift) for c in comparison if c.lead}
    assert {("吁请", "促请", "stronger"), ("促请", "鼓励", "weaker")} <= leads
    assert comparison.summary["routine"] >= 3
    assert [(t.old, t.new) for t in comparison.terms] == [("因特网", "互联网")]
    assert comparison.change_for("OP38(b)") == comparison.change_for("OP38(c)", side="old")


def test_diff_years_writes_the_report(tmp_path: Path, comparison: Comparison) -> None:
    report = tmp_path / "report.html"
    out = run_example("diff_years.py", report)
    assert f"report: {report}" in out
    assert f"{len(comparison.changes)} changes" in out
    html = report.read_text(encoding="utf-8")
    page = parse(html)
    assert "ILLUSTRATIVE" in page.find("title").text() and "ILLUSTRATIVE" in page.find("h1").text()
    rows = page.find_all("article", "change")
    assert len(rows) == len(comparison.changes)
    assert [r.get("data-type") for r in rows] == [c.type for c in comparison]
    heads = [" ".join(r.find("span", "ids").text().split()) for r in rows]
    assert "OP15 → OP14 + OP15" in heads and "OP28 + OP29 → OP29" in heads
    assert "OP38(c) → OP38(b)" in heads
    leads = [" ".join(b.text().split()) for b in page.find_all("span", "badge-lead")]
    assert "吁请 → 促请 ↑" in leads and "促请 → 鼓励 ↓" in leads
    assert page.find("div", "moved-note").text().startswith("Moved: in E/RES/2013/9 OP5")
    assert len(page.find_all("details", "routine-body")) == comparison.summary["routine"]
    assert page.find("section", "terms").find("del").text() == "因特网"
    assert not re.search(r"https?://", html)


def sections(markdown: str) -> dict[str, str]:
    """Markdown section title (without its count) → its body."""
    found = re.split(r"^## (.+?)(?: \(\d+\))?$", markdown, flags=re.M)
    return dict(zip(found[1::2], found[2::2], strict=True))


def test_negotiation_brief(tmp_path: Path, comparison: Comparison) -> None:
    """Issue 11: the example is a short use of the library's brief, and writes all four forms."""
    out = run_example("negotiation_brief.py", tmp_path)
    assert "Lead stronger: 1" in out
    markdown = (tmp_path / "brief.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Negotiation brief: E/RES/2013/9 → ILLUSTRATIVE 2014 draft")
    assert not re.search(r"</?(?:del|ins|span|b)\b", markdown), "raw HTML in the Markdown"
    part = sections(markdown)
    assert "**new PP8** — new preambular paragraph" in part["Added"]
    assert "**new OP51** — new operative paragraph" in part["Added"]
    assert "commitment" not in markdown
    assert "**OP38\\(a\\)**" not in markdown and "**OP38(a)** — dropped operative paragraph: 赞赏地注意到" in part["Dropped"]
    assert "**OP8 → OP7** — 吁请 → 促请 ↑: ~~吁请~~**促请**" in part["Lead stronger"]
    assert "促请 → 鼓励 ↓" in part["Lead weaker"]
    past = next(v for k, v in part.items() if k.startswith("Events now past"))
    assert "OP32 → OP31" in past and "OP52 → OP53" in past and "OP32 → OP31" not in part["Lead weaker"]
    assert "**OP15 → OP14 + OP15** — split" in part["Moved, split, merged"]
    assert "**OP5 → OP21** — moved" in part["Moved, split, merged"]
    counts = comparison.counts  # issue 14: the brief counts as every other output does
    assert f"{counts['routine']} routine updates" in part["Not listed"]
    assert f"{counts['unchanged']} paragraphs unchanged" in part["Not listed"]
    # Routine updates are counted, not listed: PP3's new predecessor does not appear.
    assert "第2013/9号决议" not in markdown
    # Footnotes (issue 9): the draft's three footnote changes are routine (symbols, years).
    notes = {(n.old_number, n.new_number) for c in comparison.changes for n in c.footnotes}
    assert len(notes) == 3 and "3 routine footnote updates" in part["Not listed"]
    assert not any(k.startswith("Footnotes changed") for k in part)  # only when not routine
    listed = len(re.findall(r"^- \*\*", markdown, flags=re.M))
    # Every substantive change once, and the changes the engine is unsure of once more "to check".
    from resdiff.render.common import CHECK_BELOW

    unsure = [c for c in comparison.changes if c.confidence < CHECK_BELOW and c.type != "unchanged"]
    assert listed == len(comparison.substantive) + len(unsure)

    page = parse((tmp_path / "brief.html").read_text(encoding="utf-8"))
    assert "ILLUSTRATIVE" in page.find("h1").text()
    assert [h.text().split(" (")[0] for h in page.find_all("h2")] == [k.split(" (")[0] for k in part]
    assert len(page.find_all("li")) == listed + 3
    assert page.find("del").text() == "吁请" and page.find("ins").text() == "促请"
    assert (tmp_path / "brief.docx").read_bytes()[:2] == b"PK"
    assert "[-吁请-]{+促请+}" in (tmp_path / "brief.txt").read_text(encoding="utf-8")


def test_api_tour() -> None:
    out = run_example("api_tour.py")
    for expected in (
        "E/RES/2013/9, adopted 2013-07-22 (第41次全体会议), predecessor E/RES/2012/5",
        "OP38(c) belongs to OP38",
        "stronger leads: ['吁请 → 促请']",
        "new OP7 comes from old OP8: reworded",
        "word diff: d:吁请 i:促请",
        "old text == diff's old side: True",
        "to_dict(): schema resdiff.comparison/1",
    ):
        assert expected in out, expected
    assert re.search(r"^split +OP15 → OP14\+OP15", out, flags=re.M)


def test_the_negotiating_example_without_its_folder_prints_its_usage() -> None:
    """User test: run without OUT_FOLDER, it printed an empty line (the docstring's third line) and
    exited 2; it must say how to run it."""
    done = subprocess.run([sys.executable, str(EXAMPLES / "bilingual" / "negotiating.py")],
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip() == "usage: python examples/bilingual/negotiating.py OUT_FOLDER"


def test_negotiation_brief_refuses_extra_arguments_and_writes_nothing(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, str(EXAMPLES / "negotiation_brief.py"), "a", "b", "c"], cwd=tmp_path,
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=300)
    assert done.returncode == 2 and done.stderr.startswith("usage:")
    assert list(tmp_path.iterdir()) == []  # no folder "a" made
