"""Merges the scored decision finds beyond the aligner's (issue 10): parts far apart with the merged
paragraph where the later part stood, parts heavily cut, three-way merges; and the reverse, a
paragraph dropped next to a neighbour written on its pattern and updated in place, which is
not a merge.

Every revision here is ILLUSTRATIVE (示意性修订，非正式文本): edits of the corpus text made with
``tests/evalset/revise.py``, not an official text.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import resdiff
from resdiff import decide, engine
from resdiff.model import Resolution
from resdiff.options import DEFAULT_OPTIONS

sys.path.insert(0, str(Path(__file__).resolve().parent / "evalset"))
from revise import Revision, body, without_lead


def _first_clauses(text: str, n: int) -> str:
    """The lead and the first ``n`` clauses of a paragraph: a part cut down when merged."""
    return "，".join(body(text).split("，")[:n])


def _merges(comparison: resdiff.Comparison) -> list[tuple[set[str], set[str], bool]]:
    return [(set(c.old), set(c.new), c.moved) for c in comparison.by_type("merged")]


def _expected_merges(expected: list[dict[str, object]]) -> list[tuple[set[str], set[str], bool]]:
    return [(set(c["old"]), set(c["new"]), bool(c["moved"])) for c in expected  # type: ignore[call-overload]
            if c["type"] == "merged"]


@pytest.mark.parametrize(("first", "second", "clauses"),
                         [("OP6", "OP20", 3), ("OP15", "OP27", 3), ("OP8", "OP30", 2), ("OP22", "OP40", 2)])
def test_a_merge_written_where_the_later_part_stood_is_found_and_moved(corpus: Resolution, first: str,
                                                                         second: str, clauses: int) -> None:
    # The first part, cut to its lead and opening clauses, joined to the second part where the
    # second stood, twelve or more paragraphs later: the aligner reads the second reworded and
    # the first dropped.
    r = Revision(corpus)
    text = _first_clauses(corpus[first].text, clauses) + "，并" + without_lead(corpus[second].text)
    at = r._at(second)
    r.merge([first, second], text)
    slot = r.slots.pop(r._at(first))
    r.slots.insert(at - 1, slot)
    built, expected = r.build()
    new = resdiff.parse(built)
    want = _expected_merges(expected)
    assert want == [({first, second}, {slot.new_id}, True)]
    assert _merges(resdiff.compare(corpus, new)) == want


def test_a_three_way_merge_with_a_part_cut_short_is_found(corpus: Resolution) -> None:
    # OP14, OP15 and OP16 merged, the last two cut to their lead and first clause: the aligner
    # reads a merge of OP14 and OP16 and OP15 dropped.
    r = Revision(corpus)
    texts = [corpus[uid].text for uid in ("OP14", "OP15", "OP16")]
    text = (body(texts[0]) + "，并" + without_lead(_first_clauses(texts[1], 2)) + "，并"
            + without_lead(_first_clauses(texts[2], 2)) + "；")
    r.merge(["OP14", "OP15", "OP16"], text)
    built, expected = r.build()
    comparison = resdiff.compare(corpus, resdiff.parse(built))
    assert _merges(comparison) == _expected_merges(expected) == [({"OP14", "OP15", "OP16"}, {"OP14"}, False)]


def _patterned(corpus: Resolution, first: str, second: str) -> Resolution:
    """The corpus text with ``second`` rewritten on the pattern of ``first`` (its years a year
    later): two neighbours on one pattern, as yearly texts have them."""
    r = Revision(corpus)
    text = corpus[first].text.replace("2012", "2013").replace("第七次", "第八次")
    r.reword(second, text)
    return resdiff.parse(r.build()[0])


def test_a_paragraph_dropped_next_to_its_pattern_neighbour_updated_in_place_is_no_merge(corpus: Resolution) -> None:
    # Two meetings noted in one pattern: next year the first is dropped and the second updated
    # (a year later, a clause added). Most of the updated paragraph's words
    # are in both old ones, so it looks like a merge of the two; it is not: the dropped one
    # brings nothing of its own.
    old = _patterned(corpus, "OP31", "OP32")
    r = Revision(old)
    r.drop("OP31")
    updated = body(old["OP32"].text.replace("2013", "2014")) + "，并欢迎论坛下一次会议的筹备进程；"
    r.reword("OP32", updated)
    built, expected = r.build()
    comparison = resdiff.compare(old, resdiff.parse(built))
    assert not _expected_merges(expected)
    assert not comparison.by_type("merged")
    assert [c.old for c in comparison.by_type("dropped")] == [("OP31",)]


def test_what_each_part_brings_to_a_merge(corpus: Resolution) -> None:
    # Two paragraphs of different subjects merged: each brings words of its own, shares few with
    # the other, and is found in the merge far more than anywhere else. A paragraph dropped
    # next to its pattern neighbour brings almost nothing of its own.
    r = Revision(corpus)
    r.merge(["OP20", "OP21"], body(corpus["OP20"].text) + "，并" + without_lead(corpus["OP21"].text))
    new = resdiff.parse(r.build()[0])
    _, aligner, _, items = engine.reading(corpus, new, DEFAULT_OPTIONS)
    scorer = decide.Scorer(aligner)
    scorer.set_reading(items)
    index = {u.id: k for k, u in enumerate(corpus.units)}
    whole = next(k for k, u in enumerate(new.units) if u.id == "OP20")
    own, shared, contrast = scorer.parts_evidence(whole, [index["OP20"], index["OP21"]], merge=True)
    assert own >= 0.2 and shared <= 0.3 and contrast >= 0.5
    assert scorer.parts_hold(whole, [index["OP20"], index["OP21"]], merge=True)

    old = _patterned(corpus, "OP31", "OP32")
    r = Revision(old)
    r.drop("OP31")
    r.reword("OP32", body(old["OP32"].text.replace("2013", "2014")) + "，并欢迎论坛下一次会议的筹备进程；")
    new = resdiff.parse(r.build()[0])
    _, aligner, _, items = engine.reading(old, new, DEFAULT_OPTIONS)
    scorer = decide.Scorer(aligner)
    scorer.set_reading(items)
    whole = next(k for k, u in enumerate(new.units) if u.id == "OP31")
    assert items.count(((index["OP31"],), ())) == 1  # the aligner reads the drop
    own, shared, _ = scorer.parts_evidence(whole, [index["OP31"], index["OP32"]], merge=True)
    assert own < 0.05 and shared > 0.8
    assert not scorer.parts_hold(whole, [index["OP31"], index["OP32"]], merge=True)
    assert scorer.adds_to_best(index["OP31"], added=False) < 0.05


def test_the_generator_writes_the_merges_and_the_drops_the_model_learns_from() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from revisions import generate

    ops: list[str] = []
    rolled = []
    for lab in generate(60, seed=11):
        ops.extend(lab.ops)
        for op in lab.ops:
            if op.startswith("roll-forward"):
                gone, kept = op.split()[1].split(">")
                rolled.append((gone, kept, lab.expected))
    kinds = {op.split()[0] for op in ops}
    assert {"merge-three-way", "merge-from-afar", "roll-forward"} <= kinds
    assert any(op.endswith("at-last") for op in ops)
    assert rolled
    for gone, kept, expected in rolled:
        # Labelled as one paragraph dropped and its neighbour reworded, never as a merge.
        assert {"type": "dropped", "old": [gone]}.items() <= next(c for c in expected if gone in c["old"]).items()
        assert not any(len(c["old"]) > 1 for c in expected if kept in c["old"])


#: The second Forum paragraph of the corpus (this year's meeting welcomed) rewritten, once that
#: meeting was held, in the form of the first (last year's noted), with its own host, dates and
#: ordinal; the theme is invented (示意性修订，非正式文本).
_HELD = ("注意到由印度尼西亚政府于2013年10月22日至25日在巴厘努沙杜瓦主办的主题为“加强合作，共建包容的数字未来”"
         "的因特网治理论坛第八次会议，并注意到会议筹备进程已考虑到委员会工作组报告中关于改进因特网治理论坛的建议；")
_HELD_SHORT = "注意到印度尼西亚政府于2013年10月22日至25日在巴厘努沙杜瓦主办了因特网治理论坛第八次会议；"


@pytest.mark.parametrize("updated", [_HELD, _HELD_SHORT])
def test_a_neighbour_updated_in_the_dropped_ones_form_is_no_merge(corpus: Resolution, updated: str) -> None:
    # OP31 (the seventh Forum noted) dropped; OP32 (the eighth welcomed) updated in place in
    # OP31's form, its lead taken: the updated paragraph shares OP31's wording, not one of its
    # specifics (host, venue, dates, theme). A roll-forward, not a merge of the two.
    r = Revision(corpus)
    r.drop("OP31")
    r.reword("OP32", updated)
    built, expected = r.build()
    new = resdiff.parse(built)
    assert not _expected_merges(expected)
    comparison = resdiff.compare(corpus, new)
    assert not comparison.by_type("merged")
    assert [c.old for c in comparison.by_type("dropped")] == [("OP31",)]
    assert [(c.old, c.new) for c in comparison.changes if c.old == ("OP32",)] == [(("OP32",), ("OP31",))]

    _, aligner, _, _ = engine.reading(corpus, new, DEFAULT_OPTIONS)
    scorer = decide.Scorer(aligner)
    index = {u.id: k for k, u in enumerate(corpus.units)}
    whole = next(k for k, u in enumerate(new.units) if u.id == "OP31")
    parts = (index["OP31"], index["OP32"])
    assert scorer.parts_kept(whole, parts) < decide.ROLL_KEPT
    assert scorer.rolled_forward((parts, (whole,)))


def test_a_merge_of_two_patterned_paragraphs_keeps_both_specifics(corpus: Resolution) -> None:
    # The two Forum paragraphs merged into one that keeps both meetings' hosts and dates: a
    # merge, though the parts are written on one pattern.
    r = Revision(corpus)
    text = ("注意到由阿塞拜疆政府于2012年11月6日至9日在巴库主办的因特网治理论坛第七次会议，"
            "并欢迎印度尼西亚政府将主办定于2013年10月22日至25日在巴厘努沙杜瓦举行的论坛第八次会议；")
    r.merge(["OP31", "OP32"], text)
    new = resdiff.parse(r.build()[0])
    _, aligner, _, _ = engine.reading(corpus, new, DEFAULT_OPTIONS)
    scorer = decide.Scorer(aligner)
    index = {u.id: k for k, u in enumerate(corpus.units)}
    whole = next(k for k, u in enumerate(new.units) if u.id == "OP31")
    parts = (index["OP31"], index["OP32"])
    assert scorer.parts_kept(whole, parts) >= 0.5
    assert not scorer.rolled_forward((parts, (whole,)))
    assert _merges(resdiff.compare(corpus, new)) == [({"OP31", "OP32"}, {"OP31"}, False)]


#: Parts of a heavy merge across two kept paragraphs: the second part cut down to a clause of its
#: own, reworded (示意性修订，非正式文本).
_CONDENSED = {
    ("OP11", "OP14"): "在许多发展中国家，绝大多数民众仍然得不到或负担不起信息和通信技术，特别是农村地区的民众",
    ("OP17", "OP19"): "并注意到继续出现电子环境应用、云计算和移动互联网等各种主题",
}


def _condensed_merge(corpus: Resolution, first: str, second: str) -> tuple[resdiff.Comparison, list]:  # type: ignore[type-arg]
    # The first part cut to its opening and closing clauses, the second (two paragraphs further
    # on) to a clause, merged where the first stood: less than a third of the second part is
    # found in the merge, but more than anywhere else. The aligner reads the first reworded and
    # the second dropped; the decision weighs the merge.
    clauses = body(corpus[first].text).split("，")
    text = clauses[0] + "，" + _CONDENSED[first, second] + "，" + clauses[-1] + "；"
    r = Revision(corpus)
    r.merge([first, second], text)
    built, expected = r.build()
    want = _expected_merges(expected)
    assert want == [({first, second}, {first}, False)]
    return resdiff.compare(corpus, resdiff.parse(built)), want


def test_a_heavy_merge_across_two_kept_paragraphs_is_found(corpus: Resolution) -> None:
    comparison, want = _condensed_merge(corpus, "OP11", "OP14")
    assert _merges(comparison) == want


def test_a_doubtful_heavy_merge_is_offered_and_marked_to_check(corpus: Resolution) -> None:
    # OP17 + OP19: the models of this session's last refit (04c06c6) prefer, narrowly, OP17
    # reworded and OP19 dropped (0.89 and 0.80 against the merge's 0.77) — the merge of the
    # rounds before was taken. What must hold either way: the merge is the other reading of both
    # changes, and the dropped part is marked for a check.
    comparison, want = _condensed_merge(corpus, "OP17", "OP19")
    if _merges(comparison) == want:
        return
    threshold = resdiff.Options().check_threshold
    touched = [c for c in comparison.changes if {"OP17", "OP19"} & set(c.old)]
    assert [(c.type, c.old) for c in touched] == [("reworded", ("OP17",)), ("dropped", ("OP19",))]
    for change in touched:
        offered = [[(set(x.old), set(x.new), x.moved) for x in alt if x.type == "merged"]
                   for alt in change.alternatives]
        assert want in offered
    assert touched[1].confidence < threshold
