"""Terminal output: a parsed resolution one unit a line, and a readable diff summary.

Pure functions of the model; colour is switched on by the caller (see ``render/ansi.py``).
"""

from __future__ import annotations

from resdiff.model import Comparison, Resolution
from resdiff.options import DEFAULT_OPTIONS
from resdiff.render.ansi import ARROWS, STYLES, paint, word_diff


def render_resolution_text(resolution: Resolution) -> str:
    """One unit a line: ``OP12  吁请  吁请所有国家……``, after a header with the metadata."""
    lines = [
        f"{resolution.symbol or '(no symbol)'}  {resolution.title or ''}",
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
    return "\n".join(lines) + "\n"


def _label(resolution: Resolution, fallback: str) -> str:
    """``E/RES/2013/9 (adopted 2013-07-22)``, or what the text is when it has no symbol yet."""
    name = resolution.symbol or fallback
    return f"{name} (adopted {resolution.adopted})" if resolution.adopted else f"{name} (not adopted)"


def _ids(ids: tuple[str, ...]) -> str:
    return "+".join(ids) if ids else "—"


def render_comparison_text(comparison: Comparison, *, colour: bool = False, all_changes: bool = False,
                           check_threshold: float = DEFAULT_OPTIONS.check_threshold) -> str:
    """Counts, then every change that is not unchanged, routine or terminology only (all of them
    with ``all_changes``), with ids, lead shift and word diff. A change whose confidence is below
    ``check_threshold`` is marked ``CHECK``, with the other readings that came close."""
    old, new = comparison.old, comparison.new
    s = comparison.summary
    lines = [
        paint(f"{_label(old, 'old text')} → {_label(new, 'new text')}",
               "head", colour),
        f"{s['unchanged']} unchanged, {s['reworded']} reworded ({s['routine']} routine), {s['added']} added, "
        f"{s['dropped']} dropped, {s['split']} split, {s['merged']} merged, {s['moved']} moved; "
        f"leads: {s['lead_stronger']} stronger, {s['lead_weaker']} weaker",
    ]
    if comparison.terms:
        lines.append("terminology switches (paragraphs that differ by nothing else are set aside below;"
                     " check that each is only a change of term):")
        for term in comparison.terms:
            where = [_ids(c.new) for c in comparison.changes
                     if c.type != "unchanged" and term.old in c.old_text and term.new in c.new_text]
            lines.append(f"  {term.old} → {term.new} ×{term.count}: {', '.join(where)}")
    lines.append("")
    hidden = 0
    for change in comparison.changes:
        check = change.below(check_threshold)
        if not all_changes and not change.substantive and not check:
            hidden += change.type != "unchanged"
            continue
        label = change.type + (" moved" if change.moved else "") + (" routine" if change.routine else "")
        head = f"{_ids(change.old)} → {_ids(change.new)}  {label}"
        if change.lead and change.lead.shift != "same":
            arrow = ARROWS[change.lead.shift]
            shift = f"  {change.lead.old} → {change.lead.new} {arrow}"
            head += paint(shift, change.lead.shift, colour) if change.lead.shift in STYLES else shift
        if change.old and change.new:
            head += f"  ({change.similarity:.0%} alike)"
        if check:
            head += "  " + paint(f"CHECK ({change.confidence:.0%} sure)", "check", colour)
        lines.append(paint(head, "head", colour))
        if check:
            for reading in change.alternatives:
                lines.append("    other reading: " + ", ".join(c.label for c in reading))
        lines.append("    " + word_diff(change.diff, colour))
        lines.append("")
    if hidden:
        lines.append(paint(f"{hidden} routine or terminology-only changes not shown (--all shows them)", "dim", colour))
    return "\n".join(lines).rstrip("\n") + "\n"
