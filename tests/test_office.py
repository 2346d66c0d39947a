"""Issue 11: the brief as a command, the changes as a spreadsheet, and output types checked.

The brief is tested on every case of the evaluation set (each substantive change listed once,
Markdown that CommonMark reads as intended and holds no raw HTML); the spreadsheet read back
with openpyxl, the csv module and LibreOffice; the CLI writes each type by its file ending and
refuses the endings it does not write.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from markdown_it import MarkdownIt

import resdiff
from resdiff.cli import main
from resdiff.model import Change, Comparison, DiffOp, Resolution, Unit
from resdiff.render.brief import make_brief, md_marked, render_brief, render_brief_docx
from resdiff.render.common import CHECK_BELOW
from resdiff.render.sheet import render_csv, render_xlsx
from tests.conftest import CORPUS
from tests.html_fixtures import DRAFT
from tests.htmldom import parse as parse_html

EVALSET = Path(__file__).resolve().parent / "evalset"
CASES = sorted(p for p in EVALSET.iterdir() if (p / "old.txt").is_file())
MARKDOWN = MarkdownIt("commonmark").enable("strikethrough")


@pytest.fixture(scope="module")
def draft() -> Comparison:
    return resdiff.compare(resdiff.load(CORPUS), resdiff.load(DRAFT))


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "resdiff", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", timeout=300)


# --- the brief ---------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_brief_on_the_evaluation_set(case: Path) -> None:
    comparison = resdiff.compare(resdiff.load(case / "old.txt"), resdiff.load(case / "new.txt"))
    brief = make_brief(comparison)
    listed = [item for section in brief.sections for item in section.items]
    # Every substantive change once; the changes the engine is unsure of once more, "to check".
    checks = [item for section in brief.sections if section.key == "check" for item in section.items]
    assert len(listed) - len(checks) == len(comparison.substantive)
    assert len(checks) == sum(c.confidence < CHECK_BELOW and c.type != "unchanged" for c in comparison.changes)
    markdown = render_brief(comparison, format="markdown")
    assert not re.search(r"<\s*/?\s*[a-zA-Z]", markdown.replace("\\<", "")), "raw HTML in the Markdown"
    html = MARKDOWN.render(markdown)
    # Every edit of the word diffs shows as emphasis or as its bracket fallback, never as stray marks.
    assert "~~" not in html and "**" not in html
    assert len(re.findall(r"^- \*\*", markdown, flags=re.M)) == len(listed) + 0
    text = render_brief(comparison)
    assert text.count("\n  - ") == len(listed) + len(brief.not_listed)
    assert f"{comparison.counts['unchanged']} paragraphs unchanged" in text
    page = parse_html(render_brief(comparison, format="html"))
    assert len(page.find_all("li")) == len(listed) + len(brief.not_listed)


def test_markdown_marks_survive_chinese_punctuation() -> None:
    diff = (DiffOp("equal", "注意到报告"), DiffOp("insert", "，并请"), DiffOp("equal", "秘书长"),
            DiffOp("delete", "吁请"), DiffOp("insert", "促请"), DiffOp("equal", "各国*("))
    marked = md_marked(diff)
    assert marked == "注意到报告{+，并请+}秘书长~~吁请~~**促请**各国\\*("
    html = MARKDOWN.render(marked)
    assert "<s>吁请</s><strong>促请</strong>" in html and "{+，并请+}" in html and "各国*(" in html


def test_brief_groups_and_wording(draft: Comparison) -> None:
    brief = make_brief(draft)
    by_key = {s.key: s for s in brief.sections}
    assert [i.note for i in by_key["added"].items if i.where == "new PP8"] == ["new preambular paragraph"]
    past = [i.where for i in by_key["past"].items]
    assert past == ["OP32 → OP31", "OP52 → OP53"]
    assert all(i.where not in past for i in by_key["weaker"].items)
    assert [i.where for i in by_key["stronger"].items] == ["OP8 → OP7"]
    assert {i.where for i in by_key["structure"].items} == {"OP15 → OP14 + OP15", "OP5 → OP21", "OP28 + OP29 → OP29"}
    assert [k for k in by_key if k != "check"] == ["added", "dropped", "stronger", "weaker", "past", "reworded",
                                                   "structure"]
    text = render_brief(draft)
    assert "commitment" not in text and text.index("Added") < text.index("Not listed")
    assert re.search(r"^  - \d+ routine updates", text, flags=re.M)
    # the summary's weaker leads add up with the sections that list them
    weaker = draft.summary["lead_weaker"]
    assert weaker == len(by_key["weaker"].items) + len(past)
    assert f"{weaker} weaker ({len(past)} of them events now past);" in text


def test_brief_escapes_titles() -> None:
    comparison = resdiff.compare(resdiff.load(CORPUS), resdiff.load(DRAFT))
    title = "Brief <b>*2014*</b> [draft](x) & co"
    markdown = render_brief(comparison, format="markdown", title=title)
    assert markdown.splitlines()[0] == "# Brief \\<b\\>\\*2014\\*\\</b\\> \\[draft\\](x) \\& co"
    assert MARKDOWN.render(markdown).startswith("<h1>Brief &lt;b&gt;*2014*&lt;/b&gt; [draft](x) &amp; co</h1>")
    html = render_brief(comparison, format="html", title=title)
    assert "<h1>Brief &lt;b&gt;*2014*&lt;/b&gt; [draft](x) &amp; co</h1>" in html
    assert "<b>" not in html


def test_brief_docx_reads_back(draft: Comparison) -> None:
    import docx

    document = docx.Document(io.BytesIO(render_brief_docx(draft, title="Brief")))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Brief"
    assert any(t.startswith("OP8 → OP7 — 吁请 → 促请 ↑: 吁请促请") for t in texts)
    struck = [r.text for p in document.paragraphs for r in p.runs if r.font.strike]
    underlined = [r.text for p in document.paragraphs for r in p.runs if r.font.underline]
    assert "吁请" in struck and "促请" in underlined


def test_cli_brief(tmp_path: Path) -> None:
    run = cli("brief", CORPUS, DRAFT)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Negotiation brief: E/RES/2013/9 → E-RES-2014-illustrative-draft-zh.txt")  # issue 14: its file
    assert "[-吁请-]{+促请+}" in run.stdout
    for name, check in (("b.md", "~~吁请~~**促请**"), ("b.html", "<del>吁请</del><ins>促请</ins>"), ("b.txt", "[-吁请-]")):
        run = cli("brief", CORPUS, DRAFT, "-o", tmp_path / name)
        assert run.returncode == 0, run.stderr
        assert check in (tmp_path / name).read_text(encoding="utf-8")
    run = cli("brief", CORPUS, DRAFT, "-o", tmp_path / "b.docx")
    assert run.returncode == 0 and zipfile.is_zipfile(tmp_path / "b.docx")
    run = cli("brief", CORPUS, DRAFT, "-o", tmp_path / "b.pdf")
    assert run.returncode == 2 and run.stderr.count("\n") == 1
    assert "resdiff brief writes .docx, .html, .md, .txt" in run.stderr
    helped = cli("--help").stdout
    assert "brief" in helped and "negotiation brief" in helped


# --- the spreadsheet -----------------------------------------------------------------------------


def test_xlsx_reads_back(draft: Comparison, tmp_path: Path) -> None:
    path = tmp_path / "changes.xlsx"
    path.write_bytes(render_xlsx(draft))
    book = openpyxl.load_workbook(path)
    sheet = book["changes"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert len(rows) == len(draft.changes) + 1
    assert header[:5] == ("#", "type", "moved", "old ids", "new ids") and header[-1] == "position"
    col = {name: n for n, name in enumerate(header)}
    by_ids = {(r[col["old ids"]], r[col["new ids"]]): r for r in rows[1:]}
    lead = by_ids[("OP8", "OP7")]
    assert lead[col["type"]] == "reworded"
    assert (lead[col["old lead"]], lead[col["new lead"]], lead[col["lead shift"]]) == ("吁请", "促请", "stronger")
    assert lead[col["difference ([-deleted-] {+inserted+})"]].startswith("[-吁请-]{+促请+}所有国家")
    assert lead[col["old text"]] == draft.old["OP8"].text and lead[col["new text"]] == draft.new["OP7"].text
    assert lead[col["position"]] is None
    assert 0 < lead[col["similarity"]] < 1
    split = by_ids[("OP15", "OP14 + OP15")]
    assert split[col["new text"]].startswith("OP14: ") and "\nOP15: " in split[col["new text"]]
    moved = by_ids[("OP5", "OP21")]
    assert moved[col["moved"]] == "yes" and moved[col["substantive"]] == "yes"
    routine = [r for r in rows[1:] if r[col["routine"]] == "yes"]
    assert len(routine) == draft.summary["routine"]
    assert [r[col["type"]] for r in rows[1:]] == [c.type for c in draft.changes]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(header))}{len(rows)}"
    assert sheet.column_dimensions[openpyxl.utils.get_column_letter(col["old text"] + 1)].width == 48
    assert book["texts"]["B2"].value == "E/RES/2013/9"


def test_csv_reads_back_with_the_csv_module_and_libreoffice(draft: Comparison, tmp_path: Path) -> None:
    data = render_csv(draft)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(draft.changes) + 1
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(draft)))
    cells = [["" if v is None else str(v) for v in r] for r in book["changes"].iter_rows(values_only=True)]

    def same(a: str, b: str) -> bool:
        try:
            return float(a) == float(b)
        except ValueError:
            return a == b

    assert len(rows) == len(cells)
    assert all(len(r) == len(c) and all(map(same, r, c)) for r, c in zip(rows, cells))
    path = tmp_path / "changes.csv"
    path.write_bytes(data)
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.fail("LibreOffice is missing: apt-get install libreoffice-writer-nogui", pytrace=False)
    # Calc is not installed (Writer only): Writer opens the CSV as text, and must read the Chinese.
    run = subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                          "--norestore", "--infilter=Text (encoded):UTF8,CRLF,,", "--convert-to", "txt:Text",
                          "--outdir", str(tmp_path / "out"), str(path)], capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    text = (tmp_path / "out" / "changes.txt").read_text(encoding="utf-8-sig")
    assert "[-吁请-]{+促请+}" in text and len(text.splitlines()) >= len(draft.changes) + 1


def test_cells_that_look_like_formulas_stay_text(tmp_path: Path) -> None:
    old = Resolution(units=(Unit("OP1", "operative", "1", None, '=HYPERLINK("http://127.0.0.1","x")；'),))
    new = Resolution(units=(Unit("OP1", "operative", "1", None, "@SUM(A1)；"),))
    comparison = Comparison(old, new, (Change("reworded", ("OP1",), ("OP1",), similarity=0.1,
                                              diff=(DiffOp("delete", old["OP1"].text), DiffOp("insert", new["OP1"].text))),))
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(comparison)))
    row = [c for c in book["changes"][2]]
    texts = {c.value: c.data_type for c in row if isinstance(c.value, str) and c.value[:1] in "=@"}
    assert texts == {old["OP1"].text: "s", new["OP1"].text: "s"}
    rows = list(csv.reader(io.StringIO(render_csv(comparison).decode("utf-8-sig"))))
    assert "'" + old["OP1"].text in rows[1] and "'" + new["OP1"].text in rows[1]


# --- output types ------------------------------------------------------------------------------------


def test_cli_diff_writes_each_type_by_its_ending(tmp_path: Path, draft: Comparison) -> None:
    for name in ("r.docx", "r.xlsx", "r.csv"):
        run = cli("diff", CORPUS, DRAFT, "-o", tmp_path / name)
        assert run.returncode == 0, run.stderr
    assert resdiff.load(tmp_path / "r.docx") == draft.new
    assert openpyxl.load_workbook(tmp_path / "r.xlsx")["changes"].max_row == len(draft.changes) + 1
    assert (tmp_path / "r.csv").read_bytes().startswith(b"\xef\xbb\xbf#,type")
    run = cli("diff", CORPUS, DRAFT, "--format", "docx", "--accept-routine", "-o", tmp_path / "routine.docx")
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "routine.docx").stat().st_size < (tmp_path / "r.docx").stat().st_size + 10_000


@pytest.mark.parametrize("name", ["r.doc", "r.pdf", "r.odt", "r.rtf", "r.xls"])
def test_cli_refuses_endings_it_does_not_write(tmp_path: Path, name: str) -> None:
    run = cli("diff", CORPUS, DRAFT, "-o", tmp_path / name)
    assert run.returncode == 2 and not (tmp_path / name).exists()
    endings = ".csv, .docx, .html, .json, .txt, .xlsx"
    assert run.stderr == f"resdiff: error: cannot write {tmp_path / name}: resdiff diff writes {endings}\n"


def test_cli_format_must_match_the_ending(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(CORPUS), str(DRAFT), "--format", "json", "-o", str(tmp_path / "r.html")]) == 2
    assert capsys.readouterr().err == f"resdiff: error: --format json does not match {tmp_path / 'r.html'} (html)\n"
    assert main(["parse", str(CORPUS), "-o", str(tmp_path / "r.docx")]) == 2
    assert capsys.readouterr().err.endswith(f"cannot write {tmp_path / 'r.docx'}: resdiff parse writes .json, .txt\n")
    assert not list(tmp_path.iterdir())


def test_low_confidence_changes_are_listed_to_check(draft: Comparison) -> None:
    """A change the engine is unsure of (``Change.confidence`` below the threshold, issue 10) is
    listed "to check" in the brief, the redline and the sheet, with its other reading."""
    import dataclasses

    other = (Change("reworded", ("OP15",), ("OP14",), confidence=0.3), Change("added", (), ("OP15",)))
    changes = tuple(dataclasses.replace(c, confidence=0.95, alternatives=()) if c.new != ("OP14", "OP15")
                    else dataclasses.replace(c, confidence=0.4, alternatives=(other,)) for c in draft.changes)
    unsure = Comparison(draft.old, draft.new, changes, draft.terms)
    checks = {s.key: s for s in make_brief(unsure).sections}["check"]
    assert [(i.where, i.note) for i in checks.items] == [
        ("OP15 → OP14 + OP15", "split, confidence 40%: please check; other reading: OP15 → OP14 reworded, OP15 added")]
    data = resdiff.render_docx(unsure)
    document = zipfile.ZipFile(io.BytesIO(data))
    assert "OP14 + OP15 (split, confidence 40%)" in document.read("word/document.xml").decode("utf-8")
    assert ("To check: resdiff is not sure of this split (confidence 40%); other reading: OP15 → OP14 reworded, "
            "OP15 added") in document.read("word/comments.xml").decode()
    sheet = openpyxl.load_workbook(io.BytesIO(render_xlsx(unsure)))["changes"]
    header = [c.value for c in sheet[1]]
    assert "confidence" in header and sheet.cell(2, header.index("confidence") + 1).value == 0.95
