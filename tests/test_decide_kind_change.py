"""An operative paragraph recalled in the preamble, condensed on the way (issue 10, round 5): its
lead and most of its wording changed, so its rare words are diluted below what a paragraph moved
within one part must share; but no other paragraph holds them, and the dropped and the added
paragraph are each clearly unlikely on their own. One paragraph moved, not one dropped and another
added.

Every text here is ILLUSTRATIVE (示意性决议，非正式文本), written for these tests on the wording of
E/RES/2013/9; not an official text.
"""

# ruff: noqa: E501  (an illustrative resolution keeps one paragraph a line)
from __future__ import annotations

import resdiff

INDICATORS = "重申信息和通信技术指标的重要性，这些指标是衡量国家之间和社会内部数字鸿沟的监测和评价工具，让决策者能够在制定政策和社会、文化和经济发展战略时掌握情况，并强调，能反映业绩、效率、负担能力及货物和服务质量方面情况的可靠而定期更新的指标的标准化及统一，对于落实信息和通信技术政策至关重要；"
RECALLED = "重申信息和通信技术指标作为衡量国家之间和社会内部数字鸿沟的监测和评价工具的重要性，"
PREAMBLE = ("回顾其关于信息社会世界首脑会议成果的各项决议，", "满意地注意到秘书长关于信息社会世界首脑会议成果在区域和国际两级落实和后续工作方面取得的进展的报告，")
OPERATIVE = ("注意到虽然为建立信息社会奠定了信息和通信技术能力建设的坚实基础，但仍然需要继续努力，解决发展中国家和最不发达国家面临的种种挑战；",
             "强调必须促进建设一个包容性信息社会，尤其要注意弥合数字鸿沟和宽带鸿沟，包括性别数字鸿沟；",
             "鼓励各利益攸关方继续分享关于缩小数字鸿沟的最佳做法；",
             "请秘书长向理事会下届会议提交关于本决议执行情况的报告；",
             "决定继续审议这一问题。")


def _text(preamble: tuple[str, ...], operative: tuple[str, ...]) -> str:
    lines = ["示意性决议（非正式文本）", "经济及社会理事会，", *preamble]
    lines += [f"{number}. {paragraph}" for number, paragraph in enumerate(operative, 1)]
    return "\n\n".join(lines) + "\n"


OLD = _text(PREAMBLE, (OPERATIVE[0], INDICATORS, *OPERATIVE[1:]))
NEW = _text((*PREAMBLE, RECALLED), OPERATIVE)


def test_an_operative_paragraph_condensed_into_the_preamble_is_one_that_moved() -> None:
    comparison = resdiff.compare(resdiff.parse(OLD), resdiff.parse(NEW))
    changes = [(c.type, c.old, c.new, c.moved) for c in comparison.changes if c.type != "unchanged"]
    assert changes == [("reworded", ("OP2",), ("PP3",), True)]
