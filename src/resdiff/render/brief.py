"""The negotiation brief: what a delegate sends to the capital before the first reading.

Substantive changes first, grouped (added, dropped, leads stronger / weaker / changed, events
now past, other rewordings, moved / split / merged), each with where it is and its word diff cut
to the edits; routine updates, terminology switches and unchanged paragraphs counted at the end.
:func:`make_brief` builds it as data from a :class:`Comparison`; :func:`render_brief` writes it
as plain text, Markdown or HTML, and :func:`render_brief_docx` as a Word file.

Markdown marks ``~~deleted~~`` and ``**inserted**`` words, and falls back to ``[-…-]``/``{+…+}``
where CommonMark would not see the emphasis (next to Chinese punctuation); it never holds raw
HTML, and titles and file names are escaped.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Literal

import jinja2

from resdiff.i18n import LANGUAGE_NAMES, translations
from resdiff.i18n import _ as N_
from resdiff.model import Change, Comparison, DiffOp, FootnoteChange
from resdiff.render.common import (
    CHECK_BELOW,
    docx_bytes,
    excerpt,
    kind_of,
    label,
    lead_note,
    marked,
    other_language,
    other_readings,
    where,
)

BriefFormat = Literal["text", "markdown", "html"]

#: Leads of welcome and of noting: 欢迎…将主办 → 注意到…主办 once the event took place.
_WELCOME = ("欢迎",)
_NOTED = ("注意到",)
#: Words of a future event in the old text: 将 (will), 定于 (scheduled for), 提出 (offered to).
_FUTURE = ("将", "定于", "提出")

LEGEND = N_("Deleted words are marked as deleted, inserted words as inserted; … marks unchanged text left out. "
             "Leads: ↑ stronger, ↓ weaker, ≠ a different verb.")


@dataclass(frozen=True)
class BriefItem:
    """One change as the brief lists it."""

    where: str
    """``OP8 → OP7``, ``new OP51``, ``OP38(a)``."""
    note: str
    """What kind of change (``new preambular paragraph``, ``吁请 → 促请 ↑; split``), or nothing."""
    diff: tuple[DiffOp, ...]
    """The text: the whole paragraph of an added or dropped one, else the word diff cut to its edits."""
    other: tuple[DiffOp, ...] = ()
    """The same in the other language, when its texts were given alongside (issue 12)."""


@dataclass(frozen=True)
class BriefSection:
    key: str
    title: str
    items: tuple[BriefItem, ...]


@dataclass(frozen=True)
class Brief:
    title: str
    facts: tuple[str, ...]
    """The two texts and the counts, under the title."""
    sections: tuple[BriefSection, ...]
    """Only sections with items, in the order a negotiator reads them."""
    not_listed: tuple[str, ...]
    """What is counted but not listed: routine updates, terminology switches, unchanged."""
    labels: dict[str, str] = field(default_factory=dict)
    """The brief's own words in its interface language: ``not_listed``, ``legend``, ``deleted``,
    ``inserted``, ``struck``, ``underlined``, ``other`` (the other language's name), ``lang``."""

    def word(self, key: str) -> str:
        return self.labels.get(key, _ENGLISH_LABELS[key])


def event_now_past(change: Change) -> bool:
    """A welcome of a planned event turned into a note of the event held (欢迎…将主办 → 注意到…主办).

    A lead that reads as weaker, but the usual update of a text a year on; listed on its own line.
    """
    lead = change.lead
    if lead is None or lead.shift not in ("weaker", "different"):
        return False
    old_lead, new_lead = lead.old.lstrip("又还"), lead.new.lstrip("又还")
    return (old_lead.startswith(_WELCOME) and new_lead.endswith(_NOTED)
            and any(word in change.old_text for word in _FUTURE))


def _whole(comparison: Comparison, change: Change) -> tuple[DiffOp, ...]:
    """The text of an added or dropped paragraph, unmarked: its section says what happened to it."""
    resolution, unit_ids = (comparison.new, change.new) if change.new else (comparison.old, change.old)
    return (DiffOp("equal", " / ".join(resolution[uid].text for uid in unit_ids)),)


def make_brief(comparison: Comparison, *, title: str | None = None, ui: str = "en",
               check_threshold: float = CHECK_BELOW) -> Brief:
    """The brief of a comparison, as data: every substantive change in exactly one section, its
    words in the interface language ``ui`` (``en`` or ``zh``); the changes whose confidence is
    below ``check_threshold`` (``Options.check_threshold``) listed "to check" too."""
    _ = translations(ui).gettext
    old, new = comparison.old, comparison.new
    title = title or _("Negotiation brief: {old} → {new}").format(old=old.name or _("old text"),
                                                                   new=new.name or _("new text"))
    groups: dict[str, list[BriefItem]] = {k: [] for k, _heading in SECTIONS}
    past = 0  # of the weaker leads, those listed as events now past
    checks: list[BriefItem] = []
    kinds = {"preambular": _("new preambular paragraph"), "operative": _("new operative paragraph"),
             "heading": _("new heading")}
    gone = {"preambular": _("dropped preambular paragraph"), "operative": _("dropped operative paragraph"),
            "heading": _("dropped heading")}
    for change in comparison.changes:
        if change.below(check_threshold):
            checks.append(BriefItem(where(change, _), _("{type}, confidence {percent}: please check").format(
                type=_(change.type), percent=f"{change.confidence:.0%}") + other_readings(change, _), ()))
        if not change.substantive:
            continue
        kind = kind_of(comparison, change)
        extra: list[str] = [_(change.type)] if change.type in ("split", "merged") else []
        if change.moved:
            extra.append(_("moved"))
        found = other_language(change)
        other = found[1] if found else ()
        if change.type == "added":
            groups["added"].append(BriefItem(where(change, _), kinds[kind], _whole(comparison, change), other))
            continue
        if change.type == "dropped":
            groups["dropped"].append(BriefItem(where(change, _), gone[kind], _whole(comparison, change), other))
            continue
        # A footnote cited here whose text changed other than routinely (issue 9).
        notes = [n for n in change.footnotes if not n.routine]
        extra.extend(_footnote_note(n.old_number, n.new_number, _) for n in notes)
        note = _("; ").join(filter(None, [lead_note(change), *extra]))
        if change.type == "unchanged" and notes and not change.moved and (
                change.lead is None or change.lead.shift == "same"):
            groups["footnotes"].append(BriefItem(where(change, _), note, _footnote_diffs(notes), other))
            continue
        item = BriefItem(where(change, _), note, excerpt(change.diff), other)
        if event_now_past(change):
            groups["past"].append(item)
            past += change.lead is not None and change.lead.shift == "weaker"
        elif change.lead is not None and change.lead.shift != "same":
            groups[change.lead.shift].append(item)
        elif change.moved or change.type in ("split", "merged"):
            groups["structure"].append(item)
        else:
            groups["reworded"].append(item)
    sections = [BriefSection(key, _(heading), tuple(groups[key])) for key, heading in SECTIONS if groups[key]]
    if checks:
        sections.append(BriefSection("check", _("To check: the engine is not sure"), tuple(checks)))

    summary = comparison.summary
    # Weaker leads listed under "Events now past", not under "Lead weaker": said where they are counted.
    past_note = _(" ({n} of them events now past)").format(n=past) if past else ""
    terminology = [c for c in comparison.changes if c.terminology and not c.substantive]
    facts = (
        _("Old: {old}, {n_old} paragraphs. New: {new}, {n_new} paragraphs.").format(
            old=label(old, _("old text"), _), n_old=len(old), new=label(new, _("new text"), _), n_new=len(new)),
        _("{n} substantive changes: {added} added, {dropped} dropped; leads {stronger} stronger, {weaker} weaker{past}; "
          "{moved} moved, {split} split, {merged} merged.").format(
            n=len(comparison.substantive), added=summary["added"], dropped=summary["dropped"],
            stronger=summary["lead_stronger"], weaker=summary["lead_weaker"], past=past_note, moved=summary["moved"],
            split=summary["split"], merged=summary["merged"]),
    )
    switches = ", ".join(f"{t.old} → {t.new} (×{t.count})" for t in comparison.terms)
    routine = sum(1 for c in comparison.changes if c.routine and not c.substantive)
    routine_notes = {(n.old_number, n.new_number) for c in comparison.changes for n in c.footnotes if n.routine}
    not_listed = (
        (_("{n} routine updates (dates, sessions, symbols, 又/还)").format(n=routine)
         + (_(" and {n} routine footnote updates").format(n=len(routine_notes)) if routine_notes else "")
         + _(": counted, not listed.")),
        _("{n} paragraphs that differ only by a terminology switch").format(n=len(terminology))
        + (f" ({switches})" if switches else "") + _(": not listed."),
        _("{n} paragraphs unchanged.").format(n=comparison.counts["unchanged"]),
    )
    language = comparison.pairing.language if comparison.pairing else None
    labels = {key: _(text) for key, text in _ENGLISH_LABELS.items()}
    labels["other"] = _(LANGUAGE_NAMES[language]) if language else ""
    labels["lang"] = "zh-Hans" if ui == "zh" else "en"
    labels["text_lang"] = "zh-Hans" if comparison.new.language == "zh" else "en"
    labels["other_lang"] = "zh-Hans" if language == "zh" else "en"
    return Brief(title, facts, tuple(sections), not_listed, labels)


#: The brief's own words (translated by :func:`make_brief`).
_ENGLISH_LABELS: dict[str, str] = {
    "not_listed": N_("Not listed"),
    "legend": LEGEND,
    "deleted": N_("Deleted words"),
    "inserted": N_("inserted words"),
    "struck": N_(" are struck through, "),
    "underlined": N_(" underlined. "),
    "leads": N_("Leads: ↑ stronger, ↓ weaker, ≠ a different verb."),
    "text_legend": N_("[-deleted-] {+inserted+}; … marks unchanged text left out. "
                      "Leads: ↑ stronger, ↓ weaker, ≠ a different verb."),
    "md_legend": N_("Deleted words are struck through and inserted words in bold; where Markdown cannot mark "
                    "them, [-deleted-] and {+inserted+}. … marks unchanged text left out. "
                    "Leads: ↑ stronger, ↓ weaker, ≠ a different verb."),
    "other": "",
    "lang": "en",
    "text_lang": "zh-Hans",
    "other_lang": "en",
}


SECTIONS: tuple[tuple[str, str], ...] = (
    ("added", N_("Added")),
    ("dropped", N_("Dropped")),
    ("stronger", N_("Lead stronger")),
    ("weaker", N_("Lead weaker")),
    ("different", N_("Lead changed")),
    ("past", N_("Events now past: 欢迎…将 → 注意到… (a routine update once the event took place; check)")),
    ("reworded", N_("Reworded")),
    ("structure", N_("Moved, split, merged")),
    ("footnotes", N_("Footnotes changed (the paragraphs citing them are unchanged)")),
)


def _footnote_note(old: int | None, new: int | None, _: Callable[[str], str] = str) -> str:
    """``footnote 2 changed``, ``footnote 3 → 4 changed``, ``footnote 5 new``, ``footnote 6 gone``."""
    if old is None:
        return _("footnote {n} new").format(n=new)
    if new is None:
        return _("footnote {n} gone").format(n=old)
    if old == new:
        return _("footnote {n} changed").format(n=old)
    return _("footnote {old} → {new} changed").format(old=old, new=new)


def _footnote_diffs(notes: Sequence[FootnoteChange]) -> tuple[DiffOp, ...]:
    """The word diffs of changed footnotes, one after the other."""
    ops: list[DiffOp] = []
    for note in notes:
        if ops:
            ops.append(DiffOp("equal", " / "))
        ops.extend(excerpt(note.diff))
    return tuple(ops)


# --- plain text ------------------------------------------------------------------------------


def _item_text(item: BriefItem, diff_text: str) -> str:
    note = f" — {item.note}" if item.note else ""
    body = f": {diff_text}" if diff_text else ""
    return f"{item.where}{note}{body}"


def to_text(brief: Brief) -> str:
    lines = [brief.title, "=" * min(len(brief.title), 72), *brief.facts, ""]
    for section in brief.sections:
        lines.append(f"{section.title} ({len(section.items)})")
        for item in section.items:
            lines.append(f"  - {_item_text(item, marked(item.diff))}")
            if item.other:
                lines.append(f"    {brief.word('other')}: {marked(item.other)}")
        lines.append("")
    lines.append(brief.word("not_listed"))
    lines.extend(f"  - {line}" for line in brief.not_listed)
    lines.append("")
    lines.append(brief.word("text_legend"))
    return "\n".join(lines) + "\n"


# --- Markdown --------------------------------------------------------------------------------

#: ASCII characters that can start Markdown syntax inside a line (emphasis, code, links, raw HTML,
#: entities, tables, strikethrough); each is escaped with ``\``. Lines never start with text.
_MD_SPECIAL = set("\\`*_[]<>|~&")


def md_escape(text: str) -> str:
    """``text`` with every ASCII character that could be Markdown syntax escaped."""
    return "".join(f"\\{ch}" if ch in _MD_SPECIAL else ch for ch in text)


def _punct(ch: str | None) -> bool:
    return ch is not None and (unicodedata.category(ch)[0] in "PS")


def _space(ch: str | None) -> bool:
    return ch is None or ch.isspace()


def _can_wrap(before: str | None, text: str, after: str | None) -> bool:
    """Whether ``**text**`` (or ``~~text~~``) between ``before`` and ``after`` is emphasis to
    CommonMark: the opening run must be left-flanking and the closing one right-flanking."""
    if not text or text[0].isspace() or text[-1].isspace():
        return False
    opens = not _punct(text[0]) or _space(before) or _punct(before)
    closes = not _punct(text[-1]) or _space(after) or _punct(after)
    return opens and closes


def md_marked(diff: Sequence[DiffOp]) -> str:
    """A word diff in Markdown: ``~~deleted~~`` and ``**inserted**``, or ``[-…-]``/``{+…+}`` where
    CommonMark would not read the emphasis."""
    pieces = [(d.op, md_escape(d.text)) for d in diff]
    out: list[str] = []
    for n, (op, text) in enumerate(pieces):
        if op == "equal":
            out.append(text)
            continue
        before = out[-1][-1] if out and out[-1] else None
        after = pieces[n + 1][1][0] if n + 1 < len(pieces) and pieces[n + 1][1] else None
        if n + 1 < len(pieces) and pieces[n + 1][0] != "equal":
            after = "~" if pieces[n + 1][0] == "delete" else "*"
        mark = "~~" if op == "delete" else "**"
        if _can_wrap(before, text, after):
            out.append(f"{mark}{text}{mark}")
        elif op == "insert":
            out.append(f"{{+{text}+}}")
        else:
            # ``[-…-]`` followed by ``(`` or ``[`` would read as a link: then escape the brackets.
            link = n + 1 < len(pieces) and pieces[n + 1][1][:1] in ("(", "\\")
            out.append(f"\\[-{text}-\\]" if link else f"[-{text}-]")
    return "".join(out)


def to_markdown(brief: Brief) -> str:
    lines = [f"# {md_escape(brief.title)}", "", *[f"{md_escape(fact)}  " for fact in brief.facts], ""]
    for section in brief.sections:
        lines.append(f"## {md_escape(section.title)} ({len(section.items)})")
        lines.append("")
        for item in section.items:
            note = f" — {md_escape(item.note)}" if item.note else ""
            body = f": {md_marked(item.diff)}" if item.diff else ""
            lines.append(f"- **{md_escape(item.where)}**{note}{body}")
            if item.other:
                lines.append(f"  {md_escape(brief.word('other'))}: {md_marked(item.other)}")
        lines.append("")
    lines.append(f"## {md_escape(brief.word('not_listed'))}")
    lines.append("")
    lines.extend(f"- {md_escape(line)}" for line in brief.not_listed)
    lines.append("")
    lines.append(md_escape(brief.word("md_legend")))
    return "\n".join(lines) + "\n"


# --- HTML --------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    source = resources.files("resdiff").joinpath("render/templates/brief.html.j2").read_text(encoding="utf-8")
    env = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    return env.from_string(source)


def to_html(brief: Brief) -> str:
    return _template().render(brief=brief)


def render_brief(comparison: Comparison, *, format: BriefFormat = "text", title: str | None = None,
                 ui: str = "en", check_threshold: float = CHECK_BELOW) -> str:
    """The negotiation brief as ``text`` (default), ``markdown`` or ``html``, in the interface
    language ``ui``."""
    brief = make_brief(comparison, title=title, ui=ui, check_threshold=check_threshold)
    if format == "markdown":
        return to_markdown(brief)
    if format == "html":
        return to_html(brief)
    if format == "text":
        return to_text(brief)
    raise ValueError(f"unknown brief format {format!r}: text, markdown or html")


# --- Word ------------------------------------------------------------------------------------------


def render_brief_docx(comparison: Comparison, *, title: str | None = None, ui: str = "en",
                      check_threshold: float = CHECK_BELOW) -> bytes:
    """The negotiation brief as a Word file: deleted words struck through, inserted underlined."""
    from resdiff.render.docx import EAST_ASIAN_FONT, _import_docx

    docx = _import_docx()
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    brief = make_brief(comparison, title=title, ui=ui, check_threshold=check_threshold)
    document = docx.Document()
    for name in ("Normal", "Title", "Heading 1", "List Bullet"):
        style = document.styles[name]
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
        fonts.attrib.pop(qn("w:eastAsiaTheme"), None)
    document.styles["Normal"].font.size = Pt(10.5)
    document.core_properties.title = brief.title
    document.core_properties.author = "resdiff"
    document.add_heading(brief.title, level=1)
    for fact in brief.facts:
        document.add_paragraph(fact)

    def diff_runs(paragraph: object, diff: Iterable[DiffOp]) -> None:
        for op in diff:
            run = paragraph.add_run(op.text)  # type: ignore[attr-defined]
            if op.op == "delete":
                run.font.strike = True
                run.font.color.rgb = RGBColor(0x9B, 0x1C, 0x1C)
            elif op.op == "insert":
                run.font.underline = True
                run.font.color.rgb = RGBColor(0x0B, 0x5D, 0x27)

    for section in brief.sections:
        document.add_heading(f"{section.title} ({len(section.items)})", level=2)
        for item in section.items:
            paragraph = document.add_paragraph(style="List Bullet")
            paragraph.add_run(item.where).bold = True
            if item.note:
                paragraph.add_run(f" — {item.note}")
            if item.diff:
                paragraph.add_run(": ")
                diff_runs(paragraph, item.diff)
            if item.other:
                other = document.add_paragraph()
                other.paragraph_format.left_indent = Pt(18)
                other.add_run(f"{brief.word('other')}: ").italic = True
                diff_runs(other, item.other)
    document.add_heading(brief.word("not_listed"), level=2)
    for line in brief.not_listed:
        document.add_paragraph(line, style="List Bullet")
    note = document.add_paragraph()
    diff_runs(note, (DiffOp("delete", brief.word("deleted")), DiffOp("equal", brief.word("struck")),
                     DiffOp("insert", brief.word("inserted")),
                     DiffOp("equal", brief.word("underlined") + brief.word("leads"))))
    return docx_bytes(document)
