"""Issue 11: the Word redline. Accepting every tracked change gives the new text, rejecting every
one the old text, for every case of the evaluation set and for generated pairs; Word's revision
marks are where they should be; LibreOffice opens and converts each redline.

Accept and reject are done over the XML by ``tests/redline_xml.py`` (independent of the renderer);
the result is read back with resdiff's own Word reader and parsed, and must equal the parse of
the text it stands for: every paragraph, number, lead, footnote reference, footnote, symbol,
title and date.
"""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import resdiff
from resdiff.model import Comparison, Resolution, Unit
from resdiff.readers.docx import read_docx
from resdiff.render.docx import render_docx
from tests.conftest import CORPUS
from tests.html_fixtures import DRAFT
from tests.redline_xml import q, resolved_docx, revisions
from tests.strategies import resolutions

EVALSET = Path(__file__).resolve().parent / "evalset"
CASES = sorted(p for p in EVALSET.iterdir() if (p / "old.txt").is_file())
SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"


def read_back(data: bytes) -> Resolution:
    return resdiff.parse(read_docx(data))


def check_both_ways(comparison: Comparison, data: bytes) -> None:
    assert read_back(resolved_docx(data, "accept")) == comparison.new
    assert read_back(resolved_docx(data, "reject")) == comparison.old
    # Word's final view, as resdiff's reader takes it from the unresolved file, is the new text too.
    assert read_back(data) == comparison.new


@pytest.fixture(scope="module")
def draft() -> Comparison:
    return resdiff.compare(resdiff.load(CORPUS), resdiff.load(DRAFT))


@pytest.fixture(scope="module")
def redline(draft: Comparison) -> bytes:
    return render_docx(draft, date="2014-07-15")


def part(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_accept_all_is_new_and_reject_all_is_old(case: Path) -> None:
    old = resdiff.parse((case / "old.txt").read_text(encoding="utf-8"))
    new = resdiff.parse((case / "new.txt").read_text(encoding="utf-8"))
    comparison = resdiff.compare(old, new)
    data = render_docx(comparison)
    check_both_ways(comparison, data)
    if any(c.type != "unchanged" or c.moved for c in comparison.changes):
        assert sum(revisions(data).values()) > 0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(old=resolutions(), new=resolutions(), routine=st.booleans())
def test_generated_pairs_accept_and_reject(old: Resolution, new: Resolution, routine: bool) -> None:
    comparison = resdiff.compare(old, new)
    data = render_docx(comparison, accept_routine=routine)
    assert read_back(resolved_docx(data, "accept")) == new
    if not routine:
        assert read_back(resolved_docx(data, "reject")) == old


def renumbered(units: list[Unit]) -> tuple[Unit, ...]:
    """The units with operative paragraphs numbered again from 1, sub-paragraphs from (a)."""
    out = []
    number = 0
    letters = iter("")
    for unit in units:
        if unit.kind == "operative":
            if unit.parent is None and "(" not in (unit.number or ""):
                number += 1
                letters = iter("abcdefghijklmnop")
                label = str(number)
            else:
                label = f"{number}({next(letters)})"
            unit = dataclasses.replace(unit, id=f"OP{label}", number=label)
        out.append(unit)
    return tuple(out)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(old=resolutions(), data=st.data())
def test_generated_shuffles_and_drops(old: Resolution, data: st.DataObject) -> None:
    """A text against a copy with its preamble reordered and operative paragraphs dropped (with
    their sub-paragraphs) and the rest renumbered: moves, drops and renumbering together."""
    preamble = [u for u in old.units if u.kind == "preambular"]
    order = data.draw(st.permutations(range(len(preamble))))
    units = [preamble[i] for i in order]
    keep = True
    first = True
    for unit in old.units:
        if unit.kind == "preambular":
            continue
        if unit.kind == "operative" and unit.parent is None:
            keep = first or data.draw(st.booleans())
            first = False
        if keep:
            units.append(unit)
    new = resdiff.parse(dataclasses.replace(old, units=renumbered(units)).to_text())
    comparison = resdiff.compare(resdiff.parse(old.to_text()), new)
    check_both_ways(comparison, render_docx(comparison))


def test_the_draft_both_ways(draft: Comparison, redline: bytes) -> None:
    check_both_ways(draft, redline)


def test_revision_marks(draft: Comparison, redline: bytes) -> None:
    root = part(redline, "word/document.xml")
    marks = [e for tag in ("ins", "del", "moveFrom", "moveTo", "pPrChange", "rPrChange") for e in root.iter(q(tag))]
    assert marks and all(e.get(q("author")) == "resdiff" and e.get(q("date")) == "2014-07-15T00:00:00Z" for e in marks)
    ids = [e.get(q("id")) for e in marks]
    assert len(ids) == len(set(ids))
    # Deleted words are w:delText inside w:del, never w:t.
    assert all(r.find(q("t")) is None for d in root.iter(q("del")) for r in d.iter(q("r")))
    deleted = "".join(t.text for t in root.iter(q("delText")))
    assert "吁请" in deleted and "因特网" in deleted
    # The move OP5 → OP21: one moved-from and one moved-to range under the same name.
    starts = {tag: [e.get(q("name")) for e in root.iter(q(tag))] for tag in ("moveFromRangeStart", "moveToRangeStart")}
    assert starts["moveFromRangeStart"] == starts["moveToRangeStart"] == ["move1"]
    moved_text = "".join(t.text for e in root.iter(q("moveTo")) for t in e.iter(q("t")))
    assert moved_text.startswith(draft.old["OP5"].text[:10])
    # The dropped OP38(a) takes its paragraph mark with it.
    dropped = [p for p in root.iter(q("p")) if "".join(t.text for t in p.iter(q("delText"))).startswith("赞赏地注意到衡量")]
    assert len(dropped) == 1 and dropped[0].find(f"{q('pPr')}/{q('rPr')}/{q('del')}") is not None
    # The added OP51 is inserted whole, its mark too.
    added = [p for p in root.iter(q("p")) if "".join(t.text for t in p.iter(q("t"))).startswith(draft.new["OP51"].text[:12])]
    assert len(added) == 1 and added[0].find(f"{q('pPr')}/{q('rPr')}/{q('ins')}") is not None
    assert not any(e.tag == q("t") for e in added[0].iter() if e.getparent().getparent().tag == q("p"))
    # Operative paragraphs are numbered by Word's list, not by typed numbers.
    numbered = [p for p in root.iter(q("p")) if p.find(f"{q('pPr')}/{q('numPr')}") is not None]
    assert len(numbered) >= len(draft.new.operative)


def test_comments_on_leads_terms_and_moves(draft: Comparison, redline: bytes) -> None:
    comments = part(redline, "word/comments.xml")
    texts = ["".join(t.text or "" for t in c.iter(q("t"))) for c in comments.iter(q("comment"))]
    assert all(c.get(q("author")) == "resdiff" for c in comments.iter(q("comment")))
    assert "吁请 → 促请: stronger (calls upon → urges)" in texts
    assert any(t.startswith("促请 → 鼓励: weaker (urges → encourages)") for t in texts)
    shifts = [c for c in draft.changes if c.lead and c.lead.shift != "same"]
    assert sum(" → " in t and t.split(": ")[1].split(" ")[0] in ("stronger", "weaker", "different") for t in texts) == len(shifts)
    terms = [t for t in texts if t.startswith("Terminology:")]
    assert terms == ["Terminology: 因特网 → 互联网, here first of 11 paragraphs"]
    assert "Moved: old OP5 → new OP21" in texts
    root = part(redline, "word/document.xml")
    # Every comment is anchored: a range and a reference, at paragraph level.
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        assert len(list(root.iter(q(tag)))) == len(texts)
    assert all(e.getparent().tag == q("p") for e in root.iter(q("commentRangeStart")))
    # The lead comment covers the lead's edit: 吁请 deleted, 促请 inserted.
    start = next(e for e in root.iter(q("commentRangeStart"))
                 if texts[int(e.get(q("id")))].startswith("吁请 → 促请"))
    covered = []
    node = start.getnext()
    while node is not None and node.tag != q("commentRangeEnd"):
        covered.append("".join(t.text for t in node.iter(q("t"), q("delText"))))
        node = node.getnext()
    assert covered == ["吁请", "促请"]


def test_fonts_top_table_and_properties(draft: Comparison, redline: bytes) -> None:
    styles = part(redline, "word/styles.xml")
    default = styles.find(f"{q('docDefaults')}/{q('rPrDefault')}/{q('rPr')}/{q('rFonts')}")
    assert default.get(q("eastAsia")) == "SimSun" and default.get(q("eastAsiaTheme")) is None
    normal = next(s for s in styles.iter(q("style")) if s.get(q("styleId")) == "Normal")
    assert normal.find(f"{q('rPr')}/{q('rFonts')}").get(q("eastAsia")) == "SimSun"
    assert normal.find(f"{q('rPr')}/{q('lang')}").get(q("eastAsia")) == "zh-CN"
    root = part(redline, "word/document.xml")
    table = root.find(f"{q('body')}/{q('tbl')}")
    cells = ["".join(t.text for t in tc.iter(q("t"))) for tc in table.iter(q("tc"))]
    assert "E/RES/2013/9, adopted 2013-07-22 (第41次全体会议)" in cells
    assert f"{draft.new.source}, not adopted" in cells  # issue 14: a text without a symbol by its file
    core = part(redline, "docProps/core.xml")
    assert core.findtext("{http://purl.org/dc/elements/1.1/}creator") == "resdiff"


def test_accept_routine_leaves_only_substance(draft: Comparison) -> None:
    data = render_docx(draft, accept_routine=True)
    assert read_back(resolved_docx(data, "accept")) == draft.new
    rejected = read_back(resolved_docx(data, "reject"))
    routine = {c.old[0]: draft.new[c.new[0]].text for c in draft.changes if c.routine and not c.moved}
    assert routine
    assert [u.text for u in rejected.units] == [routine.get(u.id, u.text) for u in draft.old.units]
    # The symbol and the dates are routine: the new text's, accepted. The title changed in substance.
    assert rejected.adopted is None and rejected.meeting is None and rejected.title == draft.old.title
    full = render_docx(draft)
    assert sum(revisions(data).values()) < sum(revisions(full).values())
    deleted = "".join(t.text for t in part(data, "word/document.xml").iter(q("delText")))
    assert "2012/5" not in deleted  # PP3's predecessor update is routine
    assert "E/RES/2013/9" not in deleted and "2013年7月22日" not in deleted


def test_a_kind_change_is_a_tracked_property_change() -> None:
    """OP2 becomes the last preambular paragraph: its number goes as a tracked property change
    (``w:pPrChange``) or with a move, and both ways still give the two texts."""
    old = resdiff.parse((CASES[0] / "old.txt").read_text(encoding="utf-8"))
    op2 = dataclasses.replace(old["OP2"], id="PP99", kind="preambular", number=None,
                              text=old["OP2"].text.rstrip("；") + "，")
    preamble = [u for u in old.units if u.kind == "preambular"]
    rest = [u for u in old.units if u.kind != "preambular" and u.id != "OP2"]
    new = resdiff.parse(dataclasses.replace(old, units=renumbered([*preamble, op2, *rest])).to_text())
    comparison = resdiff.compare(old, new)
    assert comparison.change_for("OP2", side="old").new == (f"PP{len(preamble) + 1}",)
    check_both_ways(comparison, render_docx(comparison))
    # In place, not moved: the same paragraph, its properties changed.
    in_place = resdiff.parse(dataclasses.replace(old, units=renumbered(
        [u if u.id != "OP1" else dataclasses.replace(u, kind="preambular", number=None, id="PP99")
         for u in old.units])).to_text())
    comparison = resdiff.compare(old, in_place)
    data = render_docx(comparison)
    check_both_ways(comparison, data)
    assert revisions(data)["pPrChange"] >= 1


def test_render_docx_is_exported_and_pure(draft: Comparison) -> None:
    assert resdiff.render_docx is render_docx
    assert render_docx(draft, date="2014-07-15") == render_docx(draft, date="2014-07-15")


def test_word_files_do_not_carry_the_time_of_saving(draft: Comparison) -> None:
    """python-docx stamps zip members with the clock; two renders a second apart must not differ."""
    import zipfile

    from resdiff.render.brief import render_brief_docx

    for blob in (render_docx(draft, date="2014-07-15"), render_brief_docx(draft)):
        with zipfile.ZipFile(io.BytesIO(blob)) as package:
            assert {member.date_time for member in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    # python-docx dates each comment with the clock; the redline's comments carry its one change date.
    with zipfile.ZipFile(io.BytesIO(render_docx(draft, date="2014-07-15"))) as package:
        comments = package.read("word/comments.xml").decode("utf-8")
        revisions = package.read("word/document.xml").decode("utf-8")
    assert len(re.findall(r"<w:comment ", comments)) > 0
    assert set(re.findall(r'w:date="([^"]*)"', comments)) == set(re.findall(r'w:date="([^"]*)"', revisions)) \
        == {"2014-07-15T00:00:00Z"}


# --- LibreOffice ---------------------------------------------------------------------------------


def soffice(tmp: Path, source: Path, target: str) -> Path:
    if not Path(SOFFICE).exists():
        pytest.fail("LibreOffice is missing: apt-get install libreoffice-writer-nogui (see .ci/apt-packages.txt)",
                    pytrace=False)
    run = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{tmp / 'profile'}", "--headless", "--norestore",
         "--convert-to", target, "--outdir", str(tmp / "out"), str(source)],
        capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    produced = tmp / "out" / f"{source.stem}.{target.split(':')[0]}"
    assert produced.is_file() and produced.stat().st_size > 0, run.stdout + run.stderr
    return produced


def test_libreoffice_converts_the_redlines(tmp_path: Path, draft: Comparison, redline: bytes) -> None:
    case = CASES[[c.name for c in CASES].index("08-merge-nonadjacent")]
    merge = resdiff.compare(resdiff.load(case / "old.txt"), resdiff.load(case / "new.txt"))
    files = {"draft.docx": redline, "merge.docx": render_docx(merge),
             "routine.docx": render_docx(draft, accept_routine=True),
             "accepted.docx": resolved_docx(redline, "accept")}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    for name in files:
        pdf = soffice(tmp_path, tmp_path / name, "pdf")
        assert pdf.read_bytes().startswith(b"%PDF-")
        text = soffice(tmp_path, tmp_path / name, "txt:Text").read_text(encoding="utf-8-sig")
        assert "经济及社会理事会" in text
    shown = (tmp_path / "out" / "draft.txt").read_text(encoding="utf-8-sig")
    assert "吁请促请" in shown  # LibreOffice shows the deleted and the inserted lead side by side
    accepted = (tmp_path / "out" / "accepted.txt").read_text(encoding="utf-8-sig")
    lines = [re.sub(r"^\s*(?:\d+\.|\([a-z]\))?\s*", "", line) for line in accepted.splitlines()]
    for unit in draft.new.units:
        assert any(line.startswith(unit.text) for line in lines), unit.id
    # LibreOffice reads every revision as a revision: saved again by it, the redline still
    # accepts to the new text and rejects to the old, the move still a move, the comments kept.
    again = soffice(tmp_path, tmp_path / "draft.docx", "docx:MS Word 2007 XML").read_bytes()
    check_both_ways(draft, again)
    assert revisions(again)["moveFromRangeStart"] == revisions(again)["moveToRangeStart"] == 1
    assert revisions(again)["commentRangeStart"] == revisions(redline)["commentRangeStart"]
    # A page of the PDF as an image (looked at by hand: see the note).
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "2", "-l", "2", str(tmp_path / "out" / "draft.pdf"), str(png)],
                   check=True, timeout=60)
    assert any(p.stat().st_size > 10_000 for p in tmp_path.glob("page*.png"))
