"""An English text → Resolution: the forms an English resolution is held in, read into the lines the
structure builder takes.

What differs from a Chinese text is the frame, not the units: the top matter (``Resolution adopted
by the General Assembly on …``, ``Seventieth session``, ``Agenda item 13``, the numbered title
``2013/9. Assessment of …`` that may wrap, the body line ``The Economic and Social Council,``), the
end matter (``41st plenary meeting``, ``22 July 2013``), leads in italics (``*Recalling also*``)
rather than bold, and web copies whose footnote numbers are glued after the punctuation
(``2003,1 as endorsed``) with the footnotes listed after the end. Once those are read, the units
are cut by the same builder as Chinese ones (numbers, letters, leads from ``data/leads-en.tsv``,
headings), with room for English headings, which are longer.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from resdiff import patterns as P
from resdiff.lexicon import match_lead
from resdiff.model import ParseWarning, Resolution, Unit
from resdiff.normalize import Doubt, Line, Mark, fold_spaces, numbering_to_ascii, text_lines

if TYPE_CHECKING:
    from resdiff.structure import _Top  # the top and end matter read, as of a Chinese text

#: Symbol prefixes of resolutions by the body that adopts them, as English texts name it.
BODY_PREFIXES_EN = {
    "Economic and Social Council": "E/RES/",
    "General Assembly": "A/RES/",
    "Security Council": "S/RES/",
    "Human Rights Council": "A/HRC/RES/",
}

#: Longest English heading, in characters (``Implementation of and follow-up to the outcomes of
#: the World Summit on the Information Society``).
MAX_HEADING_EN = 140

#: An English heading wraps onto at most this many printed lines.
MAX_HEADING_LINES_EN = 6

#: An English title longer than this is said to be doubtful (it may have taken in other lines).
MAX_TITLE_EN = 300

#: The top matter is looked for among this many lines.
TOP_LINES = 30

_MONTHS = {name: k for k, name in enumerate(P.MONTHS_EN, start=1)}


def _iso(found: re.Match[str]) -> str:
    return f"{int(found.group('y')):04d}-{_MONTHS[found.group('month')]:02d}-{int(found.group('d')):02d}"


# -- the raw text: footnotes at the end, glued marks, italics, hyphens -----------------------------

def _is_end_matter(line: str) -> bool:
    return bool(P.RE_DATE_LINE_EN.match(line) or P.RE_MEETING_LINE_EN.match(line))


def take_footnotes(lines: list[str]) -> tuple[list[str], dict[int, str]]:
    """The footnotes a web copy lists after the end (``1 See A/C.2/59/3 and A/60/687.``), taken
    out. They are the run of lines numbered 1, 2, 3 … (with wrapped continuations) that follows the
    date and meeting lines, or the last paragraph's final full stop; any other numbered line is text."""
    footnotes: dict[int, str] = {}
    nonblank = [k for k, line in enumerate(lines) if line.strip()]
    for start in reversed(nonblank):
        found = P.RE_FOOTNOTE_LINE_EN.match(lines[start])
        if not found or _number(found) != 1 or _is_end_matter(lines[start]):
            continue
        before = next((lines[k].strip() for k in reversed(nonblank) if k < start), "")
        if not (_is_end_matter(before) or before.endswith((".", "。")) or re.fullmatch(r"[_—–-]{5,}", before)):
            continue
        block: dict[int, str] = {}
        expected, current = 1, None
        for k in (k for k in nonblank if k >= start):
            found = P.RE_FOOTNOTE_LINE_EN.match(lines[k])
            if found and _number(found) == expected:
                current = expected
                block[current] = found.group("text").strip()
                expected += 1
            elif current is not None:
                block[current] += " " + lines[k].strip()
        footnotes = {n: fold_spaces(text) for n, text in block.items()}
        lines = lines[:start]
        while lines and re.fullmatch(r"\s*[_—–-]{5,}\s*", lines[-1] or "-----"):
            lines.pop()
        break
    return lines, footnotes


def _number(found: re.Match[str]) -> int:
    digits = found.group("b") or found.group("n") or (found.group("sup") or "").translate(P.SUPERSCRIPT_DIGITS)
    return int(digits) if digits else 0


def mark_glued(line: str, footnotes: dict[int, str], seen: set[int]) -> str:
    """Footnote numbers glued after punctuation (``2003,1 as endorsed``) written ``[^1]``: only a
    number that is a footnote, and the next one not yet cited or one cited before."""

    def _mark(found: re.Match[str]) -> str:
        numbers = [int(n) for n in found.group("n").split(",")]
        known = set(seen)
        for n in numbers:
            if n not in footnotes or not (n in known or n == max(known, default=0) + 1):
                return found.group(0)
            known.add(n)
        seen.update(numbers)
        return "".join(f"[^{n}]" for n in numbers)

    for found in re.finditer(r"\[\^?(\d{1,2})\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+", line):
        seen.add(int((found.group(1) or found.group(0)).translate(P.SUPERSCRIPT_DIGITS)))
    return P.RE_GLUED_MARK_EN.sub(_mark, line)


def mark_italics(line: str) -> str:
    """An italic lead (``*Recalling also*``, ``_Urges_``) marked as the clean format marks a lead,
    ``**Recalling also**``."""
    found = P.RE_ITALIC_LEAD_EN.match(line)
    if not found:
        return line
    return f"{found.group('head')}**{(found.group('a') or found.group('b')).strip()}**{line[found.end():]}"


def join_hyphens(lines: list[str]) -> list[str]:
    """A word hyphenated at a line's end (``multi-`` / ``stakeholder``) joined onto one line."""
    out: list[str] = []
    for line in lines:
        if out and re.search(r"[a-z]-$", out[-1].rstrip()) and re.match(r"\s*[a-z]", line):
            out[-1] = out[-1].rstrip() + line.strip()
        else:
            out.append(line)
    return out


def prepare(text: str) -> tuple[str, dict[int, str]]:
    """The text with its end footnotes taken out, glued marks and italic leads marked."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    lines, footnotes = take_footnotes(lines)
    seen: set[int] = set()
    lines = [mark_italics(mark_glued(line, footnotes, seen)) for line in join_hyphens(lines)]
    return "\n".join(lines), footnotes


# -- the top and the end -----------------------------------------------------------------------

def _starts_unit(text: str) -> bool:
    return bool(P.RE_OP_NUMBER.match(numbering_to_ascii(text)) or text.lstrip().startswith("**")
                or match_lead(text.strip()) is not None)


def _join_top(lines: list[Line]) -> list[Line]:
    """The top lines with the wrapped ones rejoined: ``Resolution adopted by the Economic and Social``
    / ``Council on 22 July 2013`` and a bracketed line ``[on the recommendation of …`` / ``… (E/2013/31)]``."""
    out: list[Line] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        text = line.text
        span = 1
        if text.startswith("[") and "]" not in text:
            while k + span < len(lines) and span < 4 and "]" not in text:
                text += " " + lines[k + span].text
                span += 1
            if "]" not in text:
                text, span = line.text, 1
        elif re.match(r"Resolutions?\s+adopted\s+by\b", text) and not P.RE_ADOPTED_BY_EN.match(text):
            while k + span < len(lines) and span < 4 and not P.RE_ADOPTED_BY_EN.match(text):
                text += " " + lines[k + span].text
                span += 1
            if not P.RE_ADOPTED_BY_EN.match(text):
                text, span = line.text, 1
        elif (text.startswith("The ") and k + 1 < len(lines) and not P.RE_BODY_LINE_EN.match(text)
              and P.RE_BODY_LINE_EN.match(f"{text} {lines[k + 1].text}")):
            text, span = f"{text} {lines[k + 1].text}", 2
        if span == 1:
            out.append(line)
        else:
            marks = tuple(Mark(m, len(text)) for extra in lines[k:k + span] for m in extra.markers)
            out.append(Line(text, marks=marks, index=line.index))
        k += span
    return out


def _read_top(lines: list[Line], top: _Top) -> int:
    """Read the top matter; return the index of the first unit line."""
    head = lines[:TOP_LINES]
    body_at = None
    for k, line in enumerate(head):
        if P.RE_BODY_LINE_EN.match(line.text) and match_lead(line.text) is None:
            body_at = k
            break
        if _starts_unit(line.text) and not P.RE_TITLE.match(line.text):
            break
    end = body_at if body_at is not None else len(head)
    title: list[str] = []
    i = 0
    while i < end:
        text = lines[i].text
        symbol = P.RE_SYMBOL_LINE.match(text)
        adopted = P.RE_ADOPTED_BY_EN.match(text)
        numbered = P.RE_TITLE.match(text)
        draft = P.RE_DRAFT_SYMBOL_LINE.match(text)
        sc_number = P.RE_SC_NUMBER_EN.match(text)
        sc_adopted = P.RE_SC_ADOPTED_EN.match(text)
        if symbol and not symbol.group("before"):
            top.symbol = top.symbol or symbol.group("symbol")
        elif draft:
            top.symbol = top.symbol or draft.group("symbol")
        elif adopted:
            top.top_date = _iso(adopted)
            top.body = top.body or fold_spaces(adopted.group("body"))
        elif sc_number and top.number is None:  # as the Chinese reader reads ``第2334(2016)号决议``
            top.number = f"{sc_number.group('number')} ({sc_number.group('year')})"
        elif sc_adopted:
            top.adopted = _iso(sc_adopted)
            top.meeting = fold_spaces(sc_adopted.group("meeting"))
            top.body = top.body or fold_spaces(sc_adopted.group("body"))
        elif numbered and top.number is None:
            # The numbered title line: whatever was taken for the title before it was not.
            top.number = numbered.group("number")
            title = [numbered.group("title")]
        elif (P.RE_BRACKET_LINE_EN.match(text) or P.RE_JOB_CODE.match(text) or P.RE_MASTHEAD_EN.match(text)
              or (not title and P.RE_DATE_LINE_EN.match(text))):
            pass
        elif body_at is None and _starts_unit(text):
            break
        else:
            title.append(text)
        i += 1
    if body_at is not None and i == body_at:
        found = P.RE_BODY_LINE_EN.match(lines[i].text)
        assert found is not None
        top.body = fold_spaces(found.group("body"))
        i += 1
    if title:
        top.title = fold_spaces(" ".join(title))
    return i


def _read_end(lines: list[Line], top: _Top) -> int:
    """Read the meeting and date lines at the end; return the index after the last unit line."""
    from resdiff.structure import _read_end as read_end  # the Chinese reader, with the English lines

    return read_end(lines, top, date_line=P.RE_DATE_LINE_EN, meeting_line=P.RE_MEETING_LINE_EN, iso=_iso,
                    vote_line=None)


def _wrapped(lines: list[Line]) -> bool:
    """A hard-wrapped copy: many lines end without a paragraph's final mark, or a line goes on in
    lower case after one that has none (an English paragraph, heading or sub-paragraph never
    starts in lower case)."""
    if not lines:
        return False
    open_ended = sum(not P.RE_FINAL_PUNCT.search(line.text) for line in lines)
    runs_on = any(not P.RE_FINAL_PUNCT.search(a.text) and b.text[:1].islower() for a, b in pairwise(lines))
    return runs_on or open_ended > max(3, len(lines) // 4)


def _predecessor(units: list[Unit], top: _Top, prefix: str | None, year: int | None) -> str | None:
    """The own resolution of the same series the preamble recalls (``its resolution 2012/5 of 24
    July 2012 on the assessment of …``), whose subject is the title; the latest if several are."""
    if prefix is None or not top.title:
        return None
    title = top.title.casefold()
    candidates: list[tuple[int, int, str]] = []
    for unit in units:
        if unit.kind != "preambular":
            continue
        for found in P.RE_RECALLED_OWN_EN.finditer(unit.text):
            subject = (found.group("subject") or "").casefold().removeprefix("the ")
            if not subject or fuzz.partial_ratio(subject, title) < 90:
                continue
            for number in P.RE_RESOLUTION_NUMBER.findall(found.group("numbers")):
                first, second = (int(x) for x in number.split("/"))
                if year is not None and first >= year and first > 100:
                    continue
                candidates.append((first, second, number))
    return prefix + max(candidates)[2] if candidates else None


def _stray_digits(units: list[Unit]) -> tuple[ParseWarning, ...]:
    """A number glued after a mark that no listed footnote explains (``Society,7`` with no footnote
    7): a footnote reference whose footnote is missing, or a typing slip; left in the text, said."""
    found = []
    for unit in units:
        glued = P.RE_GLUED_MARK_EN.search(unit.text)
        if glued:
            found.append(ParseWarning(unit.id, "stray-digit",
                                      f"“{glued.group(0)}” is glued after a mark and no footnote of that number is "
                                      "listed: a footnote reference, or part of the text?"))
    return tuple(found)


def _is_body_line(line: Line) -> bool:
    return bool(P.RE_BODY_LINE_EN.match(line.text)) and match_lead(line.text) is None


def _find_parts(lines: list[Line]) -> list[tuple[int, str, str | None, int]]:
    """The lettered parts of a resolution adopted in parts, as :func:`resdiff.structure._find_parts`
    finds them in a Chinese one: for each, where its letter line (``A``, ``B. Nuclear disarmament``)
    stands, the letter, its title (on the letter line or the next), and where its own body line
    (``The General Assembly,``) stands. Lettered A, B, C … in order, each opening with a body line."""
    from resdiff.structure import _find_parts as find_parts  # the Chinese finder, with English lines

    return find_parts(lines, is_body_line=_is_body_line, max_heading=MAX_HEADING_EN)


def _read_parts(lines: list[Line], top: _Top, parts: list[tuple[int, str, str | None, int]]
                ) -> tuple[list[Unit], list[Doubt], dict[int, str]]:
    """Each part read as a resolution of its own (its body line, its paragraphs, its closing
    meeting and date lines), its ids prefixed with its letter (``A.PP1``, ``B.OP3(a)``) and its
    title the part's first heading (``A.H1``), as the Chinese builder does."""
    from resdiff.structure import _Builder, _Draft, _line_units, _Top, _units

    units: list[Unit] = []
    doubts: list[Doubt] = []
    where: dict[int, str] = {}
    for n, (_, letter, title, body_at) in enumerate(parts):
        stop = parts[n + 1][0] if n + 1 < len(parts) else len(lines)
        found = P.RE_BODY_LINE_EN.match(lines[body_at].text)
        if found and top.body is None:
            top.body = fold_spaces(found.group("body"))
        segment = lines[body_at + 1:stop]
        closing = _Top()  # each part closes with its own meeting and date lines
        end = _read_end(segment, closing)
        top.adopted, top.meeting = top.adopted or closing.adopted, top.meeting or closing.meeting
        builder = _Builder(segment[:end], _wrapped(segment[:end]), max_heading=MAX_HEADING_EN,
                           max_heading_lines=MAX_HEADING_LINES_EN)
        builder.feed()
        drafts = builder.units
        if title:
            drafts.insert(0, _Draft("heading", None, None, [fold_spaces(title)]))
        read = _units(drafts, letter)
        units.extend(read)
        doubts.extend(builder.doubts)
        where.update(_line_units(drafts, read))
    return units, doubts, where


def build_en(text: str) -> Resolution:
    """Parse the text of an English resolution (see :func:`resdiff.parse`)."""
    from resdiff.structure import _Builder, _line_units, _Top, _units, _warnings, resolution_of  # shared

    prepared, end_notes = prepare(text)
    stream = text_lines(prepared)
    # The footnotes listed after the end of a web copy join the stream as footnote lines.
    stream.lines.extend(Line(text, role="footnote", index=len(stream.lines) + k, note=n)
                        for k, (n, text) in enumerate(end_notes.items()) if n not in stream.footnotes)
    top = _Top()
    body = stream.body
    head = _join_top(body[:TOP_LINES])
    joined = head + body[TOP_LINES:]
    parts = _find_parts(joined)
    if parts:
        _read_top(joined[: parts[0][0]], top)
        units, doubts, where = _read_parts(joined, top, parts)
    else:
        start = _read_top(head, top)
        lines = head[start:] + body[TOP_LINES:]
        end = _read_end(lines, top)
        body_lines = lines[:end]
        builder = _Builder(body_lines, _wrapped(body_lines), max_heading=MAX_HEADING_EN,
                           max_heading_lines=MAX_HEADING_LINES_EN)
        builder.feed()
        units = _units(builder.units)
        doubts = builder.doubts
        where = _line_units(builder.units, units)
    warnings = _warnings(stream, doubts, where, units, stream.footnotes, top.title, max_title=MAX_TITLE_EN)
    return resolution_of(stream, top, units, warnings + _stray_digits(units), language="en",
                         prefixes=BODY_PREFIXES_EN, predecessor=_predecessor)
