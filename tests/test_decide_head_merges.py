"""A merge that keeps its first part's opening (issue 10, round 9): two paragraphs in a row folded
into one that opens as the earlier did (its first words, which open no other old paragraph) and
not as the later did. The later part lends most of the words, so the pair model reads the later
paragraph reworded and the earlier dropped; the opening says which paragraph the whole grew from.
Blind case 143's OP41 + OP42 → OP41 (``回顾《突尼斯议程》第111段和第106段，以及大会在其第67/195号决议…``)
is the example; with the opening taken out of the whole, the earlier is dropped again.

The case's texts are ILLUSTRATIVE revisions (示意性修订，非正式文本) written blind for
``tests/evalset-blind6``; its old text is E/RES/2013/9.
"""

from __future__ import annotations

from pathlib import Path

import resdiff
from resdiff import decide

CASE = Path(__file__).resolve().parent / "evalset-blind6" / "143-b19-medium2014b"
OPENING = "回顾**《突尼斯议程》第111段和第106段，以及大会"


def _changes(new_text: str | None = None) -> dict[tuple[tuple[str, ...], tuple[str, ...]], str]:
    old = resdiff.parse((CASE / "old.txt").read_text(encoding="utf-8"))
    new = resdiff.parse(new_text if new_text is not None else (CASE / "new.txt").read_text(encoding="utf-8"))
    return {(c.old, c.new): c.type for c in resdiff.compare(old, new).changes}


def test_a_merge_that_keeps_the_first_part_s_opening_is_a_merge() -> None:
    assert _changes()[("OP41", "OP42"), ("OP41",)] == "merged"


def test_without_that_opening_the_first_part_is_dropped() -> None:
    text = (CASE / "new.txt").read_text(encoding="utf-8")
    assert text.count(OPENING) == 1
    changes = _changes(text.replace(OPENING, "回顾**大会"))
    assert changes[("OP41",), ()] == "dropped"
    assert changes[("OP42",), ("OP41",)] == "reworded"


def test_the_reading_taken_over_is_the_later_part_paired_and_the_earlier_dropped() -> None:
    assert decide._head_reverse(((4, 5), (7,))) == {((5,), (7,)), ((4,), ())}
