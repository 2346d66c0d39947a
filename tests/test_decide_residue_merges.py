"""A merge's part cut down to a clause and folded into a neighbour's paragraph (issue 10, round 8):
the mirror of a split's residue part. The decision proposes the dropped paragraph as a further part
of the paired paragraph when a stretch of its words stands intact in the whole beyond what the
whole's own parts hold, and only when no other old paragraph holds that stretch: a stock clause
(``因为大会将于2015年全面审查…``) any paragraph of the family could have lent is no evidence.

Every revision here is ILLUSTRATIVE (示意性修订，非正式文本): edits of the corpus text made with
``tests/evalset/revise.py``, not an official text.
"""

from __future__ import annotations

import sys
from pathlib import Path

import resdiff
from resdiff import decide, engine
from resdiff.decide import Item
from resdiff.model import Resolution
from resdiff.options import DEFAULT_OPTIONS

sys.path.insert(0, str(Path(__file__).resolve().parent / "evalset"))
from revise import Revision

#: OP47 (the Commission's substantive discussion) updated, with OP49 (the Secretary-General's
#: yearly report) cut to a clause at its end; OP48 between them dropped.
FOLDED = ("请委员会从主持人和利益攸关方那里收集意见，在其2016年第十九届会议期间就落实世界首脑会议成果方面的进展情况"
          "组织一次实质性讨论，并通过经社理事会向大会提出报告，并请秘书长继续每年向委员会提交关于本决议落实情况的报告；")

#: OP48 dropped, and OP49 rewritten to end on the closing clause that OP47 and OP48 both had.
STOCK = "请秘书长每年向委员会提交报告，说明本决议的落实情况，因为大会将于2015年全面审查世界首脑会议成果的落实情况；"


def _scorer(corpus: Resolution, new: Resolution, items: list[Item]) -> decide.Scorer:
    _, aligner, _, _ = engine.reading(corpus, new, DEFAULT_OPTIONS)
    scorer = decide.Scorer(aligner)
    scorer.set_reading(items)
    return scorer


def _proposed(corpus: Resolution, new: Resolution, items: list[Item]) -> list[tuple[set[str], set[str]]]:
    scorer = _scorer(corpus, new, items)
    dropped = [o[0] for o, n in items if not n]
    by_new = {j: item for item in items if item[0] and item[1] for j in item[1]}
    return [({corpus.units[i].id for i in old}, {new.units[j].id for j in news})
            for _, proposed in decide._residue_merge_candidates(dropped, by_new, scorer)
            for old, news in proposed]


def _ids(resolution: Resolution) -> list[str]:
    return [u.id for u in resolution.units]


def _reading(corpus: Resolution, new: Resolution, pairs: dict[str, str]) -> list[Item]:
    """Units paired by id (old id → new id), every other old unit dropped, every new one added."""
    old_ids, new_ids = _ids(corpus), _ids(new)
    items: list[Item] = [((old_ids.index(o),), (new_ids.index(n),)) for o, n in pairs.items()]
    paired_old = {old_ids.index(o) for o in pairs}
    paired_new = {new_ids.index(n) for n in pairs.values()}
    items += [((i,), ()) for i in range(len(old_ids)) if i not in paired_old]
    items += [((), (j,)) for j in range(len(new_ids)) if j not in paired_new]
    return items


def _same_ids(corpus: Resolution, new: Resolution) -> dict[str, str]:
    return {i: i for i in _ids(corpus) if i in set(_ids(new))}


def test_a_paragraph_folded_as_a_clause_is_proposed_as_the_merge_s_part(corpus: Resolution) -> None:
    r = Revision(corpus)
    r.drop("OP48")
    r.merge(["OP47", "OP49"], FOLDED)
    built, expected = r.build()
    assert [(set(c["old"]), set(c["new"])) for c in expected if c["type"] == "merged"] == [({"OP47", "OP49"}, {"OP47"})]
    new = resdiff.parse(built)
    # The reading the aligner may give: OP47 reworded in place, OP48 and OP49 dropped (new OP48 is
    # old OP50, and so on).
    pairs = {u: u for u in _ids(corpus)[: _ids(corpus).index("OP47") + 1]}
    pairs.update({f"OP{k}": f"OP{k - 2}" for k in range(50, 53)})
    proposed = _proposed(corpus, new, _reading(corpus, new, pairs))
    assert ({"OP47", "OP49"}, {"OP47"}) in proposed
    assert not any("OP48" in old for old, _ in proposed)  # dropped, holds nothing of its own there


def test_a_stock_clause_held_by_another_paragraph_proposes_no_merge(corpus: Resolution) -> None:
    r = Revision(corpus)
    r.drop("OP48")
    r.reword("OP49", STOCK)
    new = resdiff.parse(r.build()[0])
    pairs = {u: u for u in _ids(corpus)[: _ids(corpus).index("OP47") + 1]}
    pairs.update({f"OP{k}": f"OP{k - 1}" for k in range(49, 53)})
    items = _reading(corpus, new, pairs)
    scorer = _scorer(corpus, new, items)
    old_ids, new_ids = _ids(corpus), _ids(new)
    d, j, host = old_ids.index("OP48"), new_ids.index("OP48"), old_ids.index("OP49")
    rest = set(range(len(scorer.a.nw[j]))) - scorer.found_in(host, j, merge=True)
    # OP48's closing clause stands intact in the rewritten paragraph, beyond OP49's words ...
    assert decide._residue_run(scorer.found_in(d, j, merge=True), rest) >= decide.RESIDUE_RUN
    # ... but OP47 holds it too: no evidence that OP48 went there.
    assert not decide._own_run(scorer, d, j, rest)
    assert not any("OP48" in old for old, _ in _proposed(corpus, new, items))


def test_runs_are_the_long_stretches_in_both_sets() -> None:
    found = frozenset({0, 1, 2, 5, 6, 8, 9, 10, 11})
    assert decide._runs(found, set(range(12))) == [(0, 3), (8, 12)]
    assert decide._runs(found, {0, 1, 5, 6, 9, 10, 11}) == [(9, 12)]
    assert decide._holds_run(["甲", "乙", "丙", "丁"], ("乙", "丙"))
    assert not decide._holds_run(["甲", "乙", "丁", "丙"], ("乙", "丙"))


#: A chapeau's sub-paragraphs (a) and (b), both on one body's measuring work; (a) kept word for word
#: at the head of the merged (a), which then says what (b) said. Illustrative (示意性, not official).
KEPT_HEAD = ["示意性决议（非正式文本）", "经济及社会理事会，", "回顾其关于信息社会世界首脑会议成果的各项决议，",
             "1. 注意到目前执行信息社会世界首脑会议成果的情况；", "2. 就衡量工作而言："]
KEPT_A = "(a) 赞赏地注意到区域委员会衡量信息和通信技术促进发展指标的工作；"
KEPT_B = ("(b) 鼓励会员国利用区域委员会衡量信息和通信技术促进发展指标2015年发布的最后评估报告，"
          "审查本国实现各项具体目标的进展情况；")
KEPT_C = "(c) 继续分享关于缩小数字鸿沟的最佳做法；"
KEPT_TAIL = ["3. 请秘书长向理事会下届会议提交关于本决议执行情况的报告；", "4. 决定继续审议这一问题。"]


def _kept_whole(merged: str) -> tuple[Resolution, Resolution, list[Item]]:
    old = resdiff.parse("\n".join([*KEPT_HEAD, KEPT_A, KEPT_B, KEPT_C, *KEPT_TAIL]))
    new = resdiff.parse("\n".join([*KEPT_HEAD, merged, KEPT_C.replace("(c)", "(b)"), *KEPT_TAIL]))
    # The reading to weigh: (b) reworded into the new (a), (a) dropped, (c) renumbered.
    pairs = {u: u for u in _ids(old) if u not in ("OP2(a)", "OP2(b)", "OP2(c)")}
    pairs.update({"OP2(b)": "OP2(a)", "OP2(c)": "OP2(b)"})
    return old, new, _reading(old, new, pairs)


def test_a_part_kept_word_for_word_in_the_whole_is_proposed_though_its_neighbour_holds_its_words() -> None:
    merged = ("(a) 赞赏地注意到区域委员会衡量信息和通信技术促进发展指标的工作，包括其2015年发布的最后评估报告，"
              "并鼓励会员国利用该报告审查本国的进展情况；")
    old, new, items = _kept_whole(merged)
    scorer = _scorer(old, new, items)
    d, j, host = _ids(old).index("OP2(a)"), _ids(new).index("OP2(a)"), _ids(old).index("OP2(b)")
    rest = set(range(len(scorer.a.nw[j]))) - scorer.found_in(host, j, merge=True)
    # (b) holds nearly all of (a)'s words: no stretch of (a)'s own is left beyond them ...
    assert not decide._own_run(scorer, d, j, rest)
    # ... but (a) stands whole in the merged paragraph.
    assert ({"OP2(a)", "OP2(b)"}, {"OP2(a)"}) in _proposed(old, new, items)


def test_a_part_only_echoed_in_the_whole_is_not_proposed_by_that_rule() -> None:
    merged = ("(a) 赞赏地注意到区域委员会衡量信息和通信技术促进发展指标2015年发布的最后评估报告，"
              "并鼓励会员国利用该报告审查本国的进展情况；")
    old, new, items = _kept_whole(merged)
    assert not any("OP2(a)" in old_ids for old_ids, _ in _proposed(old, new, items))
