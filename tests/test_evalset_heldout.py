"""The held-out cases (tests/evalset-heldout): valid expected lists. Their scores are measured by
``python bench/evaluate.py --cases tests/evalset-heldout``, not asserted: they are not tuned on."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "evalset"))

from scoring import load_cases, partition_errors  # noqa: E402

import resdiff  # noqa: E402

CASES = load_cases(HERE / "evalset-heldout")


def test_there_are_held_out_cases() -> None:
    assert len(CASES) >= 6


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_expected_list_is_a_partition(case) -> None:  # type: ignore[no-untyped-def]
    old, new = resdiff.parse(case.old_text), resdiff.parse(case.new_text)
    assert partition_errors(case.expected, old, new) == []
