"""Timing shared by the benchmarks: the median of several runs (the machine is noisy)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median(fn: Callable[[], object], repeat: int) -> float:
    """The median wall time of ``repeat`` calls of ``fn``, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
