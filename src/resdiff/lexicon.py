"""Leads and their scale of strength, read from ``data/leads.tsv`` (Chinese) and
``data/leads-en.tsv`` (English, on the same scales).

The tables are data so that a delegation can read them, argue with them and extend them; this
module only loads them and answers three questions: where does a paragraph's lead end, what is a
lead without its 又/还 (``also``/``further``), and did a lead become stronger or weaker. The
language of a lead is told by its first letter, so every function takes either language; a shift
between a Chinese and an English lead is judged on the common scales too.
"""

from __future__ import annotations

import re
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

#: Their English forms, after a lead (``Recalling also``, ``Recognizes further``) or before it
#: (``Also requests``, ``Further invites``).
ADVERBS_EN = ("also", "further")

#: English words of obligation and permission (``shall`` → ``may`` changes what is asked).
NORMATIVE_WORDS_EN = ("must", "shall", "should", "may", "need", "needs", "required", "require", "requires",
                      "encouraged", "invited", "as appropriate", "where appropriate", "as possible",
                      "committed", "commit", "consider", "not")


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


def _rows(name: str) -> list[tuple[str, str, str | None, int, str, str]]:
    """The rows of a table of leads in ``data/`` (``leads.tsv``, ``leads-en.tsv``): the lead, its
    equivalent in the other language, its scale (``None`` for ``-``), rank, part and example; blank
    lines and ``#`` comments passed over."""
    rows = []
    text = resources.files("resdiff").joinpath(f"data/{name}").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lead, other, scale, rank, part, example = line.split("\t")
        rows.append((lead, other, None if scale == "-" else scale, int(rank), part, example))
    return rows


@lru_cache(maxsize=1)
def leads() -> dict[str, Lead]:
    """The table of leads, keyed by the Chinese lead."""
    return {zh: Lead(zh, en, scale, rank, part, example) for zh, en, scale, rank, part, example in _rows("leads.tsv")}


@lru_cache(maxsize=1)
def _by_first() -> dict[str, tuple[str, ...]]:
    """The leads by their first character, longest first, so that 满意地注意到 wins over 注意到
    and 强烈敦促 over 敦促 (and a paragraph is tried only against the leads it could open with)."""
    table: dict[str, list[str]] = {}
    for lead in sorted(leads(), key=len, reverse=True):
        table.setdefault(lead[0], []).append(lead)
    return {first: tuple(group) for first, group in table.items()}


@dataclass(frozen=True)
class EnglishLead:
    """One lead of the English table."""

    en: str
    """The lead as printed, capitalised, without ``also``/``further`` (``Calls upon``)."""
    zh: str
    """Its Chinese equivalent (``吁请``)."""
    scale: str | None
    """The scale it is ranked on, the same as its Chinese equivalent's, or ``None``."""
    rank: int
    """Its strength on that scale, the same as its Chinese equivalent's."""
    part: str
    """``preambular``, ``operative`` or ``both``."""
    example: str
    """A paragraph opening it matches."""


@lru_cache(maxsize=1)
def leads_en() -> dict[str, EnglishLead]:
    """The English table of leads, keyed by the lower-cased lead (``calls upon``)."""
    table = {en.lower(): EnglishLead(en, zh, scale, rank, part, example)
             for en, zh, scale, rank, part, example in _rows("leads-en.tsv")}
    # Every English equivalent the Chinese table names (``notes with deep concern``, ``again urges``)
    # is an English lead too, on its Chinese lead's step, unless two Chinese leads with that English
    # stand on different steps (``approves``), which would make the English one ambiguous.
    derived: dict[str, list[Lead]] = {}
    for lead in leads().values():
        # The preposition after a lead is not printed in italics with it (*Takes note* of).
        words = lead.en.split()
        while len(words) > 1 and words[-1] in ("of", "to", "for", "with", "that", "on"):
            words = words[:-1]
        key = " ".join(words).lower()
        if words and words[0] not in ADVERBS_EN and key not in table:
            derived.setdefault(key, []).append(lead)
    for key, found in derived.items():
        if len({(lead.scale, lead.rank) for lead in found}) == 1:
            first = found[0]
            en = key[:1].upper() + key[1:]
            table[key] = EnglishLead(en, first.zh, first.scale, first.rank, first.part, f"{en} …")
    # The preamble's participle of every operative lead (``Notes with deep concern`` → ``Noting with
    # deep concern``, ``Expresses deep concern`` → ``Expressing deep concern``), on the same step.
    for key, operative in list(table.items()):
        participle = _participle(key)
        if participle is not None and participle not in table:
            en = participle[:1].upper() + participle[1:]
            table[participle] = EnglishLead(en, operative.zh, operative.scale, operative.rank, "preambular",
                                            f"{en} …")
    return table


#: Adverbs that may stand before the verb of a lead (``Strongly condemns``, ``Warmly welcomes``).
_VERB_ADVERBS = ("again", "warmly", "strongly", "highly", "firmly", "fully", "once")


#: Verbs whose final consonant doubles before ``-ing``.
_DOUBLED = {"commits": "committing", "permits": "permitting", "regrets": "regretting", "submits": "submitting"}


def _participle(lead: str) -> str | None:
    """The ``-ing`` form of an operative lead whose verb is in the third person (``stresses`` →
    ``stressing``, ``notes`` → ``noting``, ``agrees`` → ``agreeing``), else ``None``."""
    words = lead.split()
    at = 1 if len(words) > 1 and words[0] in _VERB_ADVERBS else 0
    first = _ing(words[at])
    if first is None:
        return None
    words[at] = first
    # A second verb after ``and`` takes the same form (``Commends and encourages`` →
    # ``Commending and encouraging``).
    for k in range(at + 2, len(words)):
        if words[k - 1] == "and":
            words[k] = _ing(words[k]) or words[k]
    return " ".join(words)


def _ing(verb: str) -> str | None:
    if len(verb) < 4 or not verb.endswith("s") or verb.endswith(("ss", "us")) or not verb.isalpha():
        return None  # not a verb in the third person (``conscious``, ``Congress``)
    if verb in _DOUBLED:
        return _DOUBLED[verb]
    if verb.endswith(("sses", "shes", "ches", "xes", "zes")):
        stem = verb[:-2]
    elif verb.endswith("ies"):
        stem = verb[:-3] + "y"
    else:
        stem = verb[:-1]
    return stem[:-1] + "ing" if stem.endswith("e") and not stem.endswith("ee") else stem + "ing"


@lru_cache(maxsize=1)
def _re_lead_en() -> re.Pattern[str]:
    # ``Also requests``, ``Recalling further``, ``Takes note with appreciation`` (longest first, so
    # that ``Notes with concern`` wins over ``Notes``); the lead ends at a word's end.
    alternatives = "|".join(re.escape(k).replace(r"\ ", r"\s+")
                            for k in sorted(leads_en(), key=len, reverse=True))
    adverbs = "|".join(ADVERBS_EN)
    return re.compile(rf"(?:(?:{adverbs})\s+)?(?:{alternatives})(?:\s+(?:{adverbs}))?(?![\w-])", re.IGNORECASE)


def is_english(text: str) -> bool:
    """Whether a lead or a short text is English: it starts with a Latin letter."""
    stripped = text.lstrip("*_ \t")
    return bool(stripped) and stripped[0].isascii() and stripped[0].isalpha()


@lru_cache(maxsize=1)
def _first_words_en() -> tuple[str, ...]:
    """The first word of every English lead and the adverbs, lower case: a lead can only start a
    text that starts with one of them."""
    return tuple(sorted({k.split()[0] for k in leads_en()} | set(ADVERBS_EN)))


_RE_ASCII_LETTERS = re.compile(r"[A-Za-z]*")

#: The fewest letters the first word of an English lead or adverb has (a test holds the table to it).
SHORTEST_FIRST_WORD_EN = 2


def _cannot_start_lead_en(text: str) -> bool:
    """Whether ``text`` surely starts with no English lead, known without compiling the long lead
    pattern (about 25 ms, once a process): its leading ASCII letters do not begin with the first
    word of any lead or adverb. Undecided (``False``) when a non-ASCII character follows them, which
    the pattern's case folding might match (``ſ`` for ``s``)."""
    letters = _RE_ASCII_LETTERS.match(text)
    run = letters.group(0) if letters is not None else ""
    if len(run) < len(text) and not text[len(run)].isascii():
        return False
    # Shorter than any lead's first word (a document symbol such as ``A/68/65``): known without
    # loading the English table either.
    return len(run) < SHORTEST_FIRST_WORD_EN or not run.lower().startswith(_first_words_en())


def _match_lead_en(text: str) -> str | None:
    if _cannot_start_lead_en(text):
        return None
    found = _re_lead_en().match(text)
    return None if found is None else found.group(0)


def match_lead(text: str) -> str | None:
    """The lead at the start of ``text``, with its 又/还 or also/further, or ``None``
    (``又回顾其关于…`` → ``又回顾``; ``Recalling also its resolution…`` → ``Recalling also``)."""
    if is_english(text):
        return _match_lead_en(text)
    table = _by_first()
    start = 0
    while start < len(text) and text[start] in ADVERBS and start < 2:
        start += 1
    for candidate in table.get(text[start:start + 1], ()):
        if text.startswith(candidate, start):
            return text[: start + len(candidate)]
    return None


@lru_cache(maxsize=4096)
def base_lead(lead: str) -> str:
    """The lead without its 又/还 adverbs (``又确认`` → ``确认``; ``还`` alone stays); an English
    lead without ``also``/``further``, capitalised as the table has it (``Also requests`` →
    ``Requests``, ``Recalling also`` → ``Recalling``). Remembered: a text has a few dozen leads,
    asked for again with every pair weighed."""
    if is_english(lead):
        words = lead.split()
        if len(words) > 1 and words[0].lower() in ADVERBS_EN:
            words = words[1:]
        if len(words) > 1 and words[-1].lower() in ADVERBS_EN:
            words = words[:-1]
        entry = leads_en().get(" ".join(words).lower())
        return entry.en if entry is not None else " ".join(words)
    stripped = lead
    while len(stripped) > 1 and stripped[0] in ADVERBS:
        stripped = stripped[1:]
    return stripped


def lookup(lead: str) -> Lead | EnglishLead | None:
    """The table entry of a lead, 又/还 (also/further) ignored: Chinese or English by its letters."""
    if is_english(lead):
        return leads_en().get(base_lead(lead).lower())
    return leads().get(base_lead(lead))


def english(lead: str) -> str | None:
    """The English equivalent of a lead, with ``also`` for 又/还 (``又回顾`` → ``also recalls``);
    an English lead is its own."""
    if is_english(lead):
        return lead
    entry = leads().get(base_lead(lead))
    if entry is None:
        return None
    return ("also " if base_lead(lead) != lead else "") + entry.en


def chinese(lead: str) -> str | None:
    """The Chinese equivalent of a lead, with 又 for also/further (``Recalling also`` → ``又回顾``);
    a Chinese lead is its own."""
    if not is_english(lead):
        return lead
    entry = leads_en().get(base_lead(lead).lower())
    if entry is None:
        return None
    adverbs = [w.lower() for w in lead.split() if w.lower() in ADVERBS_EN]
    return ("还" if "further" in adverbs else "又" if adverbs else "") + entry.zh


def gloss(lead: str) -> str | None:
    """A lead's equivalent in the other language (``吁请`` → ``calls upon``, ``Urges`` → ``促请``)."""
    return chinese(lead) if is_english(lead) else english(lead)


def shift(old: str, new: str) -> Shift:
    """How a lead changed: ``same`` once 又/还 are ignored, ``stronger``/``weaker`` on a common
    scale (``吁请`` → ``促请`` is stronger), and ``different`` otherwise."""
    if base_lead(old) == base_lead(new) or (is_english(old) != is_english(new) and _same_across(old, new)):
        return "same"
    a, b = lookup(old), lookup(new)
    if a is None or b is None or a.scale is None or a.scale != b.scale or a.rank == b.rank:
        return "different"
    return "stronger" if b.rank > a.rank else "weaker"


def _same_across(old: str, new: str) -> bool:
    """A Chinese and an English lead that are each other's equivalent (吁请 and ``Calls upon``)."""
    zh, en = (old, new) if is_english(new) else (new, old)
    return chinese(base_lead(en)) == base_lead(zh)
