"""A paragraph rewritten in a gap (issue 10, stop 25): a heavy rewording in place, one lead kept,
read as one paragraph reworded even where the gap between its paired neighbours also holds a
dropped, added or moved paragraph (``Decider._gap_pair``), as it already was in a gap of one
paragraph a side (``Decider._slot_pair``). The model, fitted on generated replacements that keep
the lead, scores such a pair low (similarity 0.19 and 0.22 here); the gap and the lead decide.

Blind case 198 (written blind, scored on arrival in stop 25 before this rule: its two misses were
these two pairs) is the example: old OP12 → new OP11 beside a dropped OP13, old OP19 → new OP18
beside a moved and an added paragraph. With the new paragraph's lead changed, the two are dropped
and added again. Blind case 184's OP1 → OP1 is a gap at the texts' start.

The cases' texts are ILLUSTRATIVE revisions (示意性修订，非正式文本) written blind for
``tests/evalset-blind11`` and ``tests/evalset-blind9``; their old text is E/RES/2013/9.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import resdiff

HERE = Path(__file__).resolve().parent
CASE = HERE / "evalset-blind11" / "198-b35-negotiated-2014"
START = HERE / "evalset-blind9" / "184-b27-heavy-rewrite"


def _changes(case: Path, new_text: str | None = None) -> dict[tuple[tuple[str, ...], tuple[str, ...]], str]:
    old = resdiff.parse((case / "old.txt").read_text(encoding="utf-8"))
    new = resdiff.parse(new_text if new_text is not None else (case / "new.txt").read_text(encoding="utf-8"))
    return {(c.old, c.new): c.type for c in resdiff.compare(old, new).changes}


def test_a_rewrite_beside_a_dropped_paragraph_is_a_rewrite() -> None:
    changes = _changes(CASE)
    assert changes[("OP12",), ("OP11",)] == "reworded"
    assert changes[("OP13",), ()] == "dropped"


def test_a_rewrite_beside_a_moved_and_an_added_paragraph_is_a_rewrite() -> None:
    changes = _changes(CASE)
    assert changes[("OP19",), ("OP18",)] == "reworded"
    assert changes[(), ("OP19",)] == "added"


@pytest.mark.parametrize(("lead", "other", "old", "new"), [
    ("**注意到**继续出现各种主题", "**欢迎**继续出现各种主题", "OP19", "OP18"),
    ("**又确认**宽带已成为", "**又强调**宽带已成为", "OP12", "OP11"),
])
def test_with_another_lead_the_two_are_dropped_and_added(lead: str, other: str, old: str, new: str) -> None:
    text = (CASE / "new.txt").read_text(encoding="utf-8")
    assert text.count(lead) == 1
    changes = _changes(CASE, text.replace(lead, other))
    assert changes[(old,), ()] == "dropped"
    assert changes[(), (new,)] == "added"


def test_a_gap_at_the_texts_start() -> None:
    assert _changes(START)[("OP1",), ("OP1",)] == "reworded"
