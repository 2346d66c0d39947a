"""Timing shared by the benchmarks: the median of several runs (the machine is noisy), and the
summaries of repeated fresh-process measurements (min, median, spread; growth exponents with a
bootstrap interval)."""

from __future__ import annotations

import math
import random
import statistics
import time
from collections.abc import Callable, Sequence


def median(fn: Callable[[], object], repeat: int) -> float:
    """The median wall time of ``repeat`` calls of ``fn``, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def spread(values: Sequence[float]) -> dict[str, float]:
    """``min``, ``median`` and ``max`` of repeated measurements of one figure. On a shared machine
    the minimum is the steadiest (other users' load only ever adds time); the median shows what
    a user meets, the maximum how far the load pushed it."""
    return {"min": min(values), "median": statistics.median(values), "max": max(values)}


def slope(sizes: Sequence[float], values: Sequence[float]) -> float:
    """The growth exponent: the least-squares slope of log(value) against log(size)."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(v) for v in values]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def growth(sizes: Sequence[float], runs: Sequence[Sequence[float]], *, resamples: int = 2000,
           seed: int = 13) -> dict[str, float]:
    """The growth exponent of a figure measured ``len(runs[k])`` times at each size ``sizes[k]``:
    fitted on each size's minimum (``min``) and median (``median``), and a 90 % bootstrap interval
    (``low``, ``high``) of the fit on the minima: the runs of each size drawn again with
    replacement, ``resamples`` times (seeded: the same runs give the same interval)."""
    rnd = random.Random(seed)
    fits = sorted(slope(sizes, [min(rnd.choices(r, k=len(r))) for r in runs]) for _ in range(resamples))
    return {"min": slope(sizes, [min(r) for r in runs]),
            "median": slope(sizes, [statistics.median(r) for r in runs]),
            "low": fits[int(0.05 * (resamples - 1))], "high": fits[int(0.95 * (resamples - 1))]}
