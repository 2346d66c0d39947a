"""Compare two years of a resolution and write the HTML report a delegate reads, prints and mails.

    python examples/diff_years.py [REPORT.html] [--old OLD] [--new NEW]

The old text is the official E/RES/2013/9 in ``corpora/``; the new one is an ILLUSTRATIVE
next-year draft written for these examples (``examples/drafts/``), not a UN text. The report
goes to REPORT.html, by default ``examples/out/diff-2013-9-illustrative-2014.html``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import resdiff

HERE = Path(__file__).resolve().parent
OLD = HERE.parent / "corpora" / "ecosoc-wsis" / "zh" / "E-RES-2013-9.txt"
NEW = HERE / "drafts" / "E-RES-2014-illustrative-draft-zh.txt"
DEFAULT_REPORT = HERE / "out" / "diff-2013-9-illustrative-2014.html"
TITLE = "E/RES/2013/9 → ILLUSTRATIVE 2014 draft (not an official UN text)"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Write the HTML diff report of two years of a resolution.")
    parser.add_argument("report", nargs="?", type=Path, default=DEFAULT_REPORT, help="the HTML file to write")
    parser.add_argument("--old", type=Path, default=OLD, help="last year's text (default: the official 2013/9)")
    parser.add_argument("--new", type=Path, default=NEW, help="this year's text (default: the illustrative draft)")
    args = parser.parse_args(argv[1:])
    report = args.report
    try:
        old, new = resdiff.load(args.old), resdiff.load(args.new)
    except resdiff.ResdiffError as exc:
        print(f"diff_years: {exc}", file=sys.stderr)
        return 2
    comparison = resdiff.compare(old, new)

    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(resdiff.render_html(comparison, title=TITLE), encoding="utf-8")

    counts = comparison.counts  # the four parts add up to the number of changes
    print(f"{old.symbol} ({len(old)} paragraphs) → illustrative draft ({len(new)} paragraphs)")
    print(
        f"{counts['changes']} changes: {counts['substantive']} substantive, {counts['routine']} routine, "
        f"{counts['terminology']} terminology only, {counts['unchanged']} unchanged"
    )
    print(f"report: {report}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
