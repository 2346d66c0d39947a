"""Both languages side by side: a comparison carries the other language's units along (issue 12).

The Chinese and English versions of a resolution number their units alike (PP1…, H1…, OP1…,
OP38(a)), so a unit is paired with the unit of the same id in the other version. Same id is not
proof: a draft may have gained a paragraph the other version lacks, and then every id after it
points at a different paragraph. So a pair must also agree on what survives translation: its
kind, the place of its lead on the strength scales, and the numbers and document symbols it cites.
A unit whose counterpart fails that test is reported unpaired rather than guessed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from resdiff.errors import InputError, LanguageError
from resdiff.lexicon import lookup
from resdiff.model import AgreedLanguage, Comparison, DiffOp, Pairing, Parallel, Resolution, Unit
from resdiff.options import Options
from resdiff.segment_en import EnglishSegmenter

if TYPE_CHECKING:
    from resdiff.engine import AnySegmenter
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
        raise LanguageError("the texts given alongside must be in one language")
    if language == comparison.old.language:
        raise LanguageError("the texts given alongside are in {language!r}, the language of the comparison itself: "
                            "give the other language's versions", language=language)
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



#: Least similarity for an earlier paragraph to be offered as agreed language.
AGREED_THRESHOLD = 0.5


def _words_key(text: str, segmenter: AnySegmenter) -> list[str]:
    from resdiff.engine import similarity_key

    fold = segmenter.key if isinstance(segmenter, EnglishSegmenter) else None
    return similarity_key(segmenter.words(text), fold)


def closest_agreed(text: str, earlier: Sequence[tuple[Resolution, Resolution | None]], language: str,
                   options: Options | None = None) -> AgreedLanguage | None:
    """The paragraph of ``earlier`` (texts in ``language``, each with its other-language version
    or ``None``) most like ``text``, with its counterpart; ``None`` below :data:`AGREED_THRESHOLD`."""
    from resdiff.engine import segmenter_for

    segmenter = segmenter_for(language, options or Options())
    wanted = _words_key(text, segmenter)
    best: tuple[float, Resolution, Unit, Resolution | None] | None = None
    for resolution, other in earlier:
        if resolution.language != language:
            continue
        for unit in resolution.units:
            if unit.kind == "heading":
                continue
            score = fuzz.ratio(wanted, _words_key(unit.text, segmenter), processor=None) / 100.0
            if best is None or score > best[0]:
                best = (score, resolution, unit, other)
    if best is None or best[0] < AGREED_THRESHOLD:
        return None
    score, resolution, unit, other = best
    pair = counterpart(unit, other) if other is not None else None
    return AgreedLanguage(resolution.symbol, unit.id, unit.text, pair.text if pair else None, score)


def attach_agreed(comparison: Comparison, earlier: Sequence[tuple[Resolution, Resolution | None]],
                  options: Options | None = None) -> Comparison:
    """``comparison`` with each added paragraph's closest agreed language (see :func:`closest_agreed`);
    ``earlier`` holds texts in the comparison's language, each with its other-language version."""
    language = comparison.new.language
    other_language = next((o.language for _, o in earlier if o is not None), "zh" if language == "en" else "en")
    changes = []
    for change in comparison.changes:
        if change.type == "added":
            text = " ".join(comparison.new[uid].text for uid in change.new)
            agreed = closest_agreed(text, earlier, language, options)
            parallel = change.parallel or Parallel(other_language, None, None)
            change = replace(change, parallel=replace(parallel, agreed=agreed))
        changes.append(change)
    return replace(comparison, changes=tuple(changes))


def pair_folder(resolutions: Sequence[Resolution], language: str) -> list[tuple[Resolution, Resolution | None]]:
    """The texts of a folder in ``language``, each with the other-language text of the same symbol."""
    by_symbol = {(r.symbol, r.language): r for r in resolutions if r.symbol}
    return [(r, next((o for (sym, lang), o in by_symbol.items() if sym == r.symbol and lang != language), None))
            for r in resolutions if r.language == language]


#: At most this many files of a folder are read for agreed language.
MAX_FOLDER_FILES = 500


def load_folder(folder: str | os.PathLike[str]) -> list[Resolution]:
    """The resolutions of a folder (its regular ``.txt``, ``.pdf`` and ``.docx`` files; a file that is
    not a resolution is passed over). Raises :class:`InputError` when the folder cannot be read."""
    from resdiff.api import load
    from resdiff.errors import ResdiffError

    path = Path(folder)
    if not path.is_dir():
        raise InputError("{folder}: not a folder", folder=folder)
    files = sorted(p for p in path.iterdir() if p.is_file() and not p.is_symlink()
                   and p.suffix.lower() in (".txt", ".pdf", ".docx"))
    if len(files) > MAX_FOLDER_FILES:
        raise InputError("{folder}: more than {most} files; point at the series' own folder",
                         folder=folder, most=MAX_FOLDER_FILES)
    found = []
    for file in files:
        try:
            found.append(load(file))
        except ResdiffError:
            continue
    return found
