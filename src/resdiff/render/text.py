"""Terminal output: a parsed resolution one unit a line, and a readable diff summary.

Pure functions of the model; colour is switched on by the caller (see ``render/ansi.py``).
"""

from __future__ import annotations

from collections.abc import Callable

from resdiff.i18n import LANGUAGE_NAMES, translations
from resdiff.i18n import _ as N_
from resdiff.model import Change, Comparison, LeadShift, Resolution, part_of
from resdiff.options import DEFAULT_OPTIONS
from resdiff.render.ansi import ARROWS, STYLES, paint, safe, word_diff


def render_resolution_text(resolution: Resolution, *, ui: str = "en") -> str:
    """One unit a line: ``OP12  吁请  吁请所有国家……``, after a header with the metadata."""
    _ = translations(ui).gettext
    lines = [
        (resolution.name or _("(no symbol)")) + "  " + (resolution.title or ""),
        _("adopted {adopted}  {meeting}  predecessor {predecessor}").format(
            adopted=resolution.adopted or "?", meeting=resolution.meeting or "",
            predecessor=resolution.predecessor or "-"),
        "",
    ]
    width = max((len(u.id) for u in resolution.units), default=4)
    for unit in resolution.units:
        refs = "".join(f"[{n}]" for n in unit.footnotes)
        lines.append(f"{unit.id:<{width}}  {unit.lead or '-'}  {unit.text}{refs}")
    if resolution.footnotes:
        lines.append("")
        lines.extend(f"[{n}] {t}" for n, t in resolution.footnotes.items())
    return "\n".join(safe(line) for line in lines) + "\n"


#: The change types and flags as the interface names them.
TYPE_LABELS = {"unchanged": N_("unchanged"), "reworded": N_("reworded"), "added": N_("added"),
               "dropped": N_("dropped"), "split": N_("split"), "merged": N_("merged"),
               "moved": N_("moved"), "routine": N_("routine")}


def _label(resolution: Resolution, fallback: str, _: Callable[[str], str]) -> str:
    """``E/RES/2013/9 (adopted 2013-07-22)``, else the file's name, else ``fallback``."""
    name = resolution.name or fallback
    if resolution.adopted:
        return _("{name} (adopted {date})").format(name=name, date=resolution.adopted)
    return _("{name} (not adopted)").format(name=name)


def _ids(ids: tuple[str, ...]) -> str:
    return "+".join(ids) if ids else "—"


def _gloss(lead: LeadShift, ui: str) -> str:
    """The leads in the other language, where the interface is that language: `` (calls upon → urges)``
    after 吁请 → 促请 in an English interface, `` (吁请 → 促请)`` after Calls upon → Urges in a Chinese one."""
    english_leads = lead.old[:1].isascii()
    if not (lead.old_gloss and lead.new_gloss) or (ui == "en") == english_leads:
        return ""
    return f" ({lead.old_gloss} → {lead.new_gloss})"


def _footnote_line(old: int | None, new: int | None, routine: bool, _: Callable[[str], str]) -> str:
    """``footnote 2 (routine): `` / ``footnote 3 → 4: `` / ``footnote 5 (new): ``."""
    if old is None:
        where = _("footnote {n} (new)").format(n=new)
    elif new is None:
        where = _("footnote {n} (gone)").format(n=old)
    elif old == new:
        where = _("footnote {n}").format(n=old)
    else:
        where = _("footnote {old} → {new}").format(old=old, new=new)
    return where + (_(" (routine)") if routine else "") + ": "


def headline(comparison: Comparison, _: Callable[[str], str] = str) -> list[str]:
    """The counts, as :attr:`Comparison.counts` defines them (issue 14): the four parts, which add up
    to the number of changes, then the changes by type."""
    n = comparison.counts
    s = comparison.summary
    return [
        _("{changes} changes: {substantive} substantive, {routine} routine, {terminology} terminology only, "
          "{unchanged} unchanged").format(**n),
        _("by type: {reworded} reworded ({in_substance} in substance, {routine} routine, {terminology} terminology "
          "only), {added} added, {dropped} dropped, {split} split, {merged} merged, {moved} moved; "
          "leads: {lead_stronger} stronger, {lead_weaker} weaker").format(
            in_substance=n["reworded_in_substance"],
            terminology=n["reworded"] - n["reworded_in_substance"] - s["routine"], **s)
        + (_("; footnotes: {n} changed").format(n=s["footnotes"]) if s.get("footnotes") else ""),
    ]


def render_comparison_text(comparison: Comparison, *, colour: bool = False, all_changes: bool = False,
                           unchanged: bool = False, ui: str = "en",
                           check_threshold: float = DEFAULT_OPTIONS.check_threshold) -> str:
    """Counts, then every substantive change with ids, lead shift and word diff; the routine and
    terminology-only changes too with ``all_changes``, the unchanged paragraphs too with
    ``unchanged``; labels in the interface language ``ui`` (``en`` or ``zh``). A change whose
    confidence is below ``check_threshold`` is always shown, marked ``CHECK``, with the other
    readings that came close. Control characters of the texts are shown escaped."""
    _ = translations(ui).gettext
    old, new = comparison.old, comparison.new
    lines = [
        paint(_label(old, _("old text"), _) + " → " + _label(new, _("new text"), _), "head", colour),
        *(safe(line) for line in headline(comparison, _)),
    ]
    if comparison.terms:
        lines.append(_("terminology switches (paragraphs that differ by nothing else are set aside below;"
                       " check that each is only a change of term):"))
        for term in comparison.terms:
            where = [_ids(c.new) for c in comparison.changes
                     if c.type != "unchanged" and term.old in c.old_text and term.new in c.new_text]
            lines.append(safe(f"  {term.old} → {term.new} ×{term.count}: {', '.join(where)}"))
    if comparison.pairing is not None:
        lines.extend(safe(line) for line in _pairing_lines(comparison, _))
    lines.append("")
    hidden = {"routine": 0, "terminology": 0, "unchanged": 0}
    for change in comparison.changes:
        part = part_of(change)
        check = change.below(check_threshold)
        if part != "substantive" and not check and not (unchanged if part == "unchanged" else all_changes):
            hidden[part] += 1
            continue
        label = " ".join([_(TYPE_LABELS[change.type])] + [_(TYPE_LABELS[flag]) for flag in ("moved", "routine")
                                                          if getattr(change, flag)])
        head = safe(f"{_ids(change.old)} → {_ids(change.new)}  {label}")
        if change.lead and change.lead.shift != "same":
            arrow = ARROWS[change.lead.shift]
            shift = f"  {change.lead.old} → {change.lead.new} {arrow}" + _gloss(change.lead, ui)
            head += paint(shift, change.lead.shift, colour) if change.lead.shift in STYLES else safe(shift)
        if change.old and change.new:
            head += "  " + _("({percent} alike)").format(percent=f"{change.similarity:.0%}")
        if check:
            head += "  " + paint(_("CHECK ({percent} sure)").format(percent=f"{change.confidence:.0%}"), "check", colour)
        lines.append(paint(head, "head", colour))
        if check:
            for reading in change.alternatives:
                lines.append("    " + _("other reading") + ": " + ", ".join(c.describe(_) for c in reading))
        if change.diff:
            lines.append("    " + word_diff(change.diff, colour))
        else:
            # Unchanged: the paragraph itself, dimmed, rather than an empty line.
            unit = new.get(change.new[0]) if change.new else old.get(change.old[0]) if change.old else None
            if unit is not None:
                lines.append(paint("    " + unit.text, "dim", colour))
        for note in change.footnotes:
            lines.append("    " + _footnote_line(note.old_number, note.new_number, note.routine, _)
                         + word_diff(note.diff, colour))
        lines.extend(_parallel_lines(change, colour, _))
        lines.append("")
    notes = []
    if hidden["routine"] or hidden["terminology"]:
        notes.append(_("{routine} routine and {terminology} terminology-only changes not shown (--all shows them)")
                     .format(**hidden))
    if hidden["unchanged"]:
        notes.append(_("{n} unchanged paragraphs not shown (--unchanged shows them)").format(n=hidden["unchanged"]))
    lines.extend(paint(note, "dim", colour) for note in notes)
    return "\n".join(lines).rstrip("\n") + "\n"


def _pairing_lines(comparison: Comparison, _: Callable[[str], str]) -> list[str]:
    """Which texts of the other language came along, and which units found no counterpart."""
    pairing = comparison.pairing
    assert pairing is not None
    given = [_("old {symbol}").format(symbol=pairing.old_symbol or _("(no symbol)"))
             for present in (any(c.parallel and c.parallel.old is not None for c in comparison.changes),) if present]
    given += [_("new {symbol}").format(symbol=pairing.new_symbol or _("(no symbol)"))
              for present in (any(c.parallel and c.parallel.new is not None for c in comparison.changes),) if present]
    lines = [_("alongside in {language}: {texts}").format(language=_(LANGUAGE_NAMES[pairing.language]),
                                                          texts=", ".join(given) or _("nothing paired"))]
    for ids, message in ((pairing.unpaired_old, _("  not paired (old; the numbering differs): {ids}")),
                         (pairing.unpaired_new,
                          _("  not paired (new; the numbering differs or the paragraph is new): {ids}"))):
        if ids:
            lines.append(message.format(ids=", ".join(ids)))
    return lines


def _parallel_lines(change: Change, colour: bool, _: Callable[[str], str]) -> list[str]:
    """A change's other-language texts: their word diff, or the one side there is."""
    parallel = change.parallel
    if parallel is None:
        return []
    tag = "    " + _("{language}: ").format(language=_(LANGUAGE_NAMES[parallel.language]))
    lines = []
    if parallel.diff:
        lines.append(tag + word_diff(parallel.diff, colour))
    elif parallel.old is not None:
        lines.append(tag + paint(_("(last year) {text}").format(text=parallel.old), "dim", colour))
    elif parallel.new is not None:
        lines.append(tag + paint(_("(this year) {text}").format(text=parallel.new), "dim", colour))
    if parallel.unpaired:
        ids = ", ".join((_("old {symbol}") if side == "old" else _("new {symbol}")).format(symbol=uid)
                        for side, _sep, uid in (u.partition(":") for u in parallel.unpaired))
        lines.append(tag + paint(_("no counterpart for {ids}").format(ids=ids), "dim", colour))
    agreed = parallel.agreed
    if agreed is not None:
        lines.append(safe("    " + _("agreed language: {symbol} {unit} ({percent} alike): {text}").format(
            symbol=agreed.symbol or _("(no symbol)"), unit=agreed.unit, percent=f"{agreed.similarity:.0%}",
            text=agreed.text)))
        if agreed.other:
            lines.append(safe(tag + agreed.other))
    return lines
