"""Render a clean resolution text in the artefact-laden style of a PDF extraction.

The style imitated is that of ``corpora/ecosoc-wsis/zh/E-RES-2013-9.txt``:

- a date line and a recommendation line at the top, the numbered title wrapped over two lines,
  the body addressed printed four times over (bold);
- every bold lead printed four times over (``回顾回顾回顾回顾``), sometimes word by word
  (``又又又又确认确认确认确认``, ``表示表示表示表示注意到注意到注意到注意到``); the leads of
  lettered sub-paragraphs are not bold and are printed once;
- lines wrapped every ~35 CJK columns, mid-word, never inside a run of ASCII (``2007/8``),
  with a blank line after every printed line; a leading space on the first line of a paragraph
  (two at the top of a page), none on a heading;
- spaces around numbers and symbols next to Chinese text (``2006 年 7月 28 日``);
- a footnote marker alone on the line after the line where it occurs; when it falls inside a
  paragraph, the rest of the printed line follows on a line that starts with a space;
- at each page end, the footnotes first referenced on that page, after a separator line of 59
  spaces; a page break may fall inside a paragraph, whose next line then starts with a space;
  every other page break also prints the running header (the title over two lines, the second
  ending in the symbol) and a page number such as ``3/8``;
- the adoption date and the meeting at the end.

Every choice that varies (spaces, how a lead is overprinted, trailing spaces) is made by a hash
of the text, so the output is deterministic.

    python tests/evalset/extracted.py tests/evalset/01-date-bump/new.txt   # prints the extracted text
"""

from __future__ import annotations

import re
import sys
import unicodedata
import zlib
from dataclasses import dataclass, field

import resdiff
from resdiff.model import Resolution, Unit

#: Columns of a printed line (a CJK character is one column, an ASCII character half of one).
LINE_WIDTH = 35
#: Columns of the first line of a paragraph (it is indented).
FIRST_LINE_WIDTH = 33
#: Printed lines on a page, and on the first page (which carries the top matter).
PAGE_LINES = 34
FIRST_PAGE_LINES = 16
#: The separator printed above a footnote block: a line of 59 spaces.
SEPARATOR = " " * 59
#: Columns of a printed footnote line.
FOOTNOTE_WIDTH = 42
#: Where a footnote marker is printed inside its paragraph: after the first of these words that
#: is not at the very end (as ``……的报告`` ² ``所述……`` in 2013/9, OP3); else at the end.
MARKER_ANCHORS = ("报告", "》", "调查")

RE_ASCII_RUN = re.compile(r"[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?")


def _choice(key: str, n: int) -> int:
    """A deterministic choice among ``n`` for ``key``."""
    return zlib.crc32(key.encode("utf-8")) % n


def _width(text: str) -> float:
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def space_out(text: str) -> str:
    """Spaces around runs of ASCII next to Chinese, as a PDF extraction prints them.

    ``2006年7月28日第2006/46号`` → ``2006 年 7月 28 日第 2006/46 号`` (which sides get a space
    varies with the text, as it does in the corpus).
    """
    out: list[str] = []
    pos = 0
    for found in RE_ASCII_RUN.finditer(text):
        out.append(text[pos:found.start()])
        run = found.group(0)
        if not re.search(r"[A-Za-z0-9]", run):
            out.append(run)  # lone ASCII punctuation: no spaces (``(《经济``)
            pos = found.end()
            continue
        key = f"{text}|{found.start()}"
        before = found.start() > 0 and not text[found.start() - 1].isspace()
        after = found.end() < len(text) and not text[found.end()].isspace()
        left = " " if before and _choice(key + "L", 4) != 0 else ""
        right = " " if after and _choice(key + "R", 4) != 0 else ""
        out.append(f"{left}{run}{right}")
        pos = found.end()
    out.append(text[pos:])
    return "".join(out)


def overprint(lead: str) -> str:
    """A bold lead as a PDF extraction gives it: four times over, whole or word by word."""
    parts = [lead]
    if len(lead) > 1 and lead[0] in "又还" and _choice(lead, 2):
        parts = [lead[0], lead[1:]]
    elif lead.startswith("表示") and len(lead) > 2 and _choice(lead, 3):
        parts = ["表示", lead[2:]]
    return "".join(part * 4 for part in parts)


def _tokens(text: str) -> list[str]:
    """Characters, with each run of ASCII (and the spaces around it) kept as one unbreakable token."""
    tokens: list[str] = []
    pos = 0
    for found in re.finditer(r" *[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])? *", text):
        tokens.extend(text[pos:found.start()])
        tokens.append(found.group(0))
        pos = found.end()
    tokens.extend(text[pos:])
    return tokens


@dataclass
class _Piece:
    """A stretch of a paragraph's text, then the footnote markers printed after it."""

    text: str
    markers: list[int] = field(default_factory=list)


@dataclass
class _Line:
    """One printed line of a paragraph: stretches of text, each followed by its footnote markers.

    A marker is printed alone on the line after the stretch where it occurs; the next stretch of
    the same printed line follows on a line of its own, after a space.
    """

    chunks: list[tuple[str, list[int]]]
    starts_unit: bool = False
    heading: bool = False

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.chunks)

    @property
    def markers(self) -> list[int]:
        return [n for _, markers in self.chunks for n in markers]


def _pieces(unit: Unit) -> list[_Piece]:
    """The unit's text cut where its footnote markers are printed."""
    text = unit.text
    notes = list(unit.footnotes)
    if not notes:
        return [_Piece(text)]
    cut = None
    for anchor in MARKER_ANCHORS:
        at = text.find(anchor)
        if at >= 0 and at + len(anchor) < len(text) - 2:
            cut = at + len(anchor)
            break
    if cut is None:
        return [_Piece(text, notes)]
    return [_Piece(text[:cut], notes[:1]), _Piece(text[cut:], notes[1:])]


#: Punctuation that never starts a printed line: it stays at the end of the line before, which
#: is then one column over (``……特别是向最不发达国家，`` in 2013/9, OP11).
NO_LINE_START = "，。；：、）》”！？,.;:)"


def _wrap(tokens: list[str], first: float, width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    limit = first
    for token in tokens:
        if current and _width(current + token) > limit and token[0] not in NO_LINE_START:
            lines.append(current)
            current = ""
            limit = width
        current += token
    lines.append(current)
    return [line.strip(" ") for line in lines]


def _sub_letter(unit: Unit) -> str | None:
    found = re.fullmatch(r"\d+\((\w+)\)", unit.number or "")
    return found.group(1) if found else None


def _unit_lines(unit: Unit, width: int = LINE_WIDTH) -> list[_Line]:
    """The printed lines of one unit."""
    letter = _sub_letter(unit)
    if unit.kind == "heading":
        prefix, bold = "", ""
    elif letter:
        prefix, bold = f"({letter}) ", ""
    elif unit.kind == "operative":
        prefix, bold = f"{unit.number}. ", ""
    else:
        prefix, bold = "", ""
    pieces = _pieces(unit)
    if unit.lead and unit.kind != "heading" and not letter and unit.text.startswith(unit.lead):
        bold = overprint(unit.lead)
        pieces[0].text = pieces[0].text[len(unit.lead):]
    # The overprinted lead takes the room of one copy on the printed line.
    first_width = (width - (LINE_WIDTH - FIRST_LINE_WIDTH) - _width(prefix)
                   - _width(unit.lead or "") * bool(bold))
    lines: list[_Line] = []
    room = first_width
    for piece in pieces:
        wrapped = _wrap(_tokens(space_out(piece.text)), room, width)
        if lines and lines[-1].chunks[-1][1]:
            # The piece after a marker goes on printing where the line was cut.
            lines[-1].chunks.append((wrapped.pop(0), []))
        lines.extend(_Line([(text, [])]) for text in wrapped)
        if piece.markers:
            lines[-1].chunks[-1] = (lines[-1].chunks[-1][0], list(piece.markers))
        room = width - _width(lines[-1].text)
    first_text, first_markers = lines[0].chunks[0]
    lines[0].chunks[0] = (prefix + bold + first_text.lstrip(), first_markers)
    lines[0].starts_unit = True
    lines[0].heading = unit.kind == "heading"
    return lines


def _date(iso: str) -> tuple[int, int, int]:
    year, month, day = (int(p) for p in iso.split("-"))
    return year, month, day


def _footnote_lines(number: int, text: str) -> list[str]:
    wrapped = _wrap(_tokens(space_out(text)), FOOTNOTE_WIDTH, FOOTNOTE_WIDTH)
    out = [str(number), f" {wrapped[0]} " if len(wrapped) == 1 else f" {wrapped[0]}"]
    for more in wrapped[1:]:
        out.extend(["", f"{more} "])
    return out


def to_extracted(source: str | Resolution, *, width: int = LINE_WIDTH, page_lines: int = PAGE_LINES) -> str:
    """The text of ``source`` (a clean text or a Resolution) in the style of a PDF extraction.

    ``width`` (columns of a printed line) and ``page_lines`` (printed lines on a page) move the
    line and page breaks: other layouts of the same text, for testing a parser over many.
    """
    res = source if isinstance(source, Resolution) else resdiff.parse(source)
    symbol = res.symbol or ""
    number = symbol.split("/", 2)[-1] if symbol.count("/") >= 2 else None
    title = res.title or ""
    body = res.body or "经济及社会理事会"

    top: list[str] = []
    if res.adopted:
        y, m, d = _date(res.adopted)
        top += [f" {y} 年 {m} 月 {d}日{body}决议 ", ""]
        top += [f"[根据科学和技术促进发展委员会的建议(E/{y}/31)通过] ", ""]
    if title:
        head = f"{number}. {title}" if number else title
        top += [f"{head[:len(head) - len(title) + 21]} ", f"{head[len(head) - len(title) + 21:]} ", ""]
    top += [f"    {body * 4}， ", ""]

    # Pages of printed lines; a page's footnotes are those first referenced on it.
    pages: list[list[_Line]] = [[]]
    capacity = FIRST_PAGE_LINES
    for unit in res.units:
        for line in _unit_lines(unit, width):
            if len(pages[-1]) >= capacity:
                pages.append([])
                capacity = page_lines
            pages[-1].append(line)

    seen: set[int] = set()
    page_notes: list[list[int]] = []
    for page in pages:
        notes = []
        for line in page:
            for n in line.markers:
                if n not in seen and n in res.footnotes:
                    seen.add(n)
                    notes.append(n)
        page_notes.append(notes)
    # Footnotes never referenced are printed on the last page.
    page_notes[-1].extend(n for n in res.footnotes if n not in seen)

    header_split = 17
    out: list[str] = list(top)
    separated = False
    """Whether a footnote block or a running header stands between this page and the last."""
    for index, page in enumerate(pages):
        for k, line in enumerate(page):
            page_top = index > 0 and k == 0
            if line.starts_unit:
                if page_top and not separated:
                    # A paragraph at the top of a page follows the last line with no blank line.
                    out.pop()
                    lead_space = "  "
                elif line.heading and not page_top:
                    lead_space = ""
                else:
                    lead_space = " "
            else:
                lead_space = " " if page_top else ""
            last_of_unit = k + 1 == len(page) or page[k + 1].starts_unit
            trailing = " " if (last_of_unit and _choice(line.text, 4)) or line.heading else ""
            for c, (chunk, markers) in enumerate(line.chunks):
                text = (lead_space if c == 0 else " ") + chunk
                if not markers:
                    out.append(text + trailing)
                    continue
                out.append(text)
                out.extend(str(n) for n in markers)
                if c + 1 == len(line.chunks):
                    # A marker at the end of a line: a line of spaces follows it, as in the corpus.
                    out.append("  " if _choice(line.text, 2) else " ")
            out.append("")
        if index + 1 == len(pages):
            break
        separated = False
        if page_notes[index]:
            out += [" ", "", SEPARATOR]
            for j, n in enumerate(page_notes[index]):
                out += _footnote_lines(n, res.footnotes[n])
                if j + 1 < len(page_notes[index]):
                    out.append("")
            separated = True
        if index % 2 == 1 and title:
            out += ["", "", f"{title[:header_split]} ", "", f"{title[header_split:]} {symbol}", "",
                    " ", "", f" {index + 2}/{len(pages)} ", ""]
            separated = True

    out += [" ", ""]
    if res.adopted:
        y, m, d = _date(res.adopted)
        out += [f"{y} 年 {m}月 {d} 日 ", ""]
    if res.meeting:
        found = re.fullmatch(r"第(\d+)次(.*)", res.meeting)
        meeting = f"第 {found.group(1)} 次{found.group(2)} " if found else f"{res.meeting} "
        out += [meeting, ""]
    if page_notes[-1]:
        out += [" ", "", SEPARATOR]
        for j, n in enumerate(page_notes[-1]):
            out += _footnote_lines(n, res.footnotes[n])
            if j + 1 < len(page_notes[-1]):
                out.append("")
    out += [" ", "", ""]
    return "\n".join(out)


def main(argv: list[str]) -> int:
    for path in argv:
        with open(path, encoding="utf-8") as handle:
            sys.stdout.write(to_extracted(handle.read()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
