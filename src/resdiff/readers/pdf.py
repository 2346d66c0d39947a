"""PDF → clean text: the UN's Chinese PDFs as the Official Document System serves them.

What such a PDF does, and what this reader does about it:

- Bold is drawn as several overprinted copies of the same glyphs. The copies are removed
  (pdfplumber's ``dedupe_chars``) and counted: a glyph printed more than once, or set in a bold
  font, is bold. The bold run at the start of a unit is its lead, written ``**lead**``.
- Running headers and footers repeat at the same place on several pages; page numbers (``7/8``)
  and job codes (``13-41275 (C)``) stand at the top or foot of a page. All are dropped. A
  document symbol in a running header is kept as the symbol line at the top.
- Footnotes sit below a short separator rule, in a smaller font, each opened by a small raised
  number. Their texts are collected at the end (``[^n]: …``); the small raised numbers in the
  text become references (``[^n]``) where they stood.
- A paragraph wraps over lines and pages, and a footnote block may interrupt it. A new unit
  starts where a line is indented, the line before it stopped short of the right margin, the
  font changes, or the gap above the line is wider than the line spacing.

The output is the clean text format of ``docs/text-format.md``: one unit a line.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import os
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from resdiff import limits
from resdiff.errors import DocumentError, Message, ResdiffError, install_command
from resdiff.lexicon import match_lead
from resdiff.readers.marks import (
    RE_SYMBOL,
    RE_TITLE,
    RE_UNIT_PREFIX,
    Atom,
    fold_atom_spaces,
    render,
    unit_line,
)

# --- patterns -----------------------------------------------------------------------------

#: A page number at the top or foot of a page: ``7/8``, ``- 7 -``, ``12``.
RE_PAGE_NUMBER = re.compile(r"^[-–—\s]*\d{1,4}(?:\s*/\s*\d{1,4})?[-–—\s]*$")

#: A UN job code, with its optional print dates: ``13-41275 (C)``, ``GE.13-12345 (C)  280713  290713``.
RE_JOB_CODE = re.compile(r"^(?:[A-Z]{1,3}\.)?\d{2}-\d{4,6}[A-Z]?\s*(?:\([A-Z]\))?(?:\s+\d{6}){0,2}$")

#: The barcode line under a job code: ``*1341275*``.
RE_BARCODE = re.compile(r"^\*\d{7,8}[A-Z]?\*$")

#: The recycling note at the foot of a first page: ``请回收``, ``Please recycle``, ``♲``.
RE_RECYCLE = re.compile(r"^(?:\s*(?:请回收|Please\s*recycle|♲))+\s*$", re.IGNORECASE)

#: A footnote separator typed as text instead of drawn: ``______________``.
RE_RULE_TEXT = re.compile(r"^[_\-‐–—─]{8,}$")

#: What pdfminer writes for a glyph its font does not map to a character.
UNMAPPED = "(cid:"

#: A font name that says bold: ``ABCDEF+SimSun-Bold``, ``TimesNewRomanPS-BoldMT``, ``SimHei,Black``.
RE_BOLD_FONT = re.compile(r"bold|black|heavy|demi|semibold", re.IGNORECASE)

#: A footnote number written on the baseline and glued to its text, as a Word file without
#: footnote styles prints it: ``3E/CN.16/2013/3。``, ``1见A/C.2/59/3和A/60/687。``.
RE_GLUED_NOTE_NUMBER = re.compile(r"^(\d{1,3})(?=\D)")

#: A font name that says italic: ``TimesNewRomanPS-ItalicMT``, ``Times-Italic``, ``Helvetica-Oblique``.
#: English resolutions set their leads in italics, not bold; a Latin letter in such a font counts
#: as the lead's emphasis (a Chinese text has no italic leads).
RE_ITALIC_FONT = re.compile(r"italic|oblique", re.IGNORECASE)

#: A footnote number written on the baseline at the start of a footnote line: ``3 E/CN.16/2013/3。``.
RE_FLAT_NOTE_NUMBER = re.compile(r"^(\d{1,3})[ \t\u3000]+")

# --- thresholds, as fractions of the font size ------------------------------------------------

#: Glyphs this close (in points) are copies of one another (pdfplumber's own default).
DEDUPE_TOLERANCE = 1.0
#: A footnote marker is at most this size relative to the text of its line…
MARKER_SIZE = 0.8
#: …and its foot stands at least this far above the foot of the line.
MARKER_RISE = 0.15
#: A gap between two glyphs wider than this is a space.
SPACE_GAP = 0.3
#: …and between two Latin glyphs, this: an English PDF may set its words apart without drawing a
#: space, and a Times space is only a quarter of the size (letters of a word touch).
SPACE_GAP_LATIN = 0.12
#: A line that starts this far right of the left margin is indented.
INDENT = 0.6
#: A line that ends this far left of the right margin stopped short.
SHORT = 2.0
#: A vertical gap this many times the usual line pitch separates paragraphs.
PARAGRAPH_GAP = 1.35
#: The masthead's rule spans at least this share of the page's width, in its top part.
MASTHEAD_RULE = 0.6
MASTHEAD_TOP = 0.35
#: A gap this many font sizes wide separates the left and right texts of a masthead row.
MASTHEAD_GAP = 2.0
#: Lines looked at for running headers and footers, at each end of a page.
EDGE_LINES = 3
#: Two running lines on different pages stand this close (points) to each other.
EDGE_POSITION = 4.0


# --- what a page is made of --------------------------------------------------------------------


@dataclass(eq=False)
class _Glyph:
    """One glyph once; equal only to itself."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str
    bold: bool
    marker: bool = False


@dataclass
class _Line:
    page: int
    glyphs: list[_Glyph]
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    font: str = ""
    x0: float = 0.0
    x1: float = 0.0

    def __post_init__(self) -> None:
        self.glyphs.sort(key=lambda g: g.x0)
        if self.glyphs:
            self.measure()

    def measure(self) -> None:
        """Size, font and extent from the glyphs of the text itself, markers aside."""
        text = [g for g in self.glyphs if g.text.strip()] or self.glyphs
        self.size = max(g.size for g in text)
        main = [g for g in text if g.size >= self.size * MARKER_SIZE and not g.marker] or text
        self.top = min(g.top for g in main)
        self.bottom = max(g.bottom for g in main)
        # The font of the ideographs: a heading set in another typeface (楷体 against 宋体) stands
        # out by it, where Latin letters and digits come in a font of their own on every line.
        ideographs = [g for g in main if "\u3400" <= g.text <= "\u9fff"] or main
        self.font = Counter(g.font for g in ideographs).most_common(1)[0][0]
        self.x0 = min(g.x0 for g in text)
        self.x1 = max(g.x1 for g in text)

    @property
    def text(self) -> str:
        return "".join(g.text for g in self.glyphs).strip()

    def starts_with_marker(self) -> bool:
        first = next((g for g in self.glyphs if g.text.strip()), None)
        return first is not None and first.marker


@dataclass
class _Page:
    number: int
    width: float
    height: float
    lines: list[_Line]
    rules: list[float] = field(default_factory=list)
    """Tops of the short horizontal rules on the page (footnote separators are among them)."""
    wide_rules: list[tuple[float, float]] = field(default_factory=list)
    """Top and width of every horizontal rule (the masthead's rule spans the page)."""


# --- opening -------------------------------------------------------------------------------


def _import_pdfplumber() -> Any:
    try:
        import pdfplumber
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise DocumentError("PDF support needs pdfplumber: {command}", command=install_command("pdf")) from exc
    return pdfplumber


#: How an error names a PDF read from bytes (the loader names the file before it): a message, so
#: that it is translated with the error.
PDF_FILE = Message("the PDF")


def _describe(source: str | os.PathLike[str] | bytes) -> str:
    return PDF_FILE if isinstance(source, bytes) else str(source)


@contextmanager
def _opened(source: str | os.PathLike[str] | bytes) -> Iterator[Any]:
    pdfplumber = _import_pdfplumber()
    name = _describe(source)
    if isinstance(source, bytes):
        data = source
        limits.check_file_size(len(data), name)
    else:
        data = limits.read_file(Path(source), name=name)
    if b"%PDF-" not in data[:1024]:
        raise DocumentError("{name} is not a PDF file", name=name)
    _check_structure(data, name)
    limits.check_pdf_streams(data, name)  # a Flate bomb stops here, before pdfminer inflates it
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        # pdfplumber wraps every pdfminer failure in one exception class; what went wrong is
        # in its cause. Anything else a broken file can raise is caught too, on purpose.
        raise _document_error(name, exc) from exc
    try:
        yield pdf
    finally:
        # pdfplumber's close() builds every page again to close it, so a damaged page fails a
        # second time here; that must not hide the one clear error already on its way out.
        with contextlib.suppress(Exception):
            pdf.close()


#: An indirect object's header: ``12 0 obj``.
RE_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")


def _check_structure(data: bytes, name: str) -> None:
    """Refuse at once a file that has a PDF's first line but no object of one (``%PDF-1.4`` and
    megabytes of zeros): pdfminer would scan it line by line for a minute before failing."""
    if RE_OBJECT.search(data) is None:
        raise DocumentError("{name} is damaged and cannot be read as a PDF (it holds no PDF objects)", name=name)


#: What the glyph estimate looks at in a content stream, in order: a font selection
#: (``/F1 12 Tf``), an inline image's data (``ID … EI``) or a dictionary (``<< /ActualText (…) >>``)
#: to skip, and a string shown: ``(text)`` or ``<4f60597d>``. A string or an image left open runs
#: to the end of the stream, so that no text makes the search quadratic.
RE_SHOWN = re.compile(
    rb"/(?P<font>[^\s/\[\]()<>{}%]+)\s+[-+]?[\d.]+\s+Tf\b"
    rb"|(?P<skip>\bID\s.*?(?:\sEI\b|\Z)|<<(?:[^<>]|<[^<>]*>)*>>)"
    rb"|(?P<literal>\((?:\\.|[^\\)])*(?:\)|\Z))|(?P<hex><[0-9A-Fa-f\s]+>)",
    re.DOTALL,
)


#: An escape in a literal string: ``\101`` (octal), ``\n``, ``\(``.
RE_STRING_ESCAPE = re.compile(rb"\\(?:[0-7]{1,3}|.)", re.DOTALL)


def _shown_glyphs(page: Any) -> int:
    """How many glyphs the page's content streams show: the bytes of the strings shown, one a glyph
    in a simple font and two in a composite (Type0) font, as the CID fonts of Chinese text use.
    Counted on the decoded content, before pdfminer lays a glyph out, so a page built to draw more
    glyphs than any page has is refused in a moment; 0 when the content is unreadable (the page
    reader then reports it)."""
    from pdfminer.pdftypes import resolve1

    total = 0
    try:
        fonts = resolve1(page.page_obj.resources.get("Font")) or {}
        width = {}
        for key, ref in fonts.items():
            font = resolve1(ref)
            subtype = resolve1(font.get("Subtype")) if isinstance(font, dict) else None
            width[str(key).encode("latin-1", "replace")] = 2 if getattr(subtype, "name", None) == "Type0" else 1
        current = 1
        for ref in page.page_obj.contents:
            data = resolve1(ref).get_data()
            for found in RE_SHOWN.finditer(data):
                if found.group("font") is not None:
                    current = width.get(found.group("font"), 1)
                elif found.group("literal") is not None:  # an escape (``\\101``, ``\\n``) is one byte
                    total += len(RE_STRING_ESCAPE.sub(b".", found.group("literal")[1:-1])) // current
                elif found.group("hex") is not None:
                    total += sum(ch in b"0123456789abcdefABCDEF" for ch in found.group("hex")) // 2 // current
    except Exception:
        return 0
    return total


def _page_count(pdf: Any) -> int | None:
    """The number of pages the document's page tree declares, without building the pages."""
    try:
        pages = pdf.doc.catalog.get("Pages")
        from pdfminer.pdftypes import resolve1

        count = resolve1(resolve1(pages).get("Count"))
        return int(count) if isinstance(count, int) else None
    except Exception:  # a damaged tree: left to the page reader, which reports it
        return None


def _document_error(name: str, exc: BaseException) -> DocumentError:
    causes = [exc, *exc.args]
    kinds = " ".join(type(c).__name__ for c in causes)
    if "Password" in kinds or "Encryption" in kinds:
        return DocumentError(
            "{name} is encrypted with a password: open it, save an unprotected copy, and try again", name=name)
    return DocumentError("{name} is damaged and cannot be read as a PDF ({reason})", name=name, reason=_reason(exc))


def _reason(exc: BaseException) -> str:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    text = str(inner).strip() or type(inner).__name__
    return text[:120]


# --- glyphs and lines ----------------------------------------------------------------------------


def _copies(chars: Sequence[dict[str, Any]]) -> list[tuple[dict[str, Any], int]]:
    """Each glyph once, with the number of copies drawn at its place, in the page's order.

    What pdfplumber's ``dedupe_chars`` does (same text, font and size within ``DEDUPE_TOLERANCE``
    points), counting as it goes, in n log n: its own restores the order with ``list.index`` and
    takes minutes on a page that draws one glyph 20,000 times.
    """
    from pdfplumber.utils.clustering import cluster_objects

    order = {id(char): n for n, char in enumerate(chars)}
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for char in chars:
        groups.setdefault((char.get("upright", True), char["text"], char.get("fontname"), char.get("size")),
                          []).append(char)
    found: list[tuple[dict[str, Any], int]] = []
    for group in groups.values():
        for row in cluster_objects(group, itemgetter("doctop"), DEDUPE_TOLERANCE):
            for place in cluster_objects(row, itemgetter("x0"), DEDUPE_TOLERANCE):
                found.append((min(place, key=itemgetter("doctop", "x0")), len(place)))
    found.sort(key=lambda pair: order[id(pair[0])])
    return found


def _glyphs(page: Any) -> list[_Glyph]:
    """The page's glyphs once each, marked bold where they were overprinted or set in a bold font."""
    glyphs = []
    for char, copies in _copies(page.chars):
        if not char.get("upright", True):
            continue
        # ``ABCDEF+SimSun``: the prefix names a subset, and one font may come in several.
        font = str(char.get("fontname", "")).split("+", 1)[-1]
        italic = char["text"].isascii() and RE_ITALIC_FONT.search(font) is not None
        bold = char["text"].strip() != "" and (copies > 1 or RE_BOLD_FONT.search(font) is not None or italic)
        glyphs.append(_Glyph(char["text"], char["x0"], char["x1"], char["top"], char["bottom"],
                             float(char["size"]), font, bold))
    return glyphs


def _lines(glyphs: list[_Glyph], page_number: int) -> list[_Line]:
    """Glyphs grouped into lines, top to bottom; small raised digits marked as footnote markers.

    Larger glyphs found the lines and smaller ones join the line their middle falls in, so a
    raised footnote number joins the line it is raised above rather than starting one.
    """
    bands: list[tuple[float, float, list[_Glyph]]] = []
    for glyph in sorted(glyphs, key=lambda g: (-g.size, g.top)):
        middle = (glyph.top + glyph.bottom) / 2
        for top, bottom, members in bands:
            if top <= middle <= bottom:
                members.append(glyph)
                break
        else:
            bands.append((glyph.top, glyph.bottom, [glyph]))
    lines = [_Line(page_number, members) for _, _, members in bands if any(g.text.strip() for g in members)]
    for line in lines:
        _mark_markers(line)
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return lines


def _mark_markers(line: _Line) -> None:
    for glyph in line.glyphs:
        glyph.marker = (
            glyph.text.isdigit()
            and glyph.size <= line.size * MARKER_SIZE
            and glyph.bottom <= line.bottom - line.size * MARKER_RISE
        )
    if any(g.marker for g in line.glyphs):
        line.measure()


def _rules(page: Any) -> list[tuple[float, float]]:
    """Top and width of the horizontal rules on the page: lines, and rectangles no thicker than a line."""
    found = []
    for obj in [*page.lines, *page.rects]:
        width = obj["x1"] - obj["x0"]
        height = obj["bottom"] - obj["top"]
        if width >= 20 and height <= 2:
            found.append((float(obj["top"]), float(width)))
    return sorted(found)


def _read_pages(pdf: Any, name: str) -> list[_Page]:
    pages = []
    declared = _page_count(pdf)
    if declared is not None:
        limits.check_pdf_pages(declared, name)
    try:
        for number, page in enumerate(pdf.pages, start=1):
            limits.check_pdf_pages(number, name)
            limits.check_page_glyphs(_shown_glyphs(page), number, name, at_least=True)
            limits.check_page_glyphs(len(page.chars), number, name)
            lines = _lines(_glyphs(page), number)
            drawn = _rules(page)
            rules = [top for top, _ in drawn] + [line.top for line in lines if RE_RULE_TEXT.match(line.text)]
            lines = [line for line in lines if not RE_RULE_TEXT.match(line.text)]
            pages.append(_Page(number, float(page.width), float(page.height), lines, sorted(rules), drawn))
    except ResdiffError:
        raise
    except Exception as exc:
        # A damaged content stream surfaces only when a page is read; see _opened.
        raise _document_error(name, exc) from exc
    return pages


# --- running headers, footers, page numbers, job codes -------------------------------------------


def _edge_lines(page: _Page) -> list[_Line]:
    if len(page.lines) <= 2 * EDGE_LINES:
        return list(page.lines)
    return page.lines[:EDGE_LINES] + page.lines[-EDGE_LINES:]


def _running_key(line: _Line) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text))


def _drop_running_lines(pages: list[_Page]) -> list[str]:
    """Remove running headers and footers, page numbers and job codes; return symbols found in them."""
    candidates = [(page.number, line) for page in pages for line in _edge_lines(page)]
    running: set[int] = set()
    for number, line in candidates:
        key = _running_key(line)
        repeated = any(other_number != number and _running_key(other) == key
                       and abs(other.top - line.top) <= EDGE_POSITION
                       for other_number, other in candidates)
        if repeated or any(p.match(line.text) for p in (RE_PAGE_NUMBER, RE_JOB_CODE, RE_BARCODE, RE_RECYCLE)):
            running.add(id(line))
    for page in pages[1:]:
        # A running header that ends in the symbol may be the only one of its kind (the first
        # page has none, and it may wrap): drop it with the lines above it.
        head = page.lines[:EDGE_LINES]
        for i, line in enumerate(head):
            if RE_SYMBOL.search(line.text) and line.text.endswith(RE_SYMBOL.findall(line.text)[-1]):
                running.update(id(ln) for ln in head[: i + 1])
    symbols = [found for page in pages for line in page.lines if id(line) in running
               for found in RE_SYMBOL.findall(line.text)]
    for page in pages:
        page.lines = [line for line in page.lines if id(line) not in running]
    return symbols


# --- the first page's masthead ----------------------------------------------------------------


def _take_masthead(page: _Page, size: float) -> list[str]:
    """The masthead rows above the rule across the top of the first page (``联合国  E/RES/2013/9``,
    ``经济及社会理事会  Distr.: General``), each a line of its own, taken off the page."""
    wide = [rule for rule, width in page.wide_rules if width >= page.width * MASTHEAD_RULE
            and rule <= page.height * MASTHEAD_TOP]
    if not wide:
        return []
    above = [line for line in page.lines if line.bottom <= wide[0] + 1]
    page.lines = [line for line in page.lines if line.bottom > wide[0] + 1]
    rows = []
    for line in above:
        parts, previous = [], None
        for glyph in line.glyphs:
            if previous is not None and glyph.x0 - previous.x1 > size * MASTHEAD_GAP:
                parts.append(" ")
            parts.append(glyph.text)
            previous = glyph
        rows.append(re.sub(r"\s+", " ", "".join(parts)).strip())
    return [row for row in rows if row]


# --- footnotes ----------------------------------------------------------------------------------


def _note_start(page: _Page, body_size: float, cited: set[int] | frozenset[int] = frozenset()) -> int:
    """Index of the first footnote line on the page (``len(page.lines)`` when there is none).

    Below a separator rule; or, without one, the trailing run of small lines whose first
    opens with a footnote number. ``cited``: the numbers of the markers raised anywhere in the
    document (a footnote may go on, or start, on the page after its marker).
    """
    lines = page.lines
    for rule in page.rules:
        below = [i for i, line in enumerate(lines) if line.top >= rule]
        if not below:
            continue
        first = lines[below[0]]
        if _opens_note(first) and (all(lines[i].size < body_size * 0.95 for i in below)
                                   or first.starts_with_marker()):
            return below[0]
        # A Word file without footnote styles sets its footnotes at the size of the text, their
        # numbers on the baseline and glued to the text: the number of a marker raised in the
        # document, after the rule, says what they are.
        glued = RE_GLUED_NOTE_NUMBER.match(first.text)
        if glued and int(glued.group(1)) in cited:
            return below[0]
    start = len(lines)
    while start > 0 and lines[start - 1].size < body_size * 0.95:
        start -= 1
    while start < len(lines) and not _opens_note(lines[start]):
        start += 1
    return start


def _cited(lines: list[_Line]) -> set[int]:
    """The numbers of the footnote markers raised in ``lines``."""
    numbers: set[int] = set()
    for line in lines:
        digits = ""
        for glyph in line.glyphs:
            if glyph.marker:
                digits += glyph.text
            elif digits:
                numbers.add(int(digits))
                digits = ""
        if digits:
            numbers.add(int(digits))
    return numbers


def _opens_note(line: _Line) -> bool:
    return line.starts_with_marker() or RE_FLAT_NOTE_NUMBER.match(line.text) is not None


def _footnotes(lines: list[_Line]) -> dict[int, str]:
    """Footnote texts by number, joined over lines and over pages."""
    notes: dict[int, list[_Line]] = {}
    current: int | None = None
    for line in lines:
        number, rest = _note_number(line, current)
        if number is not None:
            current = number
            notes[current] = [rest]
        elif current is not None:
            notes[current].append(line)
    return {n: render(_atoms(parts)).strip() for n, parts in notes.items()}


def _note_number(line: _Line, current: int | None) -> tuple[int | None, _Line]:
    """The number that opens a footnote line, and the line without it."""
    glyphs = [g for g in line.glyphs if g.text.strip()]
    digits = []
    for glyph in glyphs:
        if not glyph.marker:
            break
        digits.append(glyph)
    if digits:
        rest = _Line(line.page, [g for g in line.glyphs if g not in digits])
        return int("".join(g.text for g in digits)), rest
    flat = RE_FLAT_NOTE_NUMBER.match(line.text) or RE_GLUED_NOTE_NUMBER.match(line.text)
    # A footnote text may itself begin with a number (``2002 年``): a number on the baseline
    # opens a footnote only when it is the next one.
    if flat and (current is None or int(flat.group(1)) == current + 1):
        number = glyphs[: len(flat.group(1))]
        rest = _Line(line.page, [g for g in line.glyphs if g not in number])
        return int(flat.group(1)), rest
    return None, line


# --- paragraphs --------------------------------------------------------------------------------


@dataclass
class _Layout:
    """The measures of the body text that tell a new paragraph from a wrapped line."""

    size: float
    left: float
    right: float
    pitch: float


def _layout(lines: Sequence[_Line], size: float) -> _Layout:
    lefts = Counter(round(line.x0) for line in lines if line.size >= size * 0.95)
    left = float(min(lefts, key=lambda x: (-lefts[x], x))) if lefts else 0.0
    rights = sorted(line.x1 for line in lines)
    right = rights[int(len(rights) * 0.9)] if rights else 0.0
    steps = [b.top - a.top for a, b in itertools.pairwise(lines)
             if a.page == b.page and 0 < b.top - a.top < size * 3]
    pitch = statistics.median(steps) if steps else size * 1.5
    return _Layout(size, left, right, pitch)


#: A paragraph this short (characters) that stops short without punctuation may be a heading.
HEADING_CHARS = 40


def _starts_paragraph(prev: _Line, line: _Line, text_so_far: str, layout: _Layout) -> bool:
    size = layout.size
    if RE_TITLE.match(text_so_far) and not _ends_unit(text_so_far) and not _ends_unit(line.text) \
            and not RE_UNIT_PREFIX.match(line.text):
        # The title wraps on a hanging indent; its lines end without punctuation.
        return False
    if line.x0 > layout.left + size * INDENT:
        return True
    if prev.font != line.font and prev.size >= size * 0.95 and line.size >= size * 0.95:
        return True
    if prev.page == line.page and line.top - prev.top > layout.pitch * PARAGRAPH_GAP:
        return True
    # Without indents (a PDF whose paragraphs are set flush left): a number or letter after a
    # paragraph's final mark opens a paragraph, and so does a lead in the preamble.
    ended = _ends_unit(prev.text)
    numbered = RE_UNIT_PREFIX.match(line.text) is not None
    lead = match_lead(line.text) is not None
    if ended and (numbered or (lead and not RE_UNIT_PREFIX.match(text_so_far))):
        return True
    if prev.x1 < layout.right - size * SHORT:
        # A line that stops short ends its paragraph, unless the paragraph has no final mark
        # yet, cannot be a heading (too long, or opening with a lead) and the next line opens
        # nothing: then a long Latin word (a symbol, a date) has only gone to the next line.
        heading = len(text_so_far) <= HEADING_CHARS and match_lead(text_so_far) is None
        return ended or numbered or lead or heading
    return False


def _ends_unit(text: str) -> bool:
    return text.rstrip()[-1:] in ("，", "；", "。", "：", ",", ";", ":")


def _paragraphs(lines: list[_Line], size: float) -> list[list[_Line]]:
    layout = _layout(lines, size)
    paragraphs: list[list[_Line]] = []
    text_so_far = ""
    for line in lines:
        if paragraphs and not _starts_paragraph(paragraphs[-1][-1], line, text_so_far, layout):
            paragraphs[-1].append(line)
            text_so_far += line.text
        else:
            paragraphs.append([line])
            text_so_far = line.text
    return paragraphs


# --- writing the clean text -------------------------------------------------------------------


def _atoms(lines: Iterable[_Line]) -> list[Atom]:
    """The characters of wrapped lines joined into one paragraph, with spaces where the gaps are."""
    atoms: list[Atom] = []
    for line in lines:
        last = next((a for a in reversed(atoms) if a.ref is None), None)
        if last is not None and last.text.isascii() and last.text.strip() and last.text not in "-/(":
            first = next((g for g in line.glyphs if g.text.strip()), None)
            if first is not None and first.text.isascii() and (first.text.isalnum() or first.text in "(\"'"):
                atoms.append(Atom(" "))  # a Latin word wrapped at a space (``countries,`` / ``and``)
        previous: _Glyph | None = None
        for glyph in line.glyphs:
            gap = glyph.x0 - previous.x1 if previous is not None else 0.0
            latin = previous is not None and previous.text.isascii() and glyph.text.isascii()
            if (previous is not None and previous.text != " "
                    and gap > (SPACE_GAP_LATIN if latin else SPACE_GAP) * line.size):
                atoms.append(Atom(" "))
            if glyph.marker:
                if atoms and atoms[-1].ref is not None and previous is not None and previous.marker:
                    atoms[-1].ref = atoms[-1].ref * 10 + int(glyph.text)
                else:
                    atoms.append(Atom("", ref=int(glyph.text)))
            else:
                atoms.append(Atom(" " if glyph.text.isspace() else glyph.text, glyph.bold))
            previous = glyph
    return fold_atom_spaces(atoms)


# --- the reader -------------------------------------------------------------------------------------


def read_pdf(source: str | os.PathLike[str] | bytes) -> str:
    """The text of a PDF resolution in the clean text format (see ``docs/text-format.md``).

    ``source`` is a path or the bytes of the file. Raises :class:`DocumentError` for a file that
    is not a PDF, is damaged or encrypted, or has no text layer (a scan), and when pdfplumber is
    not installed.
    """
    name = _describe(source)
    with _opened(source) as pdf:
        pages = _read_pages(pdf, name)
    glyph_sizes = Counter(round(g.size, 1) for page in pages for line in page.lines for g in line.glyphs
                          if g.text.strip() and not g.marker)
    if not glyph_sizes:
        raise DocumentError(
            "{name} has no text layer (it is probably a scan): resdiff needs a PDF with text, such as the one the "
            "UN Official Document System serves", name=name)
    glyphs = [g for page in pages for line in page.lines for g in line.glyphs if g.text.strip()]
    if sum(g.text.startswith(UNMAPPED) for g in glyphs) > len(glyphs) * 0.3:
        raise DocumentError(
            "{name} has fonts that do not say which characters they draw, so its text cannot be read: try the Word "
            "version (resdiff fetch SYMBOL --format docx)", name=name)
    body_size = glyph_sizes.most_common(1)[0][0]
    symbols = _drop_running_lines(pages)
    masthead = _take_masthead(pages[0], body_size) if pages else []
    body: list[_Line] = []
    notes: list[_Line] = []
    cited = _cited([line for page in pages for line in page.lines])
    for page in pages:
        start = _note_start(page, body_size, cited)
        body.extend(page.lines[:start])
        notes.extend(page.lines[start:])
    out = masthead + [unit_line(_atoms(paragraph)) for paragraph in _paragraphs(body, body_size)]
    out = [line for line in out if line]
    if symbols and not (out and RE_SYMBOL.fullmatch(out[0])):
        out.insert(0, symbols[0])
    footnotes = _footnotes(notes)
    if footnotes:
        out.append("")
        out.extend(f"[^{n}]: {text}" for n, text in sorted(footnotes.items()))
    return "\n".join(out) + "\n"
