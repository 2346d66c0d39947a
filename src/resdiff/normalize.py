"""Extraction artefacts out: small pure ``str -> str`` fixes and the line-level cleaner.

Every function here undoes one thing a PDF-to-text extraction (or a web copy) does to a
resolution; :func:`clean_lines` applies the line-level ones and returns the lines that carry
text, each with the footnote references found beside it, plus the footnote texts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from resdiff import patterns as P


def fold_spaces(text: str) -> str:
    """Whitespace next to CJK removed (``2013 年 7 月`` → ``2013年7月``), other runs folded to one space."""
    text = P.RE_CJK_SPACE.sub("", text)
    return P.RE_SPACES.sub(" ", text).strip()


def collapse_overprint(text: str) -> tuple[str, str | None]:
    """Undo bold printed several times over at the start of ``text``.

    Returns the text with each run collapsed and the bold part, or ``None`` if there was none:
    ``又又又又确认确认确认确认由秘书长`` → (``又确认由秘书长``, ``又确认``). A doubled word is
    left alone (``关于关于``): a bold run is printed three times or more.
    """
    stripped = text.lstrip()
    bold = ""
    pos = 0
    while True:
        found = P.RE_OVERPRINT.match(stripped, pos)
        # A bold lead is words; a run of repeated digits or signs (``111 段``) is text.
        if not found or not P.RE_CJK_WORD.search(found.group(1)):
            break
        bold += found.group(1)
        pos = found.end()
    if not bold:
        return text, None
    return bold + stripped[pos:], bold.strip()


def numbering_to_ascii(line: str) -> str:
    """Full-width numbering at the start of a line made ASCII: ``１．`` → ``1.``, ``（ａ）`` → ``(a)``."""
    head = re.match(r"^\s*[（(]?[０-９ａ-ｚ0-9a-z]{1,3}[）)．.]?", line)
    if not head:
        return line
    return head.group(0).translate(P.FULLWIDTH_NUMBERING).replace("．", ".").replace("（", "(").replace(
        "）", ")") + line[head.end():]


def take_inline_markers(line: str) -> tuple[str, list[int]]:
    """Footnote references written inside a line (``[^1]``, ``[1]``, ``¹``) removed and returned."""
    numbers: list[int] = []

    def _take(found: re.Match[str]) -> str:
        if found.group("n"):
            numbers.append(int(found.group("n")))
        else:
            numbers.append(int(found.group("sup").translate(P.SUPERSCRIPT_DIGITS)))
        return ""

    return P.RE_INLINE_MARKER.sub(_take, line), numbers


@dataclass
class Line:
    """A line of text that survived cleaning."""

    raw: str
    """The line as it was, without the footnote references."""
    markers: list[int] = field(default_factory=list)
    """Footnote references that stood on this line or alone on the lines after it."""
    index: int = 0
    """Its position among the source lines (0-based), for error messages."""

    @property
    def text(self) -> str:
        return self.raw.strip()


@dataclass
class Cleaned:
    """The result of :func:`clean_lines`."""

    lines: list[Line]
    footnotes: dict[int, str]
    header_symbols: list[str]
    """Symbols found in running page headers (``E/RES/2013/9``)."""
    extracted: bool
    """The text shows a PDF extraction's artefacts (overprinted bold, footnote separators)."""
    marked: bool = False
    """The text marks its bold leads ``**…**`` (the clean format): overprint is not looked for."""


def _is_blank(line: str) -> bool:
    return not line.strip()


def _read_footnote_block(lines: list[str], i: int, footnotes: dict[int, str]) -> int:
    """Read the footnotes that start after a separator at ``i``; return the index after the block.

    A block is a run of number lines, each followed by its text; a text runs on over lines that
    are not indented until it ends with ``。``. The block ends at the first line that is neither:
    the paragraph it interrupted goes on there.
    """
    j = i + 1
    while True:
        k = j
        while k < len(lines) and _is_blank(lines[k]):
            k += 1
        number = P.RE_MARKER_LINE.match(lines[k]) if k < len(lines) else None
        if not number:
            return j
        k += 1
        while k < len(lines) and _is_blank(lines[k]):
            k += 1
        if k >= len(lines):
            return k
        body = lines[k].strip()
        k += 1
        while not body.endswith("。"):
            m = k
            while m < len(lines) and _is_blank(lines[m]):
                m += 1
            if (m >= len(lines) or P.RE_MARKER_LINE.match(lines[m]) or lines[m][:1].isspace()
                    or P.RE_SEPARATOR.match(lines[m])):
                break
            body += " " + lines[m].strip()
            k = m + 1
        footnotes[int(number.group("n"))] = fold_spaces(body)
        j = k


#: A running header takes at most this many printed lines.
HEADER_LINES = 3


def _is_title_part(line: str, title_key: str) -> bool:
    key = re.sub(r"\s+", "", line)
    return bool(title_key) and len(key) >= 4 and key in title_key


def _drop_title_lines(kept: list[Line], title_key: str) -> None:
    """Drop the lines just kept that repeat (part of) the title: a running header's first part."""
    while kept and not kept[-1].markers and _is_title_part(kept[-1].raw, title_key):
        kept.pop()


def clean_lines(text: str, *, title_hint: str | None = None) -> Cleaned:
    """Split ``text`` into lines and remove footnote blocks, page headers, page numbers and job codes.

    Footnote markers alone on a line are attached to the line of text before them. ``title_hint``
    is the title as far as it is known; running headers repeat it and are recognised by it.
    """
    source = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    footnotes: dict[int, str] = {}
    header_symbols: list[str] = []
    extracted = False
    marked = False
    after_page_break = 0
    kept: list[Line] = []
    title_key = re.sub(r"\s+", "", title_hint or "")
    i = 0
    while i < len(source):
        line = source[i]
        if P.RE_SEPARATOR.match(line):
            extracted = True
            i = _read_footnote_block(source, i, footnotes)
            continue
        i += 1
        if _is_blank(line):
            continue
        definition = P.RE_FOOTNOTE_DEF.match(line)
        if definition:
            number = definition.group("n") or definition.group("sup").translate(P.SUPERSCRIPT_DIGITS)
            footnotes[int(number)] = fold_spaces(definition.group("text"))
            continue
        if P.RE_PAGE_NUMBER.match(line) or P.RE_JOB_CODE.match(line):
            # A page break: a running header of the title (without a symbol, as in a draft)
            # stands just before the page number or just after it.
            _drop_title_lines(kept, title_key)
            after_page_break = HEADER_LINES
            continue
        header = P.RE_SYMBOL_LINE.match(line)
        if header and kept:
            # A running header: the symbol alone or after (part of) the title. The title's first
            # part may stand on the lines just before it; those are dropped too.
            before = re.sub(r"\s+", "", header.group("before"))
            if not before or (title_key and before in title_key):
                header_symbols.append(header.group("symbol"))
                _drop_title_lines(kept, title_key)
                continue
        if after_page_break:
            after_page_break -= 1
            if _is_title_part(line, title_key):
                continue
        marker = P.RE_MARKER_LINE.match(line)
        if marker:
            if kept:
                kept[-1].markers.append(int(marker.group("n")))
            continue
        raw, inline = take_inline_markers(line)
        head = P.RE_OP_NUMBER.sub(r"\g<rest>", P.RE_SUB_LETTER.sub(r"\g<rest>", raw)).lstrip()
        if head.startswith("**"):
            marked = True
        elif collapse_overprint(head)[1] is not None:
            extracted = True
        kept.append(Line(raw=raw, markers=inline, index=i - 1))
    # A text that marks its bold (the clean format) has no overprinted bold to undo: a paragraph
    # there that opens with a word three times over is text.
    return Cleaned(kept, footnotes, header_symbols, extracted and not marked, marked)
