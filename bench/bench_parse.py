"""Benchmark of issue 9: how long parsing takes, form by form.

    python bench/bench_parse.py [--repeat N] [--json] [--forms]

Times ``resdiff.parse`` on the 2013/9 text as the PDF extraction of the corpus and as the clean
text format (the two forms every earlier version read too, so the figures compare across
versions: run the script with another version's ``src`` first on ``PYTHONPATH``), and, with
``--forms``, on the forms issue 9 added (web copies). Each figure is the best of ``--repeat``
medians of 20 parses, in milliseconds: the machine is shared and noisy, and the best median is
the figure least disturbed by other work.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from timing import median  # bench/ is on the path when a bench script runs

import resdiff

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "ecosoc-wsis" / "zh" / "E-RES-2013-9.txt"
#: Parses per timed run.
BATCH = 20


def _forms(with_new: bool) -> dict[str, str]:
    extraction = CORPUS.read_text(encoding="utf-8")
    corpus = resdiff.parse(extraction)
    forms = {"extraction": extraction, "clean": corpus.to_text()}
    if with_new:
        sys.path.insert(0, str(ROOT))
        from tests.forms import web_copy

        forms["web copy, glued marks"] = web_copy(corpus, marks="glued", notes="end")
        forms["web copy, superscripts below"] = web_copy(corpus, marks="superscript", notes="foot")
    return forms


def run(repeat: int, with_new: bool) -> dict[str, float]:
    results: dict[str, float] = {}
    for name, text in _forms(with_new).items():
        resdiff.parse(text)  # warm: the lexicon and the patterns load once
        best = min(median(lambda text=text: [resdiff.parse(text) for _ in range(BATCH)], 5) for _ in range(repeat))
        results[f"{name}: ms per parse"] = best / BATCH * 1000
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--forms", action="store_true", help="also the web-copy forms (this version only)")
    args = parser.parse_args()
    results = run(args.repeat, args.forms)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for key, value in results.items():
            print(f"{key:<45} {value:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
