"""A paragraph rewritten in its slot (issue 10, round 9): one paragraph out and one in between two
neighbours paired with each other, of one kind, with one lead, each the other's most alike among
the unpaired, sharing a little of their rare wording (``Options.slot_content``) — read as one
paragraph reworded, however unlike the two are. Blind case 149's OP27 (the working group's first
meeting → its four meetings and report, similarity 0.14) is the example; with the lead changed,
or with the rule turned off, the two are one paragraph dropped and another added again.

The case's texts are ILLUSTRATIVE revisions (示意性修订，非正式文本) written blind for
``tests/evalset-blind6``; its old text is E/RES/2013/9.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import resdiff

CASE = Path(__file__).resolve().parent / "evalset-blind6" / "149-blind20-medium2014b"
REWRITTEN = "**注意到**加强合作工作组已举行四次会议并已向委员会第十七届会议提交报告；"


def _changes(new_text: str | None = None, **options: Any) -> dict[tuple[tuple[str, ...], tuple[str, ...]], str]:
    old = resdiff.parse((CASE / "old.txt").read_text(encoding="utf-8"))
    new = resdiff.parse(new_text if new_text is not None else (CASE / "new.txt").read_text(encoding="utf-8"))
    return {(c.old, c.new): c.type for c in resdiff.compare(old, new, **options).changes}


def _new_text() -> str:
    text = (CASE / "new.txt").read_text(encoding="utf-8")
    assert text.count(REWRITTEN) == 1
    return text


def test_a_paragraph_rewritten_in_its_slot_with_its_lead_is_one_paragraph_reworded() -> None:
    assert _changes()[("OP27",), ("OP27",)] == "reworded"


def test_with_another_lead_it_is_one_paragraph_dropped_and_another_added() -> None:
    changes = _changes(_new_text().replace(REWRITTEN, REWRITTEN.replace("**注意到**", "**欢迎**")))
    assert changes[("OP27",), ()] == "dropped" and changes[(), ("OP27",)] == "added"


def test_the_rule_is_an_option() -> None:
    changes = _changes(slot_content=1.0)
    assert changes[("OP27",), ()] == "dropped" and changes[(), ("OP27",)] == "added"
