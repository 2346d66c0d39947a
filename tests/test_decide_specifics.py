"""A paragraph moved far and reworded on the way, told by the specifics it alone shares with its
partner (issue 10, round 9): the words found in at most two units of both texts (``最佳做法``,
``承认``; ``前提``, ``经验``). An operative paragraph recalled in the preamble with a new lead and
half its words new (blind case 179's OP46 → PP8), and an operative paragraph moved far up and
re-led whose sentence frame was rewritten (blind case 170's OP43 → OP9), are each one paragraph
that moved, not one dropped and another added. The same paragraphs with those specifics replaced
by other words are two paragraphs again: the rule reads the specifics, nothing else.

The cases' texts are ILLUSTRATIVE revisions (示意性修订，非正式文本) written blind for
``tests/evalset-blind8`` and ``-blind9``; their old text is E/RES/2013/9.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import resdiff

HERE = Path(__file__).resolve().parent
KIND = HERE / "evalset-blind9" / "179-b26-medium2014"
FAR = HERE / "evalset-blind8" / "170-b24-medium-terminology"


def _changes(case: Path, new_text: str | None = None) -> dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[str, bool]]:
    old = resdiff.parse((case / "old.txt").read_text(encoding="utf-8"))
    new = resdiff.parse(new_text if new_text is not None else (case / "new.txt").read_text(encoding="utf-8"))
    return {(c.old, c.new): (c.type, c.moved) for c in resdiff.compare(old, new).changes}


def _replaced(case: Path, unit_id: str, words: dict[str, str]) -> str:
    """The case's new text with ``words`` replaced in the paragraph ``unit_id`` only."""
    text = (case / "new.txt").read_text(encoding="utf-8")
    unit = resdiff.parse(text)[unit_id]
    body = unit.text[len(unit.lead or ""):]
    (line,) = [line for line in text.splitlines() if body in line]
    changed = line
    for before, after in words.items():
        assert before in changed
        changed = changed.replace(before, after)
    return text.replace(line, changed)


#: (case, old id, new id, the specifics of the new paragraph replaced by other words)
PAIRS = [(KIND, "OP46", "PP8", {"最佳做法": "有益经验", "承认": "注意到", "面临": "存在"}),
         (FAR, "OP43", "OP9", {"借鉴": "参考", "经验": "做法", "前提": "依据"})]
IDS = ["recalled-in-the-preamble", "moved-far-and-re-led"]


@pytest.mark.parametrize(("case", "old_id", "new_id", "words"), PAIRS, ids=IDS)
def test_a_paragraph_moved_far_keeps_its_specifics(case: Path, old_id: str, new_id: str,
                                                   words: dict[str, str]) -> None:
    assert _changes(case)[(old_id,), (new_id,)] == ("reworded", True)


@pytest.mark.parametrize(("case", "old_id", "new_id", "words"), PAIRS, ids=IDS)
def test_without_its_specifics_it_is_one_paragraph_dropped_and_another_added(
        case: Path, old_id: str, new_id: str, words: dict[str, str]) -> None:
    changes = _changes(case, _replaced(case, new_id, words))
    assert changes[(old_id,), ()] == ("dropped", False)
    assert changes[(), (new_id,)] == ("added", False)
