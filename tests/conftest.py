"""Shared fixtures: the corpus text, its parse, and JSON Schema validation."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Tests never read or fill the user's real cache (word cache, indexes of read-only folders,
# downloads): one temporary cache for the whole run, inherited by the CLI's subprocesses too.
_CACHE = tempfile.mkdtemp(prefix="resdiff-test-cache-")
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)
os.environ["RESDIFF_CACHE_DIR"] = _CACHE

import resdiff  # noqa: E402
from resdiff.schemas import validate  # noqa: E402, F401  (the tests import it from here too)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "ecosoc-wsis" / "zh" / "E-RES-2013-9.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(scope="session")
def corpus_text() -> str:
    return CORPUS.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def corpus(corpus_text: str) -> resdiff.Resolution:
    return resdiff.parse(corpus_text)
