"""Splits whose further parts the aligner leaves added (issue 10, round 3): the last clause of a
paragraph cut in three, written up as a paragraph of its own with much new wording; and the
lettered sub-paragraphs of a chapeau, each too short to be a part on its own merit.

Every text here is ILLUSTRATIVE (示意性决议，非正式文本), written for these tests; not an official text.
"""

# ruff: noqa: E501  (an illustrative resolution keeps one paragraph a line)
from __future__ import annotations

import resdiff
from resdiff import decide

#: What every illustrative text here shares: the title, the body addressed, two preambular
#: paragraphs, and the operative paragraphs kept before and after the ones each test varies.
HEAD = ("示意性决议（非正式文本）", "经济及社会理事会，", "回顾其关于信息社会世界首脑会议成果的各项决议，",
        "注意到各区域委员会为落实首脑会议成果所作的努力，")
BEFORE = ("欢迎各国政府在扩大宽带接入方面取得的进展；", "鼓励各利益攸关方继续分享关于缩小数字鸿沟的最佳做法；")
AFTER = ("请秘书长向理事会下届会议提交关于本决议执行情况的报告；", "决定继续审议这一问题。")


def _text(*varied: str) -> str:
    """An illustrative resolution in the clean text format whose operative part is ``BEFORE``,
    ``varied`` and ``AFTER``, numbered in order (a line opening with ``(`` is a lettered
    sub-paragraph and keeps no number)."""
    lines, number = list(HEAD), 0
    for paragraph in (*BEFORE, *varied, *AFTER):
        if not paragraph.startswith("("):
            number += 1
            paragraph = f"{number}. {paragraph}"
        lines.append(paragraph)
    return "\n\n".join(lines) + "\n"


OLD = _text("又确认由秘书长召集一个有所有相关机构参加的协调进程；这一进程将涉及所有利益攸关方，将尽快按照既定程序推进工作，并将顾及技术变革；相关机构应尽快启动工作并对技术变革作出回应；应请这些机构提交年度进展汇编；")

# OP3 cut in three; its last clause (应请这些机构提交年度进展汇编) written up with a second request.
NEW_THREE = _text(
    "又确认秘书长已召集一个有所有相关机构参加的协调进程，这一进程涉及所有利益攸关方；",
    "强调相关机构应按照既定程序尽快推进协调进程的工作，并顾及技术变革；",
    "请这些机构继续提交年度进展汇编，并请秘书长在其关于首脑会议成果落实情况的年度报告中说明区域合作方面的进展；",
)

OLD_CHAPEAU = _text("呼吁各利益攸关方加强合作以落实首脑会议成果，扩大宽带接入并保护在线隐私；")

# OP3 cut into a chapeau and two lettered sub-paragraphs, each a clause of the old paragraph.
CHAPEAU = "呼吁各利益攸关方进一步加强区域和国际合作以全面落实首脑会议的各项成果，包括："
NEW_CHAPEAU = _text(CHAPEAU, "(a) 扩大宽带接入；", "(b) 保护在线隐私；")

# The same chapeau with two sub-paragraphs of new wording: not parts of OP3.
NEW_CHAPEAU_OTHER = _text(CHAPEAU, "(a) 制定国家电子政务战略；", "(b) 培训地方公务人员；")


def _changes(old: str, new: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    comparison = resdiff.compare(resdiff.parse(old), resdiff.parse(new))
    return [(c.type, c.old, c.new) for c in comparison.changes if c.type != "unchanged"]


def test_the_cut_off_last_clause_written_up_is_the_third_part_of_the_split() -> None:
    # Before: split OP3 → OP3, OP4 and OP5 added (it keeps little of OP3 but the clause, intact).
    assert _changes(OLD, NEW_THREE) == [("split", ("OP3",), ("OP3", "OP4", "OP5"))]


def test_the_residue_run_is_a_stretch_no_other_part_holds() -> None:
    assert decide._residue_run(frozenset({1, 2, 3, 7, 8}), {2, 3, 4, 7, 8, 9}) == 2
    assert decide._residue_run(frozenset({4, 5, 6}), {4, 5, 6}) == decide.RESIDUE_RUN
    assert decide._residue_run(frozenset(), {1, 2}) == 0


def test_a_chapeau_and_its_sub_paragraphs_cut_from_one_paragraph_are_its_split() -> None:
    # Before: OP3 reworded into the chapeau, OP3(a) and OP3(b) added.
    assert _changes(OLD_CHAPEAU, NEW_CHAPEAU) == [("split", ("OP3",), ("OP3", "OP3(a)", "OP3(b)"))]


def test_sub_paragraphs_of_new_wording_under_a_reworded_chapeau_stay_added() -> None:
    changes = _changes(OLD_CHAPEAU, NEW_CHAPEAU_OTHER)
    assert not [c for c in changes if c[0] == "split"]
    assert ("added", (), ("OP3(a)",)) in changes and ("added", (), ("OP3(b)",)) in changes
