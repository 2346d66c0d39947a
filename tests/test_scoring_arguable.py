"""The lenient figure of ``bench/evaluate.py``: a reading the case's author declared arguable before
the first run counts as right only when the prediction has the whole alternative exactly."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "evalset"))

from scoring import Tally, with_arguable


def _c(kind: str, old: list[str], new: list[str], **flags: object) -> dict[str, object]:
    return {"type": kind, "old": old, "new": new, "moved": flags.get("moved", False),
            "routine": flags.get("routine", False), "lead_shift": flags.get("lead_shift")}


EXPECTED = [_c("unchanged", ["OP1"], ["OP1"], lead_shift="same"), _c("dropped", ["OP2"], []),
            _c("reworded", ["OP3"], ["OP2"], lead_shift="same"), _c("added", [], ["OP3"])]
SLOTS = [_c("reworded", ["OP2"], ["OP2"], lead_shift="same"), _c("reworded", ["OP3"], ["OP3"], lead_shift="same")]
ARGUABLE = [{"expected": [{"old": ["OP2"], "new": []}, {"old": ["OP3"], "new": ["OP2"]}, {"old": [], "new": ["OP3"]}],
             "alternative": SLOTS, "reason": "read slot by slot"}]


def _exact(expected: list[dict[str, object]], predicted: list[dict[str, object]]) -> float | None:
    tally = Tally()
    tally.add(expected, predicted)
    return tally.scores()["nontrivial_exact"]


def test_the_declared_reading_counts_when_the_prediction_has_all_of_it() -> None:
    predicted = [EXPECTED[0], *SLOTS]
    lenient = with_arguable(EXPECTED, ARGUABLE, predicted)
    assert sorted(map(str, lenient)) == sorted(map(str, [EXPECTED[0], *SLOTS]))
    assert _exact(EXPECTED, predicted) == 0.0 and _exact(lenient, predicted) == 1.0


def test_half_of_the_alternative_is_not_enough() -> None:
    predicted = [EXPECTED[0], SLOTS[0], _c("dropped", ["OP3"], []), _c("added", [], ["OP3"])]
    assert with_arguable(EXPECTED, ARGUABLE, predicted) == EXPECTED
    # nor the alternative with another flag (a lead shift the author did not declare)
    other = [EXPECTED[0], SLOTS[0], {**SLOTS[1], "lead_shift": "stronger"}]
    assert with_arguable(EXPECTED, ARGUABLE, other) == EXPECTED


def test_an_entry_that_does_not_cover_the_same_paragraphs_is_ignored() -> None:
    wrong = [{**ARGUABLE[0], "alternative": SLOTS[:1]}]  # OP3 of both texts left out
    assert with_arguable(EXPECTED, wrong, [EXPECTED[0], *SLOTS]) == EXPECTED
    unknown = [{**ARGUABLE[0], "expected": [{"old": ["OP9"], "new": []}]}]
    assert with_arguable(EXPECTED, unknown, [EXPECTED[0], *SLOTS]) == EXPECTED


def test_an_arguable_reading_stated_in_words_is_ignored() -> None:
    # the older cases of tests/evalset say in a sentence what a delegate could also read
    assert with_arguable(EXPECTED, ["OP2 could be read as reworded"], [EXPECTED[0], *SLOTS]) == EXPECTED


def test_the_evaluation_runs_on_every_set_of_cases() -> None:
    from scoring import load_cases

    root = Path(__file__).resolve().parent
    folders = ("evalset", "evalset-heldout", "evalset-blind", "evalset-blind2", "evalset-blind3", "evalset-blind4",
               "evalset-blind5", "evalset-blind6", "evalset-blind7", "evalset-blind8", "evalset-blind9", "evalset-blind10",
               "evalset-blind11", "evalset-blind12",
               "evalset-en-blind", "evalset-en")
    for folder in folders:
        for case in load_cases(root / folder):
            with_arguable(case.expected, case.info.get("arguable", []), case.expected)
