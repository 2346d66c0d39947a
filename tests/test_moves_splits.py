"""Moves, kind changes, renamed headings and splits into reworded parts (issue 10).

The revisions here are ILLUSTRATIVE (示意性修订，非正式文本, "illustrative, not an official text"):
edits of the corpus text made with ``tests/evalset/revise.py``, their new wording written for these
tests. Each asserts the engine's reading against the expected change list ``Revision`` keeps.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import resdiff
from resdiff import decide, engine
from resdiff.align import _found_in, _found_in_rest
from resdiff.model import Resolution
from resdiff.options import Options

sys.path.insert(0, str(Path(__file__).resolve().parent / "evalset"))
from revise import Revision


def _found(comparison: resdiff.Comparison, change: dict[str, Any]) -> bool:
    """The comparison has ``change`` (an ``expected.json`` entry) with the same type, units and
    moved flag."""
    return any(c.type == change["type"] and list(c.old) == change["old"] and list(c.new) == change["new"]
               and c.moved == change["moved"] for c in comparison.changes)


def _compare(r: Revision, old: Resolution) -> tuple[resdiff.Comparison, list[dict[str, Any]]]:
    text, expected = r.build()
    return resdiff.compare(old, resdiff.parse(text)), expected


def _nontrivial(expected: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [c for c in expected if c["type"] != "unchanged" or c["moved"]]


def test_a_paragraph_split_three_ways_each_part_reworded_with_its_own_lead(corpus: Resolution) -> None:
    r = Revision(corpus)
    r.split("OP9", [
        "欢迎秘书长关于信息社会世界首脑会议成果在区域和国际两级落实和后续工作方面进展情况的报告；",
        "确认自2005年以来移动电话用户迅速增长，全世界半数以上居民已能获得信息和通信技术，世界首脑会议确立的一个目标即将实现；",
        "又确认移动保健、移动农业、移动政务和电子商务等新服务和应用的出现为信息社会的发展带来了巨大潜力；",
    ])
    comparison, expected = _compare(r, corpus)
    split = next(c for c in expected if c["type"] == "split")
    assert split["new"] == ["OP9", "OP10", "OP11"]
    assert _found(comparison, split)
    assert not comparison.by_type("added")


def test_a_reading_of_one_part_reworded_and_two_added_has_the_three_way_split_as_alternative(
        corpus: Resolution) -> None:
    # When the aligner finds only the part most alike (the others reworded beyond its reach),
    # the run of added parts next to it is one alternative, far likelier than the group it
    # replaces (whether it is taken also depends on its own probability: SWAP_FLOOR).
    r = Revision(corpus)
    r.split("OP9", [
        "欢迎秘书长关于信息社会世界首脑会议成果在区域和国际两级落实和后续工作方面进展情况的报告；",
        "注意到自2005年以来移动电话普及迅速，全世界已有一半以上的居民能够获得信息和通信技术；",
        "认识到移动保健、移动农业、电子政务和电子商务等新服务的出现，为信息社会的发展开辟了巨大潜力；",
    ])
    text, _ = r.build()
    new = resdiff.parse(text)
    _, aligner, _, items = engine.reading(corpus, new, Options())
    i = next(k for k, u in enumerate(corpus.units) if u.id == "OP9")
    split = next(item for item in items if item[0] == (i,))
    assert len(split[1]) == 3
    first, *rest = split[1]
    weaker = [item for item in items if item != split] + [((i,), (first,)), *(((), (k,)) for k in rest)]
    decider = decide.Decider(aligner, decide.load_model())
    decider.scorer.set_reading(weaker)
    alternatives = decide.candidates(weaker, decider.scorer)
    alt = next(alt for alt in alternatives if [item for item, _ in alt.items] == [split])
    assert alt.replaces == {((i,), (first,)), *(((), (k,)) for k in rest)}
    mine = decider.joint((item, False) for item in alt.replaces)
    assert decider.joint(alt.items) > 100 * mine


def test_a_paragraph_cut_into_a_chapeau_and_lettered_sub_paragraphs(corpus: Resolution) -> None:
    # The chapeau keeps the lead and a few words; (b) is two words, too short to be a part on its
    # own merit, and stands between parts; (c)'s date is matched first where (a)'s date is.
    r = Revision(corpus)
    r.split("OP27", [
        "注意到加强合作工作组的进展，特别是：",
        "工作组主席于2013年5月30日和31日在日内瓦召开的第一次会议的结论；",
        "发出问卷；",
        "工作组下次会议将于2013年11月6日至8日举行；",
        "有关这方面的进展报告；",
    ])
    for k in range(2, 6):
        r[f"OP27/{k}"].sub = True
    comparison, expected = _compare(r, corpus)
    split = next(c for c in expected if c["type"] == "split")
    assert split["new"] == ["OP27", "OP27(a)", "OP27(b)", "OP27(c)", "OP27(d)"]
    assert _found(comparison, split)
    assert not comparison.by_type("added")


def test_a_part_is_matched_again_in_what_the_other_parts_leave() -> None:
    whole = ["首次", "会议", "于", "#", "年", "举行", "并", "下次", "会议", "于", "#", "年", "举行"]
    part = ["会议", "于", "#", "年", "举行"]
    # In order, the part's words are found at one of the two places (numbers are folded) ...
    assert _found_in(part, whole) == {8, 9, 10, 11, 12}
    # ... matched again in what another part (the next meeting) leaves, at the other.
    assert _found_in_rest(part, whole, taken={7, 8, 9, 10, 11, 12}) == {1, 2, 3, 4, 5}


def test_a_paragraph_moved_far_and_given_another_lead_is_one_paragraph_moved(corpus: Resolution) -> None:
    # Below the link threshold and with its lead changed (欢迎 → 注意到), the aligner leaves it
    # dropped at the end and added near the top; the decision reads the move.
    r = Revision(corpus)
    r.reword("OP52", "注意到由国际电信联盟协调、于2014年6月举行的题为“信息社会世界首脑会议+10高级别活动”的活动，"
                     "该活动讨论了对落实世界首脑会议成果方面的进展的审查情况，同时考虑到大会决议中阐述的全面审查模式；")
    r.move("OP52", after="OP7")
    comparison, expected = _compare(r, corpus)
    moved = next(c for c in expected if c["old"] == ["OP52"])
    assert moved["type"] == "reworded" and moved["moved"] and moved["new"] == ["OP8"]
    assert _found(comparison, moved)
    change = next(c for c in comparison.changes if c.old == ("OP52",))
    assert change.lead is not None and (change.lead.old, change.lead.new) == ("欢迎", "注意到")
    assert not comparison.by_type("added") and not comparison.by_type("dropped")


def test_an_operative_paragraph_turned_preambular_with_another_lead(corpus: Resolution) -> None:
    r = Revision(corpus)
    r.reword("OP6", "重申大会在其2006年3月27日第60/252号决议中请经社理事会监督世界首脑会议日内瓦和突尼斯成果在全系统内的"
                    "贯彻落实，并请经社理事会审查委员会的任务授权、议程和构成，")
    r["OP6"].kind = "preambular"
    r.move("OP6", after="PP2")
    comparison, expected = _compare(r, corpus)
    moved = next(c for c in expected if c["old"] == ["OP6"])
    assert moved["type"] == "reworded" and moved["new"][0].startswith("PP")
    assert _found(comparison, moved)


def test_paragraphs_written_on_one_pattern_are_not_a_move(corpus: Resolution) -> None:
    # This year's Forum paragraph dropped, two on the same pattern (the next Forums welcomed)
    # added far from it: neither is the old paragraph moved.
    r = Revision(corpus)
    r.drop("OP7")
    r.add("N1", "欢迎将于2014年在日内瓦举行由国际电信联盟、联合国教育、科学及文化组织和联合国开发计划署组办的"
                "信息社会世界首脑会议2014年论坛；", after="OP45")
    r.add("N2", "又欢迎将于2015年在日内瓦举行由国际电信联盟和联合国贸易和发展会议组办的信息社会世界首脑会议"
                "2015年高级别论坛；", after="N1")
    comparison, expected = _compare(r, corpus)
    assert all(_found(comparison, c) for c in _nontrivial(expected))
    assert not any(c.moved for c in comparison.changes)


def test_a_heading_renamed_in_place_with_no_word_in_common_is_reworded(corpus: Resolution) -> None:
    r = Revision(corpus)
    r.reword("H5", "下一步工作")
    comparison, expected = _compare(r, corpus)
    assert {"type": "reworded", "old": ["H5"], "new": ["H5"]}.items() <= next(
        c for c in expected if c["old"] == ["H5"]).items()
    change = next(c for c in comparison.changes if c.old == ("H5",))
    assert change.type == "reworded" and change.new == ("H5",)


def test_a_heading_dropped_in_one_place_and_another_added_elsewhere_stay_apart(corpus: Resolution) -> None:
    r = Revision(corpus)
    r.drop("H5")
    r.add("N1", "下一步工作", before="OP20", kind="heading")
    comparison, expected = _compare(r, corpus)
    assert [c.old for c in comparison.by_type("dropped")] == [("H5",)]
    added = next(c for c in expected if c["type"] == "added")
    assert [list(c.new) for c in comparison.by_type("added")] == [added["new"]]
    assert all(_found(comparison, c) for c in _nontrivial(expected))


def test_a_near_duplicate_added_after_its_model_stays_added(corpus: Resolution) -> None:
    r = Revision(corpus)
    r.sub("OP35", "尽量缩小数字鸿沟", "缩小数字鸿沟")
    r.add("N1", "又促请所有利益攸关方优先考虑拟订创新办法，促进为最不发达国家、内陆发展中国家和小岛屿发展中国家提供能"
                "普遍获得负担得起的宽带基础设施的条件，以确保发展一个具有包容性的信息社会；", after="OP35")
    comparison, expected = _compare(r, corpus)
    assert next(c for c in expected if c["type"] == "added")["new"] == ["OP36"]
    assert not comparison.by_type("split")
    assert [c.new for c in comparison.by_type("added")] == [("OP36",)]


@pytest.mark.parametrize(("p", "mine", "takes"), [(0.999, 0.6, True), (0.6, 0.3, True), (0.55, 0.5, False)])
def test_an_alternative_is_weighed_by_its_odds(p: float, mine: float, takes: bool) -> None:
    # A group at 0.6 loses to an alternative at 0.999 (odds 999 against 1.5); at 0.55 against
    # 0.5 the odds are not twice.
    assert (decide._odds(p) > decide.SWAP_ODDS * decide._odds(mine)) is takes


def test_the_lead_insensitive_similarity_leaves_the_lead_out(corpus: Resolution) -> None:
    r = Revision(corpus)
    r.reword("OP6", "重申" + corpus["OP6"].text[len("回顾"):])
    text, _ = r.build()
    new = resdiff.parse(text)
    _, aligner, _, _ = engine.reading(corpus, new, Options())
    scorer = decide.Scorer(aligner)
    i = next(k for k, u in enumerate(corpus.units) if u.id == "OP6")
    assert scorer.body_similarity(i, i) == 1.0
    assert float(aligner.sim[i, i]) < 1.0
    assert np.isclose(scorer.margin(i, i), float(aligner.sim[i, i]) - max(
        float(np.delete(aligner.sim[i], i).max()), float(np.delete(aligner.sim[:, i], i).max())))
