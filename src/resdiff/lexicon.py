"""Leads and their scale of strength, read from ``data/leads.tsv``.

The table is data so that a delegation can read it, argue with it and extend it; this module
only loads it and answers three questions: where does a paragraph's lead end, what is a lead
without its 又/还, and did a lead become stronger or weaker.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from resdiff.model import Shift

#: Words of obligation and permission inside a paragraph: a change between them changes what is
#: asked of whom, so it is never set aside as terminology (必须 must, 应 shall, 可以 may, …).
NORMATIVE_WORDS = ("必须", "务必", "应当", "应该", "应", "须", "需要", "需", "可以", "可", "不得", "不应",
                   "禁止", "允许", "鼓励", "要求", "承诺", "考虑", "酌情", "尽可能", "尽量")

#: The adverbs "also" / "further" that precede a lead when a neighbour has the same lead.
#: They change whenever a neighbouring paragraph is added or dropped.
ADVERBS = ("又", "还")


@dataclass(frozen=True)
class Lead:
    """One lead of the table."""

    zh: str
    """The lead as printed, without 又/还 (``吁请``)."""
    en: str
    """Its English equivalent in UN resolutions (``calls upon``)."""
    scale: str | None
    """The scale it is ranked on (``exhortation``), or ``None`` for leads on no scale."""
    rank: int
    """Its strength on that scale; higher is stronger."""
    part: str
    """``preambular``, ``operative`` or ``both``."""
    example: str
    """A paragraph opening it matches."""


@lru_cache(maxsize=1)
def leads() -> dict[str, Lead]:
    """The table of leads, keyed by the Chinese lead."""
    table: dict[str, Lead] = {}
    text = resources.files("resdiff").joinpath("data/leads.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        zh, en, scale, rank, part, example = line.split("\t")
        table[zh] = Lead(zh, en, None if scale == "-" else scale, int(rank), part, example)
    return table


@lru_cache(maxsize=1)
def _by_first() -> dict[str, tuple[str, ...]]:
    """The leads by their first character, longest first, so that 满意地注意到 wins over 注意到
    and 强烈敦促 over 敦促 (and a paragraph is tried only against the leads it could open with)."""
    table: dict[str, list[str]] = {}
    for lead in sorted(leads(), key=len, reverse=True):
        table.setdefault(lead[0], []).append(lead)
    return {first: tuple(group) for first, group in table.items()}


def match_lead(text: str) -> str | None:
    """The lead at the start of ``text``, with its 又/还, or ``None`` (``又回顾其关于…`` → ``又回顾``)."""
    table = _by_first()
    start = 0
    while start < len(text) and text[start] in ADVERBS and start < 2:
        start += 1
    for candidate in table.get(text[start:start + 1], ()):
        if text.startswith(candidate, start):
            return text[: start + len(candidate)]
    return None


def base_lead(lead: str) -> str:
    """The lead without its 又/还 adverbs (``又确认`` → ``确认``; ``还`` alone stays)."""
    stripped = lead
    while len(stripped) > 1 and stripped[0] in ADVERBS:
        stripped = stripped[1:]
    return stripped


def lookup(lead: str) -> Lead | None:
    """The table entry of a lead, 又/还 ignored."""
    return leads().get(base_lead(lead))


def english(lead: str) -> str | None:
    """The English equivalent of a lead, with ``also`` for 又/还 (``又回顾`` → ``also recalls``)."""
    entry = lookup(lead)
    if entry is None:
        return None
    return ("also " if base_lead(lead) != lead else "") + entry.en


def shift(old: str, new: str) -> Shift:
    """How a lead changed: ``same`` once 又/还 are ignored, ``stronger``/``weaker`` on a common
    scale (``吁请`` → ``促请`` is stronger), and ``different`` otherwise."""
    if base_lead(old) == base_lead(new):
        return "same"
    a, b = lookup(old), lookup(new)
    if a is None or b is None or a.scale is None or a.scale != b.scale or a.rank == b.rank:
        return "different"
    return "stronger" if b.rank > a.rank else "weaker"
