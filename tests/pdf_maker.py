"""Build PDFs laid out like a UN Chinese resolution, for the PDF reader's tests.

:func:`make_pdf` takes a resolution in the clean text format (``docs/text-format.md``) and sets
it as the Official Document System's PDFs are set: the bold lead drawn four times over at the same
place, paragraphs indented on their first line and wrapped at the margin, operative numbers and
sub-paragraph letters, footnote references as small raised digits, the footnotes at the foot of the
page where they are first referenced (below a short rule, in a smaller font, so a paragraph that
runs on to the next page is interrupted by them), a running header on every page but the first,
page numbers ``2/5`` and a job code and barcode on the first page.

The font is a CJK TrueType font from a Debian package (see ``.ci/apt-packages.txt``); reportlab
cannot embed the OpenType/CFF fonts of the Noto CJK packages.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

#: CJK TrueType fonts reportlab can embed: (path, sub-font index of a collection, Debian package).
#: The body and the heading are set in two faces, as UN documents set headings in 楷体 and text in
#: 宋体; the Zen Hei collection has two (proportional and mono) and serves for both.
FONTS = (
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "fonts-wqy-zenhei"),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", "fonts-arphic-uming"),
)

#: An illustrative job code and barcode: the shape of the UN's, not a real document's.
JOB_CODE = "13-99999 (C)"
BARCODE = "*1399999*"

#: Punctuation that may not open a line: it stays at the end of the line before, past the margin.
NO_LINE_START = set("，。；：、）》”’!?！？),.;:")
#: Punctuation that may not end a line: it goes to the next line with what follows it.
NO_LINE_END = set("（《“‘(")

RE_FOOTNOTE = re.compile(r"^\[\^(\d+)\]:\s*(.*)$")
RE_SYMBOL = re.compile(r"^[A-Z]{1,3}/(?:[A-Z]{2,5}/)*RES/\d+/\d+$")
RE_OP = re.compile(r"^(\d{1,3}\.)\s+(.*)$")
RE_SUB = re.compile(r"^(\([a-z]\))\s+(.*)$")
RE_TITLE = re.compile(r"^(\d{4}/\d+\.)\s+(.*)$")
RE_END_LINE = re.compile(r"^(?:\d{4}年\d{1,2}月\d{1,2}日|第\d+次全体会议)$")
RE_TOP_LINE = re.compile(r"^(?:\d{4}年\d{1,2}月\d{1,2}日.*决议|\[.*\])$")
RE_REFS = re.compile(r"\[\^\d+\]")
RE_TOKEN = re.compile(r"\*\*(?P<bold>.+?)\*\*|\[\^(?P<ref>\d+)\]|(?P<char>.)")


def find_font() -> tuple[str, str] | None:
    """The path and Debian package of the first CJK font installed, or ``None``."""
    for path, package in FONTS:
        if Path(path).exists():
            return path, package
    return None


_registered: dict[str, tuple[str, str]] = {}


def _fonts() -> tuple[str, str]:
    """Register the body and heading faces once; return their reportlab names."""
    found = find_font()
    if found is None:
        raise RuntimeError("no CJK TrueType font: apt-get install " + " ".join(p for _, p in FONTS))
    path = found[0]
    if path not in _registered:
        pdfmetrics.registerFont(TTFont("ResBody", path, subfontIndex=0))
        pdfmetrics.registerFont(TTFont("ResHeading", path, subfontIndex=1))
        _registered[path] = ("ResBody", "ResHeading")
    return _registered[path]


@dataclass
class Style:
    """How the resolution is set. The defaults give an A5 page, so the test text spans pages."""

    page: tuple[float, float] = (420.0, 595.0)
    margin: float = 45.0
    size: float = 11.0
    pitch: float = 1.7
    """Line pitch, in font sizes."""
    paragraph_gap: float = 0.0
    """Extra space between paragraphs, in points (UN Chinese documents often have none)."""
    overprint: int = 4
    """How many times a bold lead is drawn."""
    overprint_offset: float = 0.0
    """How far (points) each copy of a bold lead is shifted to the right of the one before."""
    note_size: float = 8.5
    marker_scale: float = 0.55
    marker_rise: float = 0.4
    header: str | None = None
    """The running header; by default the title and the symbol."""
    header_lines: int = 1
    """2: the header's title wraps, the symbol after its second half (as in E/RES/2013/9)."""
    page_number_top: bool = False
    """Page numbers under the running header instead of at the foot of the page."""
    rule_length: float = 120.0
    footnote_rule: bool | str = True
    """Draw the separator rule above each footnote block; ``"text"``: type it as underscores."""
    indent: float = 2.0
    """First-line indent of a paragraph, in font sizes (0: paragraphs flush left)."""
    masthead: tuple[tuple[str, str], ...] = ()
    """The first page's masthead, as the Official Document System prints it: rows of (left,
    right) texts above the resolution, ``("联合国", "E/RES/2013/9")``, ``("经济及社会理事会",
    "Distr.: General")``, ``("", "2013年8月6日")``, under them a rule; ``请回收`` at the foot."""


@dataclass
class _Piece:
    """One glyph (or a footnote reference) set at a place on a line."""

    text: str
    x: float
    width: float
    bold: bool = False
    ref: int | None = None


@dataclass
class _SetLine:
    pieces: list[_Piece]
    font: str
    size: float
    refs: list[int]
    paragraph: int


@dataclass
class _Page:
    lines: list[tuple[float, _SetLine]] = field(default_factory=list)
    notes: list[int] = field(default_factory=list)


@dataclass
class Made:
    """A PDF and what its layout did, so a test can check that a quirk really occurs."""

    data: bytes
    pages: int
    interrupted: list[int]
    """Paragraphs (0-based, among the body paragraphs) that run on to the next page with a footnote
    block between their two parts."""
    bold_runs: int
    """How many bold leads were drawn over."""


def _parse(clean: str) -> tuple[str | None, list[str], dict[int, str]]:
    symbol = None
    paragraphs: list[str] = []
    notes: dict[int, str] = {}
    for line in clean.splitlines():
        line = line.strip()
        if not line:
            continue
        note = RE_FOOTNOTE.match(line)
        if note:
            notes[int(note.group(1))] = note.group(2)
        elif RE_SYMBOL.match(line) and symbol is None and not paragraphs:
            symbol = line
        else:
            paragraphs.append(line)
    return symbol, paragraphs, notes


def _tokens(text: str) -> list[tuple[str, bool, int | None]]:
    """(character, bold, footnote reference) for each character of a clean line."""
    out: list[tuple[str, bool, int | None]] = []
    for found in RE_TOKEN.finditer(text):
        if found.group("bold"):
            out.extend((ch, True, None) for ch in found.group("bold"))
        elif found.group("ref"):
            out.append(("", False, int(found.group("ref"))))
        else:
            out.append((found.group("char"), False, None))
    return out


class _Setter:
    def __init__(self, style: Style) -> None:
        self.style = style
        self.body, self.heading = _fonts()
        self.left = style.margin
        self.right = style.page[0] - style.margin

    def width(self, text: str, size: float) -> float:
        return float(pdfmetrics.stringWidth(text, self.body, size))

    def wrap(self, tokens: list[tuple[str, bool, int | None]], size: float, first_x: float,
             next_x: float, label: str | None, font: str, paragraph: int) -> list[_SetLine]:
        """Set ``tokens`` on justified lines: the label (``12.``) at ``first_x``, the text after it.

        Lines break between groups that are never split: an ideograph, a Latin word or number,
        each with the closing punctuation and footnote markers after it and the opening
        punctuation before it.
        """
        groups = self._groups(tokens, size)
        lines: list[_SetLine] = []
        pieces: list[_Piece] = []
        x = first_x
        if label:
            for ch in label:
                pieces.append(_Piece(ch, x, self.width(ch, size)))
                x += self.width(ch, size)
            x += size * 0.8
        line_groups: list[list[_Piece]] = []
        for group in groups:
            width = sum(p.width for p in group)
            if x + width > self.right and line_groups:
                lines.append(self._justified(pieces, line_groups, font, size, paragraph))
                pieces, line_groups, x = [], [], next_x
                if group[0].text == " ":
                    continue
            placed = []
            for piece in group:
                placed.append(_Piece(piece.text, x, piece.width, piece.bold, piece.ref))
                x += piece.width
            line_groups.append(placed)
        if line_groups or pieces:
            lines.append(self._line(pieces + [p for g in line_groups for p in g], font, size, paragraph))
        return lines

    def _groups(self, tokens: list[tuple[str, bool, int | None]], size: float) -> list[list[_Piece]]:
        marker_size = size * self.style.marker_scale
        groups: list[list[_Piece]] = []
        opening: list[_Piece] = []
        for text, bold, ref in tokens:
            if ref is not None:
                piece = _Piece(str(ref), 0, self.width(str(ref), marker_size), ref=ref)
            else:
                piece = _Piece(text, 0, self.width(text, size), bold=bold)
            previous = groups[-1][-1] if groups else None
            latin = text.isascii() and text not in " " and ref is None
            if groups and (ref is not None or text in NO_LINE_START or (
                    latin and previous is not None and previous.ref is None
                    and previous.text.isascii() and previous.text != " ")):
                groups[-1].append(piece)
            elif text in NO_LINE_END:
                opening.append(piece)
            else:
                groups.append([*opening, piece])
                opening = []
        if opening:
            groups.append(opening)
        return groups

    def _justified(self, label: list[_Piece], groups: list[list[_Piece]], font: str, size: float,
                   paragraph: int) -> _SetLine:
        """A full line, its groups spread so that the last one ends at the right margin."""
        end = groups[-1][-1].x + groups[-1][-1].width
        extra = self.right - end
        if len(groups) > 1 and 0 < extra < size * 3:
            step = extra / (len(groups) - 1)
            for i, group in enumerate(groups):
                for piece in group:
                    piece.x += step * i
        return self._line(label + [p for g in groups for p in g], font, size, paragraph)

    @staticmethod
    def _line(pieces: list[_Piece], font: str, size: float, paragraph: int) -> _SetLine:
        return _SetLine(pieces, font, size, [p.ref for p in pieces if p.ref is not None], paragraph)

    def paragraph(self, text: str, index: int) -> list[_SetLine]:
        size = self.style.size
        indent = self.left + self.style.indent * size
        for pattern in (RE_OP, RE_SUB):
            found = pattern.match(text)
            if found:
                tokens = _tokens(found.group(2))
                return self.wrap(tokens, size, indent, self.left, found.group(1), self.body, index)
        title = RE_TITLE.match(text)
        if title:
            # A hanging indent: the title's lines start where its first line's text does.
            hang = indent + self.width(title.group(1), size) + size * 0.8
            return self.wrap(_tokens(title.group(2)), size, indent, hang, title.group(1), self.body, index)
        if RE_END_LINE.match(text):
            # The date and meeting lines at the end: set to the right.
            first = self.right - self.width(text, size) - 2 * size
            return self.wrap(_tokens(text), size, first, self.left, None, self.body, index)
        bare = RE_REFS.sub("", text)
        if not re.search(r"[，。；：,;:]$", bare) and not RE_TOP_LINE.match(bare) and len(bare) < 40:
            # A heading: flush left, in the heading face.
            return self.wrap(_tokens(text), size, self.left, self.left, None, self.heading, index)
        first = indent + (2 * size if bare.endswith("，") and len(bare) < 20 else 0)
        return self.wrap(_tokens(text), size, first, self.left, None, self.body, index)

    def note(self, number: int, text: str) -> list[_SetLine]:
        size = self.style.note_size
        text_x = self.left + 2 * size
        lines = self.wrap(_tokens(text), size, text_x, text_x, None, self.body, -1)
        marker_width = self.width(str(number), size * self.style.marker_scale)
        marker = _Piece(str(number), self.left + size * 0.6, marker_width, ref=number)
        lines[0].pieces.insert(0, marker)
        return lines


def masthead_height(style: Style) -> float:
    """The height the masthead takes at the top of the first page (0 without one)."""
    return len(style.masthead) * style.size * 2.2 + style.size * 2 if style.masthead else 0.0


def _draw_masthead(c: canvas.Canvas, setter: _Setter, style: Style) -> None:
    width, height = style.page
    y = height - style.margin - style.size
    for left, right in style.masthead:
        c.setFont(setter.heading, style.size * 1.2)
        if left:
            c.drawString(style.margin, y, left)
        c.setFont(setter.body, style.size)
        if right:
            c.drawRightString(width - style.margin, y, right)
        y -= style.size * 2.2
    c.setLineWidth(1.5)
    c.line(style.margin, y + style.size * 1.2, width - style.margin, y + style.size * 1.2)
    c.setFont(setter.body, 7)
    c.drawRightString(width - style.margin, 12, "请回收  Please recycle")


def _layout(setter: _Setter, paragraphs: list[str], notes: dict[int, str]) -> tuple[list[_Page], list[int]]:
    style = setter.style
    pitch = style.size * style.pitch
    note_pitch = style.note_size * 1.5
    top = style.page[1] - style.margin - style.size
    first_top = top - masthead_height(style)
    bottom = style.margin
    set_notes = {n: setter.note(n, t) for n, t in notes.items()}

    def notes_height(numbers: list[int]) -> float:
        if not numbers:
            return 0.0
        return note_pitch * sum(len(set_notes[n]) for n in numbers) + style.size

    pages = [_Page()]
    placed: set[int] = set()
    y = first_top
    interrupted: list[int] = []
    for index, text in enumerate(paragraphs):
        if index and style.paragraph_gap:
            y -= style.paragraph_gap
        for n, line in enumerate(setter.paragraph(text, index)):
            page = pages[-1]
            new = [r for r in line.refs if r in set_notes and r not in placed and r not in page.notes]
            if y - pitch < bottom + notes_height(page.notes + new):
                if n and page.notes:
                    interrupted.append(index)
                pages.append(_Page())
                page, y = pages[-1], top
            page.lines.append((y, line))
            page.notes.extend(new)
            placed.update(new)
            y -= pitch
    return pages, interrupted


def _draw_line(c: canvas.Canvas, line: _SetLine, y: float, style: Style, copies: int) -> int:
    """Draw one line; bold runs ``copies`` times over. Returns how many bold runs it drew."""
    runs = 0
    i = 0
    pieces = line.pieces
    while i < len(pieces):
        piece = pieces[i]
        if piece.ref is not None:
            c.setFont(line.font, line.size * style.marker_scale)
            c.drawString(piece.x, y + line.size * style.marker_rise, piece.text)
            i += 1
            continue
        j = i
        while j < len(pieces) and pieces[j].ref is None and pieces[j].bold == piece.bold:
            j += 1
        c.setFont(line.font, line.size)
        for copy in range(copies if piece.bold else 1):
            # A bold run is drawn whole, then again, as a word processor's PDF driver does it.
            for p in pieces[i:j]:
                c.drawString(p.x + copy * style.overprint_offset, y, p.text)
        runs += piece.bold
        i = j
    return runs


def make_pdf(clean: str, style: Style | None = None) -> Made:
    """A PDF of the resolution ``clean`` (in the clean text format), laid out like the UN's."""
    style = style or Style()
    setter = _Setter(style)
    symbol, paragraphs, notes = _parse(clean)
    pages, interrupted = _layout(setter, paragraphs, notes)
    title = next((RE_TITLE.match(p).group(2) for p in paragraphs if RE_TITLE.match(p)), "")  # type: ignore[union-attr]
    header = style.header if style.header is not None else f"{title} {symbol or ''}".strip()
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=style.page)
    width, height = style.page
    bold_runs = 0
    for number, page in enumerate(pages, start=1):
        for y, line in page.lines:
            bold_runs += _draw_line(c, line, y, style, style.overprint)
        if page.notes:
            set_notes = [setter.note(n, notes[n]) for n in page.notes]
            count = sum(len(s) for s in set_notes)
            note_pitch = style.note_size * 1.5
            y = style.margin + note_pitch * (count - 1)
            if style.footnote_rule == "text":
                c.setFont(setter.body, style.size)
                c.drawString(style.margin, y + style.note_size * 1.6, "_" * 20)
            elif style.footnote_rule:
                c.setLineWidth(0.5)
                c.line(style.margin, y + style.note_size * 1.6, style.margin + style.rule_length,
                       y + style.note_size * 1.6)
            for set_note in set_notes:
                for line in set_note:
                    _draw_line(c, line, y, style, 1)
                    y -= note_pitch
        c.setFont(setter.body, 8)
        if number == 1 and style.masthead:
            _draw_masthead(c, setter, style)
            c.setFont(setter.body, 8)
        if number == 1:
            c.drawString(style.margin, 20, JOB_CODE)
            c.drawRightString(width - style.margin, 30, BARCODE)
        else:
            if header and style.header_lines == 2:
                half = len(title) // 2
                c.drawString(style.margin, height - 16, title[:half])
                c.drawString(style.margin, height - 26, f"{title[half:]} {symbol or ''}".strip())
            elif header:
                c.drawString(style.margin, height - 28, header)
            if style.page_number_top:
                c.drawRightString(width - style.margin, height - 37, f"{number}/{len(pages)}")
            else:
                c.drawCentredString(width / 2, 20, f"{number}/{len(pages)}")
        c.showPage()
    c.save()
    return Made(buffer.getvalue(), len(pages), interrupted, bold_runs)
