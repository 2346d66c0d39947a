"""A paragraph added next to a kept one and written on its pattern, or on its subject, is added:
not a part of another paragraph split in two (issue 10, round 5). Next year's Forum welcomed
beside this year's, now noted, shares the family's words (定于……举行的因特网治理论坛第……次会议)
with the paragraph that asks the Secretary-General to prepare the Forum's meetings; what it copies
it copies from its neighbour's old self, and a split would read a duplicated commitment as a
divided one.

Every text here is ILLUSTRATIVE (示意性决议，非正式文本), written for these tests on the wording of
E/RES/2013/9; not an official text.
"""

# ruff: noqa: E501  (an illustrative resolution keeps one paragraph a line)
from __future__ import annotations

import resdiff

HEAD = ("示意性决议（非正式文本）", "经济及社会理事会，", "回顾其关于信息社会世界首脑会议成果的各项决议，",
        "注意到各区域委员会为落实首脑会议成果所作的努力，")
BEFORE = ("欢迎各国政府在扩大宽带接入方面取得的进展；", "鼓励各利益攸关方继续分享关于缩小数字鸿沟的最佳做法；")
AFTER = ("请秘书长向理事会下届会议提交关于本决议执行情况的报告；", "决定继续审议这一问题。")


def _text(*varied: str) -> str:
    """An illustrative resolution whose operative part is ``BEFORE``, ``varied`` and ``AFTER``."""
    lines = list(HEAD)
    for number, paragraph in enumerate((*BEFORE, *varied, *AFTER), 1):
        lines.append(f"{number}. {paragraph}")
    return "\n\n".join(lines) + "\n"


NOTED = "注意到由阿塞拜疆政府于2012年11月6日至9日在巴库主办的主题为“因特网治理促进可持续人类、经济及社会发展”的因特网治理论坛第七次会议；"
WELCOMED = "欢迎印度尼西亚政府将主办定于2013年10月22日至25日在巴厘努沙杜瓦举行的因特网治理论坛第八次会议，并注意到会议筹备进程已考虑到委员会工作组报告中关于改进因特网治理论坛的建议；"
PREPARE = "促请秘书长确保因特网治理论坛及其机构在筹备定于2013年10月22日至25日在印度尼西亚努沙杜瓦举行的论坛第八次会议和论坛今后各次会议时继续发挥职能，同时要考虑到工作组报告所载关于改进因特网治理论坛的建议；"
MIDDLE = ("鼓励各国政府在制定国家发展战略时将信息和通信技术纳入主流；", "请各区域委员会继续开展落实首脑会议成果的区域评估；")

OLD = _text(NOTED, WELCOMED, *MIDDLE, PREPARE)

# The Forum rolled forward: the seventh meeting no longer noted, the eighth now noted, the ninth
# welcomed on the eighth's pattern; the paragraph on the preparation moved up beside them, its
# meeting details cut.
NEW = _text(
    "注意到由印度尼西亚政府于2013年10月22日至25日在巴厘努沙杜瓦主办的因特网治理论坛第八次会议，以及会议筹备进程已考虑到委员会工作组报告中关于改进因特网治理论坛的建议；",
    "欢迎智利政府将主办定于2014年10月6日至9日在瓦尔帕莱索举行的因特网治理论坛第九次会议；",
    "促请秘书长确保因特网治理论坛及其机构在筹备第九次会议和论坛今后各次会议时继续发挥职能，同时要考虑到工作组报告所载关于改进因特网治理论坛的建议；",
    *MIDDLE,
)


def _changes(old: str, new: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    comparison = resdiff.compare(resdiff.parse(old), resdiff.parse(new))
    return [(c.type, c.old, c.new) for c in comparison.changes if c.type != "unchanged"]


def test_next_years_forum_welcomed_beside_this_years_is_added_not_a_split_part() -> None:
    changes = _changes(OLD, NEW)
    assert not [c for c in changes if c[0] == "split"], changes
    assert ("added", (), ("OP4",)) in changes
    assert [c for c in changes if c[1] == ("OP7",)] == [("reworded", ("OP7",), ("OP5",))]
