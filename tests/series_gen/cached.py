"""The illustrative series written once per test run (to a temporary folder) and loaded once.

Several test modules use the same 20-year series; generating it and comparing 19 pairs of texts
takes a few seconds, so it is done on first use and kept for the rest of the run.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

from resdiff.series import Series

from .generate import Truth, write_series


@lru_cache(maxsize=4)
def written(years: int = 20, seed: int = 2013) -> tuple[Path, Truth]:
    """A temporary folder holding the first ``years`` texts of the series, and their truth."""
    folder = Path(tempfile.mkdtemp(prefix=f"resdiff-series-{years}-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder, write_series(folder, years, seed=seed)


@lru_cache(maxsize=4)
def loaded(years: int = 20, seed: int = 2013) -> tuple[Path, Truth, Series]:
    folder, truth = written(years, seed)
    return folder, truth, Series.load(folder)
