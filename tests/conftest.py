"""Shared fixtures: the corpus text, its parse, JSON Schema validation, and one headless browser."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
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


# -- the browser ---------------------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
]


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    """Debian's Chromium, headless, through playwright's Python package (never playwright's own
    browsers): started once for the whole run. CI installs ``chromium``: when it is missing the
    tests that need it fail, they do not skip."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium)", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class _TestPages:
    """The session's browser as one test sees it: the pages it opens are closed when it ends."""

    def __init__(self, chromium: object) -> None:
        self._chromium = chromium
        self._pages: list[object] = []

    def new_page(self, **options: object) -> object:
        page = self._chromium.new_page(**options)  # type: ignore[attr-defined]
        self._pages.append(page)
        return page

    def close(self) -> None:
        for page in self._pages:
            if not page.is_closed():  # type: ignore[attr-defined]
                page.close()  # type: ignore[attr-defined]


@pytest.fixture()
def browser(chromium: object) -> Iterator[object]:
    """The one browser of the run, for one test (``browser.new_page(...)``)."""
    pages = _TestPages(chromium)
    yield pages
    pages.close()
