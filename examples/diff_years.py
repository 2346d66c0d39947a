"""Compare two years of a resolution and write the HTML report a delegate reads, prints and mails.

    python examples/diff_years.py [REPORT.html]

The old text is the official E/RES/2013/9 in ``corpora/``; the new one is an ILLUSTRATIVE
next-year draft written for these examples (``examples/drafts/``), not a UN text. The report
goes to REPORT.html, by default ``examples/out/diff-2013-9-illustrative-2014.html``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import resdiff

HERE = Path(__file__).resolve().parent
OLD = HERE.parent / "corpora" / "ecosoc-wsis" / "zh" / "E-RES-2013-9.txt"
NEW = HERE / "drafts" / "E-RES-2014-illustrative-draft-zh.txt"
DEFAULT_REPORT = HERE / "out" / "diff-2013-9-illustrative-2014.html"
TITLE = "E/RES/2013/9 → ILLUSTRATIVE 2014 draft (not an official UN text)"


def main(argv: list[str]) -> int:
    report = Path(argv[1]) if len(argv) > 1 else DEFAULT_REPORT
    old, new = resdiff.load(OLD), resdiff.load(NEW)
    comparison = resdiff.compare(old, new)

    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(resdiff.render_html(comparison, title=TITLE), encoding="utf-8")

    summary = comparison.summary
    print(f"{old.symbol} ({len(old)} paragraphs) → illustrative draft ({len(new)} paragraphs)")
    print(
        f"{len(comparison.changes)} changes: {len(comparison.substantive)} substantive, "
        f"{summary['routine']} routine, {summary['unchanged']} unchanged"
    )
    print(f"report: {report}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
