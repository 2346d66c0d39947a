"""Word and PDF files of an English resolution, set as the Official Document System sets them
(issue 12): the lead in italics (not bold), footnote references raised, footnotes in Word's
footnotes part or at the foot of the PDF page where they are first referenced.

The PDF uses reportlab's standard Times faces (no font file needed): Times-Roman for the text,
Times-Italic for the lead, smaller raised digits for the references.
"""

from __future__ import annotations

import io
import re

import docx
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

import resdiff
from docx_maker import make_docx

RE_LEAD = re.compile(r"\*\*(?P<lead>[^*]+)\*\*")
RE_REF = re.compile(r"\[\^(?P<n>\d{1,2})\]")
RE_DEF = re.compile(r"^\[\^(\d{1,2})\]:\s*(.*)$")
RE_NUMBER = re.compile(r"^(\d{1,3}\.|\([a-z]\))\s+(.*)$")


def _marked(clean: str) -> str:
    """The clean text with every lead marked ``**lead**`` (a clean text may mark it ``*lead*``)."""
    text = resdiff.parse(clean).to_text()
    assert "*" not in RE_LEAD.sub("", text)
    return text


def make_docx_en(clean: str) -> bytes:
    """A .docx whose leads are italic runs, not bold (the clean text's ``**lead**``)."""
    data = make_docx(_marked(clean), numbering="auto", header=False)
    document = docx.Document(io.BytesIO(data))
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if run.bold:
                run.bold = False
                run.italic = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_pdf_en(clean: str, *, size: float = 10.0) -> bytes:
    """A PDF: one paragraph after another, wrapped to the measure, the lead in Times-Italic,
    references raised and smaller, each page's footnotes at its foot under a short rule."""
    notes: dict[int, str] = {}
    paragraphs: list[str] = []
    for line in _marked(clean).splitlines():
        found = RE_DEF.match(line)
        if found:
            notes[int(found.group(1))] = found.group(2)
        elif line.strip():
            paragraphs.append(line.strip())
    width, height = A4
    left, right, top, bottom = 72.0, width - 72.0, height - 72.0, 90.0
    pitch = size * 1.4
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    y = top
    page_notes: list[int] = []
    cited: set[int] = set()

    def words(text: str) -> list[list[tuple[str, str]]]:
        """The words of a paragraph, each a list of (text, face) pieces; a reference is a piece
        of face ``ref`` glued to the word it follows (``Society,`` + raised ``1``)."""
        out: list[list[tuple[str, str]]] = []
        at = 0
        lead = RE_LEAD.match(text)
        if lead:
            out.extend([(w, "Times-Italic")] for w in lead.group("lead").split())
            at = lead.end()
        for word in text[at:].split():
            pieces = [(chunk, "ref" if k % 2 else "Times-Roman")
                      for k, chunk in enumerate(RE_REF.split(word)) if chunk]
            if at and out and not text[at:][:1].isspace() and word == text[at:].split()[0]:
                out[-1].extend(pieces)  # ``**Takes note**s`` never occurs; kept for safety
            else:
                out.append(pieces)
        return out

    def flush_notes() -> None:
        if not page_notes:
            return
        note_y = bottom - 4
        pdf.line(left, note_y + size, left + 100, note_y + size)
        for n in page_notes:
            pdf.setFont("Times-Roman", size * 0.6)
            pdf.drawString(left, note_y + size * 0.35, str(n))
            pdf.setFont("Times-Roman", size * 0.8)
            pdf.drawString(left + 10, note_y, notes[n])
            note_y -= size
        page_notes.clear()

    def new_page() -> None:
        nonlocal y
        flush_notes()
        pdf.showPage()
        y = top

    for text in paragraphs:
        label = RE_NUMBER.match(text)
        x0 = left + (28 if label else 0)
        if label:
            pdf.setFont("Times-Roman", size)
            if y < bottom + pitch + 4 * size:
                new_page()
            pdf.drawString(left, y, label.group(1))
            text = label.group(2)
        x = x0
        for pieces in words(text):
            w = sum(stringWidth(t, "Times-Roman", size * 0.6) if f == "ref" else stringWidth(t, f, size)
                    for t, f in pieces)
            if x > x0 and x + w > right:
                y -= pitch
                x = left
                if y < bottom + 4 * size + len(page_notes) * size:
                    new_page()
            for piece, face in pieces:
                if face == "ref":
                    pdf.setFont("Times-Roman", size * 0.6)
                    pdf.drawString(x, y + size * 0.35, piece)
                    x += stringWidth(piece, "Times-Roman", size * 0.6)
                    if int(piece) not in cited:
                        cited.add(int(piece))
                        page_notes.append(int(piece))
                else:
                    pdf.setFont(face, size)
                    pdf.drawString(x, y, piece)
                    x += stringWidth(piece, face, size)
            x += stringWidth(" ", "Times-Roman", size)
        y -= pitch * 1.5
        if y < bottom + 4 * size + len(page_notes) * size:
            new_page()
    flush_notes()
    pdf.showPage()
    pdf.save()
    return out.getvalue()
