"""The HTML diff report: one self-contained page, a pure function of a Comparison.

The page is what a delegate opens from a mail attachment, reads side by side, filters and
prints, so it fetches nothing: the CSS and the filter script are inlined from the templates
shipped as package data (``templates/report.html.j2``, ``report.css``, ``report.js``), and the
font stack names the CJK fonts found on common systems instead of a web font.

This module reads :mod:`resdiff.model` and nothing else of resdiff. All decisions about what a
row shows are made here, in :func:`_rows`; the templates only lay the rows out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import jinja2
from markupsafe import Markup, escape

from resdiff.i18n import LANGUAGE_NAMES as UI_LANGUAGE_NAMES
from resdiff.i18n import _ as N_
from resdiff.i18n import translations
from resdiff.model import PUNCT_WIDTH, Change, Comparison, DiffOp, ParseWarning, Resolution, Unit, part_of

#: Marks after a lead shift: ``吁请 → 促请 ↑``.
SHIFT_MARKS: Mapping[str, str] = {"stronger": "↑", "weaker": "↓", "same": "=", "different": "≠"}

#: Words for the same shifts, for the ``title`` of a mark and the filter labels.
SHIFT_WORDS: Mapping[str, str] = {
    "stronger": N_("stronger lead"),
    "weaker": N_("weaker lead"),
    "same": N_("same lead (only 又/还 differ)"),
    "different": N_("different lead, no common scale"),
}

#: The languages' names and their HTML ``lang`` codes, for the other-language rows (issue 12).
LANGUAGE_NAMES: Mapping[str, str] = UI_LANGUAGE_NAMES
HTML_LANG: Mapping[str, str] = {"zh": "zh-Hans", "en": "en"}


#: Labels the template chooses among or takes from a table (so that Babel finds them here).
TEMPLATE_MESSAGES = (
    N_("Footnote {numbers}"), N_("Footnotes {numbers}"), N_("not in the old text"), N_("not in the new text"),
    N_("in {n} paragraph"), N_("in {n} paragraphs"), N_("stronger leads ↑"), N_("weaker leads ↓"),
    N_("routine updates"), N_("reworded"), N_("added"), N_("dropped"), N_("split"), N_("merged"), N_("moved"),
    N_("unchanged"), N_("footnotes changed"), N_("footnote changed"), N_("old text"), N_("new text"),
)

#: Labels the page's script writes itself (the status line).
SCRIPT_MESSAGES = (N_("Showing {shown} of {total} changes"), N_(" — filter: {label}"))


class _Interface:
    """The report's labels in the interface language chosen, each also known in the other one so
    that the page can switch (issue 12): ``t`` gives a label as an element the page's script can
    retranslate, ``ta`` a plain string for an attribute, and ``messages`` every label used, in
    both languages, for the script."""

    def __init__(self, ui: str) -> None:
        self.ui = ui
        self.zh = translations("zh").gettext
        self.used: dict[str, dict[str, str]] = {}
        for message in SCRIPT_MESSAGES:
            self._both(message)

    def _both(self, message: str) -> dict[str, str]:
        found = self.used.get(message)
        if found is None:
            found = self.used[message] = {"en": message, "zh": self.zh(message)}
        return found

    def ta(self, message: str, **values: object) -> str:
        text = self._both(message)[self.ui]
        return text.format(**values) if values else text

    def t(self, message: str, **values: object) -> Markup:
        args = f" data-i18n-args='{escape(json.dumps(values, ensure_ascii=False))}'" if values else ""
        return Markup(f'<span data-i18n="{escape(message)}"{args}>{escape(self.ta(message, **values))}</span>')

    def warning(self, warning: ParseWarning) -> Markup:
        """A parser warning's message in the interface language, switchable like the labels (its
        ``message`` stays English in the JSON; the template it was written from is read back)."""
        from resdiff.render.warnings import CODES, read_back

        known = read_back(warning)
        if known is not None:
            return self.t(known[0], **known[1])
        if warning.code in CODES:
            return self.t(CODES[warning.code]) + Markup(" (") + escape(warning.message) + Markup(")")
        return Markup(escape(warning.message))

    def messages(self) -> str:
        """The labels used, in both languages, as JSON (for an attribute; the template escapes it)."""
        return json.dumps(self.used, ensure_ascii=False, sort_keys=True)


# Anything that is awkward in a URL fragment or a CSS selector: "OP39(b)" -> "OP39-b".
RE_ANCHOR_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def _is_lead_shift(change: Change) -> bool:
    """The lead verb changed beyond its 又/还 adverb (吁请 → 促请, 注意到 → 欢迎)."""
    return change.lead is not None and change.lead.shift != "same"


@dataclass(frozen=True)
class Filter:
    """One button of the report's filter bar, and which changes it keeps."""

    name: str
    """The value the page's script matches against each row's ``data-filters``."""
    label: str
    """The button's text."""
    keeps: Callable[[Change], bool]
    """Whether a change is visible under this filter."""


#: The filters of the report, in the order of the filter bar. The rows carry the names of
#: the filters that keep them, so the page's script holds no rule of its own.
FILTERS: tuple[Filter, ...] = (
    # The four parts of Comparison.counts, which add up to All; then the types, which overlap them.
    Filter("substantive", N_("Substantive"), lambda c: part_of(c) == "substantive"),
    Filter("all", N_("All"), lambda c: True),
    Filter("routine", N_("Routine only"), lambda c: part_of(c) == "routine"),
    Filter("terminology", N_("Terminology only"), lambda c: part_of(c) == "terminology"),
    Filter("unchanged", N_("Unchanged"), lambda c: part_of(c) == "unchanged"),
    Filter("added", N_("Added"), lambda c: c.type == "added"),
    Filter("dropped", N_("Dropped"), lambda c: c.type == "dropped"),
    Filter("reworded", N_("Reworded"), lambda c: c.type == "reworded"),
    Filter("split-merged", N_("Split / merged"), lambda c: c.type in ("split", "merged")),
    Filter("moved", N_("Moved"), lambda c: c.moved),
    Filter("lead", N_("Lead shifts"), _is_lead_shift),
    Filter("footnotes", N_("Footnote changes"), lambda c: bool(c.footnotes)),
)

#: The filter the report opens on: what a negotiator has to read ("All" is one click away).
DEFAULT_FILTER = "substantive"


@dataclass(frozen=True)
class Segment:
    """A run of text in one column: ``equal`` plain, ``delete`` as ``<del>``, ``insert`` as ``<ins>``."""

    op: str
    text: str


@dataclass(frozen=True)
class Cell:
    """One unit as shown in its column."""

    unit_id: str
    """The unit's id in its own text, ``OP39(b)``."""
    anchor: str
    """The HTML id of the cell, ``new-OP39-b``: the target of the link to the unit."""
    kind: str
    """``preambular``, ``heading``, ``operative``, or ``missing`` when the text has no such unit."""
    segments: tuple[Segment, ...]
    """The unit's text, with the words deleted or inserted on this side marked."""
    footnotes: tuple[tuple[int, str], ...]
    """Number and text of each footnote the unit references."""
    notes_changed: bool = False
    """The footnotes of this side differ from the other side's: the print view opens them."""


@dataclass(frozen=True)
class NoteChange:
    """A changed footnote as a row shows it: ``Footnote 2 (routine)`` and its word diff."""

    label: str
    routine: bool
    segments: tuple[Segment, ...]


def _note_changes(change: Change, ta: Callable[..., str] = str.format) -> tuple[NoteChange, ...]:
    found = []
    for note in change.footnotes:
        if note.old_number is None:
            label = ta(N_("Footnote {n} appeared"), n=note.new_number)
        elif note.new_number is None:
            label = ta(N_("Footnote {n} disappeared"), n=note.old_number)
        elif note.old_number == note.new_number:
            label = ta(N_("Footnote {n} changed"), n=note.new_number)
        else:
            label = ta(N_("Footnote {old} → {new} changed"), old=note.old_number, new=note.new_number)
        found.append(NoteChange(label, note.routine, tuple(Segment(d.op, d.text) for d in note.diff)))
    return tuple(found)


@dataclass(frozen=True)
class Row:
    """One change as shown in the report: old units on the left, new units on the right."""

    number: int
    """1-based position in the report; the row's HTML id is ``change-<number>``."""
    change: Change
    old: tuple[Cell, ...]
    new: tuple[Cell, ...]
    joined_diff: tuple[tuple[Segment, ...], tuple[Segment, ...]] | None
    """For a split or merge whose word diff cannot be cut at the unit boundaries: both sides whole."""
    moved_from: str | None
    """For a moved change: where it stood in the old text (``after OP11``)."""
    moved_to: str | None
    """For a moved change: where it stands in the new text."""
    filters: tuple[str, ...]
    """Names of the filters that keep this row visible."""
    collapsed: bool
    """Routine rows start collapsed."""
    parallel: tuple[tuple[Segment, ...], tuple[Segment, ...]] | None = None
    """The other language's old and new text of the change (with its word diff), when given."""
    unpaired: tuple[str, ...] = ()
    """The change's units that have no counterpart in the other language."""
    notes: tuple[NoteChange, ...] = ()
    """The cited footnotes whose text changed, appeared or disappeared."""

    @property
    def shift_mark(self) -> str:
        lead = self.change.lead
        return SHIFT_MARKS[lead.shift] if lead else ""

    @property
    def shows_lead(self) -> bool:
        """Worth a ``吁请 → 促请 ↑`` line: the lead text differs between the two sides."""
        lead = self.change.lead
        return lead is not None and lead.old != lead.new


def _anchors(resolution: Resolution, side: str) -> dict[str, str]:
    """Unit id → a unique HTML id safe in a fragment (``new-OP39-b``)."""
    anchors: dict[str, str] = {}
    taken: set[str] = set()
    for unit in resolution.units:
        base = f"{side}-{RE_ANCHOR_UNSAFE.sub('-', unit.id).strip('-') or 'unit'}"
        anchor, n = base, 2
        while anchor in taken:
            anchor, n = f"{base}-{n}", n + 1
        taken.add(anchor)
        anchors[unit.id] = anchor
    return anchors


def _side(diff: Sequence[DiffOp], side: str) -> tuple[Segment, ...]:
    """The ops of a word diff that one side shows: the old side shows no insertions and vice versa."""
    hidden = "insert" if side == "old" else "delete"
    return tuple(Segment(d.op, d.text) for d in diff if d.op != hidden and d.text)


def _as_printed(segments: tuple[Segment, ...], printed: str) -> tuple[Segment, ...]:
    """One side's segments with that side's own characters. An equal stretch of a word diff is
    given as the new text prints it (``，`` where the old text had ``,``: the width of
    punctuation is no difference); the old column shows the old text as printed."""
    shown = "".join(s.text for s in segments)
    if shown == printed or shown.translate(PUNCT_WIDTH) != printed.translate(PUNCT_WIDTH):
        return segments
    out, at = [], 0
    for segment in segments:
        out.append(Segment(segment.op, printed[at:at + len(segment.text)]))
        at += len(segment.text)
    return tuple(out)


def _cut(segments: Sequence[Segment], texts: Sequence[str]) -> list[tuple[Segment, ...]] | None:
    """Cut one side of a word diff into the units whose texts were joined to make it.

    The engine diffs a split or merge over the units' texts joined, perhaps with a separator;
    anything but whitespace between two parts means the diff was made of other texts, and
    then ``None`` tells the caller to show the units plainly.
    """
    joined = "".join(s.text for s in segments)
    spans: list[tuple[int, int]] = []
    cursor = 0
    for text in texts:
        start = joined.find(text, cursor) if text else cursor
        if start < 0 or joined[cursor:start].strip():
            return None
        spans.append((start, start + len(text)))
        cursor = start + len(text)
    if joined[cursor:].strip():
        return None
    parts: list[tuple[Segment, ...]] = []
    for start, end in spans:
        part: list[Segment] = []
        offset = 0
        for segment in segments:
            seg_start, offset = offset, offset + len(segment.text)
            low, high = max(seg_start, start), min(offset, end)
            if low < high:
                part.append(Segment(segment.op, segment.text[low - seg_start : high - seg_start]))
        parts.append(tuple(part))
    return parts


def _cells(
    change: Change, side: str, resolution: Resolution, anchors: Mapping[str, str]
) -> tuple[tuple[Cell, ...], tuple[Segment, ...] | None]:
    """The cells of one side of a change, and that side's whole diff if it could not be cut."""
    ids = change.old if side == "old" else change.new
    units: list[Unit | None] = [resolution.get(unit_id) for unit_id in ids]
    texts = [unit.text if unit else "" for unit in units]
    segments = _as_printed(_side(change.diff, side), "".join(texts))
    parts: Sequence[tuple[Segment, ...]] | None
    if not segments or change.type in ("added", "dropped", "unchanged"):
        parts = [(Segment("equal", text),) for text in texts]
        whole = None
    else:
        parts = _cut(segments, texts)
        whole = None
        if parts is None and len(ids) == 1:
            # The diff was made of a normalised text (whitespace, final mark): show it as is.
            parts = [segments]
        elif parts is None:
            parts = [(Segment("equal", text),) for text in texts]
            whole = segments
    cells = tuple(
        Cell(
            unit_id=unit_id,
            anchor=anchors.get(unit_id, f"{side}-missing-{RE_ANCHOR_UNSAFE.sub('-', unit_id)}"),
            kind=unit.kind if unit else "missing",
            segments=part,
            footnotes=tuple((n, resolution.footnotes.get(n, "")) for n in (unit.footnotes if unit else ())),
        )
        for unit_id, unit, part in zip(ids, units, parts, strict=True)
    )
    return cells, whole


def _place(resolution: Resolution, unit_id: str, ta: Callable[..., str] = str.format) -> str:
    """Where a unit stands, by its neighbour: ``OP12, after OP11``, or ``OP1, at the start``."""
    ids = [unit.id for unit in resolution.units]
    if unit_id not in ids:
        return unit_id
    index = ids.index(unit_id)
    if index:
        return ta(N_("{unit}, after {before}"), unit=unit_id, before=ids[index - 1])
    return ta(N_("{unit}, at the start"), unit=unit_id)


def _parallel(change: Change) -> tuple[tuple[Segment, ...], tuple[Segment, ...]] | None:
    """The other language's two sides: its word diff cut in two, or the one text there is."""
    parallel = change.parallel
    if parallel is None or (parallel.old is None and parallel.new is None):
        return None
    # (an added paragraph's agreed language is shown by the template from change.parallel.agreed)
    if parallel.diff:
        return _side(parallel.diff, "old"), _side(parallel.diff, "new")
    old = (Segment("equal", parallel.old),) if parallel.old else ()
    new = (Segment("equal", parallel.new),) if parallel.new else ()
    return old, new


def _rows(comparison: Comparison, ta: Callable[..., str] = str.format) -> list[Row]:
    old_anchors = _anchors(comparison.old, "old")
    new_anchors = _anchors(comparison.new, "new")
    rows = []
    for number, change in enumerate(comparison.changes, start=1):
        old, old_whole = _cells(change, "old", comparison.old, old_anchors)
        new, new_whole = _cells(change, "new", comparison.new, new_anchors)
        old_notes = [text for cell in old for _, text in cell.footnotes]
        new_notes = [text for cell in new for _, text in cell.footnotes]
        if old and new and old_notes != new_notes:
            old = tuple(replace(cell, notes_changed=bool(cell.footnotes)) for cell in old)
            new = tuple(replace(cell, notes_changed=bool(cell.footnotes)) for cell in new)
        joined = None
        if old_whole is not None or new_whole is not None:
            joined = (old_whole or _side(change.diff, "old"), new_whole or _side(change.diff, "new"))
        moved = change.moved and change.old and change.new
        rows.append(
            Row(
                number=number,
                change=change,
                old=old,
                new=new,
                joined_diff=joined,
                moved_from=_place(comparison.old, change.old[0], ta) if moved else None,
                moved_to=_place(comparison.new, change.new[0], ta) if moved else None,
                filters=tuple(f.name for f in FILTERS if f.keeps(change)),
                collapsed=change.routine,
                parallel=_parallel(change),
                unpaired=tuple(ta(N_("old {ids}") if uid.startswith("old:") else N_("new {ids}"), ids=uid.split(":", 1)[1])
                               for uid in (change.parallel.unpaired if change.parallel else ())),
                notes=_note_changes(change, ta),
            )
        )
    return rows


_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("resdiff.render", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
)


def render_html(comparison: Comparison, *, title: str | None = None, ui: str = "en") -> str:
    """The report of ``comparison`` as one self-contained HTML page.

    ``title`` heads the page; by default it names the two symbols (``E/RES/2012/5 → E/RES/2013/9``).
    ``ui`` is the language of its labels (``en`` or ``zh``); the page has a switch to the other.
    """
    old, new = comparison.old, comparison.new
    interface = _Interface(ui)
    translations(ui)  # an unknown interface language is refused here
    if title is None:
        title = f"{old.name or interface.ta('Old text')} → {new.name or interface.ta('New text')}"
    changes = comparison.changes
    counts = {f.name: sum(1 for c in changes if f.keeps(c)) for f in FILTERS}
    defined = comparison.counts  # the four parts' filters count exactly these (tested)
    return _ENV.get_template("report.html.j2").render(
        title=title,
        old=old,
        new=new,
        summary=comparison.summary,
        terms=comparison.terms,
        rows=_rows(comparison, interface.ta),
        filters=FILTERS,
        counts=counts,
        parts=defined,
        default_filter=DEFAULT_FILTER,
        warnings=comparison.warnings,
        old_name=old.name,
        new_name=new.name,
        shift_words=SHIFT_WORDS,
        pairing=comparison.pairing,
        language_names=LANGUAGE_NAMES,
        html_lang=HTML_LANG,
        text_lang=HTML_LANG.get(old.language, "zh-Hans"),
        ui=ui,
        t=interface.t,
        ta=interface.ta,
        warning_text=interface.warning,
        ui_messages=interface.messages,
    )
