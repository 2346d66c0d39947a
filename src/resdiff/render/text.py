"""Terminal output: a parsed resolution one unit a line, and a readable diff summary.

Pure functions of the model; colour is switched on by the caller (see ``render/ansi.py``).
"""

from __future__ import annotations

from resdiff.model import Comparison, Resolution, part_of
from resdiff.render.ansi import ARROWS, STYLES, paint, safe, word_diff


def render_resolution_text(resolution: Resolution) -> str:
    """One unit a line: ``OP12  吁请  吁请所有国家……``, after a header with the metadata."""
    lines = [
        f"{resolution.name or '(no symbol)'}  {resolution.title or ''}",
        f"adopted {resolution.adopted or '?'}  {resolution.meeting or ''}  predecessor {resolution.predecessor or '-'}",
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


def _label(resolution: Resolution, fallback: str) -> str:
    """``E/RES/2013/9 (adopted 2013-07-22)``, else the file's name, else ``fallback``."""
    name = resolution.name or fallback
    return f"{name} (adopted {resolution.adopted})" if resolution.adopted else f"{name} (not adopted)"


def _ids(ids: tuple[str, ...]) -> str:
    return "+".join(ids) if ids else "—"


def headline(comparison: Comparison) -> list[str]:
    """The counts, as :attr:`Comparison.counts` defines them: the four parts, which add up to the
    number of changes, then the changes by type."""
    n = comparison.counts
    s = comparison.summary
    reworded = (f"{n['reworded']} reworded ({n['reworded_in_substance']} in substance"
                + (f", {s['routine']} routine" if s["routine"] else "")
                + (f", {n['reworded'] - n['reworded_in_substance'] - s['routine']} terminology only"
                   if n["reworded"] - n["reworded_in_substance"] - s["routine"] else "") + ")")
    return [
        f"{n['changes']} changes: {n['substantive']} substantive, {n['routine']} routine, "
        f"{n['terminology']} terminology only, {n['unchanged']} unchanged",
        f"by type: {reworded}, {s['added']} added, {s['dropped']} dropped, {s['split']} split, "
        f"{s['merged']} merged, {s['moved']} moved; leads: {s['lead_stronger']} stronger, {s['lead_weaker']} weaker",
    ]


def render_comparison_text(comparison: Comparison, *, colour: bool = False, all_changes: bool = False,
                           unchanged: bool = False) -> str:
    """Counts, then every substantive change with ids, lead shift and word diff; routine and
    terminology-only changes too with ``all_changes``; unchanged paragraphs too with ``unchanged``."""
    old, new = comparison.old, comparison.new
    lines = [
        paint(f"{_label(old, 'old text')} → {_label(new, 'new text')}", "head", colour),
        *(safe(line) for line in headline(comparison)),
    ]
    if comparison.terms:
        lines.append("terminology switches (paragraphs that differ by nothing else are set aside below;"
                     " check that each is only a change of term):")
        for term in comparison.terms:
            where = [_ids(c.new) for c in comparison.changes
                     if c.type != "unchanged" and term.old in c.old_text and term.new in c.new_text]
            lines.append(safe(f"  {term.old} → {term.new} in {term.count} paragraph{'s' * (term.count != 1)}: "
                              f"{', '.join(where)}"))
    lines.append("")
    hidden = {"routine": 0, "terminology": 0, "unchanged": 0}
    for change in comparison.changes:
        part = part_of(change)
        if part != "substantive" and not (unchanged if part == "unchanged" else all_changes):
            hidden[part] += 1
            continue
        label = change.type + (" moved" if change.moved else "") + (" routine" if change.routine else "") \
            + (" terminology" if change.terminology and not change.routine else "")
        head = safe(f"{_ids(change.old)} → {_ids(change.new)}  {label}")
        if change.lead and change.lead.shift != "same":
            arrow = ARROWS[change.lead.shift]
            shift = f"  {change.lead.old} → {change.lead.new} {arrow}"
            head += paint(shift, change.lead.shift, colour) if change.lead.shift in STYLES else safe(shift)
        if change.old and change.new:
            head += f"  ({change.similarity:.0%} alike)"
        lines.append(paint(head, "head", colour))
        if change.diff:
            lines.append("    " + word_diff(change.diff, colour))
        else:
            # Unchanged: the paragraph itself, dimmed, rather than an empty diff.
            unit = new.get(change.new[0]) if change.new else old.get(change.old[0]) if change.old else None
            if unit is not None:
                lines.append(paint("    " + unit.text, "dim", colour))
        lines.append("")
    notes = []
    if hidden["routine"] or hidden["terminology"]:
        notes.append(f"{hidden['routine']} routine and {hidden['terminology']} terminology-only changes "
                     "not shown (--all shows them)")
    if hidden["unchanged"]:
        notes.append(f"{hidden['unchanged']} unchanged paragraphs not shown (--unchanged shows them)")
    lines.extend(paint(note, "dim", colour) for note in notes)
    return "\n".join(lines).rstrip("\n") + "\n"
