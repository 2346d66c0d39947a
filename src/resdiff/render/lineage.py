"""Terminal output of paragraph lineages: since when a paragraph is in the text, and how it changed.

A pure function of :class:`resdiff.lineage.Lineage` values. One lineage (``resdiff lineage
FOLDER OP12``) is shown text by text; many (the whole latest text) are shown compactly: the first
appearance, then only the steps a negotiator reads, with routine updates and unchanged years
counted rather than listed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from resdiff.i18n import translations
from resdiff.lineage import Lineage, LineageStep
from resdiff.render.ansi import ARROWS, STYLES, paint, safe, word_diff


def short(symbol: str | None, source: str | None = None) -> str:
    """``E/RES/2013/9`` → ``2013/9``; a text without a symbol by its file's name."""
    if symbol and "RES/" in symbol:
        return symbol.split("RES/", 1)[1]
    return symbol or source or "(no symbol)"


def _short(symbol: str | None, source: str | None, _: Callable[[str], str]) -> str:
    """:func:`short`, its ``(no symbol)`` in the interface language."""
    name = short(symbol, source)
    return _(name) if name == "(no symbol)" else name


def describe(step: LineageStep, _: Callable[[str], str] = str) -> str:
    """What happened in a step, in a few words: ``reworded, moved, lead 吁请 → 促请 ↑``; ``_``
    translates the words (a gettext function, see :mod:`resdiff.i18n`)."""
    if step.type == "added":
        return _("first appears (already in the series' oldest text)") if step.oldest_text else _("first appears")
    parts: list[str] = [_(step.type)]
    if step.type == "split":
        parts[0] = _("split from {units}").format(units="+".join(step.previous))
        if step.siblings:
            parts[0] += " " + _("(with {units})").format(units=", ".join(step.siblings))
    elif step.type == "merged":
        parts[0] = _("merged from {units}").format(units="+".join(step.previous))
    elif step.previous and step.previous != (step.unit,):
        parts[0] += " " + _("(was {units})").format(units="+".join(step.previous))
    if step.routine:
        parts.append(_("routine"))
    if step.terminology:
        parts.append(_("terminology"))
    if step.moved:
        parts.append(_("moved"))
    if step.lead_shift and step.lead is not None:
        parts.append(_("lead {old} → {new} {arrow}").format(old=step.lead.old, new=step.lead.new,
                                                             arrow=ARROWS[step.lead.shift]))
    return _(", ").join(parts)


def _step_line(step: LineageStep, width: int, colour: bool, _: Callable[[str], str]) -> list[str]:
    head = f"  {_short(step.symbol, step.source, _):<10} {step.unit:<{width}}  {describe(step, _)}"
    if step.type in ("reworded", "split", "merged") and step.similarity:
        head += "  " + _("({percent} alike)").format(percent=f"{step.similarity:.0%}")
    style = "dim" if step.type == "unchanged" and not step.moved else "head"
    if step.lead_shift and step.lead is not None and step.lead.shift in STYLES:
        style = step.lead.shift
    lines = [paint(head, style, colour)]
    if step.diff and step.type != "added":
        lines.append("      " + word_diff(step.diff, colour))
    return lines


def _full(lineage: Lineage, colour: bool, _: Callable[[str], str]) -> list[str]:
    width = max(len(s.unit) for s in lineage.history)
    lines = [_title(lineage, colour, _)]
    for step in lineage.history:
        lines.extend(_step_line(step, width, colour, _))
    lines.append(safe(f"  {lineage.text}"))
    return lines


def _compact(lineage: Lineage, colour: bool, _: Callable[[str], str]) -> list[str]:
    width = max(len(s.unit) for s in lineage.history)
    lines = [_title(lineage, colour, _)]
    lines.extend(_step_line(lineage.first, width, colour, _))
    quiet = 0
    for step in lineage.history[1:]:
        if step.substantive or step.lead_shift:
            lines.extend(_step_line(step, width, colour, _))
        elif step.type != "unchanged":
            quiet += 1
    if quiet:
        lines.append(paint("  " + _("(+{n} routine or terminology updates)").format(n=quiet), "dim", colour))
    return lines


def _title(lineage: Lineage, colour: bool, _: Callable[[str], str]) -> str:
    first = lineage.first
    if first.unit != lineage.unit:
        since = _("since {symbol} ({unit})").format(symbol=_short(first.symbol, first.source, _), unit=first.unit)
    else:
        since = _("since {symbol}").format(symbol=_short(first.symbol, first.source, _))
    if first.oldest_text:
        since += _(" or earlier")
    count = len(lineage.substantive)
    texts = len(lineage.history)
    in_texts = _("in {n} text").format(n=texts) if texts == 1 else _("in {n} texts").format(n=texts)
    changes = (_("{n} substantive change").format(n=count) if count == 1
               else _("{n} substantive changes").format(n=count))
    return paint(f"{lineage.unit}  {since} · {in_texts} · {changes}", "head", colour)


def render_lineage_text(lineages: Sequence[Lineage], *, colour: bool = False, ui: str = "en") -> str:
    """Each lineage as text: in full for one paragraph, compactly for several; labels in ``ui``."""
    _ = translations(ui).gettext
    if not lineages:
        return _("no paragraphs") + "\n"
    latest = lineages[0].symbol or lineages[0].source
    lines = [paint(_("Lineage of the paragraphs of {symbol}").format(symbol=latest or _("the latest text")),
                   "head", colour), ""]
    for lineage in lineages:
        lines.extend(_full(lineage, colour, _) if len(lineages) == 1 else _compact(lineage, colour, _))
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
