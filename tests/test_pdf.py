"""The PDF reader (issue 5): UN-like PDFs built by ``pdf_maker`` read back to the same resolution.

The resolution set in the PDFs is the official text of E/RES/2013/9 from the corpus, parsed, or
an excerpt of it; the PDFs are built here, with reportlab and a CJK font from Debian.
"""

from __future__ import annotations

import dataclasses
import io
import os
import re
import sys
from pathlib import Path

import pytest

import resdiff
from resdiff import DocumentError, InputError, Resolution

pytest.importorskip("pdfplumber")
reportlab = pytest.importorskip("reportlab")

from resdiff.readers.pdf import read_pdf  # noqa: E402
from tests.conftest import CORPUS  # noqa: E402
from tests.pdf_maker import Style, find_font, make_pdf  # noqa: E402

if find_font() is None:
    if os.environ.get("CI"):
        pytest.fail("no CJK TrueType font: install the packages in .ci/apt-packages.txt", pytrace=False)
    pytest.skip("no CJK TrueType font (apt-get install fonts-wqy-zenhei)", allow_module_level=True)


@pytest.fixture(scope="module")
def official() -> Resolution:
    return resdiff.load(CORPUS)


def excerpt(res: Resolution, ids: list[str]) -> Resolution:
    """Some units of ``res`` with the footnotes they reference."""
    units = [res[i] for i in ids]
    notes = {n: res.footnotes[n] for u in units for n in u.footnotes}
    return dataclasses.replace(res, units=tuple(units), footnotes=notes)


EXCERPT = ["PP1", "PP2", "PP3", "PP5", "PP7", "H1", "OP1", "OP2", "OP3", "H2", "OP22", "H5",
           "OP33", "OP37", "OP38", "OP38(a)", "OP38(b)", "OP38(c)", "OP52"]


@pytest.fixture(scope="module")
def full_pdf(official: Resolution) -> tuple[bytes, str]:
    made = make_pdf(official.to_text())
    # The quirks the reader must undo really occur in this PDF.
    assert made.pages > 3
    assert made.interrupted, "no paragraph runs on past a footnote block"
    assert made.bold_runs > 50
    return made.data, read_pdf(made.data)


def test_full_resolution_reads_back_to_the_same_parse(official: Resolution,
                                                      full_pdf: tuple[bytes, str]) -> None:
    assert resdiff.parse(full_pdf[1]) == official


def test_output_is_the_clean_text(official: Resolution, full_pdf: tuple[bytes, str]) -> None:
    text = full_pdf[1]
    assert text == official.to_text()


def test_output_contract(full_pdf: tuple[bytes, str]) -> None:
    lines = full_pdf[1].splitlines()
    # The symbol of the running header, alone on the first line; the header itself is gone.
    assert lines[0] == "E/RES/2013/9"
    assert not any("E/RES/2013/9" in line for line in lines[1:])
    assert not any(line.strip() in ("2/11", "13-99999 (C)", "*1399999*") for line in lines)
    assert "**回顾**信息社会世界首脑会议的成果文件，[^1]" in lines
    assert "(a) **赞赏地注意到**衡量信息和通信技术促进发展伙伴关系的工作；" in lines
    # The body line is overprinted whole: bold, but no lead.
    assert "经济及社会理事会，" in lines
    # The footnotes, at the end, one a line, a two-line footnote joined.
    assert lines[-9] == "[^1]: 见A/C.2/59/3和A/60/687。"
    assert lines[-1] == "[^9]: 见A/C.2/59/3，附件。"
    assert lines[-10] == ""


@pytest.mark.parametrize(
    "style",
    [
        Style(),
        Style(overprint_offset=0.3),
        Style(paragraph_gap=5.0),
        Style(footnote_rule=False),
        Style(footnote_rule="text"),
        Style(page=(595.0, 842.0), margin=72.0, size=12.0),
        Style(overprint=2, pitch=1.5, note_size=9.0),
        Style(header_lines=2, page_number_top=True),
    ],
    ids=["a5", "offset-overprint", "paragraph-gap", "no-rule", "typed-rule", "a4", "double-print", "header-as-printed"],
)
def test_layouts_read_back_to_the_same_parse(official: Resolution, style: Style) -> None:
    res = excerpt(official, EXCERPT)
    made = make_pdf(res.to_text(), style)
    assert made.pages >= 2
    assert resdiff.parse(read_pdf(made.data)) == resdiff.parse(res.to_text())


def test_two_digit_footnote_numbers(official: Resolution) -> None:
    text = re.sub(r"\[\^(\d+)\]", lambda m: f"[^{int(m.group(1)) + 9}]", excerpt(official, EXCERPT).to_text())
    out = read_pdf(make_pdf(text).data)
    assert "[^10]" in out and "[^18]: 见A/C.2/59/3，附件。" in out
    assert resdiff.parse(out) == resdiff.parse(text)


def test_load_dispatches_a_pdf_file(official: Resolution, tmp_path: Path) -> None:
    res = excerpt(official, EXCERPT)
    path = tmp_path / "E-RES-2013-9.pdf"
    path.write_bytes(make_pdf(res.to_text()).data)
    assert read_pdf(path) == read_pdf(str(path)) == read_pdf(path.read_bytes())
    assert resdiff.load(path) == resdiff.parse(res.to_text())


# --- bad input ------------------------------------------------------------------------------


def _simple_pdf(**canvas_options: object) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, **canvas_options)  # type: ignore[arg-type]
    c.drawString(72, 700, "1. Requests the Secretary-General to report;")
    c.save()
    return buffer.getvalue()


def test_encrypted_pdf() -> None:
    from reportlab.lib import pdfencrypt

    data = _simple_pdf(encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    with pytest.raises(DocumentError, match="encrypted with a password"):
        read_pdf(data)


def test_corrupt_pdf() -> None:
    data = _simple_pdf()
    with pytest.raises(DocumentError, match="damaged"):
        read_pdf(data[: len(data) // 3])


def test_not_a_pdf() -> None:
    with pytest.raises(DocumentError, match="not a PDF"):
        read_pdf(b"<html><body>Not found</body></html>")


def test_scanned_pdf_without_text_layer() -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    scan = Image.new("L", (200, 280), color=255)
    for x in range(20, 180):
        scan.putpixel((x, 40), 0)
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    c.drawImage(ImageReader(scan), 50, 50, width=400, height=560)
    c.save()
    with pytest.raises(DocumentError, match="no text layer"):
        read_pdf(buffer.getvalue())


def test_fonts_without_a_character_map(official: Resolution) -> None:
    # Same length, so the PDF's cross-reference offsets still hold: the fonts lose their map.
    data = make_pdf(excerpt(official, EXCERPT).to_text()).data.replace(b"/ToUnicode", b"/ToUnicodX")
    with pytest.raises(DocumentError, match="do not say which characters"):
        read_pdf(data)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_pdf(tmp_path / "missing.pdf")


def test_without_pdfplumber(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    with pytest.raises(DocumentError, match=r"needs pdfplumber: .* -m pip install .*\[pdf\]"):
        read_pdf(_simple_pdf())
