"""Terminal output of agreed-language search hits, the matched wording highlighted.

A pure function of :class:`resdiff.search.Hit` values. Without colour the match is marked
``【…】`` so that it survives a pipe or a mail.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from resdiff.i18n import translations
from resdiff.model import DiffOp
from resdiff.render.ansi import paint, safe, word_diff
from resdiff.render.lineage import short

if TYPE_CHECKING:
    from resdiff.search import Hit

#: How many characters of context a hit shows on each side of its match.
CONTEXT = 50


def excerpt(hit: Hit, *, colour: bool = False, context: int = CONTEXT) -> str:
    """The paragraph around the match, the match highlighted (or marked 【…】)."""
    start, end = hit.span
    before = hit.text[max(0, start - context):start]
    after = hit.text[end:end + context]
    lead = "…" if start - context > 0 else ""
    tail = "…" if end + context < len(hit.text) else ""
    match = paint(hit.text[start:end], "match", True) if colour else safe(f"【{hit.text[start:end]}】")
    return f"{lead}{safe(before)}{match}{safe(after)}{tail}"


def summarise(diff: Sequence[DiffOp], *, most: int = 3, ui: str = "en") -> str:
    """The edits of a word diff in words: ``with 定期 removed``, ``A → B``, ``with X added``
    (in the interface language ``ui``)."""
    _ = translations(ui).gettext
    edits: list[str] = []
    ops = list(diff)
    k = 0
    while k < len(ops):
        op = ops[k]
        if op.op == "delete" and k + 1 < len(ops) and ops[k + 1].op == "insert":
            edits.append(f"{op.text} → {ops[k + 1].text}")
            k += 2
            continue
        if op.op == "delete":
            edits.append(_("{words} removed").format(words=op.text))
        elif op.op == "insert":
            edits.append(_("{words} added").format(words=op.text))
        k += 1
    if not edits:
        return _("word for word")
    shown = _("; ").join(edits[:most]) + (_("; …") if len(edits) > most else "")
    return _("with {edits}").format(edits=shown)


def _occurrence(occurrence: object, _: Callable[[str], str] = str) -> str:
    name = short(getattr(occurrence, "symbol", None), getattr(occurrence, "source", None))
    return _(name) if name == "(no symbol)" else name


def _where(hit: Hit, _: Callable[[str], str]) -> str:
    where = f"{_occurrence(hit, _)} {hit.unit}"
    if hit.also:
        first = hit.first
        texts = len(hit.also) + 1
        where += "  " + _("(this wording in {n} texts, first {symbol} {unit})").format(
            n=texts, symbol=_occurrence(first, _), unit=first.unit)
    return where


def render_hits_text(hits: Sequence[Hit], *, colour: bool = False, ui: str = "en") -> str:
    """The hits best first: where, how well, and the matched wording in its paragraph; for a
    whole-paragraph search, what the draft changes (labels in ``ui``)."""
    _ = translations(ui).gettext
    if not hits:
        return _("no matching paragraphs") + "\n"
    lines: list[str] = []
    for n, hit in enumerate(hits, start=1):
        quality = _("exact") if hit.exact else f"{hit.score:.0%}"
        lines.append(paint(f"{n:>2}. {_where(hit, _)}  {quality}", "head", colour))
        if hit.diff:
            first = hit.first
            where = _occurrence(hit, _) if first.symbol == hit.symbol else _occurrence(first, _)
            lines.append(safe("    " + _("the draft is {symbol} {unit} {edits}").format(
                symbol=where, unit=first.unit, edits=summarise(hit.diff, ui=ui))))
            lines.append("    " + word_diff(hit.diff, colour))
        else:
            lines.append("    " + excerpt(hit, colour=colour))
        if hit.adopted:
            lines.append(paint("    " + _("adopted {date}").format(date=hit.adopted)
                               + (f" · {hit.source}" if hit.source else ""), "dim", colour))
        elif hit.source and hit.symbol:
            lines.append(paint(f"    {hit.source}", "dim", colour))
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
