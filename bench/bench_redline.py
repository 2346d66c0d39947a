"""Benchmark of issue 11: the Word redline, the brief and the spreadsheet of the README's main job.

    python bench/bench_redline.py [--repeat N] [--json]

The official E/RES/2013/9 against the ILLUSTRATIVE draft in ``examples/drafts/``. Warm: the texts
are loaded and compared once, python-docx and openpyxl imported by a first call; each figure is
the median of several runs of one renderer (and of the whole ``diff -o redline.docx`` job minus
the process start: load, compare, render). Target of the issue: the redline in under 1 s warm.
Also reports the size of each file.
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
DRAFT = ROOT / "examples" / "drafts" / "E-RES-2014-illustrative-draft-zh.txt"
TARGET_SECONDS = 1.0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv[1:])

    comparison = resdiff.compare(resdiff.load(CORPUS), resdiff.load(DRAFT))
    renderers = {
        "redline.docx": lambda: resdiff.render_docx(comparison),
        "redline-accept-routine.docx": lambda: resdiff.render_docx(comparison, accept_routine=True),
        "brief.docx": lambda: resdiff.render_brief_docx(comparison),
        "brief.md": lambda: resdiff.render_brief(comparison, format="markdown").encode("utf-8"),
        "changes.xlsx": lambda: resdiff.render_xlsx(comparison),
        "changes.csv": lambda: resdiff.render_csv(comparison),
    }
    results: dict[str, dict[str, float | int]] = {}
    for name, render in renderers.items():
        size = len(render())  # warm-up, and the file's size
        results[name] = {"seconds": round(median(render, args.repeat), 4), "bytes": size}

    def whole_job() -> bytes:
        return resdiff.render_docx(resdiff.compare(resdiff.load(CORPUS), resdiff.load(DRAFT)))

    whole_job()
    job = median(whole_job, args.repeat)
    redline = results["redline.docx"]["seconds"]
    if args.json:
        print(json.dumps({"renderers": results, "load_compare_render_seconds": round(job, 4),
                          "target_seconds": TARGET_SECONDS}, indent=2))
    else:
        print(f"{len(comparison.changes)} changes, median of {args.repeat} warm runs")
        for name, figures in results.items():
            print(f"  {name:<30} {figures['seconds'] * 1000:7.1f} ms  {figures['bytes'] / 1024:7.1f} KiB")
        print(f"  load + compare + redline       {job * 1000:7.1f} ms")
        verdict = "meets" if redline < TARGET_SECONDS else "MISSES"
        print(f"redline {redline * 1000:.0f} ms warm: {verdict} the target of {TARGET_SECONDS:.0f} s")
    return 0 if redline < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
