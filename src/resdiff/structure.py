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
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from resdiff import patterns as P
from resdiff.errors import InputError, NotAResolutionError
from resdiff.lang import detect_language
from resdiff.lexicon import match_lead
from resdiff.model import ParseWarning, Resolution, Unit, UnitKind
from resdiff.normalize import Doubt, Line, Stream, fold_spaces, repair_mojibake, text_lines

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

#: The marks a paragraph ends with (``RE_FINAL_PUNCT``'s, as a set).
_FINAL_MARKS = frozenset("，；。：:;,.")

#: Longest heading, in characters.
MAX_HEADING = 40

#: A title longer than this (characters) has probably swallowed lines that are not the title.
MAX_TITLE = 120

#: Lines at the top looked at for the masthead, the title and the body line.
HEAD_LINES = 25

#: In a wrapped text, a line shorter than this share of the measure stops short of the margin.
SHORT_LINE = 0.7

#: A heading wraps onto at most this many printed lines.
MAX_HEADING_LINES = 3


@dataclass
class _Draft:
    kind: UnitKind
    number: str | None
    bold: str | None
    parts: list[str] = field(default_factory=list)
    footnotes: list[int] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    """The lines it was read from."""

    @property
    def text(self) -> str:
        return fold_spaces(" ".join(self.parts))

    def complete(self) -> bool:
        if self.kind == "heading":
            return True
        # The text ends where its last part with any text ends (folding only removes spaces).
        for part in reversed(self.parts):
            last = part.rstrip()
            if last:
                if last[-1].isdigit():
                    # Digits glued after the final mark that no footnote explains (a warning
                    # says so) do not keep the paragraph open: ``……报告，10``.
                    bare = last.rstrip("0123456789")
                    if bare and len(last) - len(bare) <= 2:
                        last = bare
                return last.endswith(_COMPLETE[self.kind])
        return False

    def add_markers(self, markers: list[int]) -> None:
        for n in markers:
            if n not in self.footnotes:
                self.footnotes.append(n)


@dataclass
class _Top:
    """The top and end matter read (symbol, number, title, body, dates, meeting), of a Chinese text
    or, by :mod:`resdiff.structure_en`, an English one."""

    symbol: str | None = None
    number: str | None = None
    title: str | None = None
    body: str | None = None
    top_date: str | None = None
    adopted: str | None = None
    meeting: str | None = None


def _iso(found: re.Match[str]) -> str:
    groups = found.groupdict()
    y, m, d = (int(groups.get(k) or groups[k + "2"]) for k in ("y", "m", "d"))
    return f"{y:04d}-{m:02d}-{d:02d}"


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
    for k, line in enumerate(lines[:HEAD_LINES]):
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
    head = min(len(lines), HEAD_LINES)
    body_at = _body_line_at(lines[:head])
    title_parts: list[str] = []
    end = body_at if body_at is not None else head
    # What stands before a numbered title line (the agenda item's own title in a web copy) or
    # before a draft's sponsor line (``古巴：决议草案``) is not the title.
    title_from = 0
    for k in range(end):
        text = lines[k].text
        if P.RE_TITLE.match(text) or P.RE_SC_NUMBER.match(text):
            title_from = k
            break
        if P.RE_DRAFT_LINE.match(text):
            title_from = k + 1
    i = 0
    while i < end:
        text = lines[i].text
        symbol_only = P.RE_SYMBOL_LINE.match(text)
        draft_symbol = P.RE_DRAFT_SYMBOL.fullmatch(text.strip())
        top_date = P.RE_TOP_DATE_LINE.match(text)
        numbered = P.RE_TITLE.match(text)
        sc_number = P.RE_SC_NUMBER.match(text)
        sc_adopted = P.RE_SC_ADOPTED.match(text)
        if symbol_only and not symbol_only.group("before"):
            top.symbol = symbol_only.group("symbol")
        elif draft_symbol:
            top.symbol = draft_symbol.group(0)
        elif top_date:
            top.top_date = _iso(top_date)
            top.body = top.body or (top_date.group("body") or top_date.group("body2") or None)
        elif sc_number:
            top.number = f"{sc_number.group('number')} ({sc_number.group('year')})"
        elif sc_adopted:
            top.adopted = _iso(sc_adopted)
            top.meeting = fold_spaces(sc_adopted.group("meeting"))
            top.body = top.body or (sc_adopted.group("body") or None)
        elif (P.RE_RECOMMENDATION.match(text) or i < title_from or P.RE_END_DATE_LINE.match(text)
              or P.RE_RECOMMENDS_DRAFT.match(text)):
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


def _read_end(lines: list[Line], top: _Top, *, date_line: re.Pattern[str] = P.RE_END_DATE_LINE,
              meeting_line: re.Pattern[str] = P.RE_MEETING_LINE, iso: Callable[[re.Match[str]], str] = _iso,
              vote_line: re.Pattern[str] | None = P.RE_RECOMMENDATION) -> int:
    """Read the date and meeting lines at the end; return the index after the last unit line.
    The patterns are a Chinese text's unless others are given (:mod:`resdiff.structure_en` gives an
    English text's, with no vote line); a vote line (``[未经表决获得通过。]``) is passed over only as
    the very last line."""
    end = len(lines)
    while end > 0:
        text = lines[end - 1].text
        date = date_line.match(text)
        meeting = meeting_line.match(text)
        if date and top.adopted is None:
            top.adopted = iso(date)
        elif meeting and top.meeting is None:
            top.meeting = fold_spaces(text)
        elif not (vote_line is not None and vote_line.match(text) and end == len(lines)):
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
        self.doubts: list[Doubt] = []
        widths = sorted(len(line.text) for line in lines) if wraps else []
        self.measure = widths[int(len(widths) * 0.9)] if widths else 0
        """The length of a full printed line, in characters."""

    @property
    def current(self) -> _Draft | None:
        return self.units[-1] if self.units else None

    def _current_complete(self) -> bool:
        return self.current is None or self.current.complete()

    def _start(self, kind: UnitKind, number: str | None, text: str, bold: str | None, line: Line) -> None:
        draft = _Draft(kind=kind, number=number, bold=bold, parts=[text], lines=[line])
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
                    "line {line}: operative paragraph {n}. follows paragraph {last_op}.: the numbering goes "
                    "back (two resolutions in one file, or an annex?)",
                    line=line.index + 1, n=n, last_op=self.last_op)

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

    def _short(self, line: Line) -> bool:
        """In a wrapped text, a line that stops well short of the measure: the last of its paragraph."""
        return self.extracted and len(line.text) < SHORT_LINE * self.measure

    def _ended_short(self) -> bool:
        """The paragraph being read has no final mark, but its last line stopped short."""
        if not self.extracted or not self.units:
            return False
        current = self.units[-1]
        return (bool(current.lines) and self._short(current.lines[-1]) and not current.lines[-1].marks
                and not current.complete())

    def _heading_lines(self, text: str, index: int, *, after_incomplete: bool = False) -> int:
        """How many lines from ``index`` make a heading (0: none). A heading has no final
        punctuation, follows a complete unit (or, with ``after_incomplete``, one whose last line
        stopped short) and is followed by the start of a unit or by another heading; a long
        heading may wrap onto a second or third line, but a line that stops short ends it."""
        if not after_incomplete and not self._current_complete():
            return 0
        if match_lead(text) is not None:  # a heading never opens with a lead
            return 0
        joined = text
        for span in range(1, self.max_heading_lines + 1):
            if len(joined) > self.max_heading or P.RE_FINAL_PUNCT.search(joined):
                return 0
            if self._unit_start_ahead(index + span):
                return span
            if index + span >= len(self.lines):
                return 0
            last = self.lines[index + span - 1]
            if self._short(last) and not last.marks:
                # Two headings in a row (a section whose paragraphs were all dropped). A line
                # that a footnote marker cut short goes on after the marker.
                following = self.lines[index + span]
                return span if self._heading_lines(following.text, index + span, after_incomplete=True) else 0
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
            if self.last_op is not None and int(op.group("number")) > self.last_op + 1:
                self.doubts.append(Doubt(line.index, "numbering-gap",
                                         f"operative paragraph {op.group('number')}. follows paragraph "
                                         f"{self.last_op}.: the numbering has a gap"))
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
        ended_short = not bold and self._ended_short()
        span = 0 if bold else self._heading_lines(rest, index, after_incomplete=ended_short)
        if span:
            if ended_short and self.current is not None:
                self.doubts.append(Doubt(self.current.lines[-1].index, "no-final-mark",
                                         f"the paragraph ends without its final mark; “{rest}” after it "
                                         "is read as a heading"))
            self._start("heading", None, rest, None, line)
            for more in self.lines[index + 1 : index + span]:
                self.units[-1].parts.append(more.text)
                self.units[-1].lines.append(more)
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
        numbered = P.RE_OP_NUMBER.match(text)
        if numbered and self.last_op is not None:
            n = int(numbered.group("number"))
            what = "repeats" if n <= self.last_op else "skips ahead of"
            self.doubts.append(Doubt(line.index, "numbering-gap",
                                     f"a line numbered {n}. {what} paragraph {self.last_op}. and is read as "
                                     "part of the paragraph before"))
        self.current.parts.append(rest)
        self.current.lines.append(line)
        self.current.add_markers(line.markers)
        return 0


def _units(drafts: list[_Draft], part: str | None = None) -> list[Unit]:
    units: list[Unit] = []
    counters = {"preambular": 0, "heading": 0}
    prefix = f"{part}." if part else ""
    for draft in drafts:
        text = draft.text
        if draft.kind == "operative" and draft.number is None:
            # A bold paragraph without a number among operative ones: keep it, as a heading would be.
            draft.kind = "heading"
        if draft.kind == "operative":
            assert draft.number is not None
            unit_id = f"{prefix}OP{draft.number}"
            lead = fold_spaces(draft.bold) if draft.bold else match_lead(text)
        elif draft.kind == "preambular":
            counters["preambular"] += 1
            unit_id = f"{prefix}PP{counters['preambular']}"
            lead = fold_spaces(draft.bold) if draft.bold else match_lead(text)
        else:
            counters["heading"] += 1
            unit_id = f"{prefix}H{counters['heading']}"
            lead = None
        if lead is not None and not text.startswith(lead):
            lead = None
        if not text:
            raise NotAResolutionError("paragraph {unit_id} has no text", unit_id=unit_id)
        units.append(Unit(unit_id, draft.kind, draft.number if draft.kind == "operative" else None,
                          lead, text, tuple(draft.footnotes), part))
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
            subject = found.group("subject") or ""
            alike = top.title is not None and subject and fuzz.partial_ratio(subject, top.title) >= 90
            if not alike:
                continue
            for number in P.RE_RESOLUTION_NUMBER.findall(found.group("numbers")):  # 第2012/5号和第2013/9号
                first = int(number.split("/")[0])
                if year is not None and first >= year and first > 100:
                    continue
                candidates.append((first, int(number.split("/")[1]), number))
    if not candidates:
        return None
    return prefix + max(candidates)[2]


def build(text: str, *, language: str | None = None) -> Resolution:
    """Parse the text of a resolution (see :func:`resdiff.parse`): a text garbled by a wrong
    encoding is repaired first; an English one (told by its letters, or ``language="en"``) is read
    by :func:`resdiff.structure_en.build_en`, a Chinese one here."""
    text, encoding = repair_mojibake(text)
    if encoding == "garbled":
        raise InputError("the text is garbled by a wrong encoding (UTF-8 read as Latin-1 or Windows-1252) "
                         "and cannot be repaired: open the original file (UTF-8 or GB18030) again")
    detected = detect_language(text)
    if (language or detected) == "en":
        from resdiff.structure_en import build_en

        resolution = build_en(text)
        if detected != "en":  # --lang en on a text that is not English: said, as not-chinese is
            doubt = ParseWarning(None, "not-english", "the text is mostly not English: "
                                 "it may not be the English version of the resolution")
            resolution = replace(resolution, warnings=(doubt, *resolution.warnings))
        return resolution
    stream = text_lines(text)
    if encoding == "repaired":
        stream.doubts.insert(0, Doubt(-1, "mojibake", "the text was garbled by a wrong encoding "
                                      "(UTF-8 read as Latin-1 or Windows-1252) and has been repaired"))
    if detected != "zh":
        stream.doubts.insert(0, Doubt(-1, "not-chinese", "the text is mostly not Chinese: "
                                      "it may not be the Chinese version of the resolution"))
    return build_lines(stream)


def _find_parts(lines: list[Line], *, is_body_line: Callable[[Line], bool] = _is_body_line,
                max_heading: int = MAX_HEADING) -> list[tuple[int, str, str | None, int]]:
    """The lettered parts of a resolution adopted in parts: for each, where its letter line stands,
    the letter, its title (``区域裁军``) if any, on the letter line or the next (no longer than
    ``max_heading``), and where its own body line (``大会，``) stands. Parts are lettered A, B, C …
    in order, each opening with a body line. The body line is a Chinese text's unless another
    ``is_body_line`` is given (:mod:`resdiff.structure_en` gives an English text's)."""
    found: list[tuple[int, str, str | None, int]] = []
    expected = "A"
    for k, line in enumerate(lines):
        if not line.text or line.text[0] != expected:
            continue
        part = P.RE_PART.match(line.text)
        if not part:
            continue
        title = part.group("title")
        after = k + 1
        if (title is None and after + 1 < len(lines) and not is_body_line(lines[after])
                and is_body_line(lines[after + 1]) and len(lines[after].text) <= max_heading
                and not P.RE_FINAL_PUNCT.search(lines[after].text)):
            title = lines[after].text
            after += 1
        if after < len(lines) and is_body_line(lines[after]):
            found.append((k, expected, title, after))
            expected = chr(ord(expected) + 1)
    return found


def _read_parts(lines: list[Line], stream: Stream, top: _Top,
                parts: list[tuple[int, str, str | None, int]]) -> tuple[list[Unit], list[Doubt], dict[int, str]]:
    units: list[Unit] = []
    doubts: list[Doubt] = []
    where: dict[int, str] = {}
    for n, (_, letter, title, body_at) in enumerate(parts):
        stop = parts[n + 1][0] if n + 1 < len(parts) else len(lines)
        top.body = top.body or fold_spaces(lines[body_at].text[:-1])
        segment = lines[body_at + 1:stop]
        closing = _Top()  # each part closes with its own date and meeting lines
        end = _read_end(segment, closing)
        top.adopted, top.meeting = top.adopted or closing.adopted, top.meeting or closing.meeting
        builder = _Builder(segment[:end], stream.wraps)
        builder.feed()
        drafts = builder.units
        if title:
            drafts.insert(0, _Draft("heading", None, None, [title]))
        units.extend(_units(drafts, letter))
        doubts.extend(builder.doubts)
        if stream.doubts or builder.doubts:
            where.update(_line_units(drafts, units[-len(drafts):]))
    return units, doubts, where


def _line_units(drafts: list[_Draft], units: list[Unit]) -> dict[int, str]:
    return {line.index: unit.id for draft, unit in zip(drafts, units) for line in draft.lines}


def _warnings(stream: Stream, doubts: list[Doubt], where: dict[int, str], units: list[Unit],
              footnotes: dict[int, str], title: str | None, *, max_title: int = MAX_TITLE) -> tuple[ParseWarning, ...]:
    """Everything found doubtful, in reading order, each on the unit it concerns; a title longer than
    ``max_title`` characters is doubted."""
    found = [ParseWarning(where.get(d.index), d.code, d.message) for d in (*stream.doubts, *doubts)]
    for unit in units:
        if unit.kind == "preambular":
            # A preambular paragraph is one clause: a lead after a mark inside it opens another
            # paragraph (an operative paragraph often goes on, ``……，鼓励……``, and is left alone).
            for mark in P.RE_INNER_MARK.finditer(unit.text, 0, len(unit.text) - 1):
                lead = match_lead(unit.text[mark.end():])
                if lead and len(lead) >= 2:
                    found.append(ParseWarning(unit.id, "two-leads",
                                              f"a second lead “{lead}” follows “{mark.group(0)}” inside the "
                                              "paragraph: two paragraphs may be read as one"))
                    break
        if unit.kind != "heading" and unit.text[-1:] not in _FINAL_MARKS and not any(
                w.unit == unit.id and w.code in ("no-final-mark", "stray-digit") for w in found):
            found.append(ParseWarning(unit.id, "no-final-mark",
                                      f"the paragraph ends without its final mark (“…{unit.text[-12:]}”): "
                                      "a heading or the next paragraph may have been read into it"))
        if unit.kind != "heading" and unit.lead is None and not (unit.number and "(" in unit.number):
            found.append(ParseWarning(unit.id, "no-lead", f"the paragraph opens with no known lead: "
                                      f"“{unit.text[:12]}…”"))
        for n in unit.footnotes:
            if n not in footnotes:
                found.append(ParseWarning(unit.id, "unknown-footnote",
                                          f"footnote {n} is referred to but its text is not in the document"))
    cited = {n for unit in units for n in unit.footnotes}
    for n in footnotes:
        if n not in cited:
            found.append(ParseWarning(None, "unknown-footnote",
                                      f"footnote {n} has a text but no paragraph refers to it"))
    if title and len(title) > max_title:
        found.append(ParseWarning(None, "long-title", f"the title is {len(title)} characters long: "
                                  "it may have taken in lines that are not the title"))
    return tuple(found)


def build_lines(stream: Stream) -> Resolution:
    """Build a Resolution from a stream of typed lines (see :mod:`resdiff.normalize`)."""
    lines = stream.body
    top = _Top()
    parts = _find_parts(lines)
    if parts:
        _read_top(lines[: parts[0][0]], top)
        units, doubts, where = _read_parts(lines, stream, top, parts)
    else:
        start = _read_top(lines, top)
        end = _read_end(lines, top)
        builder = _Builder(lines[start:end], stream.wraps)
        builder.feed()
        units = _units(builder.units)
        doubts = builder.doubts
        where = _line_units(builder.units, units) if stream.doubts or doubts else {}
    return resolution_of(stream, top, units, _warnings(stream, doubts, where, units, stream.footnotes, top.title),
                         language="zh", prefixes=BODY_PREFIXES, predecessor=_predecessor)


#: How a language's reader finds the resolution the preamble recalls (see :func:`_predecessor`).
Predecessor = Callable[[list[Unit], _Top, str | None, int | None], str | None]


def resolution_of(stream: Stream, top: _Top, units: list[Unit], warnings: tuple[ParseWarning, ...], *,
                  language: str, prefixes: Mapping[str, str], predecessor: Predecessor) -> Resolution:
    """The Resolution of the units and the top and end matter read, in either language: the
    language's reader gives its body prefixes (``经济及社会理事会`` or ``Economic and Social Council``
    → ``E/RES/``), its way of finding the predecessor, and its warnings.

    The symbol is the one printed, else a masthead's or a page header's, else the body's prefix and
    the number of the title line. The year (which a recalled resolution must be before to be the
    predecessor) is the adoption's, else the number's when the number is a year's (``2013/9``) — a
    Security Council number (``2334 (2016)``) is not."""
    if not any(u.kind == "operative" for u in units):
        raise NotAResolutionError(
            "the text has no operative paragraphs (numbered 1., 2., …): it does not look like a resolution")
    prefix = prefixes.get(top.body or "")
    header_symbols = stream.masthead_symbols + stream.header_symbols
    symbol = top.symbol or (header_symbols[0] if header_symbols else None)
    if symbol is None and top.number and prefix:
        symbol = prefix + top.number
    if prefix is None and symbol and "RES/" in symbol:
        prefix = symbol[: symbol.index("RES/") + 4]
    adopted = top.adopted or top.top_date
    year = int(adopted[:4]) if adopted else (int(top.number.split("/")[0]) if top.number and "/" in top.number
                                             else None)
    return Resolution(
        units=tuple(units),
        symbol=symbol,
        body=top.body,
        adopted=adopted,
        meeting=top.meeting,
        title=top.title,
        language=language,
        predecessor=predecessor(units, top, prefix, year),
        footnotes=stream.footnotes,
        warnings=warnings,
    )
