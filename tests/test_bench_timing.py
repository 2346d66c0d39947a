"""The summaries of the benchmarks' repeated measurements (``bench/timing.py``)."""

from __future__ import annotations

import sys
import time

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from timing import growth, slope, spread


def test_a_power_law_has_its_exponent_and_a_closed_interval() -> None:
    sizes = [70, 150, 300, 600, 1200]
    runs = [[0.002 * n**1.25] * 4 for n in sizes]
    found = growth(sizes, runs)
    assert found["min"] == pytest.approx(1.25) and found["median"] == pytest.approx(1.25)
    assert found["low"] == pytest.approx(1.25) and found["high"] == pytest.approx(1.25)


def test_load_on_some_runs_leaves_the_fit_on_minima_and_widens_the_interval() -> None:
    sizes = [70, 300, 1200]
    # Each size measured four times; at the largest size three runs of four were slowed by load.
    runs = [[n * 1e-4, n * 2e-4, n * 1e-4, n * 1e-4] for n in sizes[:2]] + [[0.12, 0.3, 0.4, 0.5]]
    found = growth(sizes, runs)
    assert found["min"] == pytest.approx(slope(sizes, [n * 1e-4 for n in sizes]))
    assert found["median"] > found["min"] + 0.1
    assert found["low"] <= found["min"] < found["high"]
    assert growth(sizes, runs) == found  # seeded: the same runs, the same interval


def test_spread_is_min_median_and_max() -> None:
    assert spread([3.0, 1.0, 2.0, 10.0]) == {"min": 1.0, "median": 2.5, "max": 10.0}


def test_every_measured_process_runs_blas_on_one_thread_whatever_the_caller_set(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import bench_compare

    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")
    monkeypatch.setenv("OMP_NUM_THREADS", "4")
    env = bench_compare.child_env(tmp_path / "src", str(tmp_path / "cache"))
    assert {env[name] for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")} == {"1"}
    assert env["PYTHONPATH"] == str(tmp_path / "src") and env["RESDIFF_CACHE_DIR"] == str(tmp_path / "cache")


def test_the_time_inside_diff_match_patch_counts_its_recursion_once() -> None:
    import bench_compare

    from resdiff import worddiff

    inner: list[float] = []

    def diff() -> None:
        # Long texts with scattered edits make diff_main bisect, calling itself through the instance.
        old = [f"w{k % 97}" for k in range(3000)]
        new = [w if k % 41 else "x" for k, w in enumerate(old)]
        start = time.perf_counter()
        worddiff.diff_words(old, new)
        inner.append(time.perf_counter() - start)

    spent = bench_compare._time_in_diff_match_patch(diff)
    assert 0 < spent <= inner[0]
    assert "diff_main" not in vars(worddiff._DMP)  # the class's own method again


def test_the_one_pass_figure_compares_without_the_terminology_pass() -> None:
    import bench_compare

    import resdiff

    old, new = (resdiff.parse(text) for text in bench_compare.pair("2013/9"))
    assert [t.old for t in resdiff.compare(old, new).terms] == ["因特网"]
    assert resdiff.compare(old, new, term_min_count=bench_compare.NO_SWITCH).terms == ()
