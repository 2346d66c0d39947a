"""A Word redline: the new text, with every difference from the old text as a tracked change.

``render_docx(comparison)`` returns the bytes of a .docx that Word's and LibreOffice's Review
pane can accept and reject: accepting every change gives exactly the new text, rejecting every
change exactly the old one (``tests/test_redline.py`` does both over the XML and reads the
result back with resdiff's own Word reader).

How a comparison becomes revision marks:

- a reworded paragraph is one paragraph whose runs follow the change's word diff: ``w:ins`` for
  inserted words, ``w:del``/``w:delText`` for deleted ones, so every edit starts and ends at a
  jieba word boundary;
- an added paragraph is inserted whole, its paragraph mark too (``w:pPr/w:rPr/w:ins``); a dropped
  paragraph is deleted whole with its mark, so that accepting it leaves no empty paragraph;
- a split keeps the old paragraph and inserts the paragraph marks between the new parts; a merge
  deletes the marks between the old parts (a paragraph dropped between two merged ones stays,
  deleted, in its old place);
- a paragraph moved with one old and one new unit is a tracked move (``w:moveFrom`` at its old
  place, ``w:moveTo`` at its new one, with their range marks and one name); words inserted on
  the way are ``w:ins`` inside the moved-to text, words deleted show in the moved-from text. The
  moved paragraphs' marks are plain ``w:del``/``w:ins``: LibreOffice (7.4) drops a paragraph mark
  tracked as moved, and leaves an empty numbered paragraph behind when the move is rejected,
  while a deleted or inserted mark survives in both programs. A moved split or merge is
  deleted and inserted, with a comment saying where it came from;
- a paragraph whose kind changed (a preambular paragraph that became operative) carries its old
  properties in ``w:pPrChange``, a lead that lost or gained its bold in ``w:rPrChange``;
- a paragraph with an inserted mark followed by one with other properties (an operative
  paragraph moved in before a heading) carries the next paragraph's properties as its old ones
  in ``w:pPrChange``, so that LibreOffice, rejecting the mark, gives the joined paragraph the
  next one's properties, as Word does;
- a comment on each lead shift and on each terminology switch's first occurrence.

Numbers ``1.`` and ``(a)`` are Word's own list numbering, so Word renumbers as changes are
accepted or rejected; footnote references are superscript numbers, the footnotes themselves the
last paragraphs (``¹ …``), each a tracked change where it differs. The two texts' symbols and
dates stand in a table at the top, which is no part of either text.

python-docx writes the package, the styles and the comments; its ``OxmlElement`` makes the
revision marks, which it has no API for. No XML is written as a string.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import difflib
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from resdiff.errors import DocumentError, install_command
from resdiff.i18n import LANGUAGE_NAMES, translations
from resdiff.i18n import _ as N_
from resdiff.model import Change, Comparison, Resolution, Unit
from resdiff.render.common import CHECK_BELOW, docx_bytes, marked, other_language, other_readings

#: The shifts as comments name them (translated with the interface language).
SHIFT_NAMES = (N_("stronger"), N_("weaker"), N_("different"), N_("same"))

AUTHOR = "resdiff"
INITIALS = "rd"
#: The East Asian font declared for every run, with a Latin companion; both ship with Word, and
#: LibreOffice maps them to the CJK font installed (fonts-wqy-zenhei, Noto CJK).
EAST_ASIAN_FONT = "SimSun"
LATIN_FONT = "Times New Roman"

#: The list of operative paragraphs: ``1.`` at level 0, ``(a)`` at level 1.
LIST_ID = "41"

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

Op = Literal["equal", "insert", "delete"]
Mark = Literal["equal", "ins", "del", "moveFrom", "moveTo"]
Mode = Literal["track", "added", "dropped", "moveTo", "accept", "moveFrom"]


def _import_docx() -> Any:
    try:
        import docx
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise DocumentError("Word output needs python-docx: {command}", command=install_command("docx")) from exc
    return docx


# --- the paragraph stream ------------------------------------------------------------------------


@dataclass(frozen=True)
class Props:
    """What a paragraph mark carries: its style and its list level (``None``: not numbered)."""

    style: str
    level: int | None = None


@dataclass
class Piece:
    """Text of one run: which side it belongs to, and how it is marked."""

    text: str
    wrap: Literal["plain", "ins", "del", "moveFrom", "moveTo"]
    bold: bool = False
    old_bold: bool | None = None
    """The bold it had in the old text when that differs (a ``w:rPrChange``)."""
    superscript: bool = False
    anchor: str | None = None
    """Names a place comments attach to (``lead``, ``term:因特网``)."""


@dataclass
class Paragraph:
    pieces: list[Piece] = field(default_factory=list)
    mark: Mark = "equal"
    props: Props = Props("Normal")
    old_props: Props | None = None
    move: tuple[str, Literal["from", "to"]] | None = None
    """The name of the move this paragraph's text belongs to."""
    comments: list[tuple[str, str]] = field(default_factory=list)
    """(anchor, text): a comment on the pieces with that anchor, else on the whole paragraph."""


def _props(unit: Unit) -> Props:
    if unit.kind == "preambular":
        return Props("Preambular")
    if unit.kind == "heading":
        return Props("ResolutionHeading")
    if unit.number and "(" in unit.number:
        return Props("Subparagraph", 1)
    return Props("Operative", 0)


def _char_diff(old: str, new: str) -> list[tuple[Op, str]]:
    """A character diff for the short lines around the units (symbol, title, dates, footnotes).

    The units carry their word diff from the engine; these lines are symbols and dates, where
    characters are the right grain.
    """
    ops: list[tuple[Op, str]] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(("equal", old[i1:i2]))
            continue
        if i2 > i1:
            ops.append(("delete", old[i1:i2]))
        if j2 > j1:
            ops.append(("insert", new[j1:j2]))
    return ops


def _ops(change: Change, old_text: str, new_text: str) -> list[tuple[Op, str]]:
    """The change's word diff, checked against the units' texts: it must spell both sides."""
    ops: list[tuple[Op, str]] = [(d.op, d.text) for d in change.diff if d.text]
    if not ops:
        if old_text == new_text:
            return [("equal", new_text)] if new_text else []
        ops = [("delete", old_text)] if old_text else []
        ops += [("insert", new_text)] if new_text else []
        return ops
    old_side = "".join(t for op, t in ops if op != "insert")
    new_side = "".join(t for op, t in ops if op != "delete")
    if old_side != old_text or new_side != new_text:
        # The word diff is of the units' texts by construction; should that ever not hold, the
        # redline stays true to both texts by falling back to a character diff.
        return _char_diff(old_text, new_text)
    return ops


def _bold_mask(units: Sequence[Unit]) -> list[bool]:
    mask: list[bool] = []
    for unit in units:
        lead = len(unit.lead) if unit.lead and unit.text.startswith(unit.lead) else 0
        mask.extend(i < lead for i in range(len(unit.text)))
    return mask


def _refs(numbers: Iterable[int]) -> list[str]:
    return [str(n) for n in numbers]


class _Builder:
    """Turns a comparison into paragraphs: the units in the new text's order, with the old
    text's dropped and moved-away paragraphs at their old places."""

    def __init__(self, comparison: Comparison, *, accept_routine: bool, ui: str = "en",
                 check_threshold: float = CHECK_BELOW) -> None:
        self.cmp = comparison
        self.accept_routine = accept_routine
        self.check_threshold = check_threshold
        self._ = translations(ui).gettext
        self.paragraphs: list[Paragraph] = []
        self.old_index = {u.id: i for i, u in enumerate(comparison.old.units)}
        self.pending: list[tuple[int, Unit, str | None]] = []
        """Old-only paragraphs still to place: (old index, unit, move name or None)."""
        self.moves = itertools.count(1)
        self.term_seen: set[tuple[str, str]] = set()

    # -- placing old-only paragraphs -------------------------------------------------------

    def flush(self, before: int) -> None:
        """Place the pending old-only paragraphs that come before old index ``before``."""
        while self.pending and self.pending[0][0] < before:
            _, unit, move = self.pending.pop(0)
            if move:
                self.unit_run([("delete", unit.text)], [unit], [], "moveFrom", move=move)
            else:
                self.unit_run([("delete", unit.text)], [unit], [], "dropped")

    # -- one group of units ----------------------------------------------------------------

    def unit_run(self, ops: Sequence[tuple[Op, str]], old_units: Sequence[Unit], new_units: Sequence[Unit],
                 mode: Mode, *, move: str | None = None, comments: Sequence[tuple[str, str]] = (),
                 lead_span: bool = False) -> None:
        """Paragraphs for ``ops`` over the joined texts of ``old_units`` and ``new_units``."""
        wraps: dict[str, dict[Op, Literal["plain", "ins", "del", "moveFrom", "moveTo"] | None]] = {
            "track": {"equal": "plain", "insert": "ins", "delete": "del"},
            "added": {"equal": "ins", "insert": "ins", "delete": None},
            "dropped": {"equal": "del", "insert": None, "delete": "del"},
            "moveTo": {"equal": "moveTo", "insert": "ins", "delete": None},
            "moveFrom": {"equal": "moveFrom", "insert": None, "delete": "moveFrom"},
            "accept": {"equal": "plain", "insert": "plain", "delete": None},
        }
        wrap = wraps[mode]
        old_cuts = list(itertools.accumulate(len(u.text) for u in old_units))
        new_cuts = list(itertools.accumulate(len(u.text) for u in new_units))
        uses_old = mode in ("track", "dropped", "moveFrom")
        uses_new = mode in ("track", "added", "moveTo", "accept")
        old_bold, new_bold = _bold_mask(old_units), _bold_mask(new_units)
        old_lead = len(old_units[0].lead or "") if old_units else 0
        new_lead = len(new_units[0].lead or "") if new_units else 0
        paragraph = Paragraph(move=(move, "from" if mode == "moveFrom" else "to") if move else None)
        paragraph.comments.extend(comments)
        oi = ni = 0  # which old and new unit the text is in
        op_, np_ = 0, 0  # positions in the joined old and new texts

        def close(kind: Literal["old", "new", "both"]) -> None:
            nonlocal paragraph, oi, ni
            old_unit = old_units[oi] if kind in ("old", "both") else None
            new_unit = new_units[ni] if kind in ("new", "both") else None
            old_refs = _refs(old_unit.footnotes) if old_unit else []
            new_refs = _refs(new_unit.footnotes) if new_unit else []
            if kind == "both" and old_refs == new_refs:
                paragraph.pieces.extend(Piece(r, "plain", superscript=True) for r in new_refs)
            else:
                for r in old_refs:
                    w = wrap["delete"]
                    if w:
                        paragraph.pieces.append(Piece(r, w, superscript=True))
                for r in new_refs:
                    w = wrap["insert"] if mode != "moveTo" else "moveTo"
                    if w:
                        paragraph.pieces.append(Piece(r, w, superscript=True))
            if kind == "both":
                assert old_unit is not None and new_unit is not None
                paragraph.mark = "equal"
                paragraph.props = _props(new_unit)
                if _props(old_unit) != paragraph.props:
                    paragraph.old_props = _props(old_unit)
            elif kind == "old":
                assert old_unit is not None
                paragraph.mark = "del"
                paragraph.props = _props(old_unit)
            else:
                assert new_unit is not None
                paragraph.mark = "equal" if mode == "accept" else "ins"
                paragraph.props = _props(new_unit)
            self.paragraphs.append(paragraph)
            paragraph = Paragraph(move=paragraph.move)
            if kind in ("old", "both"):
                oi += 1
                if mode == "track" and oi < len(old_units):
                    # A paragraph dropped between two merged ones keeps its old place.
                    self.flush(self.old_index[old_units[oi].id])
            if kind in ("new", "both"):
                ni += 1

        def boundaries() -> None:
            # Close units whose text is complete: both at once on the last mark of a pair.
            while True:
                old_done = uses_old and oi < len(old_units) and op_ >= old_cuts[oi]
                new_done = uses_new and ni < len(new_units) and np_ >= new_cuts[ni]
                last_old = oi == len(old_units) - 1
                last_new = ni == len(new_units) - 1
                if mode == "track" and old_done and new_done and last_old and last_new:
                    close("both")
                elif old_done and not (mode == "track" and last_old and uses_new and ni < len(new_units)):
                    close("old")
                elif new_done and not (mode == "track" and last_new and oi < len(old_units)):
                    close("new")
                else:
                    return

        for op, text in ops:
            pos = 0
            while pos < len(text):
                # Cut the text where a unit ends on the side(s) this op advances.
                limit = len(text) - pos
                if op in ("equal", "delete") and uses_old and oi < len(old_cuts):
                    limit = min(limit, old_cuts[oi] - op_)
                if op in ("equal", "insert") and uses_new and ni < len(new_cuts):
                    limit = min(limit, new_cuts[ni] - np_)
                limit = max(limit, 1)
                chunk = text[pos:pos + limit]
                w = wrap[op]
                if w is not None:
                    for start, end, bold, was in _bold_runs(op, op_, np_, len(chunk), old_bold, new_bold):
                        in_lead = (op != "insert" and op_ + start < old_lead) or (op != "delete" and np_ + start < new_lead)
                        paragraph.pieces.append(Piece(
                            chunk[start:end], w, bold=bold, old_bold=was,
                            anchor="lead" if lead_span and in_lead else None))
                if op != "insert":
                    op_ += len(chunk)
                if op != "delete":
                    np_ += len(chunk)
                pos += len(chunk)
                boundaries()
        boundaries()
        # Units left without text (never in a parsed resolution) still get their marks.
        while (uses_old and oi < len(old_units)) or (uses_new and ni < len(new_units)):
            if mode == "track" and oi == len(old_units) - 1 and ni == len(new_units) - 1:
                close("both")
            elif uses_old and oi < len(old_units) and not (mode == "track" and oi == len(old_units) - 1
                                                            and ni < len(new_units)):
                close("old")
            else:
                close("new")

    # -- the whole comparison --------------------------------------------------------------

    def term_anchor(self, change: Change) -> list[tuple[str, str]]:
        found = []
        for term in self.cmp.terms:
            key = (term.old, term.new)
            if key in self.term_seen:
                continue
            if term.old in change.old_text and term.new in change.new_text and change.type != "unchanged":
                self.term_seen.add(key)
                found.append((f"term:{term.new}", self._(
                    "Terminology: {old} → {new}, here first of {n} paragraphs").format(
                        old=term.old, new=term.new, n=term.count)))
        return found

    def build(self) -> list[Paragraph]:
        cmp = self.cmp
        old, new = cmp.old, cmp.new
        self.frame_top(old, new)
        moved_real: dict[int, str] = {}
        new_index = {u.id: i for i, u in enumerate(new.units)}
        # The plan: what goes where in the new text's order. A change whose new paragraphs are
        # not next to each other (a split into distant parts) is placed part by part.
        entries: list[tuple[int, Change, str, tuple[str, ...]]] = []
        for change in cmp.changes:
            if not change.new:
                for uid in change.old:
                    self.pending.append((self.old_index[uid], old[uid], None))
                continue
            places = [new_index[u] for u in change.new]
            if places != list(range(places[0], places[0] + len(places))):
                for uid in change.old:
                    self.pending.append((self.old_index[uid], old[uid], None))
                entries.extend((new_index[u], change, "scattered", (u,)) for u in change.new)
            else:
                entries.append((places[0], change, "", change.new))
        entries.sort(key=lambda e: e[0])
        plan: list[tuple[Change, str, tuple[str, ...]]] = []
        anchored: dict[int, int] = {}
        highest = -1
        for _, change, how, unit_ids in entries:
            if how == "scattered":
                plan.append((change, how, unit_ids))
                continue
            indices = [self.old_index[u] for u in change.old]
            if change.old and (change.moved or min(indices) < highest):
                if len(change.old) == 1 and len(change.new) == 1:
                    name = f"move{next(self.moves)}"
                    moved_real[id(change)] = name
                    self.pending.append((indices[0], old[change.old[0]], name))
                else:
                    for uid in change.old:
                        self.pending.append((self.old_index[uid], old[uid], None))
                plan.append((change, "moved", unit_ids))
                continue
            if indices:
                highest = max(highest, max(indices))
                anchored[len(plan)] = min(indices)
            plan.append((change, "anchored", unit_ids))
        self.pending.sort(key=lambda p: p[0])
        # For each step of the plan, the first old index of the next anchored change.
        next_anchor: list[int] = []
        upcoming = len(old.units)
        for step in range(len(plan) - 1, -1, -1):
            upcoming = anchored.get(step, upcoming)
            next_anchor.append(upcoming)
        next_anchor.reverse()

        for step, (change, how, unit_ids) in enumerate(plan):
            self.flush(next_anchor[step])
            olds = [old[u] for u in change.old]
            news = [new[u] for u in unit_ids]
            if how == "scattered":
                part = change.new.index(unit_ids[0]) + 1
                note = (f"{change.type.capitalize()}: part {part} of {len(change.new)} of old {' + '.join(change.old)} "
                        f"(new {' + '.join(change.new)})")
                self.unit_run([("insert", news[0].text)], [], news, "added", comments=[("", note)])
                continue
            comments = self.comments_for(change, moved=how == "moved")
            if how == "moved":
                ops = _ops(change, "".join(u.text for u in olds), "".join(u.text for u in news))
                move = moved_real.get(id(change))
                if move:
                    self.unit_run(ops, olds, news, "moveTo", move=move, comments=comments, lead_span=True)
                else:
                    self.unit_run([("insert", "".join(u.text for u in news))], [], news, "added", comments=comments)
                continue
            ops = _ops(change, "".join(u.text for u in olds), "".join(u.text for u in news))
            if not olds:
                mode: Mode = "added"
            elif self.accept_routine and change.routine:
                mode = "accept"
            else:
                mode = "track"
            self.unit_run(ops, olds, news, mode, comments=comments, lead_span=True)
        self.flush(len(old.units) + 1)
        self.frame_end(old, new)
        return self.paragraphs

    def comments_for(self, change: Change, *, moved: bool) -> list[tuple[str, str]]:
        _ = self._
        notes: list[tuple[str, str]] = []
        lead = change.lead
        if lead is not None and lead.shift != "same" and not (self.accept_routine and change.routine):
            gloss = f" ({lead.old_gloss} → {lead.new_gloss})" if lead.old_gloss and lead.new_gloss else ""
            notes.append(("lead", f"{lead.old} → {lead.new}: {_(lead.shift)}{gloss}"))
        if moved:
            where = " + ".join(change.old)
            how = "" if change.type == "unchanged" else ", " + _(change.type)
            notes.append(("", _("Moved: old {old} → new {new}").format(old=where, new=" + ".join(change.new)) + how))
        if not (self.accept_routine and change.routine):
            notes.extend(self.term_anchor(change))
        if change.below(self.check_threshold):
            notes.append(("", _("To check: resdiff is not sure of this {type} (confidence {percent})").format(
                type=_(change.type), percent=f"{change.confidence:.0%}") + other_readings(change, _)))
        other = other_language(change)
        if other is not None and change.type != "unchanged":
            # The other language's text of the change (issue 12): its own word diff, marked.
            language, diff = other
            notes.append(("", f"{_(LANGUAGE_NAMES[language])}: {marked(diff)}"))
        return notes

    # -- the lines around the units ---------------------------------------------------------

    def line(self, old: str | None, new: str | None, props: Props, *, routine: bool) -> None:
        """One line that is not a unit: a character diff, or plain when routine and accepted."""
        if old is None and new is None:
            return
        paragraph = Paragraph(props=props)
        if routine and self.accept_routine:
            if new is None:
                return
            paragraph.pieces.append(Piece(new, "plain"))
        elif old is None:
            paragraph.pieces.append(Piece(new or "", "ins"))
            paragraph.mark = "ins"
        elif new is None:
            paragraph.pieces.append(Piece(old, "del"))
            paragraph.mark = "del"
        else:
            wrap = {"equal": "plain", "insert": "ins", "delete": "del"}
            paragraph.pieces.extend(Piece(t, wrap[op]) for op, t in _char_diff(old, new))  # type: ignore[arg-type]
        self.paragraphs.append(paragraph)

    def frame_top(self, old: Resolution, new: Resolution) -> None:
        a, b = _top_lines(old), _top_lines(new)
        # The symbol, and the title's number when only that changed, are routine updates.
        routine = {"symbol": True, "title": old.title == new.title, "body": False}
        for role, style in (("symbol", "Symbol"), ("title", "ResolutionTitle"), ("body", "Body")):
            self.line(a.get(role), b.get(role), Props(style), routine=routine[role])

    def frame_end(self, old: Resolution, new: Resolution) -> None:
        a, b = _end_lines(old), _end_lines(new)
        for role in ("date", "meeting"):
            self.line(a.get(role), b.get(role), Props("Adoption"), routine=True)
        self.footnotes(old, new)

    def footnotes(self, old: Resolution, new: Resolution) -> None:
        olds = list(old.footnotes.items())
        news = list(new.footnotes.items())
        matcher = difflib.SequenceMatcher(None, [t for _, t in olds], [t for _, t in news], autojunk=False)
        first = len(self.paragraphs)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            pairs = list(itertools.zip_longest(olds[i1:i2], news[j1:j2])) if tag != "equal" else list(
                zip(olds[i1:i2], news[j1:j2]))
            for a, b in pairs:
                self.line(_note_line(a), _note_line(b), Props("Footnote"), routine=False)
        if len(self.paragraphs) > first:
            self.paragraphs[first].props = Props("FootnoteFirst")
            if self.paragraphs[first].old_props:
                self.paragraphs[first].old_props = Props("FootnoteFirst")


def _note_line(note: tuple[int, str] | None) -> str | None:
    if note is None:
        return None
    number, text = note
    return f"{str(number).translate(_SUPERSCRIPT)} {text}"


def _top_lines(resolution: Resolution) -> dict[str, str]:
    """The symbol, numbered title and body lines as ``Resolution.to_text`` writes them."""
    lines = resolution.to_text().split("\n")
    roles = [r for r, present in (("symbol", resolution.symbol), ("title", resolution.title),
                                  ("body", resolution.body)) if present]
    return dict(zip(roles, lines))


def _end_lines(resolution: Resolution) -> dict[str, str]:
    lines = resolution.to_text().split("\n")
    start = len(_top_lines(resolution)) + len(resolution.units)
    roles = [r for r, present in (("date", resolution.adopted), ("meeting", resolution.meeting)) if present]
    return dict(zip(roles, lines[start:]))


def _bold_runs(op: str, old_pos: int, new_pos: int, length: int, old_bold: list[bool],
               new_bold: list[bool]) -> Iterator[tuple[int, int, bool, bool | None]]:
    """Cut a chunk where its bold changes: ``(start, end, bold, old bold if it differs)``."""

    def at(i: int) -> tuple[bool, bool | None]:
        o = old_bold[old_pos + i] if op != "insert" and old_pos + i < len(old_bold) else None
        n = new_bold[new_pos + i] if op != "delete" and new_pos + i < len(new_bold) else None
        if op == "equal":
            return bool(n), (bool(o) if bool(o) != bool(n) else None)
        return (bool(n) if op == "insert" else bool(o)), None

    start = 0
    current = at(0)
    for i in range(1, length):
        here = at(i)
        if here != current:
            yield start, i, current[0], current[1]
            start, current = i, here
    yield start, length, current[0], current[1]


# --- writing the document ---------------------------------------------------------------------


class _Writer:
    def __init__(self, comparison: Comparison, date: str, ui: str = "en") -> None:
        self._ = translations(ui).gettext
        docx = _import_docx()
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        self.OxmlElement = OxmlElement
        self.qn = qn
        self.document = docx.Document()
        self.date = date
        self.ids = itertools.count(1000)
        self.comparison = comparison
        self.styles: dict[str, str] = {}
        self._setup()

    # -- elements ---------------------------------------------------------------------------

    def el(self, tag: str, **attrs: str) -> Any:
        return self.OxmlElement(f"w:{tag}", {self.qn(f"w:{k}"): v for k, v in attrs.items()})

    def revision(self, tag: str) -> Any:
        return self.el(tag, id=str(next(self.ids)), author=AUTHOR, date=self.date)

    def _fonts(self, rpr: Any) -> None:
        fonts = rpr.find(self.qn("w:rFonts"))
        if fonts is None:
            fonts = self.el("rFonts")
            rpr.insert(0, fonts)
        for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(self.qn(f"w:{theme}"), None)
        for attr, value in (("ascii", LATIN_FONT), ("hAnsi", LATIN_FONT), ("eastAsia", EAST_ASIAN_FONT),
                            ("cs", LATIN_FONT), ("hint", "eastAsia")):
            fonts.set(self.qn(f"w:{attr}"), value)

    def _setup(self) -> None:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm, Pt

        doc = self.document
        styles = doc.styles
        normal = styles["Normal"]
        normal.font.name = LATIN_FONT
        normal.font.size = Pt(12)
        self._fonts(normal.element.get_or_add_rPr())
        lang = self.el("lang", val="en-GB", eastAsia="zh-CN")
        normal.element.get_or_add_rPr().append(lang)
        defaults = styles.element.find(self.qn("w:docDefaults"))
        if defaults is not None:
            rpr = defaults.find(f"{self.qn('w:rPrDefault')}/{self.qn('w:rPr')}")
            if rpr is not None:
                self._fonts(rpr)

        def add(name: str, *, indent: float | None = 0.74, first: float | None = None, align: Any = None,
                size: float | None = None, italic: bool = False, space_before: float = 0,
                space_after: float = 6) -> None:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = normal
            fmt = style.paragraph_format
            if indent is not None:
                fmt.left_indent = Cm(indent)
            if first is not None:
                fmt.first_line_indent = Cm(first)
            if align is not None:
                fmt.alignment = align
            fmt.space_before = Pt(space_before)
            fmt.space_after = Pt(space_after)
            fmt.line_spacing = 1.15
            if size:
                style.font.size = Pt(size)
            style.font.italic = italic or None
            self.styles[name] = style.style_id

        add("Symbol", indent=None, align=WD_ALIGN_PARAGRAPH.RIGHT, size=10)
        add("ResolutionTitle", indent=None, align=WD_ALIGN_PARAGRAPH.LEFT, size=14, space_before=6, space_after=12)
        add("Body", indent=0.74)
        add("Preambular", indent=0, first=0.74)
        add("ResolutionHeading", indent=None, align=WD_ALIGN_PARAGRAPH.CENTER, italic=True, space_before=6)
        add("Operative", indent=0, first=0.74)
        add("Subparagraph", indent=1.48)
        add("Adoption", indent=None, align=WD_ALIGN_PARAGRAPH.RIGHT, size=11, space_after=0)
        add("Footnote", indent=None, size=9, space_after=2)
        add("FootnoteFirst", indent=None, size=9, space_before=18, space_after=2)
        first_note = styles["FootnoteFirst"].element.get_or_add_pPr()
        border = self.el("pBdr")
        border.append(self.el("top", val="single", sz="4", space="4", color="808080"))
        first_note.append(border)

        # The operative list: ``1.`` then ``(a)``, as the UN prints it.
        numbering = doc.part.numbering_part.element
        abstract = self.el("abstractNum", abstractNumId=LIST_ID)
        abstract.append(self.el("multiLevelType", val="multilevel"))
        for level, fmt, text, indent in ((0, "decimal", "%1.", 0), (1, "lowerLetter", "(%2)", 1.48)):
            lvl = self.el("lvl", ilvl=str(level))
            lvl.append(self.el("start", val="1"))
            lvl.append(self.el("numFmt", val=fmt))
            lvl.append(self.el("lvlText", val=text))
            lvl.append(self.el("lvlJc", val="left"))
            ppr = self.el("pPr")
            ppr.append(self.el("ind", left=str(int(indent * 567)), firstLine="420"))
            lvl.append(ppr)
            abstract.append(lvl)
        first_num = numbering.find(self.qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        num = self.el("num", numId=LIST_ID)
        num.append(self.el("abstractNumId", val=LIST_ID))
        numbering.append(num)

        section = doc.sections[0]
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin = section.bottom_margin = Cm(2.0)

    # -- the top table: the two texts ---------------------------------------------------------

    def cover(self, to_check: Sequence[str]) -> None:
        from docx.shared import Pt

        cmp = self.comparison
        doc = self.document

        _ = self._

        def describe(resolution: Resolution, fallback: str) -> str:
            symbol = resolution.name or fallback
            adopted = _("adopted {date}").format(date=resolution.adopted) if resolution.adopted else _("not adopted")
            meeting = f" ({resolution.meeting})" if resolution.meeting else ""
            return f"{symbol}, {adopted}{meeting}"

        rows = [
            (_("Old text"), describe(cmp.old, _("old text (no symbol)"))),
            (_("New text"), describe(cmp.new, _("new text (no symbol)"))),
            (_("Redline"), _("Tracked changes by resdiff: accept all for the new text, reject all for the old. "
                             "Comments mark lead shifts, moves and terminology switches.")),
        ]
        if cmp.pairing is not None:
            rows.append((_(LANGUAGE_NAMES[cmp.pairing.language]),
                         _("Each change's text in {language} is in a comment beside it.").format(
                             language=_(LANGUAGE_NAMES[cmp.pairing.language]))))
        if to_check:
            rows.append((_("To check"), _("; ").join(to_check)))
        table = doc.add_table(rows=len(rows), cols=2)
        table.style = doc.styles["Table Grid"]
        for row, (label, text) in zip(table.rows, rows):
            for cell, value, bold in ((row.cells[0], label, True), (row.cells[1], text, False)):
                paragraph = cell.paragraphs[0]
                run = paragraph.add_run(value)
                run.font.size = Pt(9)
                run.font.italic = bold or None
        doc.add_paragraph()

    # -- paragraphs ----------------------------------------------------------------------------

    def run(self, piece: Piece) -> Any:
        r = self.el("r")
        rpr = self.el("rPr")
        # A lead is set as the language sets it: bold in Chinese, italics in English (issue 12).
        mark = ("i", "iCs") if self.comparison.new.language == "en" else ("b", "bCs")
        if piece.bold:
            rpr.append(self.el(mark[0]))
            rpr.append(self.el(mark[1]))
        if piece.superscript:
            rpr.append(self.el("vertAlign", val="superscript"))
        if piece.old_bold is not None:
            change = self.revision("rPrChange")
            old = self.el("rPr")
            if piece.old_bold:
                old.append(self.el(mark[0]))
                old.append(self.el(mark[1]))
            if piece.superscript:
                old.append(self.el("vertAlign", val="superscript"))
            change.append(old)
            rpr.append(change)
        if len(rpr):
            r.append(rpr)
        t = self.el("delText" if piece.wrap == "del" else "t")
        t.text = piece.text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        r.append(t)
        return r

    def ppr_props(self, ppr: Any, props: Props) -> None:
        ppr.append(self.el("pStyle", val=self.styles.get(props.style, props.style)))
        if props.level is not None:
            num = self.el("numPr")
            num.append(self.el("ilvl", val=str(props.level)))
            num.append(self.el("numId", val=LIST_ID))
            ppr.append(num)

    def paragraph(self, para: Paragraph) -> None:
        p = self.document.add_paragraph()._p
        ppr = p.get_or_add_pPr()
        for child in list(ppr):
            ppr.remove(child)
        self.ppr_props(ppr, para.props)
        if para.mark != "equal":
            rpr = self.el("rPr")
            rpr.append(self.revision(para.mark))
            ppr.append(rpr)
        if para.old_props is not None and para.mark in ("equal", "ins", "moveTo"):
            change = self.revision("pPrChange")
            old = self.el("pPr")
            self.ppr_props(old, para.old_props)
            change.append(old)
            ppr.append(change)

        range_tag = None
        if para.move:
            name, side = para.move
            range_tag = "moveFromRange" if side == "from" else "moveToRange"
            range_id = str(next(self.ids))
            start = self.revision(f"{range_tag}Start")
            start.set(self.qn("w:id"), range_id)
            start.set(self.qn("w:name"), name)
            p.append(start)

        anchors: dict[str, list[Any]] = {}
        wrapper: Any = None
        wrapper_kind = None
        for piece in para.pieces:
            if not piece.text:
                continue
            r = self.run(piece)
            if piece.wrap == "plain":
                wrapper, wrapper_kind = None, None
                p.append(r)
                node = r
            else:
                if wrapper is None or wrapper_kind != piece.wrap:
                    wrapper = self.revision(piece.wrap)
                    wrapper_kind = piece.wrap
                    p.append(wrapper)
                wrapper.append(r)
                node = wrapper
            keys = {piece.anchor} if piece.anchor else set()
            if piece.wrap in ("ins", "moveTo"):
                keys.update(f"term:{t}" for t in _terms_in(piece.text, para))
            for key in keys:
                nodes = anchors.setdefault(key, [])
                if not nodes or nodes[-1] is not node:
                    nodes.append(node)
        if range_tag:
            end = self.el(f"{range_tag}End", id=range_id)
            p.append(end)
        for anchor, text in para.comments:
            nodes = anchors.get(anchor) or [child for child in p if child.tag != self.qn("w:pPr")]
            self.comment(p, nodes, text)

    def comment(self, p: Any, nodes: Sequence[Any], text: str) -> None:
        """A comment on ``nodes`` (children of ``p``), its range and reference at paragraph level."""
        if not nodes:
            nodes = [p[-1]]
        comment = self.document.comments.add_comment(text=text, author=AUTHOR, initials=INITIALS)
        # python-docx dates a comment with the clock; it takes the redline's one change date instead.
        comment._comment_elm.set(self.qn("w:date"), self.date)
        cid = str(comment.comment_id)
        nodes[0].addprevious(self.el("commentRangeStart", id=cid))
        end = self.el("commentRangeEnd", id=cid)
        nodes[-1].addnext(end)
        ref_run = self.el("r")
        rpr = self.el("rPr")
        rpr.append(self.el("rStyle", val=self._comment_style()))
        ref_run.append(rpr)
        ref_run.append(self.el("commentReference", id=cid))
        end.addnext(ref_run)

    def _comment_style(self) -> str:
        from docx.enum.style import WD_STYLE_TYPE

        styles = self.document.styles
        if "CommentReference" not in self.styles:
            try:
                style = styles["annotation reference"]
            except KeyError:
                style = styles.add_style("annotation reference", WD_STYLE_TYPE.CHARACTER)
                style.font.size = None
            self.styles["CommentReference"] = style.style_id
        return self.styles["CommentReference"]

    def finish(self, title: str) -> bytes:
        props = self.document.core_properties
        props.author = AUTHOR
        props.last_modified_by = AUTHOR
        props.title = title
        props.comments = "Tracked changes written by resdiff"
        moment = _dt.datetime.fromisoformat(self.date.rstrip("Z"))
        props.created = props.modified = moment
        props.revision = 1
        return docx_bytes(self.document)


def _inserted_marks_keep_the_next_props(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A paragraph whose mark is inserted and whose properties differ from the next paragraph's
    records the next one's as its old properties (``w:pPrChange``).

    Rejecting an inserted paragraph mark joins what is left of its paragraph to the next one.
    Word keeps the next paragraph's properties (they belong to its mark, which stays). LibreOffice
    (7.4) does too when the mark and the paragraph's text are one insertion, but when they are
    two tracked changes (moved-to text, then an inserted mark) it keeps the first paragraph's: an
    operative paragraph moved in before a heading left the heading numbered ``21.`` and every
    later number one too high (tests/test_redline_libreoffice.py). With the old properties
    recorded, LibreOffice restores them before the join; Word drops them with the mark;
    accepting keeps the new ones either way."""
    out = list(paragraphs)
    for n, (para, following) in enumerate(itertools.pairwise(paragraphs)):
        if para.mark == "ins" and para.old_props is None and para.props != following.props:
            out[n] = dataclasses.replace(para, old_props=following.props)
    return out


def _terms_in(text: str, para: Paragraph) -> list[str]:
    return [anchor.split(":", 1)[1] for anchor, _ in para.comments
            if anchor.startswith("term:") and anchor.split(":", 1)[1] in text]


def to_check(comparison: Comparison, check_threshold: float = CHECK_BELOW) -> list[str]:
    """Changes the engine is not sure of, where the model says so (``Change.confidence`` below
    ``check_threshold``)."""
    return [f"{' + '.join(change.new or change.old)} ({change.type}, confidence {change.confidence:.0%})"
            f"{other_readings(change)}" for change in comparison.changes if change.below(check_threshold)]


def render_docx(comparison: Comparison, *, accept_routine: bool = False, date: str | None = None,
                title: str | None = None, ui: str = "en", check_threshold: float = CHECK_BELOW) -> bytes:
    """The new text as a Word document in which every difference from the old one is tracked.

    ``accept_routine`` leaves routine updates (dates, sessions, symbols, 又/还) accepted, so
    that only substance shows as tracked changes. Every change is by ``resdiff`` on one date,
    ``date`` (ISO), by default the new text's adoption date, else today. A change whose confidence
    is below ``check_threshold`` (``Options.check_threshold``) is listed "to check" and commented.
    """
    when = date or comparison.new.adopted or _dt.date.today().isoformat()
    stamp = f"{when[:10]}T00:00:00Z"
    builder = _Builder(comparison, accept_routine=accept_routine, ui=ui, check_threshold=check_threshold)
    paragraphs = _inserted_marks_keep_the_next_props(builder.build())
    writer = _Writer(comparison, stamp, ui)
    writer.cover(to_check(comparison, check_threshold))
    for paragraph in paragraphs:
        writer.paragraph(paragraph)
    # The last paragraph mark of a document can be neither inserted nor deleted: end on a plain one.
    writer.document.add_paragraph()
    old, new = comparison.old, comparison.new
    _ = translations(ui).gettext
    heading = title or _("Redline: {old} → {new}").format(old=old.name or _("old text"), new=new.name or _("new text"))
    return writer.finish(heading)
