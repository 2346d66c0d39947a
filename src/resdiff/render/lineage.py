"""Terminal output of paragraph lineages: since when a paragraph is in the text, and how it changed.

A pure function of :class:`resdiff.lineage.Lineage` values. One lineage (``resdiff lineage
FOLDER OP12``) is shown text by text; many (the whole latest text) are shown compactly: the first
appearance, then only the steps a negotiator reads, with routine updates and unchanged years
counted rather than listed.
"""

from __future__ import annotations

from collections.abc import Sequence

from resdiff.lineage import Lineage, LineageStep
from resdiff.model import DiffOp

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
    return f"{_STYLES[style]}{text}{_RESET}" if colour and style in _STYLES else text


def short(symbol: str | None) -> str:
    """``E/RES/2013/9`` → ``2013/9``."""
    if symbol and "RES/" in symbol:
        return symbol.split("RES/", 1)[1]
    return symbol or "?"


def word_diff(diff: Sequence[DiffOp], colour: bool) -> str:
    """A word diff on one line: colours, or ``[-deleted-]{+inserted+}`` marks without them."""
    if colour:
        return "".join(_paint(d.text, d.op, True) if d.op != "equal" else d.text for d in diff)
    marks = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}
    return "".join(f"{marks[d.op][0]}{d.text}{marks[d.op][1]}" if d.op != "equal" else d.text for d in diff)


def describe(step: LineageStep) -> str:
    """What happened in a step, in a few words: ``reworded, moved, lead 吁请 → 促请 ↑``."""
    if step.type == "added":
        return "first appears" + (" (already in the series' oldest text)" if step.oldest_text else "")
    parts: list[str] = [step.type]
    if step.type == "split":
        parts[0] = f"split from {'+'.join(step.previous)}" + (
            f" (with {', '.join(step.siblings)})" if step.siblings else "")
    elif step.type == "merged":
        parts[0] = f"merged from {'+'.join(step.previous)}"
    elif step.previous and step.previous != (step.unit,):
        parts[0] += f" (was {'+'.join(step.previous)})"
    if step.routine:
        parts.append("routine")
    if step.terminology:
        parts.append("terminology")
    if step.moved:
        parts.append("moved")
    if step.lead_shift and step.lead is not None:
        parts.append(f"lead {step.lead.old} → {step.lead.new} {_ARROWS[step.lead.shift]}")
    return ", ".join(parts)


def _step_line(step: LineageStep, width: int, colour: bool) -> list[str]:
    head = f"  {short(step.symbol):<10} {step.unit:<{width}}  {describe(step)}"
    if step.type in ("reworded", "split", "merged") and step.similarity:
        head += f"  ({step.similarity:.0%} alike)"
    style = "dim" if step.type == "unchanged" and not step.moved else "head"
    if step.lead_shift and step.lead is not None and step.lead.shift in _STYLES:
        style = step.lead.shift
    lines = [_paint(head, style, colour)]
    if step.diff and step.type != "added":
        lines.append("      " + word_diff(step.diff, colour))
    return lines


def _full(lineage: Lineage, colour: bool) -> list[str]:
    width = max(len(s.unit) for s in lineage.history)
    lines = [_title(lineage, colour)]
    for step in lineage.history:
        lines.extend(_step_line(step, width, colour))
    lines.append(f"  {lineage.text}")
    return lines


def _compact(lineage: Lineage, colour: bool) -> list[str]:
    width = max(len(s.unit) for s in lineage.history)
    lines = [_title(lineage, colour)]
    lines.extend(_step_line(lineage.first, width, colour))
    quiet = 0
    for step in lineage.history[1:]:
        if step.substantive or step.lead_shift:
            lines.extend(_step_line(step, width, colour))
        elif step.type != "unchanged":
            quiet += 1
    if quiet:
        lines.append(_paint(f"  (+{quiet} routine or terminology updates)", "dim", colour))
    return lines


def _title(lineage: Lineage, colour: bool) -> str:
    first = lineage.first
    since = f"since {short(first.symbol)}" + (f" ({first.unit})" if first.unit != lineage.unit else "")
    if first.oldest_text:
        since += " or earlier"
    count = len(lineage.substantive)
    texts = len(lineage.history)
    return _paint(f"{lineage.unit}  {since} · in {texts} text{'s' * (texts != 1)} · "
                  f"{count} substantive change{'s' * (count != 1)}", "head", colour)


def render_lineage_text(lineages: Sequence[Lineage], *, colour: bool = False) -> str:
    """Each lineage as text: in full for one paragraph, compactly for several."""
    if not lineages:
        return "no paragraphs\n"
    latest = lineages[0].symbol
    lines = [_paint(f"Lineage of the paragraphs of {latest or 'the latest text'}", "head", colour), ""]
    for lineage in lineages:
        lines.extend(_full(lineage, colour) if len(lineages) == 1 else _compact(lineage, colour))
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
