"""Merges whose later part was condensed to its core (issue 10, round 2 of the blind batches b16–b18):
the second part cut down to a clause or two that shares a closing clause with the first, or to the
resolution it names, and two headings merged. The aligner reads them as the first part reworded
and the second dropped; the decision must propose the merge (the part brings a few words of its
own to the whole, which keeps its specifics, numbers included) and take it. And the reverse stays:
a paragraph dropped next to a neighbour written on its pattern and updated in place is no merge.

Every revision here is ILLUSTRATIVE (示意性修订，非正式文本): edits of the corpus text made with
``tests/evalset/revise.py``, not an official text.
"""

from __future__ import annotations

import sys
from pathlib import Path

import resdiff
from resdiff import decide, engine
from resdiff.model import Resolution
from resdiff.options import DEFAULT_OPTIONS

sys.path.insert(0, str(Path(__file__).resolve().parent / "evalset"))
from revise import Revision


def _merges(comparison: resdiff.Comparison) -> list[tuple[set[str], set[str]]]:
    return [(set(c.old), set(c.new)) for c in comparison.by_type("merged")]


def _expected_merges(expected: list[dict[str, object]]) -> list[tuple[set[str], set[str]]]:
    return [(set(c["old"]), set(c["new"])) for c in expected if c["type"] == "merged"]  # type: ignore[call-overload]


#: OP47 and OP48 of the corpus end on one clause (因为大会将于2015年全面审查…): merged, OP48 cut to
#: its core, written in before the clause both shared, which the whole keeps once.
SHARED_CLOSE = ("请委员会从主持人和利益攸关方那里收集意见，在其2014年第十七届会议期间就落实世界首脑会议成果"
                "方面的进展情况组织一次实质性讨论，并在该届会议后通过经社理事会向大会提交十周年进度审查报告，"
                "因为大会将于2015年全面审查世界首脑会议成果的落实情况；")


def test_a_second_part_cut_to_its_core_before_a_shared_closing_clause_is_merged(corpus: Resolution) -> None:
    r = Revision(corpus)
    r.merge(["OP47", "OP48"], SHARED_CLOSE)
    built, expected = r.build()
    comparison = resdiff.compare(corpus, resdiff.parse(built))
    assert _merges(comparison) == _expected_merges(expected) == [({"OP47", "OP48"}, {"OP47"})]
    assert not comparison.by_type("dropped")


def test_the_condensed_part_brings_little_of_its_own_yet_holds(corpus: Resolution) -> None:
    # What the aligner's test and the decision's looser one see: OP48 brings less than OWN_FLOOR of
    # the whole that OP47 does not (the closing clause is both parts'), but a share of what OP47
    # leaves, and the whole keeps OP48's specifics (十周年, 进度).
    r = Revision(corpus)
    r.merge(["OP47", "OP48"], SHARED_CLOSE)
    new = resdiff.parse(r.build()[0])
    _, aligner, _, _ = engine.reading(corpus, new, DEFAULT_OPTIONS)
    scorer = decide.Scorer(aligner)
    old = [corpus.units.index(corpus[uid]) for uid in ("OP47", "OP48")]
    whole = new.units.index(new["OP47"])
    own, shared, _ = scorer.parts_evidence(whole, old, merge=True)
    assert own < decide.OWN_FLOOR and shared > decide.ROLL_SHARED
    kept, specific = scorer.specifics_kept(whole, old)
    assert specific and kept >= decide.ROLL_KEPT
    assert scorer.condensed_hold(whole, old) and scorer.parts_hold(whole, old, merge=True)
    assert not scorer.rolled_forward((tuple(old), (whole,)))


def test_a_part_cut_to_the_resolution_it_names_keeps_its_number(corpus: Resolution) -> None:
    # PP3 merged into PP2, cut to the resolution it recalls: the words of the two match at the
    # masked dates and numbers, so only the number itself (2012/5) tells PP3's part is kept.
    r = Revision(corpus)
    r.merge(["PP2", "PP3"], corpus["PP2"].text[:-1] + "，以及2012年7月24日第2012/5号决议，")
    new = resdiff.parse(r.build()[0])
    _, aligner, _, _ = engine.reading(corpus, new, DEFAULT_OPTIONS)
    scorer = decide.Scorer(aligner)
    old = [corpus.units.index(corpus[uid]) for uid in ("PP2", "PP3")]
    whole = new.units.index(new["PP2"])
    assert "2012/5" in scorer.numbers(True, old[1]) & scorer.numbers(False, whole)
    kept, specific = scorer.specifics_kept(whole, old)
    assert specific and kept >= decide.ROLL_KEPT
    assert not scorer.rolled_forward((tuple(old), (whole,)))


def test_two_headings_merged_are_one_merge(corpus: Resolution) -> None:
    r = Revision(corpus)
    r.merge(["H2", "H3"], "因特网治理和加强合作")
    built, expected = r.build()
    comparison = resdiff.compare(corpus, resdiff.parse(built))
    assert _merges(comparison) == _expected_merges(expected) == [({"H2", "H3"}, {"H2"})]


def test_a_heading_that_takes_in_a_third_is_no_merge_of_two(corpus: Resolution) -> None:
    # The new heading holds H2, H3 and H4's words: not the two joined, so no two-heading merge is
    # proposed (the three headings' reading is the aligner's).
    r = Revision(corpus)
    r.merge(["H2", "H3", "H4"], "因特网治理：加强合作和因特网治理论坛")
    new = resdiff.parse(r.build()[0])
    _, aligner, _, items = engine.reading(corpus, new, DEFAULT_OPTIONS)
    scorer = decide.Scorer(aligner)
    scorer.set_reading(items)
    proposed = [alt for alt in decide.candidates(items, scorer)
                if any(len(o) == 2 and all(aligner.old[k].kind == "heading" for k in o) for (o, n), _ in alt.items)]
    assert proposed == []


def test_a_paragraph_dropped_next_to_a_neighbour_updated_on_its_pattern_stays_a_drop(corpus: Resolution) -> None:
    # The reverse (a roll-forward): OP51 (the youth summit) dropped, OP52 (the +10 event) noted as
    # held, written in OP51's form (表示注意到…组办的…). OP51 keeps none of its specifics (host,
    # dates): a drop and a rewrite, not a merge.
    r = Revision(corpus)
    r.drop("OP51")
    r.reword("OP52", "表示注意到由国际电信联盟协调、与联合国教育、科学及文化组织共同组办的“信息社会世界首脑会议"
                     "+10高级别活动”于2014年6月10日至13日在日内瓦举行，该活动审查了落实世界首脑会议成果方面的进展。")
    built, expected = r.build()
    comparison = resdiff.compare(corpus, resdiff.parse(built))
    assert _merges(comparison) == _expected_merges(expected) == []
