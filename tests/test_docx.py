"""The Word reader (issue 5): .docx files built by ``docx_maker`` read back to the same resolution."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import resdiff
from resdiff import DocumentError, InputError, NotAResolutionError, Resolution

docx = pytest.importorskip("docx")

from resdiff.readers.docx import _Numbering, format_number, read_docx  # noqa: E402
from tests.conftest import CORPUS  # noqa: E402
from tests.docx_maker import make_docx  # noqa: E402


@pytest.fixture(scope="module")
def official() -> Resolution:
    return resdiff.load(CORPUS)


@pytest.mark.parametrize("numbering", ["auto", "typed"])
def test_resolution_reads_back_to_the_same_parse(official: Resolution, numbering: str) -> None:
    text = read_docx(make_docx(official.to_text(), numbering=numbering))
    assert resdiff.parse(text) == official
    assert text == official.to_text()


def test_output_contract(official: Resolution) -> None:
    lines = read_docx(make_docx(official.to_text())).splitlines()
    assert lines[0] == "E/RES/2013/9"  # from the page header
    assert "**回顾**信息社会世界首脑会议的成果文件，[^1]" in lines
    # Word's automatic numbering, counted: 38 then (a)…(f), then 39.
    i = next(i for i, line in enumerate(lines) if line.startswith("38. **吁请**"))
    labels = [line[:4] for line in lines[i: i + 8]]
    assert labels == ["38. ", "(a) ", "(b) ", "(c) ", "(d) ", "(e) ", "(f) ", "39. "]
    # A footnote referenced a second time (a cross-reference, a superscript number) keeps its number.
    assert any(line.startswith("1. **注意到**") and line.endswith("[^1]") for line in lines)
    assert lines[-9:] == [f"[^{n}]: {t}" for n, t in official.footnotes.items()]


def test_symbol_in_the_text_is_not_doubled(official: Resolution) -> None:
    lines = read_docx(make_docx(official.to_text(), header=False)).splitlines()
    assert lines[0] == "E/RES/2013/9" and lines[1] != "E/RES/2013/9"


def test_load_dispatches_a_docx_file(official: Resolution, tmp_path: Path) -> None:
    path = tmp_path / "E-RES-2013-9.docx"
    path.write_bytes(make_docx(official.to_text()))
    assert read_docx(path) == read_docx(str(path)) == read_docx(path.read_bytes())
    assert resdiff.load(path) == official


# --- numbering ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "fmt", "printed"),
    [(3, "decimal", "3"), (2, "lowerLetter", "b"), (27, "lowerLetter", "aa"), (4, "upperRoman", "IV"),
     (14, "lowerRoman", "xiv"), (12, "chineseCounting", "十二"), (20, "chineseCounting", "二十"),
     (5, "decimalFullWidth", "５"), (1, "bullet", "")],
)
def test_format_number(n: int, fmt: str, printed: str) -> None:
    assert format_number(n, fmt) == printed


def test_numbering_counts_levels_and_restarts() -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    root = parse_xml(f"""<w:numbering {nsdecls("w")}>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="6"><w:abstractNumId w:val="1"/>
        <w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>
    </w:numbering>""")
    numbering = _Numbering.read(root)
    labels = [numbering.label(num, level) for num, level in
              [("5", 0), ("5", 1), ("5", 1), ("5", 0), ("5", 1), ("6", 0), ("6", 0), ("0", 0)]]
    assert labels == ["1.", "(a)", "(b)", "2.", "(a)", "10.", "11.", ""]


# --- bad input ----------------------------------------------------------------------------------


def test_old_word_format() -> None:
    with pytest.raises(DocumentError, match="Word 97-2003"):
        read_docx(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 512)


def test_zip_that_is_not_a_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a document")
    with pytest.raises(DocumentError, match="not a Word document"):
        read_docx(buffer.getvalue())


def test_damaged_docx(official: Resolution) -> None:
    data = make_docx(official.to_text())
    with pytest.raises(DocumentError, match="damaged"):
        read_docx(data[: len(data) // 2])


def test_not_a_docx_at_all() -> None:
    with pytest.raises(DocumentError, match=r"not a Word \.docx file"):
        read_docx(b"%PDF-1.4 a PDF named .docx")


def test_empty_docx() -> None:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with pytest.raises(DocumentError, match="has no text"):
        read_docx(buffer.getvalue())


def test_docx_that_is_not_a_resolution(tmp_path: Path) -> None:
    document = docx.Document()
    for line in ("会议通知", "请各代表团于星期五上午十点出席非正式磋商。", "地点：第二会议室"):
        document.add_paragraph(line)
    path = tmp_path / "notice.docx"
    document.save(str(path))
    assert "请各代表团" in read_docx(path)
    with pytest.raises(NotAResolutionError):
        resdiff.load(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_docx(tmp_path / "missing.docx")


def test_a_paragraph_deleted_with_tracked_changes_takes_no_number() -> None:
    """Regression (review): Word's final view numbers 1, 2, 3 when paragraph 2 of 1–4 is deleted
    with tracked changes; the reader used to count it and give OP1, OP3, OP4."""
    import docx as python_docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    text = ("经济及社会理事会，\n**回顾**成果文件，\n1. **注意到**情况；\n2. **吁请**所有国家采取步骤；\n"
            "3. **鼓励**会员国加强能力建设；\n4. **请**秘书长提交报告。\n")
    document = python_docx.Document(io.BytesIO(make_docx(text)))
    target = next(p for p in document.paragraphs if "吁请" in p.text)
    for run in target._p.findall(".//w:r", target._p.nsmap):
        deleted = parse_xml(f'<w:del {nsdecls("w")} w:id="9" w:author="delegate"/>')
        run.addprevious(deleted)
        deleted.append(run)
        for t in run.findall("w:t", target._p.nsmap):
            t.tag = t.tag.replace("}t", "}delText")
    p_pr = target._p.get_or_add_pPr()
    p_pr.append(parse_xml(f'<w:rPr {nsdecls("w")}><w:del w:id="10" w:author="delegate"/></w:rPr>'))
    out = io.BytesIO()
    document.save(out)
    resolution = resdiff.parse(read_docx(out.getvalue()))
    assert [u.id for u in resolution.operative] == ["OP1", "OP2", "OP3"]
    assert resolution["OP2"].text == "鼓励会员国加强能力建设；"


def _pasted_web_copy(clean: str, *, raised_numbers: bool, typed: str = "{n} {text}") -> bytes:
    """A Word file made by pasting a web copy: one paragraph a line, the references raised
    digits, the footnote texts typed as paragraphs at the end (``typed``: ``1 见……``, or with a
    raised 1)."""
    import re

    import docx as python_docx

    document = python_docx.Document()
    notes = []
    for line in clean.splitlines():
        note = re.match(r"^\[\^(\d+)\]:\s*(.*)$", line)
        if note:
            notes.append(note.groups())
        elif line.strip():
            paragraph = document.add_paragraph()
            for part in re.split(r"(\[\^\d+\])", line.replace("**", "")):
                ref = re.fullmatch(r"\[\^(\d+)\]", part)
                if ref:
                    paragraph.add_run(ref.group(1)).font.superscript = True
                elif part:
                    paragraph.add_run(part)
    for number, text in notes:
        paragraph = document.add_paragraph()
        if raised_numbers:
            paragraph.add_run(number).font.superscript = True
            paragraph.add_run(text)
        else:
            paragraph.add_run(typed.format(n=number, text=text))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("raised_numbers", [False, True])
def test_footnotes_typed_after_the_closing_lines_are_footnotes(official: Resolution, raised_numbers: bool) -> None:
    """User test: a web copy pasted into Word keeps its footnote texts as the last paragraphs.
    They used to be glued onto the meeting line, which became a heading (two paragraphs added)
    and every footnote was reported gone."""
    resolution = resdiff.parse(read_docx(_pasted_web_copy(official.to_text(), raised_numbers=raised_numbers)))
    assert resolution.footnotes == official.footnotes
    assert resolution.units == official.units
    assert resolution.meeting == official.meeting
    assert resolution.warnings == ()


@pytest.mark.parametrize("typed", ["{n}{text}", "[{n}] {text}", "({n}) {text}", "{n}\u3000{text}"])
def test_footnotes_typed_in_every_form_the_text_parser_knows(official: Resolution, typed: str) -> None:
    """The Word reader and the text parser find typed footnotes by one rule
    (``normalize.trailing_notes`` over ``normalize.typed_note``; they had a copy each, on two
    patterns): every form either knows reads the same from a Word file, ``1见……`` (the space lost,
    as a PDF made from a web copy gives it) included."""
    data = _pasted_web_copy(official.to_text(), raised_numbers=False, typed=typed)
    resolution = resdiff.parse(read_docx(data))
    assert resolution.footnotes == official.footnotes
    assert resolution.units == official.units
    assert resolution.warnings == ()


def test_a_trailing_paragraph_opening_with_an_uncited_number_stays_text() -> None:
    text = "经济及社会理事会，\n**回顾**成果文件，[^1]\n1. **注意到**情况；\n2. **请**秘书长提交报告。\n"
    data = _pasted_web_copy(text + "[^1]: 见A/60/687。\n", raised_numbers=False)
    assert read_docx(data).splitlines()[-1] == "[^1]: 见A/60/687。"
    unexplained = _pasted_web_copy(text + "[^3]: 见A/60/687。\n", raised_numbers=False)
    assert "[^3]:" not in read_docx(unexplained)


def test_a_plain_web_copy_saved_as_word_reads_as_the_text_does(official: Resolution) -> None:
    """User test: the web copy (references glued after the mark, ``…文件，1``; footnotes after the
    closing lines, ``1 见……``) parses right as a .txt, but saved as .docx (LibreOffice, Word) the
    reader dropped the space in ``1 见A/C.2/59/3`` (next to CJK), the footnotes went unrecognised
    and six references stayed in the text as stray digits: 9 substantive changes."""
    import re

    web = re.sub(r"\[\^(\d+)\](?!:)", r"\1", official.to_text())
    assert resdiff.parse(web).units == official.units  # the text itself reads right
    resolution = resdiff.parse(read_docx(_pasted_web_copy(web, raised_numbers=False)))
    assert resolution.footnotes == official.footnotes
    assert resolution.units == official.units
    assert resolution.warnings == ()
