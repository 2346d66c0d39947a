"""Splits whose parts the reading took apart (issue 10, round 4): a paragraph cut in three whose
middle (or last) part was so reworded that little of the old paragraph is left in it, read as a
two-way split and an added paragraph; and a paragraph cut into a chapeau and lettered
sub-paragraphs next to a neighbour that was dropped, read as the chapeau added and the
sub-paragraphs the old paragraph and its neighbour reworded.

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

#: OP11 of the corpus cut in three: the first clause kept, the middle one (the obstacles) written
#: up anew with another lead, keeping little of the old words, the last one (the call) kept.
THREE = ("确认信息和通信技术带来了新的机遇和挑战，当前迫切需要消除发展中国家在获取新技术方面的主要障碍；",
         "关切地注意到，缺乏有利环境和投资仍然使许多国家的妇女、青年和农村社区无法充分参与数字经济，也无法从中受益；",
         "吁请所有利益攸关方向发展中国家，特别是向最不发达国家，提供充足的资源，加强能力建设及技术和知识转让；")

#: OP34 of the corpus cut into a chapeau of its lead and who is asked, and two sub-paragraphs.
CHAPEAU = ("吁请所有利益攸关方：", "继续优先关注弥合不同形式的数字鸿沟，实施有助于电子政务发展的合理战略；",
           "继续把重点放在有利于穷人的信息和通信技术政策及应用方案，包括在基层一级接入宽带，以期缩小国家之间和各国内部的数字鸿沟；")


def _split(corpus: Resolution, uid: str, texts: tuple[str, ...], *, subs: bool = False,
           drop: str | None = None) -> tuple[Resolution, list[tuple[str, tuple[str, ...], tuple[str, ...]]]]:
    r = Revision(corpus)
    r.split(uid, list(texts))
    if subs:
        for k in range(2, len(texts) + 1):
            r[f"{uid}/{k}"].sub = True
    if drop:
        r.drop(drop)
    built, expected = r.build()
    want = [(c["type"], tuple(c["old"]), tuple(c["new"])) for c in expected
            if c["type"] in ("split", "dropped")]
    return resdiff.parse(built), want


def _changes(comparison: resdiff.Comparison) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [(c.type, c.old, c.new) for c in comparison.changes if c.type in ("split", "dropped", "added")]


def test_a_three_way_split_with_a_much_reworded_middle_part_is_found(corpus: Resolution) -> None:
    # Before: split OP11 → OP11, OP13 and OP12 added (a fifth of its words from OP11).
    new, want = _split(corpus, "OP11", THREE)
    assert want == [("split", ("OP11",), ("OP11", "OP12", "OP13"))]
    assert _changes(resdiff.compare(corpus, new)) == want


def test_the_added_paragraph_between_two_parts_of_a_split_is_a_candidate_part(corpus: Resolution) -> None:
    new, _ = _split(corpus, "OP11", THREE)
    _, aligner, _, items = engine.reading(corpus, new, DEFAULT_OPTIONS)
    scorer = decide.Scorer(aligner)
    scorer.set_reading(items)
    at = {u.id: k for k, u in enumerate(new.units)}
    i = next(k for k, u in enumerate(corpus.units) if u.id == "OP11")
    proposed = [alt.items[0][0] for alt in decide.candidates(items, scorer) if len(alt.items) == 1]
    assert ((i,), (at["OP11"], at["OP12"], at["OP13"])) in proposed


def test_a_chapeau_split_taken_apart_with_a_dropped_neighbour_is_a_candidate(corpus: Resolution) -> None:
    # OP34 cut into a chapeau and two sub-paragraphs, its neighbour OP35 dropped; the reading
    # that took it apart (the chapeau added, OP34 → OP34(a), OP35 → OP34(b)) is given the split
    # of OP34 with OP35 dropped as another reading. Before: no such reading was proposed.
    new, want = _split(corpus, "OP34", CHAPEAU, subs=True, drop="OP35")
    assert want == [("split", ("OP34",), ("OP34", "OP34(a)", "OP34(b)")), ("dropped", ("OP35",), ())]
    _, aligner, _, items = engine.reading(corpus, new, DEFAULT_OPTIONS)
    old_at = {u.id: k for k, u in enumerate(corpus.units)}
    new_at = {u.id: k for k, u in enumerate(new.units)}
    i, d = old_at["OP34"], old_at["OP35"]
    j, ja, jb = new_at["OP34"], new_at["OP34(a)"], new_at["OP34(b)"]
    apart = [((), (j,)), ((i,), (ja,)), ((d,), (jb,))]
    items = [(o, n) for o, n in items if not ({i, d} & set(o) or {j, ja, jb} & set(n))] + apart
    scorer = decide.Scorer(aligner)
    scorer.set_reading(items)
    proposed = [(alt.replaces, [item for item, _ in alt.items]) for alt in decide.candidates(items, scorer)]
    assert (frozenset(apart), [((i,), (j, ja, jb)), ((d,), ())]) in proposed


def test_a_partial_list_is_some_of_a_chapeau_and_its_sub_paragraphs(corpus: Resolution) -> None:
    new, _ = _split(corpus, "OP34", CHAPEAU, subs=True)
    at = {u.id: k for k, u in enumerate(new.units)}
    assert decide._partial_list(new.units, [at["OP34"], at["OP34(a)"]])
    assert decide._partial_list(new.units, [at["OP34(a)"], at["OP34(b)"]])
    assert not decide._partial_list(new.units, [at["OP34"], at["OP34(a)"], at["OP34(b)"]])
    assert not decide._partial_list(new.units, [at["OP33"], at["OP35"]])
