"""Typed lines → Resolution: the top matter, the units, their leads and footnotes, the end matter.

The builder reads only the stream of :class:`~resdiff.normalize.Line` s that a reader or
normaliser yields (``normalize.text_lines`` for texts); it never looks at the source. The text
of a unit may arrive in many lines (a PDF extraction wraps mid-word and interrupts paragraphs
with footnotes: the stream then ``wraps``) or in one (a web copy). A line starts a new unit when
it carries an operative number in sequence, a sub-paragraph letter in sequence, a bold lead in
the preamble, or when it is a heading; everything else continues the unit before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from resdiff import patterns as P
from resdiff.errors import NotAResolutionError
from resdiff.language import detect_language
from resdiff.lexicon import match_lead
from resdiff.model import Resolution, Unit, UnitKind
from resdiff.normalize import Line, Stream, fold_spaces, text_lines

#: Symbol prefixes of resolutions by the body that adopts them.
BODY_PREFIXES = {
    "经济及社会理事会": "E/RES/",
    "大会": "A/RES/",
    "安全理事会": "S/RES/",
    "人权理事会": "A/HRC/RES/",
}

#: Punctuation that ends a complete unit of each kind.
_COMPLETE = {
    "preambular": ("，", ",", "；", ";", "。"),
    "operative": ("；", ";", "。", "：", ":", "."),
    "heading": (),
}

#: Longest heading, in characters.
MAX_HEADING = 40

#: A heading wraps onto at most this many printed lines.
MAX_HEADING_LINES = 3


@dataclass
class _Draft:
    kind: UnitKind
    number: str | None
    bold: str | None
    parts: list[str] = field(default_factory=list)
    footnotes: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return fold_spaces(" ".join(self.parts))

    def complete(self) -> bool:
        if self.kind == "heading":
            return True
        # The text ends where its last part with any text ends (folding only removes spaces).
        last = next((part.rstrip() for part in reversed(self.parts) if part.strip()), "")
        return last.endswith(_COMPLETE[self.kind])

    def add_markers(self, markers: list[int]) -> None:
        for n in markers:
            if n not in self.footnotes:
                self.footnotes.append(n)


@dataclass
class _Top:
    symbol: str | None = None
    number: str | None = None
    title: str | None = None
    body: str | None = None
    top_date: str | None = None
    adopted: str | None = None
    meeting: str | None = None


def _iso(found: re.Match[str]) -> str:
    return f"{int(found.group('y')):04d}-{int(found.group('m')):02d}-{int(found.group('d')):02d}"


def _bold_lead(line: Line, start: int = 0) -> str | None:
    """A bold stretch at ``start`` with more text after it than punctuation: a lead."""
    bold = line.bold_at(start)
    if bold is None:
        return None
    rest = line.text[line.text.index(bold, start) + len(bold):]
    return bold if rest.strip("，。；：、,.;: \u3000") else None


def _is_body_line(line: Line) -> bool:
    """The line addressing the body: ``经济及社会理事会，`` (short, a final comma, no lead)."""
    text = line.text
    if _bold_lead(line):
        return False
    return text.endswith(("，", ",")) and len(text) <= 20 and match_lead(text) is None


def _starts_unit(line: Line) -> bool:
    """A line that can only be a paragraph: numbered, or opening with a bold or known lead."""
    if P.RE_OP_NUMBER.match(line.text) or _bold_lead(line):
        return True
    return match_lead(line.text) is not None


def _body_line_at(lines: list[Line]) -> int | None:
    """Where the body line stands: among the first lines, before any paragraph has begun."""
    for k, line in enumerate(lines[:15]):
        if _is_body_line(line):
            return k
        if _starts_unit(line):
            return None
    return None


def _read_top(lines: list[Line], top: _Top) -> int:
    """Read symbol, date, recommendation, title and body lines; return the index of the first unit line.

    The title is the numbered line (``2013/9. …``) and its continuation, or, in a draft that has
    no number yet, whatever else stands before the body line.
    """
    head = min(len(lines), 15)
    body_at = _body_line_at(lines[:head])
    title_parts: list[str] = []
    end = body_at if body_at is not None else head
    i = 0
    while i < end:
        text = lines[i].text
        symbol_only = P.RE_SYMBOL_LINE.match(text)
        top_date = P.RE_TOP_DATE_LINE.match(text)
        numbered = P.RE_TITLE.match(text)
        if symbol_only and not symbol_only.group("before"):
            top.symbol = symbol_only.group("symbol")
        elif top_date:
            top.top_date = _iso(top_date)
            top.body = top.body or (top_date.group("body") or None)
        elif P.RE_RECOMMENDATION.match(text):
            pass
        elif not title_parts and numbered:
            top.number = numbered.group("number")
            title_parts.append(numbered.group("title"))
        elif body_at is not None or (title_parts and not P.RE_OP_NUMBER.match(text)):
            title_parts.append(text)
        else:
            break  # no body line: the units start here
        i += 1
    if body_at is not None and i == body_at:
        top.body = fold_spaces(lines[body_at].text[:-1])
        i += 1
    if title_parts:
        top.title = fold_spaces(" ".join(title_parts))
    return i


def _read_end(lines: list[Line], top: _Top) -> int:
    """Read the date and meeting lines at the end; return the index after the last unit line."""
    end = len(lines)
    while end > 0:
        text = lines[end - 1].text
        date = P.RE_END_DATE_LINE.match(text)
        meeting = P.RE_MEETING_LINE.match(text)
        if date and top.adopted is None:
            top.adopted = _iso(date)
        elif meeting and top.meeting is None:
            top.meeting = fold_spaces(text)
        else:
            break
        end -= 1
    return end


class _Builder:
    """The state machine over the unit lines."""

    def __init__(self, lines: list[Line], wraps: bool, *, max_heading: int = MAX_HEADING,
                 max_heading_lines: int = MAX_HEADING_LINES) -> None:
        self.lines = lines
        self.extracted = wraps
        self.max_heading = max_heading
        self.max_heading_lines = max_heading_lines
        self.units: list[_Draft] = []
        self.last_op: int | None = None
        self.last_letter: str | None = None
        self.operative = False

    @property
    def current(self) -> _Draft | None:
        return self.units[-1] if self.units else None

    def _current_complete(self) -> bool:
        return self.current is None or self.current.complete()

    def _start(self, kind: UnitKind, number: str | None, text: str, bold: str | None, line: Line) -> None:
        draft = _Draft(kind=kind, number=number, bold=bold, parts=[text])
        draft.add_markers(line.markers)
        self.units.append(draft)

    def _op_start(self, text: str) -> re.Match[str] | None:
        found = P.RE_OP_NUMBER.match(text)
        if not found:
            return None
        n = int(found.group("number"))
        if self.last_op is None or n == self.last_op + 1:
            return found
        if n > self.last_op + 1 and self._current_complete():
            return found
        return None

    def _check_sequence(self, text: str, line: Line) -> None:
        """A numbered paragraph that goes back in the numbering, after a complete one, is not a
        wrapped line: the text is two resolutions, or an annex, or a typing error. Say so
        rather than glue it to the paragraph before."""
        found = P.RE_OP_NUMBER.match(text)
        if found and self.last_op is not None and self._current_complete():
            n = int(found.group("number"))
            if n <= self.last_op:
                raise NotAResolutionError(
                    f"line {line.index + 1}: operative paragraph {n}. follows paragraph {self.last_op}.: "
                    "the numbering goes back (two resolutions in one file, or an annex?)")

    def _sub_start(self, text: str) -> re.Match[str] | None:
        if not self.operative or self.last_op is None:
            return None
        found = P.RE_SUB_LETTER.match(text)
        if not found:
            return None
        expected = "a" if self.last_letter is None else chr(ord(self.last_letter) + 1)
        return found if found.group("letter") == expected else None

    def _unit_start_ahead(self, index: int) -> bool:
        """Whether the line at ``index`` (or the end) starts a unit: the test a heading must pass."""
        if index >= len(self.lines):
            return True
        line = self.lines[index]
        if self._op_start(line.text) or P.RE_SUB_LETTER.match(line.text):
            return True
        if line.bold_at(0) is not None:
            return True
        return not self.extracted

    def _heading_lines(self, text: str, index: int) -> int:
        """How many lines from ``index`` make a heading (0: none). A heading has no final
        punctuation, follows a complete unit and is followed by the start of one; a long
        heading may wrap onto a second or third line."""
        if not self._current_complete():
            return 0
        joined = text
        for span in range(1, self.max_heading_lines + 1):
            if len(joined) > self.max_heading or P.RE_FINAL_PUNCT.search(joined):
                return 0
            if self._unit_start_ahead(index + span):
                return span
            if index + span >= len(self.lines):
                return 0
            more = self.lines[index + span]
            if more.marks or self._op_start(more.text) or more.bold_at(0) is not None:
                return 0
            joined += more.text
        return 0

    def feed(self) -> None:
        skip = 0
        for index, line in enumerate(self.lines):
            if skip:
                skip -= 1
                continue
            skip = self._feed(index, line)

    def _feed(self, index: int, line: Line) -> int:
        """Take one line; return how many of the lines after it it took as well."""
        text = line.text
        op = self._op_start(text)
        if op is None:
            self._check_sequence(text, line)
        if op:
            self.operative = True
            self.last_op = int(op.group("number"))
            self.last_letter = None
            self._start("operative", op.group("number"), op.group("rest"), line.bold_at(op.start("rest")), line)
            return 0
        sub = self._sub_start(text)
        if sub:
            self.last_letter = sub.group("letter")
            self._start("operative", f"{self.last_op}({self.last_letter})", sub.group("rest"),
                        line.bold_at(sub.start("rest")), line)
            return 0
        rest, bold = text, line.bold_at(0)
        span = 0 if bold else self._heading_lines(rest, index)
        if span:
            self._start("heading", None, rest, None, line)
            for more in self.lines[index + 1 : index + span]:
                self.units[-1].parts.append(more.text)
                self.units[-1].add_markers(more.markers)
            return span - 1
        if not self.operative and (
            bold
            or self.current is None
            or (self._current_complete() and (not self.extracted or match_lead(rest.strip()) is not None))
        ):
            self._start("preambular", None, rest, bold, line)
            return 0
        if self.current is None or (bold and self._current_complete()):
            self._start("operative" if self.operative else "preambular", None, rest, bold, line)
            return 0
        self.current.parts.append(rest)
        self.current.add_markers(line.markers)
        return 0


def _units(drafts: list[_Draft]) -> list[Unit]:
    units: list[Unit] = []
    counters = {"preambular": 0, "heading": 0}
    for draft in drafts:
        text = draft.text
        if draft.kind == "operative" and draft.number is None:
            # A bold paragraph without a number among operative ones: keep it, as a heading would be.
            draft.kind = "heading"
        if draft.kind == "operative":
            assert draft.number is not None
            unit_id = f"OP{draft.number}"
            lead = fold_spaces(draft.bold) if draft.bold else match_lead(text)
        elif draft.kind == "preambular":
            counters["preambular"] += 1
            unit_id = f"PP{counters['preambular']}"
            lead = fold_spaces(draft.bold) if draft.bold else match_lead(text)
        else:
            counters["heading"] += 1
            unit_id = f"H{counters['heading']}"
            lead = None
        if lead is not None and not text.startswith(lead):
            lead = None
        if not text:
            raise NotAResolutionError(f"paragraph {unit_id} has no text")
        units.append(Unit(unit_id, draft.kind, draft.number if draft.kind == "operative" else None,
                          lead, text, tuple(draft.footnotes)))
    return units


def _predecessor(units: list[Unit], top: _Top, prefix: str | None, year: int | None) -> str | None:
    """The resolution of the same series that the preamble recalls: one of the body's own
    (``其关于……的……第2012/5号决议``) whose subject is the title; the latest if several are."""
    if prefix is None:
        return None
    candidates: list[tuple[int, int, str]] = []
    for unit in units:
        if unit.kind != "preambular":
            continue
        for found in P.RE_RECALLED_OWN.finditer(unit.text):
            number = found.group("number")
            subject = found.group("subject") or ""
            alike = top.title is not None and subject and fuzz.partial_ratio(subject, top.title) >= 90
            if not alike:
                continue
            first = int(number.split("/")[0])
            if year is not None and first >= year and first > 100:
                continue
            candidates.append((first, int(number.split("/")[1]), number))
    if not candidates:
        return None
    return prefix + max(candidates)[2]


def build(text: str, *, language: str | None = None) -> Resolution:
    """Parse the text of a resolution (see :func:`resdiff.parse`); an English one (told by its
    letters, or ``language="en"``) by :func:`resdiff.structure_en.build_en`."""
    if (language or detect_language(text)) == "en":
        from resdiff.structure_en import build_en

        return build_en(text)
    return build_lines(text_lines(text))


def build_lines(stream: Stream) -> Resolution:
    """Build a Resolution from a stream of typed lines (see :mod:`resdiff.normalize`)."""
    lines = stream.body
    top = _Top()
    start = _read_top(lines, top)
    end = _read_end(lines, top)
    builder = _Builder(lines[start:end], stream.wraps)
    builder.feed()
    units = _units(builder.units)
    if not any(u.kind == "operative" for u in units):
        raise NotAResolutionError(
            "the text has no operative paragraphs (numbered 1., 2., …): it does not look like a resolution")
    prefix = BODY_PREFIXES.get(top.body or "")
    header_symbols = stream.header_symbols
    symbol = top.symbol or (header_symbols[0] if header_symbols else None)
    if symbol is None and top.number and prefix:
        symbol = prefix + top.number
    if prefix is None and symbol:
        prefix = symbol[: symbol.index("RES/") + 4] if "RES/" in symbol else None
    adopted = top.adopted or top.top_date
    year = int(adopted[:4]) if adopted else (int(top.number.split("/")[0]) if top.number else None)
    return Resolution(
        units=tuple(units),
        symbol=symbol,
        body=top.body,
        adopted=adopted,
        meeting=top.meeting,
        title=top.title,
        language="zh",
        predecessor=_predecessor(units, top, prefix, year),
        footnotes=stream.footnotes,
    )
