"""The comparison pipeline: segment → align → classify → a Comparison.

Alignment runs twice when the first pass shows terminology switches (因特网 → 互联网 in many
paragraphs): the second pass compares the old texts with the switches applied, so that a
short heading whose only word changed (因特网治理 → 互联网治理) is still found.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from resdiff import classify
from resdiff.align import Aligner, Link
from resdiff.decide import Alternative, Decider, Item, load_model
from resdiff.errors import LanguageError
from resdiff.lexicon import ADVERBS, ADVERBS_EN
from resdiff.model import Change, ChangeType, Comparison, DiffOp, FootnoteChange, Resolution, TermSwitch, Unit
from resdiff.options import Options
from resdiff.segment import Segmenter, is_punctuation
from resdiff.segment_en import EnglishSegmenter
from resdiff.worddiff import diff_words

#: What cuts a text into words: jieba for Chinese, a regular expression for English.
AnySegmenter = Segmenter | EnglishSegmenter

_DIGITS = re.compile(r"\d")
_KEY_WORD: dict[str, str | None] = {}

#: At most this many alternatives are listed on one change.
MAX_LISTED = 3


def _key_word(word: str) -> str | None:
    """A word as similarity sees it: ``None`` for punctuation, ``#`` for a number."""
    try:
        return _KEY_WORD[word]
    except KeyError:
        key = None if is_punctuation(word) else ("#" if _DIGITS.search(word) else word)
        if len(_KEY_WORD) < 200_000:
            _KEY_WORD[word] = key
        return key


def similarity_key(words: Sequence[str], fold: Callable[[str], str] | None = None) -> list[str]:
    """The words that count for similarity: no punctuation, numbers folded, no leading 又/还.
    With ``fold`` (an English segmenter's stems), each word folded, and the ``also``/``further``
    before or after the lead left out."""
    key = [k for k in map(_key_word, words) if k is not None]
    if fold is not None:
        key = [k if k == "#" else fold(k) for k in key]
        for at in (1, 0):
            if len(key) > at and key[at] in ADVERBS_EN:
                del key[at]
        return key
    while key and key[0] in ADVERBS:
        key = key[1:]
    return key


class _Texts:
    """Both texts' units with their words, cut once, and the word diffs computed so far."""

    def __init__(self, old: Resolution, new: Resolution, segmenter: AnySegmenter) -> None:
        self.old_units, self.new_units = old.units, new.units
        self.seg = segmenter
        self.fold = segmenter.key if isinstance(segmenter, EnglishSegmenter) else None
        # Both texts at once: the word cache on disk is asked one question, not one a paragraph.
        words = segmenter.words_many([u.text for u in (*old.units, *new.units)])
        self.old_words, self.new_words = words[:len(old.units)], words[len(old.units):]
        # One key per distinct paragraph: a long text repeats some (a chapeau, a short heading).
        keys: dict[str, list[str]] = {}
        self.old_keys = [self._key(u.text, w, keys) for u, w in zip(old.units, self.old_words)]
        self.new_keys = [self._key(u.text, w, keys) for u, w in zip(new.units, self.new_words)]
        self.diffs: dict[tuple[tuple[int, ...], tuple[int, ...]], tuple[DiffOp, ...]] = {}

    def _key(self, text: str, words: Sequence[str], keys: dict[str, list[str]]) -> list[str]:
        found = keys.get(text)
        if found is None:
            found = keys[text] = similarity_key(words, self.fold)
        return found

    def keys(self, terms: Sequence[TermSwitch] = ()) -> tuple[list[list[str]], list[list[str]]]:
        """Similarity keys; with ``terms``, of the old texts with the switches applied."""
        if not terms:
            return self.old_keys, self.new_keys
        single = {t.old: t.new for t in terms}
        # A switch of one whole word for another, both words as similarity sees them (not
        # punctuation, no digit, not 又/还), changes a paragraph's key only where it changes its
        # words: the key is then switched in place, not made again from the words.
        in_key = self.fold is None and all(_key_word(w) == w and w != "#" and w not in ADVERBS
                                           for pair in single.items() for w in pair)
        old = []
        switched: dict[str, list[str]] = {}
        for unit, words, key in zip(self.old_units, self.old_words, self.old_keys):
            if not any(t.old in unit.text for t in terms):
                old.append(key)
            elif unit.text in switched:
                old.append(switched[unit.text])
            elif all(t.old in words for t in terms if t.old in unit.text):
                # The switched wording is a whole word wherever it occurs: swap it in place.
                old.append(switched.setdefault(unit.text, [single.get(k, k) for k in key] if in_key
                                               else similarity_key([single.get(w, w) for w in words], self.fold)))
            else:
                old.append(switched.setdefault(
                    unit.text, similarity_key(self.seg.words(classify.apply_terms(unit.text, terms)), self.fold)))
        return old, self.new_keys

    def _joined(self, words: list[tuple[str, ...]], indices: tuple[int, ...]) -> list[str]:
        """The words of several units read as one text: English units joined by a space."""
        joined: list[str] = []
        for k, i in enumerate(indices):
            if k and self.fold is not None:
                joined.append(" ")
            joined.extend(words[i])
        return joined

    def diff(self, link: Link) -> tuple[DiffOp, ...]:
        found = self.diffs.get((link.old, link.new))
        if found is None:
            found = self.diffs[(link.old, link.new)] = diff_words(self._joined(self.old_words, link.old),
                                                                  self._joined(self.new_words, link.new))
        return found


def _change(texts: _Texts, link: Link, moved: bool, terms: Sequence[TermSwitch]) -> Change:
    old_units = [texts.old_units[i] for i in link.old]
    new_units = [texts.new_units[j] for j in link.new]
    old_text = "".join(u.text for u in old_units)
    new_text = "".join(u.text for u in new_units)
    kind: ChangeType
    if len(link.old) > 1:
        kind = "merged"
    elif len(link.new) > 1:
        kind = "split"
    elif classify.comparable(old_text) == classify.comparable(new_text):
        kind = "unchanged"
    else:
        kind = "reworded"
    diff: tuple[DiffOp, ...] = ()
    if kind == "unchanged":
        similarity = 1.0
    else:
        # Reported on the words as they are (punctuation aside): a date bump is a difference
        # here, though alignment folds numbers so that it never stands in the way of a pair.
        old_words = [w for i in link.old for w in texts.old_words[i] if _key_word(w) is not None]
        new_words = [w for j in link.new for w in texts.new_words[j] if _key_word(w) is not None]
        similarity = fuzz.ratio(old_words, new_words, processor=None) / 100.0
        diff = texts.diff(link)
    routine = kind == "reworded" and classify.is_routine(old_text, new_text)
    return Change(
        type=kind,
        old=tuple(u.id for u in old_units),
        new=tuple(u.id for u in new_units),
        moved=moved,
        routine=routine,
        similarity=similarity,
        lead=classify.lead_shift(old_units[0].lead, new_units[0].lead),
        diff=diff,
        terminology=kind == "reworded" and not routine and classify.is_terminology(old_text, new_text, terms),
    )


def _one_sided(unit: Unit, kind: ChangeType) -> Change:
    op = DiffOp("insert" if kind == "added" else "delete", unit.text)
    return Change(
        type=kind,
        old=(unit.id,) if kind == "dropped" else (),
        new=(unit.id,) if kind == "added" else (),
        similarity=0.0,
        diff=(op,),
    )


def _align(texts: _Texts, options: Options, terms: Sequence[TermSwitch],
           base: Aligner | None = None) -> tuple[list[Link], Aligner]:
    old_keys, new_keys = texts.keys(terms)
    aligner = Aligner(texts.old_units, texts.new_units, old_keys, new_keys, options, base=base)
    return aligner.run(), aligner


def _item_change(texts: _Texts, item: Item, moved: bool, terms: Sequence[TermSwitch]) -> Change:
    old, new = item
    if old and new:
        return _change(texts, Link(old, new), moved=moved, terms=terms)
    if new:
        return _one_sided(texts.new_units[new[0]], "added")
    return _one_sided(texts.old_units[old[0]], "dropped")


def _order(items: Sequence[Item], flags: dict[Item, bool]) -> list[Item]:
    """Items in the new text's reading order, a dropped unit listed where it stood: after the
    item that holds the nearest old unit before it that kept its place."""
    placed: list[tuple[tuple[int, int, int], Item]] = []
    in_place: dict[int, int] = {}
    dropped: dict[int, Item] = {}
    for item in items:
        old, new = item
        if new:
            placed.append(((new[0], 0, 0), item))
            if old and not flags.get(item, False):
                in_place.update((i, new[-1]) for i in old)
        else:
            dropped[old[0]] = item
    anchor = -1
    for i in range(max([*in_place, *dropped], default=-1) + 1):
        if i in in_place:
            anchor = in_place[i]
        elif i in dropped:
            placed.append(((anchor, 1, i), dropped[i]))
    placed.sort(key=lambda entry: entry[0])
    return [item for _, item in placed]


def _cited(resolution: Resolution, ids: Sequence[str]) -> list[int]:
    """The footnotes the units ``ids`` cite, in order of first citation."""
    numbers: list[int] = []
    for unit_id in ids:
        for n in resolution[unit_id].footnotes:
            if n not in numbers:
                numbers.append(n)
    return numbers


def footnote_changes(old: Resolution, new: Resolution, change: Change,
                     segmenter: AnySegmenter) -> tuple[FootnoteChange, ...]:
    """The footnotes cited by a change's units whose text changed, appeared or disappeared.

    Only a change with units on both sides has any (an added paragraph brings its footnotes
    with it). A footnote of the same text on both sides is the same footnote whatever its
    number; the others are paired in the order they are cited; what is left appeared or
    disappeared with the citation.
    """
    if not change.old or not change.new:
        return ()
    old_cited = [n for n in _cited(old, change.old) if n in old.footnotes]
    new_cited = [n for n in _cited(new, change.new) if n in new.footnotes]
    if not old_cited and not new_cited:
        return ()
    new_texts = {classify.comparable(new.footnotes[n]): n for n in new_cited}
    same = {o: new_texts[classify.comparable(old.footnotes[o])] for o in old_cited
            if classify.comparable(old.footnotes[o]) in new_texts}
    old_left = [o for o in old_cited if o not in same]
    new_left = [n for n in new_cited if n not in same.values()]
    found: list[FootnoteChange] = []
    for o, n in zip(old_left, new_left):
        a, b = old.footnotes[o], new.footnotes[n]
        diff = diff_words(segmenter.words(a), segmenter.words(b))
        found.append(FootnoteChange(o, n, a, b, diff, classify.is_routine(a, b)))
    for o in old_left[len(new_left):]:
        text = old.footnotes[o]
        found.append(FootnoteChange(o, None, text, None, (DiffOp("delete", text),), False))
    for n in new_left[len(old_left):]:
        text = new.footnotes[n]
        found.append(FootnoteChange(None, n, None, text, (DiffOp("insert", text),), False))
    return tuple(found)




def segmenter_for(language: str, options: Options, given: AnySegmenter | None = None) -> AnySegmenter:
    """The segmenter for texts in ``language``: ``given`` if it is one for that language."""
    if language == "en":
        return given if isinstance(given, EnglishSegmenter) else EnglishSegmenter()
    return given if isinstance(given, Segmenter) else Segmenter(options)


def _build(texts: _Texts, items: list[Item], flags: dict[Item, bool], terms: Sequence[TermSwitch],
           decider: Decider, alternatives: list[Alternative]) -> list[Change]:
    """The changes in the new text's reading order, each with its confidence and the close
    alternatives of the groups it belongs to."""
    by_item: dict[Item, list[Alternative]] = {}
    for alt in alternatives:
        for item in alt.replaces:
            by_item.setdefault(item, []).append(alt)
    made: dict[tuple[Item, bool], Change] = {}

    def change(item: Item, moved: bool) -> Change:
        found = made.get((item, moved))
        if found is None:
            found = made[(item, moved)] = _item_change(texts, item, moved, terms)
        return found

    out = []
    for item in _order(items, flags):
        moved = flags.get(item, False)
        others = []
        for alt in by_item.get(item, [])[:MAX_LISTED]:
            alt_flags = dict(alt.items)
            # Each change of the other reading carries its own confidence (how sure the engine would be
            # of it), not the default 1.0 of a change nobody scored.
            others.append(tuple(replace(change(other, alt_flags[other]),
                                        confidence=round(decider.confidence(other, alt_flags[other]), 4))
                                for other in _order([i for i, _ in alt.items], alt_flags)))
        out.append(replace(change(item, moved), confidence=round(decider.confidence(item, moved), 4),
                           alternatives=tuple(others)))
    return out


def reading(old: Resolution, new: Resolution, options: Options, *,
            segmenter: AnySegmenter | None = None) -> tuple[_Texts, Aligner, tuple[TermSwitch, ...], list[Item]]:
    """The aligner's reading of two texts, before the scored decision: the texts cut into words,
    the aligner (its score matrices), the terminology switches and the items (pairs, splits and
    merges, then every unit left over as added or dropped)."""
    if old.language != new.language:
        raise LanguageError(
            "the old text is in {old!r} and the new one in {new!r}: compare texts of one language, and "
            "give the other language's texts alongside (see README, both languages)",
            old=old.language, new=new.language)
    texts = _Texts(old, new, segmenter_for(old.language, options, segmenter))
    links, aligner = _align(texts, options, ())
    first = [texts.diff(link) for link in links
             if classify.comparable("".join(texts.old_units[i].text for i in link.old))
             != classify.comparable("".join(texts.new_units[j].text for j in link.new))]
    terms = classify.find_terms(first, min_count=options.term_min_count)
    if terms:
        links, aligner = _align(texts, options, terms, base=aligner)
    linked_old = {i for link in links for i in link.old}
    linked_new = {j for link in links for j in link.new}
    items: list[Item] = [(tuple(map(int, link.old)), tuple(map(int, link.new))) for link in links]
    items += [((), (j,)) for j in range(len(new.units)) if j not in linked_new]
    items += [((i,), ()) for i in range(len(old.units)) if i not in linked_old]
    return texts, aligner, terms, items


def run(old: Resolution, new: Resolution, options: Options, *, segmenter: AnySegmenter | None = None) -> Comparison:
    """Compare two parsed resolutions (the body of :func:`resdiff.compare`)."""
    texts, aligner, terms, items = reading(old, new, options, segmenter=segmenter)
    decider = Decider(aligner, load_model())
    items, flags, alternatives = decider.decide(items)
    changes = _build(texts, items, flags, terms, decider, alternatives)
    if old.footnotes or new.footnotes:
        # A footnote's change is the change of the paragraphs that cite it: attached once the
        # paragraphs themselves are classified, it never changes their type.
        changes = [replace(c, footnotes=notes) if (notes := footnote_changes(old, new, c, texts.seg)) else c
                   for c in changes]
    return Comparison(old=old, new=new, changes=tuple(changes), terms=terms)
