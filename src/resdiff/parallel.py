"""Both languages side by side: a comparison carries the other language's units along (issue 12).

The Chinese and English versions of a resolution number their units alike (PP1…, H1…, OP1…,
OP38(a)), so a unit is paired with the unit of the same id in the other version. Same id is not
proof: a draft may have gained a paragraph the other version lacks, and then every id after it
points at a different paragraph. So a pair must also agree on what survives translation: its
kind, the place of its lead on the strength scales, and the numbers and document symbols it cites.
A unit whose counterpart fails that test is reported unpaired rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from resdiff.errors import InputError
from resdiff.lexicon import lookup
from resdiff.model import Comparison, DiffOp, Pairing, Parallel, Resolution, Unit
from resdiff.options import Options
from resdiff.worddiff import diff_words

#: What translation keeps: a document symbol or resolution number (``A/68/65-E/2013/11``,
#: ``2012/5``) or a year.
RE_CITED = re.compile(r"(?:[A-Z]{1,5}/)+[A-Z0-9.]+(?:/[A-Z0-9.]+)*|\d{1,4}/\d{1,4}|(?:19|20)\d\d")


def _cited(text: str) -> set[str]:
    return set(RE_CITED.findall(text))


def counterpart(unit: Unit, other: Resolution) -> Unit | None:
    """The unit of ``other`` (the other language) that stands for ``unit``, or ``None``."""
    candidate = next((u for u in other.units if u.id == unit.id), None)
    if candidate is None or candidate.kind != unit.kind:
        return None
    if unit.lead and candidate.lead:
        a, b = lookup(unit.lead), lookup(candidate.lead)
        if a is not None and b is not None and (a.scale, a.rank) != (b.scale, b.rank):
            return None
    mine, theirs = _cited(unit.text), _cited(candidate.text)
    if mine and theirs and not mine & theirs:
        return None
    return candidate


def unpaired(text: Resolution, other: Resolution) -> tuple[str, ...]:
    """Ids of ``text``'s units that have no counterpart in ``other``."""
    return tuple(u.id for u in text.units if counterpart(u, other) is None)


def _joined(units: list[Unit], language: str) -> str:
    return (" " if language == "en" else "").join(u.text for u in units)


def _side(ids: tuple[str, ...], text: Resolution, other: Resolution | None, side: str,
          missing: list[str]) -> list[Unit] | None:
    if not ids or other is None:
        return None
    found = []
    for uid in ids:
        pair = counterpart(text[uid], other)
        if pair is None:
            missing.append(f"{side}:{uid}")
        else:
            found.append(pair)
    return found if len(found) == len(ids) else None


def attach(comparison: Comparison, old_other: Resolution | None, new_other: Resolution | None,
           options: Options | None = None) -> Comparison:
    """``comparison`` with the other language's texts carried along: each change gets its
    :class:`Parallel` (that language's old and new text and their word diff), the comparison its
    :class:`Pairing` (the units that could not be paired). Either other text may be missing: the
    negotiating case has last year's adopted text in both languages and this year's draft in
    English only."""
    from resdiff.engine import segmenter_for

    given = [r for r in (old_other, new_other) if r is not None]
    if not given:
        return comparison
    language = given[0].language
    if any(r.language != language for r in given):
        raise InputError("the texts given alongside must be in one language")
    if language == comparison.old.language:
        raise InputError(f"the texts given alongside are in {language!r}, the language of the comparison itself: "
                         "give the other language's versions")
    segmenter = segmenter_for(language, options or Options())
    changes = []
    for change in comparison.changes:
        missing: list[str] = []
        old_units = _side(change.old, comparison.old, old_other, "old", missing)
        new_units = _side(change.new, comparison.new, new_other, "new", missing)
        old_text = _joined(old_units, language) if old_units else None
        new_text = _joined(new_units, language) if new_units else None
        diff: tuple[DiffOp, ...] = ()
        if old_text is not None and new_text is not None:
            diff = diff_words(segmenter.words(old_text), segmenter.words(new_text))
        changes.append(replace(change, parallel=Parallel(language, old_text, new_text, diff, tuple(missing))))
    pairing = Pairing(
        language,
        old_other.symbol if old_other else None,
        new_other.symbol if new_other else None,
        unpaired(comparison.old, old_other) if old_other else (),
        unpaired(comparison.new, new_other) if new_other else (),
    )
    return replace(comparison, changes=tuple(changes), pairing=pairing)

