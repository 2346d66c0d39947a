"""Moves the scored decision keeps beside the merges (issue 10): a paragraph moved far, re-led and
reworded is told from the part of a merge read as its whole (the pair feature ``moved_rest``),
and a move the single model is sure of on both sides is taken from a lower floor.

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
from revise import Revision, body, without_lead


def _scorer(old: Resolution, new: Resolution) -> decide.Scorer:
    _, aligner, _, items = engine.reading(old, new, DEFAULT_OPTIONS)
    scorer = decide.Scorer(aligner)
    scorer.set_reading(items)
    return scorer


def test_the_rest_of_a_merge_is_found_elsewhere_the_rest_of_a_move_is_not(corpus: Resolution) -> None:
    index = {u.id: k for k, u in enumerate(corpus.units)}
    # OP20 and OP21 merged: OP21 (the shorter) read as the whole leaves OP20's words, which
    # OP20 holds.
    r = Revision(corpus)
    merged = body(corpus["OP21"].text) + "，并" + without_lead(corpus["OP20"].text)
    r.merge(["OP21", "OP20"], merged)
    new = resdiff.parse(r.build()[0])
    scorer = _scorer(corpus, new)
    whole = next(k for k, u in enumerate(new.units) if u.text == merged)
    merged_rest = scorer.rest_elsewhere(index["OP21"], whole)
    assert merged_rest >= 0.5

    # OP20 moved fifteen paragraphs on, re-led, a clause of new wording added: its new words
    # are new, found in no other paragraph.
    r = Revision(corpus)
    text = "强调" + body(without_lead(corpus["OP20"].text)) + "，并请各区域委员会每年审查这一进程的成果；"
    r.reword("OP20", text)
    r.move("OP20", after="OP35")
    new = resdiff.parse(r.build()[0])
    scorer = _scorer(corpus, new)
    at = next(k for k, u in enumerate(new.units) if u.text == text)
    moved_rest = scorer.rest_elsewhere(index["OP20"], at)
    assert moved_rest <= 0.1
    assert moved_rest < merged_rest

    item = ((index["OP20"],), (at,))
    features = dict(zip(decide.Scorer.NAMES["pair"], scorer.features(item, True)))
    assert features["moved_rest"] == moved_rest
    # Only a moved pair carries it: a pair in place is weighed as before.
    assert dict(zip(decide.Scorer.NAMES["pair"], scorer.features(item, False)))["moved_rest"] == 0.0


def test_a_move_both_of_whose_singles_are_unlikely_is_taken_from_the_lower_floor(corpus: Resolution) -> None:
    decider = decide.Decider(_scorer(corpus, corpus).a, decide.load_model())
    dropped, added = ((3,), ()), ((), (40,))
    pair = ((3,), (40,))
    alt = decide.Alternative(frozenset({dropped, added}), [(pair, True)])

    def floor(p_dropped: float, p_added: float) -> float:
        decider._cache.clear()
        decider._cache[(dropped, False)] = p_dropped
        decider._cache[(added, False)] = p_added
        return decider._floor(alt)

    assert decide.MOVE_FLOOR < decide.SWAP_FLOOR
    assert floor(0.01, 0.02) == decide.MOVE_FLOOR
    # Either single plausible on its own: the move must clear the usual floor.
    assert floor(0.01, 0.2) == decide.SWAP_FLOOR
    assert floor(0.3, 0.01) == decide.SWAP_FLOOR
    # A pair in place, or a partner swap, is never taken from the lower floor.
    assert decider._floor(decide.Alternative(frozenset({dropped, added}), [(pair, False)])) == decide.SWAP_FLOOR
    other = ((3,), (41,))
    decider._cache[(other, False)] = 0.01
    swap = decide.Alternative(frozenset({other, added}), [(pair, True), (((), (41,)), False)])
    assert decider._floor(swap) == decide.SWAP_FLOOR
