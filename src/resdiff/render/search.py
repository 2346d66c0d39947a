"""Terminal output of agreed-language search hits, the matched wording highlighted.

A pure function of :class:`resdiff.search.Hit` values. Without colour the match is marked
``【…】`` so that it survives a pipe or a mail.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

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


def summarise(diff: Sequence[DiffOp], *, most: int = 3) -> str:
    """The edits of a word diff in words: ``with 定期 removed``, ``A → B``, ``with X added``."""
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
            edits.append(f"{op.text} removed")
        elif op.op == "insert":
            edits.append(f"{op.text} added")
        k += 1
    if not edits:
        return "word for word"
    shown = "; ".join(edits[:most]) + ("; …" if len(edits) > most else "")
    return f"with {shown}"


def _occurrence(occurrence: object) -> str:
    return short(getattr(occurrence, "symbol", None), getattr(occurrence, "source", None))


def _where(hit: Hit) -> str:
    where = f"{short(hit.symbol, hit.source)} {hit.unit}"
    if hit.also:
        first = hit.first
        texts = len(hit.also) + 1
        where += f"  (this wording in {texts} texts, first {_occurrence(first)} {first.unit})"
    return where


def render_hits_text(hits: Sequence[Hit], *, colour: bool = False) -> str:
    """The hits best first: where, how well, and the matched wording in its paragraph; for a
    whole-paragraph search, what the draft changes."""
    if not hits:
        return "no matching paragraphs\n"
    lines: list[str] = []
    for n, hit in enumerate(hits, start=1):
        quality = "exact" if hit.exact else f"{hit.score:.0%}"
        lines.append(paint(f"{n:>2}. {_where(hit)}  {quality}", "head", colour))
        if hit.diff:
            first = hit.first
            where = short(hit.symbol, hit.source) if first.symbol == hit.symbol else _occurrence(first)
            lines.append(safe(f"    the draft is {where} {first.unit} {summarise(hit.diff)}"))
            lines.append("    " + word_diff(hit.diff, colour))
        else:
            lines.append("    " + excerpt(hit, colour=colour))
        if hit.adopted:
            lines.append(paint(f"    adopted {hit.adopted}" + (f" · {hit.source}" if hit.source else ""), "dim", colour))
        elif hit.source and hit.symbol:
            lines.append(paint(f"    {hit.source}", "dim", colour))
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
