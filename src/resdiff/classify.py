"""What kind of change: unchanged or reworded, routine, lead shift, terminology switch.

Each function is pure and takes texts or edit scripts; the engine calls them on the links the
aligner found.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import pairwise

from resdiff import patterns as P
from resdiff.lexicon import NORMATIVE_WORDS, NORMATIVE_WORDS_EN, base_lead, gloss, match_lead, shift
from resdiff.model import DiffOp, LeadShift, TermSwitch

_WHITESPACE = re.compile(r"\s+")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def is_english_text(text: str) -> bool:
    """A text without a single Chinese character, read by the English rules."""
    return _CJK.search(text) is None and re.search(r"[A-Za-z]", text) is not None


#: How many texts' comparable and routine forms are remembered: the engine asks for the same
#: paragraph's (and footnote's) several times in one comparison.
_MEMO = 8192


@lru_cache(maxsize=_MEMO)
def comparable(text: str) -> str:
    """A text with whitespace, the width of its punctuation and its final punctuation mark
    ignored (the ``unchanged`` rule: ``成果文件,`` and ``成果文件，`` are the same; in an English
    text the final mark is also ``.``)."""
    folded = P.RE_FINAL_MARK.sub("", _WHITESPACE.sub("", text.translate(P.PUNCT_WIDTH)))
    if _CJK.search(text) is None:
        return P.RE_FINAL_MARK_EN.sub("", folded)
    return folded


def strip_adverb(text: str) -> str:
    """The text without the 又/还 before its lead (``又确认…`` → ``确认…``), or the also/further
    before or after an English lead (``Recalling also its…`` → ``Recalling its…``)."""
    lead = match_lead(text)
    if lead is None:
        return text
    return base_lead(lead) + text[len(lead):]


@lru_cache(maxsize=_MEMO)
def routine_form(text: str) -> str:
    """The text without what a yearly update changes: dates and date ranges, numbers, document
    symbols, ordinal session and meeting numbers, and the 又/还 before the lead. Two texts with
    the same routine form differ only in those (a date inserted or dropped is such a difference).
    An English text loses the same: ``24 July 2012``, ``sixty-eighth``, ``41st``, ``A/RES/67/195``,
    ``2012/5`` and the ``also``/``further`` of its lead."""
    if is_english_text(text):
        text = strip_adverb(text.strip())
        text = P.RE_DATE_EN.sub("", text)
        text = P.RE_ROUTINE_SYMBOL.sub("", text)
        text = P.RE_ORDINAL_EN.sub("", text)
        return comparable(P.RE_ROUTINE_DIGITS_EN.sub("", text))
    text = strip_adverb(comparable(text))
    text = P.RE_ROUTINE_RANGE.sub("", text)
    text = P.RE_DATE.sub("", text)
    text = P.RE_ROUTINE_SYMBOL.sub("", text)
    text = P.RE_ROUTINE_ORDINAL.sub("", text)
    return P.RE_ROUTINE_DIGITS.sub("", text)


def is_routine(old: str, new: str) -> bool:
    """Every difference between two different texts is a routine yearly update."""
    return comparable(old) != comparable(new) and routine_form(old) == routine_form(new)


def lead_shift(old: str | None, new: str | None) -> LeadShift | None:
    """The lead shift of a change, or ``None`` when either side has no lead."""
    if old is None or new is None:
        return None
    return _lead_shift(old, new)


@lru_cache(maxsize=_MEMO)
def _lead_shift(old: str, new: str) -> LeadShift:
    # A text has a few dozen leads, asked for again in every change: one (frozen) answer each.
    return LeadShift(old, new, shift(old, new), gloss(old), gloss(new))


def replacement_pairs(diff: Sequence[DiffOp]) -> list[tuple[str, str]]:
    """The (deleted, inserted) pairs of an edit script that look like a word swapped for another:
    short on both sides and not a routine update."""
    pairs = []
    for first, second in pairwise(diff):
        if first.op != "delete" or second.op != "insert":
            continue
        old, new = first.text.strip(), second.text.strip()
        english = is_english_text(old + new)
        if english and not (0 < len(old.split()) <= 4 and 0 < len(new.split()) <= 4):
            continue
        if not english and not (0 < len(old) <= 10 and 0 < len(new) <= 10):
            continue
        if routine_form(old) == routine_form(new) or not re.search(r"[\u4e00-\u9fffA-Za-z]", old + new):
            continue
        if not (is_term(old) and is_term(new)):
            continue
        pairs.append((old, new))
    return pairs


def is_term(words: str) -> bool:
    """Whether a replaced wording can be terminology: not a lead (吁请 → 鼓励 is a lead shift, never
    a mere change of term) and not a word of obligation or permission (必须 → 可以 changes what
    is asked). Terminology is what names things: 因特网 → 互联网, 信息和通信技术 → 信息通信技术."""
    if match_lead(words) is not None or match_lead(strip_adverb(words)) is not None:
        return False
    if is_english_text(words):
        folded = f" {' '.join(re.findall(r'[a-z]+', words.lower()))} "
        return not any(f" {word} " in folded for word in NORMATIVE_WORDS_EN)
    return not any(word in words for word in NORMATIVE_WORDS)


def find_terms(diffs: Iterable[Sequence[DiffOp]], *, min_count: int) -> tuple[TermSwitch, ...]:
    """Replacements that recur in ``min_count`` changes or more, most frequent first."""
    counts: Counter[tuple[str, str]] = Counter()
    for diff in diffs:
        counts.update(set(replacement_pairs(diff)))
    found = [TermSwitch(old, new, n) for (old, new), n in counts.items() if n >= min_count]
    return tuple(sorted(found, key=lambda t: (-t.count, t.old, t.new)))


def apply_terms(text: str, terms: Sequence[TermSwitch]) -> str:
    """``text`` with every terminology switch applied (old wording → new wording)."""
    for term in terms:
        text = text.replace(term.old, term.new)
    return text


def is_terminology(old: str, new: str, terms: Sequence[TermSwitch]) -> bool:
    """Every difference is a terminology switch, possibly together with routine updates."""
    if not terms or comparable(old) == comparable(new):
        return False
    switched = apply_terms(old, terms)
    return switched != old and routine_form(switched) == routine_form(new)
