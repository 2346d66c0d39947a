"""Extraction artefacts out, and the stream of typed lines every form of a text becomes.

The small pure ``str -> str`` fixes each undo one thing a PDF-to-text extraction (or a web
copy) does to a resolution. :func:`text_lines` applies them to a whole text and yields the
stream the structure builder reads: :class:`Line` s that each say what the page showed (their
text, bold and italic runs, raised footnote marks) and where (body, masthead, page header or
footer, footnote). The builder never looks at the source text itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from resdiff import patterns as P
from resdiff.lexicon import match_lead

#: Two characters that a UTF-8 text read as Latin-1 or Windows-1252 is full of: ``ç»``, ``ä¼š``.
_RE_MOJIBAKE_HINT = re.compile(r"[\u00c2-\u00f4][\u0080-\u00bf\u0152-\u2122]")

#: A text with this many such pairs in its first 4,000 characters is garbled.
MOJIBAKE_HINTS = 5


def repair_mojibake(text: str) -> tuple[str, str]:
    """A text garbled by a wrong encoding (UTF-8 read as Latin-1 or Windows-1252, and saved)
    put right by ftfy, and what was found: ``clean``, ``repaired``, or ``garbled`` when the
    garbling is still there after the repair (bytes were lost on the way). Only the encoding is
    fixed: the width of characters, quotes and everything else stay as printed."""
    if not _RE_MOJIBAKE_HINT.search(text, 0, 4000) or len(_RE_MOJIBAKE_HINT.findall(text, 0, 4000)) < MOJIBAKE_HINTS:
        return text, "clean"
    import ftfy

    fixed = ftfy.fix_encoding(text)
    # What is still garbled, or replaced by U+FFFD on the way (bytes that were lost), cannot be
    # put right.
    if len(_RE_MOJIBAKE_HINT.findall(fixed, 0, 4000)) >= MOJIBAKE_HINTS or "\ufffd" in fixed:
        return fixed, "garbled"
    return fixed, "repaired"


def fold_spaces(text: str) -> str:
    """Whitespace next to CJK removed (``2013 年 7 月`` → ``2013年7月``), other runs folded to one space."""
    if " " not in text and "\t" not in text and "\u3000" not in text and "\xa0" not in text:
        return text.strip()
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


@dataclass(frozen=True, slots=True)
class Doubt:
    """Something a normaliser found doubtful on a line; the builder names the unit it went to."""

    index: int
    """The source line (0-based); ``-1`` for the text as a whole."""
    code: str
    message: str


@dataclass
class Stream:
    """The typed lines of one text, in reading order, and what its form says of them."""

    lines: list[Line]
    wraps: bool
    """A paragraph may wrap over several lines (a PDF extraction); otherwise it is one line."""
    doubts: list[Doubt] = field(default_factory=list)
    """What the normaliser could not be sure of (a digit glued after a mark that no footnote
    explains, a repaired encoding …)."""

    @property
    def body(self) -> list[Line]:
        return [line for line in self.lines if line.role == "body"]

    @property
    def footnotes(self) -> dict[int, str]:
        return {line.note: line.text for line in self.lines if line.role == "footnote" and line.note is not None}

    @property
    def masthead_symbols(self) -> list[str]:
        """Symbols printed in the masthead (``联合国 A/RES/78/123``, ``A/C.2/78/L.12``)."""
        found = []
        for line in self.lines:
            if line.role == "masthead":
                symbol = P.RE_SYMBOL.search(line.text) or P.RE_DRAFT_SYMBOL.search(line.text)
                if symbol:
                    found.append(symbol.group(0))
        return found

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
    head: str = ""
    """The text after its number or letter, as found in the source."""
    overprint: tuple[str, str | None] | None = None
    """``collapse_overprint(head)``, once computed."""

    @property
    def text(self) -> str:
        return self.raw.strip()


def _is_blank(line: str) -> bool:
    return line.isspace() or not line


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
    if text[:1] in _FULLWIDTH_OPENERS:
        ascii_text = numbering_to_ascii(text)
        number = P.RE_OP_NUMBER.match(ascii_text) or P.RE_SUB_LETTER.match(ascii_text)
        if number:
            text = ascii_text
    else:
        number = P.RE_OP_NUMBER.match(text) or P.RE_SUB_LETTER.match(text)
    at = number.start("rest") if number else 0
    runs: tuple[Run, ...] = ()
    if text.startswith("**", at):
        bold_mark = P.RE_MARKED_BOLD.match(text, at)
        if bold_mark:
            bold = bold_mark.group("bold")
            text = text[:at] + bold + text[bold_mark.end():]
            runs = (Run(at, at + len(bold), "bold"),)
    elif not marked:
        rest = text[at:]
        # The overprint of the head found while the lines were read, unless the numbering changed.
        known = line.overprint if line.overprint is not None and line.head.rstrip() == rest else None
        collapsed, bold_text = known or collapse_overprint(rest)
        if bold_text is not None:
            text = text[:at] + collapsed.lstrip()
            runs = (Run(at, at + len(bold_text), "bold"),)
    text = text.strip()
    marks = tuple(Mark(n, len(text)) for n in line.markers)
    return Line(text, runs, marks, "body", line.index)


#: What a line with full-width numbering opens with: ``１．``, ``（ａ）``.
_FULLWIDTH_OPENERS = frozenset("（０１２３４５６７８９")


#: The masthead and the sheet's furniture stand among this many lines at the top.
MASTHEAD_LINES = 25


def _mark_masthead(lines: list[Line]) -> None:
    """Give the masthead's lines at the top (``联合国``, ``Distr.: General``, the session and
    agenda lines …) their role, up to the body line."""
    for k, line in enumerate(lines[:MASTHEAD_LINES]):
        if line.text.endswith(("，", ",")):
            break
        if line.text and P.RE_MASTHEAD.match(line.text):
            lines[k] = Line(line.text, line.runs, line.marks, "masthead", line.index)


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
    lines = [line for line in text.replace("\r", "").split("\n") if line.strip()][:MASTHEAD_LINES]
    body_at = None
    for k, line in enumerate(lines):
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
        elif not (P.RE_TOP_DATE_LINE.match(line) or P.RE_RECOMMENDATION.match(line) or P.RE_MASTHEAD.match(line)
                  or (symbol_only and not symbol_only.group("before"))):
            parts.append(line)
    return fold_spaces(" ".join(parts)) if parts else None


def _glued_readings(marks: str) -> list[list[int]]:
    """The ways to read glued references: ``12`` is footnote 12 or footnotes 1 and 2."""
    tokens = list(P.RE_GLUED_ONE.finditer(marks))
    numbers = [int(t.group(1) or t.group(2)) for t in tokens if t.group(1) or t.group(2)]
    if len(numbers) == len(tokens):
        return [numbers]
    if len(tokens) == 1:
        digits = tokens[0].group(0)
        return [[int(digits)], [int(ch) for ch in digits]] if len(digits) > 1 else [[int(digits)]]
    return []


def _ends_glued(line: str) -> bool:
    """A line ending in a reference glued to its last word (``前面的道路6``)."""
    tail = line.rstrip()
    if tail[-1:] not in "0123456789)）]" or (tail.endswith("]") and "[^" in tail[-6:]):
        return False
    return P.RE_GLUED_WORD.search(tail[-8:]) is not None


def _web_notes(text: str, source: list[str]) -> tuple[dict[int, int], set[int] | None]:
    """The lines of a web copy that are footnote texts (``1 见……``, ``[1] 见……``, ``(1) 见……``),
    as {line index: footnote number}, and the footnote numbers glued references may stand for
    (``None`` when no reference is glued: nothing is then to be taken out of the lines).

    A line that opens with a number is a footnote text only if some paragraph refers to that
    number; an extraction (with its separator rules) has none of these.
    """
    if not P.RE_GLUED_ANY.search(text) and not any(map(_ends_glued, source)):
        return {}, None
    candidates: dict[int, int] = {}
    cited: set[int] = set()
    defined: set[int] = set()
    glued_seen = False
    for k, line in enumerate(source):
        if P.RE_SEPARATOR.match(line):
            return {}, None
        first = line[:1]
        if first in "[¹²³⁴⁵⁶⁷⁸⁹⁰":
            note = P.RE_FOOTNOTE_DEF.match(line)
            if note:
                defined.add(int(note.group("n") or note.group("sup").translate(P.SUPERSCRIPT_DIGITS)))
                continue
        if first.isdigit() or first in "[(（":
            web = P.RE_WEB_NOTE_DEF.match(line)
            if web:
                candidates[k] = int(web.group("a") or web.group("b") or web.group("c"))
        last = line.rstrip()[-1:]
        if last.isdigit() or last in ")）]":
            glued = P.RE_GLUED_END.search(line)
            if glued:
                glued_seen = True
                cited.update(n for reading in _glued_readings(glued.group("marks")) for n in reading)
            else:
                word = P.RE_GLUED_WORD.search(line)
                if word:
                    glued_seen = True
                    cited.add(int(word.group("n") or word.group("p") or word.group("b")))
        for found in P.RE_GLUED_INSIDE.finditer(line):
            glued_seen = True
            cited.add(int(found.group("n")))
        if "[" in line:
            cited.update(int(found.group("n")) for found in P.RE_INLINE_MARKER.finditer(line) if found.group("n"))
    notes = {k: n for k, n in candidates.items() if n in cited}
    return notes, (defined | set(notes.values())) if glued_seen else None


def typed_note(line: str) -> tuple[int, str] | None:
    """A footnote's text typed as a line of the body, as a web copy pasted into a document or
    printed to PDF gives it: ``1 见……``, ``1见……`` (the space lost next to CJK), ``[1] 见……``,
    ``(1) 见……``; its number and text. Not ``1. 注意到``, nor a line opening with a date."""
    found = P.RE_TYPED_NOTE_DEF.match(line)
    if found:
        return int(found.group("n")), found.group("text")
    web = P.RE_WEB_NOTE_DEF.match(line)
    if web:
        return int(web.group("a") or web.group("b") or web.group("c")), web.group("text")
    return None


def trailing_notes(lines: Sequence[str], notes: Sequence[tuple[int, str] | None]) -> int:
    """Where the footnote texts typed at the end of a document start (``notes[k]``: line ``k`` read
    as one, :func:`typed_note`): after the last line that is neither blank nor a footnote text, and
    only when every number in that block is referred to above it (``[^1]``; a line may open with a
    number for other reasons) and the text defines no footnote the clean way. ``len(lines)`` when
    there is no such block. The one rule of the text parser and the Word reader."""
    k = len(lines)
    while k and (_is_blank(lines[k - 1]) or notes[k - 1] is not None):
        k -= 1
    numbers = {note[0] for note in notes[k:] if note is not None}
    if not numbers:
        return len(lines)
    cited: set[int] = set()
    for line in lines[:k]:
        if P.RE_FOOTNOTE_DEF.match(line):
            return len(lines)
        cited.update(int(found.group("n")) for found in P.RE_INLINE_MARKER.finditer(line) if found.group("n"))
    return k if numbers <= cited else len(lines)


def _typed_notes(source: list[str]) -> dict[int, tuple[int, str]]:
    """The last lines of a text with raised references (``[^1]``) that are footnote texts typed
    into the body (``1见……``), as {line index: (footnote number, text)} (:func:`trailing_notes`)."""
    notes = [typed_note(line) for line in source]
    return {k: note for k in range(trailing_notes(source, notes), len(source))
            if (note := notes[k]) is not None}


def _take_glued(raw: str, defined: set[int]) -> tuple[str, list[int], str | None]:
    """References glued after a mark (``…文件,1``), taken out when a footnote explains them;
    otherwise the text is kept and the digits are named as doubtful."""
    numbers: list[int] = []

    def _inside(found: re.Match[str]) -> str:
        n = int(found.group("n"))
        if n in defined:
            numbers.append(n)
            return ""
        return found.group(0)

    if defined:
        raw = P.RE_GLUED_INSIDE.sub(_inside, raw)
    glued = P.RE_GLUED_END.search(raw)
    if not glued:
        word = P.RE_GLUED_WORD.search(raw)
        n = int(word.group("n") or word.group("p") or word.group("b")) if word else None
        if word and n in defined:
            return raw[: word.start()], [*numbers, int(n)], None
        return raw, numbers, None
    for reading in _glued_readings(glued.group("marks")):
        if reading and all(n in defined for n in reading):
            return raw[: glued.start()], numbers + reading, None
    marks = glued.group("marks").strip()
    if len(marks) <= 2:
        return raw, numbers, marks
    return raw, numbers, None


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
    web_notes, defined = _web_notes(text, source)
    typed_notes = _typed_notes(source) if "[^" in text and not web_notes else {}
    doubts: list[Doubt] = []
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
        if i - 1 in web_notes:
            web = P.RE_WEB_NOTE_DEF.match(line)
            assert web is not None
            footnotes[web_notes[i - 1]] = fold_spaces(web.group("text"))
            continue
        if i - 1 in typed_notes:
            note_number, note_text = typed_notes[i - 1]
            footnotes[note_number] = fold_spaces(note_text)
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
        # Every symbol holds ``RES/``: a line without it is no header, known without the pattern
        # (whose lazy start tries every position of a long line: a third of a parse).
        header = P.RE_SYMBOL_LINE.match(line) if "RES/" in line else None
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
        if defined is not None:
            raw, glued, stray = _take_glued(raw, defined)
            inline += glued
            if stray:
                doubts.append(Doubt(i - 1, "stray-digit",
                                    f"“{stray}” stands after the last mark of line {i} and no footnote "
                                    "explains it: it is kept in the text"))
        numbered = P.RE_OP_NUMBER.match(raw) or P.RE_SUB_LETTER.match(raw)
        head = (numbered.group("rest") if numbered else raw).lstrip()
        overprint = None
        if head.startswith("**"):
            marked = True
        else:
            overprint = collapse_overprint(head)
            extracted = extracted or overprint[1] is not None
        kept.append(_Raw(raw=raw, markers=inline, index=i - 1, head=head, overprint=overprint))
    # A text that marks its bold (the clean format) has no overprinted bold to undo: a paragraph
    # there that opens with a word three times over is text.
    lines = [_typed(line, marked) for line in kept]
    _mark_masthead(lines)
    notes = [Line(body, role="footnote", index=len(source), note=n) for n, body in footnotes.items()]
    ordered = sorted([*lines, *others], key=lambda line: line.index)
    return Stream(ordered + notes, wraps=extracted and not marked, doubts=doubts)
