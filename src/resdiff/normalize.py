"""Extraction artefacts out, and the stream of typed lines every form of a text becomes.

The small pure ``str -> str`` fixes each undo one thing a PDF-to-text extraction (or a web
copy) does to a resolution. :func:`text_lines` applies them to a whole text and yields the
stream the structure builder reads: :class:`Line` s that each say what the page showed (their
text, bold and italic runs, raised footnote marks) and where (body, masthead, page header or
footer, footnote). The builder never looks at the source text itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from resdiff import patterns as P
from resdiff.lexicon import match_lead


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


Role = Literal["body", "masthead", "header", "footnote"]
"""Where a line stands on the page: the resolution's own text (``body``), the first page's
masthead (``联合国``, ``Distr.: General``, the job number, the barcode), a running page header
or footer (``header``), or a footnote's text (``footnote``)."""

Style = Literal["bold", "italic"]


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of a line's text set in a style: ``text[start:end]`` was bold or italic."""

    start: int
    end: int
    style: Style


@dataclass(frozen=True, slots=True)
class Mark:
    """A raised mark (a footnote reference) that stood in a line: its number and where it stood."""

    number: int
    at: int
    """The offset in the line's text before which it stood."""


@dataclass(frozen=True, slots=True)
class Line:
    """One typed line of the stream every reader and normaliser yields and the builder reads.

    The stream is language-neutral: it knows nothing of leads or paragraph kinds, only what the
    page showed. Each reader turns its form (a PDF extraction, a clean text, a web copy, a Word
    file, a PDF) into these lines; a new form is a new reader, never a new branch in the builder.
    """

    text: str
    """The line as printed, without extraction artefacts: bold printed several times over is
    collapsed, ``**`` marks and footnote references are taken out, full-width numbering at its
    start is ASCII (``１．`` → ``1.``); stripped at both ends."""
    runs: tuple[Run, ...] = ()
    """Bold or italic stretches of ``text``."""
    marks: tuple[Mark, ...] = ()
    """The raised marks (footnote references) that stood on this line, or alone on the lines
    after it, in reading order."""
    role: Role = "body"
    """Where it stood: the body text, the masthead, a running header or footer, a footnote."""
    index: int = 0
    """Its position among the source lines (0-based), for messages."""
    note: int | None = None
    """For a ``footnote`` line, the number of the footnote whose text it is."""

    @property
    def markers(self) -> list[int]:
        """The footnote numbers the line refers to, in order."""
        return [m.number for m in self.marks]

    def bold_at(self, start: int = 0) -> str | None:
        """The bold stretch that begins at ``start`` (spaces skipped), or ``None``."""
        while start < len(self.text) and self.text[start] == " ":
            start += 1
        for run in self.runs:
            if run.style == "bold" and run.start == start:
                return self.text[run.start:run.end]
        return None


@dataclass
class Stream:
    """The typed lines of one text, in reading order, and what its form says of them."""

    lines: list[Line]
    wraps: bool
    """A paragraph may wrap over several lines (a PDF extraction); otherwise it is one line."""

    @property
    def body(self) -> list[Line]:
        return [line for line in self.lines if line.role == "body"]

    @property
    def footnotes(self) -> dict[int, str]:
        return {line.note: line.text for line in self.lines if line.role == "footnote" and line.note is not None}

    @property
    def header_symbols(self) -> list[str]:
        """Symbols found in running page headers (``E/RES/2013/9``)."""
        return [found.group(0) for line in self.lines if line.role == "header"
                for found in P.RE_SYMBOL.finditer(line.text)]


@dataclass
class _Raw:
    """A kept source line while the cleaner works: its text and the references found by it."""

    raw: str
    markers: list[int] = field(default_factory=list)
    index: int = 0

    @property
    def text(self) -> str:
        return self.raw.strip()


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


def _drop_title_lines(kept: list[_Raw], title_key: str, dropped: list[Line]) -> None:
    """Drop the lines just kept that repeat (part of) the title: a running header's first part."""
    while kept and not kept[-1].markers and _is_title_part(kept[-1].raw, title_key):
        gone = kept.pop()
        dropped.append(Line(gone.text, role="header", index=gone.index))


def _typed(line: _Raw, marked: bool) -> Line:
    """A kept source line as a typed line: numbering in ASCII, the bold lead after the number
    found (``**…**`` in a marked text, bold printed over itself in an extraction)."""
    text = line.text
    ascii_text = numbering_to_ascii(text)
    number = P.RE_OP_NUMBER.match(ascii_text) or P.RE_SUB_LETTER.match(ascii_text)
    if number:
        text = ascii_text
    at = number.start("rest") if number else 0
    rest = text[at:]
    runs: tuple[Run, ...] = ()
    bold_mark = P.RE_MARKED_BOLD.match(rest)
    if bold_mark:
        bold = bold_mark.group("bold")
        text = text[:at] + bold + rest[bold_mark.end():]
        runs = (Run(at, at + len(bold), "bold"),)
    elif not marked:
        collapsed, bold_text = collapse_overprint(rest)
        if bold_text is not None:
            text = text[:at] + collapsed.lstrip()
            runs = (Run(at, at + len(bold_text), "bold"),)
    text = text.strip()
    marks = tuple(Mark(n, len(text)) for n in line.markers)
    return Line(text, runs, marks, "body", line.index)


def _raw_body_line(text: str) -> bool:
    collapsed = collapse_overprint(text)[0].strip()
    if collapsed.startswith("**"):
        return False
    return collapsed.endswith(("，", ",")) and len(collapsed) <= 20 and match_lead(collapsed) is None


def _raw_starts_unit(text: str) -> bool:
    if P.RE_OP_NUMBER.match(numbering_to_ascii(text)) or text.lstrip().startswith("**"):
        return True
    return match_lead(collapse_overprint(text)[0].strip()) is not None


def title_hint(text: str) -> str | None:
    """The title as printed at the top, joined over its lines, before the lines are cleaned:
    the numbered title line and what follows it up to the body line, or, in a draft without a
    number, the lines before the body line that are not the date, symbol or recommendation.
    Running headers repeat it and are recognised by it."""
    lines = [line for line in text.replace("\r", "").split("\n") if line.strip()][:12]
    body_at = None
    for k, line in enumerate(lines[:15]):
        if _raw_body_line(line):
            body_at = k
            break
        if _raw_starts_unit(line):
            break
    if body_at is None:  # no body line: the title, if any, stands before the first paragraph
        body_at = next((k for k, line in enumerate(lines) if _raw_starts_unit(line)), 0)
    parts: list[str] = []
    for line in lines[:body_at]:
        found = P.RE_TITLE.match(line)
        symbol_only = P.RE_SYMBOL_LINE.match(line)
        if found:
            parts = [found.group("title")]
        elif not (P.RE_TOP_DATE_LINE.match(line) or P.RE_RECOMMENDATION.match(line)
                  or (symbol_only and not symbol_only.group("before"))):
            parts.append(line)
    return fold_spaces(" ".join(parts)) if parts else None


def text_lines(text: str) -> Stream:
    """The typed lines of a text: a PDF extraction with its artefacts, or the clean text format
    (which the PDF and Word readers write), or a copy from a web page.

    Footnote blocks, running headers, page numbers and job codes become lines of their roles;
    footnote markers alone on a line are attached to the line of text before them.
    """
    source = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    footnotes: dict[int, str] = {}
    others: list[Line] = []
    extracted = False
    marked = False
    after_page_break = 0
    kept: list[_Raw] = []
    title_key = re.sub(r"\s+", "", title_hint(text) or "")
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
            _drop_title_lines(kept, title_key, others)
            others.append(Line(line.strip(), role="header", index=i - 1))
            after_page_break = HEADER_LINES
            continue
        header = P.RE_SYMBOL_LINE.match(line)
        if header and kept:
            # A running header: the symbol alone or after (part of) the title. The title's first
            # part may stand on the lines just before it; those are dropped too.
            before = re.sub(r"\s+", "", header.group("before"))
            if not before or (title_key and before in title_key):
                others.append(Line(header.group("symbol"), role="header", index=i - 1))
                _drop_title_lines(kept, title_key, others)
                continue
        if after_page_break:
            after_page_break -= 1
            if _is_title_part(line, title_key):
                others.append(Line(line.strip(), role="header", index=i - 1))
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
        kept.append(_Raw(raw=raw, markers=inline, index=i - 1))
    # A text that marks its bold (the clean format) has no overprinted bold to undo: a paragraph
    # there that opens with a word three times over is text.
    lines = [_typed(line, marked) for line in kept]
    notes = [Line(body, role="footnote", index=len(source), note=n) for n, body in footnotes.items()]
    ordered = sorted([*lines, *others], key=lambda line: line.index)
    return Stream(ordered + notes, wraps=extracted and not marked)
