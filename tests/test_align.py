"""The alignment's building blocks, against naive references."""

from __future__ import annotations

from itertools import combinations, pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.align import weighted_lis

_PAIRS = st.dictionaries(
    st.tuples(st.integers(0, 9), st.integers(0, 9)),
    st.sampled_from([1.0, 0.5, 0.75, 0.3333]),
    max_size=14,
).map(lambda d: [(i, j, w) for (i, j), w in d.items()])


def _best_total(pairs: list[tuple[int, int, float]]) -> float:
    """Every subset tried: the largest total weight of a chain increasing in both i and j."""
    best = 0.0
    for r in range(1, len(pairs) + 1):
        for subset in combinations(sorted(pairs), r):
            if all(a[0] < b[0] and a[1] < b[1] for a, b in pairwise(subset)):
                best = max(best, sum(p[2] for p in subset))
    return best


@settings(max_examples=150, deadline=None)
@given(_PAIRS)
def test_weighted_lis_is_an_increasing_chain_of_the_largest_weight(pairs: list[tuple[int, int, float]]) -> None:
    chain = weighted_lis(pairs)
    assert all(a[0] < b[0] and a[1] < b[1] for a, b in pairwise(chain))
    assert set(chain) <= set(pairs)
    assert abs(sum(p[2] for p in chain) - _best_total(pairs)) < 1e-9


def test_weighted_lis_takes_one_pair_per_paragraph() -> None:
    assert weighted_lis([(0, 0, 1.0), (0, 1, 1.0), (1, 2, 1.0)]) == [(0, 0, 1.0), (1, 2, 1.0)]
    assert weighted_lis([]) == []
