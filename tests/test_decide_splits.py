"""Splits the scored decision finds beyond the aligner's (issue 10, second round): a part written
far from the rest, the mirror of a merge's part moved from afar; and the reverse, a paragraph
written on the pattern of another far from it, which is added, not a part.

Every revision here is ILLUSTRATIVE (示意性修订，非正式文本): edits of the corpus text made with
``tests/evalset/revise.py``, not an official text.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

import resdiff
from resdiff import decide
from resdiff.model import Resolution

sys.path.insert(0, str(Path(__file__).resolve().parent / "evalset"))
from revise import Revision, body, without_lead


def _splits(comparison: resdiff.Comparison) -> list[tuple[set[str], set[str]]]:
    return [(set(c.old), set(c.new)) for c in comparison.by_type("split")]


def _far_split(corpus: Resolution, uid: str, cut: str, lead: str, after: str) -> tuple[Resolution, list[dict[str, object]]]:
    """``uid`` cut at ``cut`` in two, the second part given ``lead`` and written after ``after``."""
    r = Revision(corpus)
    text = corpus[uid].text
    at = text.index(cut)
    first, second = body(text[:at]) + "；", lead + body(text[at + len(cut):]) + "；"
    r.split(uid, [first, second])
    r.move(f"{uid}/2", after=after)
    built, expected = r.build()
    return resdiff.parse(built), expected


@pytest.mark.parametrize(("uid", "cut", "lead", "after"),
                         [("OP4", "，鼓励所有利益攸关方", "鼓励所有利益攸关方", "OP40"),
                          ("OP20", "，并强调，", "强调", "OP45"),
                          ("OP17", "，并提请注意", "提请注意", "OP36")])
def test_a_split_whose_part_was_written_far_away_is_found(corpus: Resolution, uid: str, cut: str, lead: str,
                                                          after: str) -> None:
    # The aligner pairs the first part with the whole and leaves the far part added.
    new, expected = _far_split(corpus, uid, cut, lead, after)
    want = [(set(c["old"]), set(c["new"])) for c in expected if c["type"] == "split"]  # type: ignore[call-overload]
    assert len(want) == 1 and len(want[0][1]) == 2
    comparison = resdiff.compare(corpus, new)
    assert _splits(comparison) == want
    assert not comparison.by_type("added")


def test_a_paragraph_written_far_away_on_the_pattern_of_another_is_added(corpus: Resolution) -> None:
    # Next year's Forum welcomed in a new paragraph far from the one noting this year's, on its
    # pattern: its words are all found in that paragraph, but it brings none of its own.
    r = Revision(corpus)
    text = corpus["OP31"].text.replace("2012", "2013").replace("第七次", "第八次").replace("注意到", "欢迎", 1)
    assert text != corpus["OP31"].text
    r.add("N1", text, after="OP45")
    new = resdiff.parse(r.build()[0])
    comparison = resdiff.compare(corpus, new)
    assert not comparison.by_type("split")
    assert [c.new for c in comparison.by_type("added")] == [(new.units[[u.text for u in new.units].index(text)].id,)]


def test_far_parts_are_tried_only_where_the_words_clearly_come_from(corpus: Resolution) -> None:
    # The candidate is bounded: one old paragraph per added one, and none when the added
    # paragraph's words are found nearly as much in another old paragraph.
    new, _ = _far_split(corpus, "OP4", "，鼓励所有利益攸关方", "鼓励所有利益攸关方", "OP40")
    texts = resdiff.engine.reading(corpus, new, resdiff.Options())
    aligner, items = texts[1], texts[3]
    scorer = decide.Scorer(aligner)
    scorer.set_reading(items)
    dropped = [o[0] for o, n in items if not n]
    added = [n[0] for o, n in items if not o]
    by_old = {i: item for item in items if item[0] and item[1] for i in item[0]}
    found = decide._far_split_candidates(added, by_old, scorer)
    assert len(found) == 1
    (replaces, (whole,)) = found[0]
    assert [aligner.old[i].id for i in whole[0]] == ["OP4"]
    assert len(whole[1]) == 2
    assert not dropped or all(not (o and not n) for o, n in replaces)


def test_the_generator_writes_splits_with_a_part_far_away() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from revisions import generate

    far = []
    for lab in generate(80, seed=5):
        far.extend((op.split()[1], lab) for op in lab.ops if op.startswith("split") and op.endswith(" far"))
    assert far
    for uid, lab in far:
        # Labelled as one split whose parts do not stand together in the new text.
        (split,) = [c for c in lab.expected if c["old"] == [uid]]
        assert split["type"] == "split"
        at = [[u.id for u in lab.new.units].index(n) for n in split["new"]]
        assert max(at) - min(at) >= len(at) + 2


def _kind_changed(corpus: Resolution, uid: str) -> Resolution:
    """Preambular ``uid`` turned operative at the end, re-led (赞赏地注意到) and its clauses reversed."""
    r = Revision(corpus)
    clauses = body(without_lead(corpus[uid].text)).split("，")
    r.drop(uid)
    r.add("N1", "赞赏地注意到" + "，".join(clauses[::-1]) + "；", after="OP52", kind="operative")
    return resdiff.parse(r.build()[0])


def test_a_kind_change_is_judged_on_its_rare_wording_beyond_its_rivals(corpus: Resolution) -> None:
    # Across the preamble's edge the lead changes by rule; what the pair shares of its rare
    # wording, beyond what either shares with its most alike other paragraphs, tells it moved.
    new = _kind_changed(corpus, "PP6")
    _, aligner, _, items = resdiff.engine.reading(corpus, new, resdiff.Options())
    decider = decide.Decider(aligner, decide.load_model())
    decider.scorer.set_reading(items)
    i = [u.id for u in aligner.old].index("PP6")
    j = len(aligner.new) - 1
    assert aligner.new[j].kind == "operative"
    margin = decider.scorer.content_margin(i, j)
    assert margin >= decide.CONTENT_MARGIN
    # Another preambular paragraph read as that operative one shares less than its rivals do.
    other = [u.id for u in aligner.old].index("PP2")
    assert decider.scorer.content_margin(other, j) < 0
    moved = decide.Alternative(frozenset([((i,), ()), ((), (j,))]), [(((i,), (j,)), True)])
    assert decider._kind_change_clear(moved)
    assert decider._floor(moved) == decide.MOVE_FLOOR
    kept = decide.Alternative(frozenset([((other,), ()), ((), (j,))]), [(((other,), (j,)), True)])
    assert not decider._kind_change_clear(kept)
    # The feature the model weighs is the same measure, for moved and kind-changed pairs only.
    names = decide.Scorer.NAMES["pair"]
    at = names.index("moved_content_margin")
    assert decider.scorer.features(((i,), (j,)), True)[at] == margin


def test_the_best_entry_outside_one_position() -> None:
    row = np.array([0.2, 0.9, 0.5], dtype=np.float32)
    assert decide._best_outside(row, 1) == (2, pytest.approx(0.5))
    assert decide._best_outside(row, 0) == (1, pytest.approx(0.9))
    # A text of one paragraph has no other: no position, and nothing found there.
    assert decide._best_outside(np.array([0.7]), 0) == (-1, 0.0)
