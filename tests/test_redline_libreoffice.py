"""Issue 10/14 follow-up: the Word redline accepted and rejected inside LibreOffice itself.

``tests/test_redline.py`` accepts and rejects over the XML, as Word's Review pane would; here
LibreOffice does it, through its UNO API (``tests/libreoffice_review.py``, run by the system's
Python with Debian's ``python3-uno``): it loads the redline, runs ``.uno:AcceptAllTrackedChanges``
(then, on a fresh load, ``.uno:RejectAllTrackedChanges``), reports the body's paragraphs and saves
the result as a Word file. Accepted, the document is the new text; rejected, the old one: read back
with resdiff's Word reader and parsed, every paragraph, number, lead, footnote, symbol and date
equal the parse of the text (the comparison ``tests/test_redline.py`` makes), and the paragraphs
LibreOffice holds are the units' own texts under their numbers.

One soffice, with its own profile and pipe, serves the module and is killed with its process
group at the end. CI installs ``python3-uno`` (``.ci/apt-packages.txt``): when it is missing the
tests fail, they do not skip.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import signal
import subprocess
import time
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

import resdiff
from resdiff.model import Comparison, Resolution
from resdiff.render.docx import render_docx
from tests.conftest import CORPUS
from tests.html_fixtures import DRAFT
from tests.redline_xml import q, revisions
from tests.test_redline import EVALSET, SOFFICE, read_back, renumbered

SYSTEM_PYTHON = Path("/usr/bin/python3")
REVIEW = Path(__file__).with_name("libreoffice_review.py")

#: The corpus against the illustrative draft (a move OP5 → OP21, drops, additions, lead shifts,
#: terminology; an operative paragraph moved in before a heading); 14-next-year has a move, two
#: merges and two splits (and a paragraph inserted before a heading); 45 two moves and two merges;
#: 08 a merge of paragraphs that were not next to each other; the corpus without the operative
#: paragraph before each heading, and the reverse; the corpus with an operative paragraph moved
#: in before each heading.
PAIRS = ["draft", "14-next-year", "45-blind4-reorganised-draft", "08-merge-nonadjacent",
         "dropped-before-headings", "added-before-headings", "moved-before-headings"]


def without_paragraphs_before_headings(text: Resolution) -> Resolution:
    units = text.units
    before = {units[n - 1].id for n in range(1, len(units))
              if units[n].kind == "heading" and units[n - 1].kind == "operative" and units[n - 1].parent is None}
    assert len(before) >= 3
    kept = [u for u in units if u.id not in before and u.parent not in before]
    return resdiff.parse(dataclasses.replace(text, units=renumbered(kept)).to_text())


def moved_before_headings(text: Resolution) -> Resolution:
    """``text`` with, before each heading that follows an operative paragraph, the first
    operative paragraph without sub-paragraphs at least three paragraphs after it."""
    units = list(text.units)
    headings = [n for n in range(1, len(units)) if units[n].kind == "heading" and units[n - 1].kind == "operative"]
    for at in reversed(headings):
        moving = next(n for n in range(at + 3, len(units)) if units[n].kind == "operative" and units[n].parent is None
                      and (n + 1 == len(units) or units[n + 1].parent is None))
        units.insert(at, units.pop(moving))
    return resdiff.parse(dataclasses.replace(text, units=renumbered(units)).to_text())


def comparison_for(pair: str) -> Comparison:
    if pair == "draft":
        return resdiff.compare(resdiff.load(CORPUS), resdiff.load(DRAFT))
    if pair == "moved-before-headings":
        full = resdiff.parse(resdiff.load(CORPUS).to_text())
        return resdiff.compare(full, moved_before_headings(full))
    if pair.endswith("-before-headings"):
        full = resdiff.parse(resdiff.load(CORPUS).to_text())
        old, new = full, without_paragraphs_before_headings(full)
        return resdiff.compare(*((old, new) if pair.startswith("dropped") else (new, old)))
    return resdiff.compare(resdiff.load(EVALSET / pair / "old.txt"), resdiff.load(EVALSET / pair / "new.txt"))


def _group_alive(pgid: int) -> bool:
    """Whether a process of the group is still running (zombies not counted)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            return True
    return False


@pytest.fixture(scope="module")
def libreoffice(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The pipe name of a headless soffice started for this module, with its own profile."""
    if not Path(SOFFICE).exists():
        pytest.fail("LibreOffice is missing: apt-get install libreoffice-writer-nogui (see .ci/apt-packages.txt)",
                    pytrace=False)
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, text=True, timeout=60)
    if probe.returncode != 0:
        pytest.fail(f"{SYSTEM_PYTHON} cannot import uno: apt-get install python3-uno (see .ci/apt-packages.txt)\n"
                    f"{probe.stderr}", pytrace=False)
    profile = tmp_path_factory.mktemp("libreoffice") / "profile"
    pipe = f"resdiff-test-{uuid.uuid4().hex}"
    soffice = subprocess.Popen(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible", "--norestore",
         "--nologo", "--nodefault", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        yield pipe
    finally:
        # soffice is a script that runs oosplash, which runs soffice.bin: all in the group.
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(soffice.pid, sig)
            except ProcessLookupError:
                break
            deadline = time.monotonic() + 10
            while _group_alive(soffice.pid) and time.monotonic() < deadline:
                time.sleep(0.1)
            if not _group_alive(soffice.pid):
                break
        soffice.wait(timeout=10)
        assert not _group_alive(soffice.pid)


def in_libreoffice(pipe: str, data: bytes, folder: Path) -> dict[str, dict]:
    """LibreOffice's review of the redline ``data``: ``accept`` and ``reject``, as
    ``tests/libreoffice_review.py`` reports them, with ``saved``, the file it saved after."""
    source = folder / "redline.docx"
    source.write_bytes(data)
    run = subprocess.run([SYSTEM_PYTHON, REVIEW, pipe, source, folder], capture_output=True, text=True, timeout=90)
    assert run.returncode == 0, run.stderr
    results = {result["how"]: result for result in map(json.loads, run.stdout.splitlines())}
    for how, result in results.items():
        result["saved"] = (folder / f"{how}.docx").read_bytes()
    return results


def shown(resolution: Resolution) -> list[list[str]]:
    """The units as the redline shows them: the list label Word or LibreOffice computes (``1.``,
    ``(a)``; none for preambular paragraphs and headings) and the text with its footnote
    references."""
    out = []
    for unit in resolution.units:
        number = unit.number or ""
        label = f"({number.split('(')[1]}" if "(" in number else f"{number}." if number else ""
        out.append([label, unit.text + "".join(str(n) for n in unit.footnotes)])
    return out


def units_in(paragraphs: list[list[str]], expected: list[list[str]]) -> list[list[str]]:
    """The run of ``paragraphs`` that starts with the first unit's text, as long as the units."""
    start = next((i for i, (_, text) in enumerate(paragraphs) if text == expected[0][1]), None)
    assert start is not None, (expected[0], paragraphs[:8])
    return paragraphs[start:start + len(expected)]


def tracked_in_word(data: bytes) -> dict[str, int]:
    """How many characters Word reads as deleted (deleted or moved-away text, and deleted
    paragraph marks, one each) and as inserted (inserted or moved-to text, inserted marks)."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))

    def chars(tags: tuple[str, ...], text: str) -> int:
        return sum(len(t.text or "") for tag in tags for e in root.iter(q(tag)) for t in e.iter(q(text)))

    def marks(tags: tuple[str, ...]) -> int:
        return sum(1 for p in root.iter(q("p")) for tag in tags if p.find(f"{q('pPr')}/{q('rPr')}/{q(tag)}") is not None)

    return {"Delete": chars(("del",), "delText") + chars(("moveFrom",), "t") + marks(("del", "moveFrom")),
            "Insert": chars(("ins", "moveTo"), "t") + marks(("ins", "moveTo"))}


@pytest.mark.parametrize("pair", PAIRS)
def test_libreoffice_accepts_to_the_new_text_and_rejects_to_the_old(pair: str, libreoffice: str, tmp_path: Path) -> None:
    comparison = comparison_for(pair)
    data = render_docx(comparison)
    marks = revisions(data)
    word = tracked_in_word(data)
    results = in_libreoffice(libreoffice, data, tmp_path)
    # Deleted, exactly what Word reads as deleted or moved away; inserted, as inserted or moved to;
    # and removing the comments (see libreoffice_review.py) left the tracked text as it was.
    assert {kind: results["accept"]["tracked_text"].get(kind, 0) for kind in word} == word
    assert results["accept"]["tracked_text_unchanged_by_removing_comments"]
    for how, wanted in (("accept", comparison.new), ("reject", comparison.old)):
        result = results[how]
        # LibreOffice read tracked changes (so the test can fail) and every comment.
        assert sum(result["tracked"].values()) > 0
        assert len(result["comments"]) == marks["commentRangeStart"]
        # It reads a move as a deletion and an insertion (its API has no move; docs/design.md).
        assert set(result["tracked"]) <= {"Insert", "Delete", "Format", "ParagraphFormat"}
        # After LibreOffice's accept-all or reject-all: no tracked change left, the text's paragraphs.
        assert result["tracked_after"] == {}
        expected = shown(wanted)
        assert units_in(result["paragraphs"], expected) == expected, how
        assert read_back(result["saved"]) == wanted, how
    if pair in ("draft", "14-next-year", "45-blind4-reorganised-draft"):  # a move, a merge, a split
        assert marks["moveFromRangeStart"] > 0 and any(len(c.old) > 1 for c in comparison.changes)


def test_a_paragraph_moved_in_before_a_heading_keeps_the_headings_properties() -> None:
    """The writer's side of the LibreOffice difference (docs/design.md): a paragraph whose mark is
    inserted, before one with other properties, carries those as its old ones (``w:pPrChange``).
    LibreOffice restores them when it rejects the mark; without them it numbered the heading
    after a paragraph moved in before it (moved-to text, then an inserted mark)."""
    comparison = comparison_for("moved-before-headings")
    assert sum(1 for change in comparison.changes if change.moved) >= 3
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(render_docx(comparison))).read("word/document.xml"))
    numbered = f"{q('pPr')}/{q('numPr')}"
    before_headings = [p for p in root.iter(q("p")) if p.find(f"{q('pPr')}/{q('rPr')}/{q('ins')}") is not None
                       and p.find(numbered) is not None and p.getnext().find(numbered) is None]
    assert len(before_headings) >= 3
    for p in before_headings:
        assert next(p.iter(q("moveTo")), None) is not None
        old = p.find(f"{q('pPr')}/{q('pPrChange')}/{q('pPr')}")
        assert old is not None
        assert [e.get(q("val")) for e in old] == [e.get(q("val")) for e in p.getnext().find(q("pPr"))] == ["ResolutionHeading"]
