"""Terminal output: a parsed resolution one unit a line, and a readable diff summary.

Pure functions of the model; colour is ANSI escapes, switched on by the caller (the CLI asks
whether its output is a terminal).
"""

from __future__ import annotations

from resdiff.model import Change, Comparison, Resolution

_RESET = "\033[0m"
_STYLES = {
    "delete": "\033[31;9m",  # red, struck through
    "insert": "\033[32;4m",  # green, underlined
    "head": "\033[1m",
    "dim": "\033[2m",
    "stronger": "\033[33;1m",
    "weaker": "\033[35;1m",
}
_ARROWS = {"stronger": "↑", "weaker": "↓", "same": "=", "different": "≠"}


def _paint(text: str, style: str, colour: bool) -> str:
    return f"{_STYLES[style]}{text}{_RESET}" if colour else text


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


def _ids(ids: tuple[str, ...]) -> str:
    return "+".join(ids) if ids else "—"


def _word_diff(change: Change, colour: bool) -> str:
    if colour:
        return "".join(_paint(d.text, d.op, True) if d.op != "equal" else d.text for d in change.diff)
    marks = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}
    return "".join(f"{marks[d.op][0]}{d.text}{marks[d.op][1]}" if d.op != "equal" else d.text for d in change.diff)


def render_comparison_text(comparison: Comparison, *, colour: bool = False, all_changes: bool = False) -> str:
    """Counts, then every change that is not unchanged, routine or terminology only (all of them
    with ``all_changes``), with ids, lead shift and word diff."""
    old, new = comparison.old, comparison.new
    s = comparison.summary
    lines = [
        _paint(f"{old.symbol or 'old'} ({old.adopted or '?'}) → {new.symbol or 'new'} ({new.adopted or '?'})",
               "head", colour),
        f"{s['unchanged']} unchanged, {s['reworded']} reworded ({s['routine']} routine), {s['added']} added, "
        f"{s['dropped']} dropped, {s['split']} split, {s['merged']} merged, {s['moved']} moved; "
        f"leads: {s['lead_stronger']} stronger, {s['lead_weaker']} weaker",
    ]
    if comparison.terms:
        lines.append("terminology switches (set aside below): " + ", ".join(
            f"{t.old} → {t.new} ×{t.count}" for t in comparison.terms))
    lines.append("")
    hidden = 0
    for change in comparison.changes:
        if not all_changes and not change.substantive:
            hidden += change.type != "unchanged"
            continue
        label = change.type + (" moved" if change.moved else "") + (" routine" if change.routine else "")
        head = f"{_ids(change.old)} → {_ids(change.new)}  {label}"
        if change.lead and change.lead.shift != "same":
            arrow = _ARROWS[change.lead.shift]
            shift = f"  {change.lead.old} → {change.lead.new} {arrow}"
            head += _paint(shift, change.lead.shift, colour) if change.lead.shift in _STYLES else shift
        if change.old and change.new:
            head += f"  ({change.similarity:.0%} alike)"
        lines.append(_paint(head, "head", colour))
        lines.append("    " + _word_diff(change, colour))
        lines.append("")
    if hidden:
        lines.append(_paint(f"{hidden} routine or terminology-only changes not shown (--all shows them)", "dim", colour))
    return "\n".join(lines).rstrip("\n") + "\n"
