"""The negotiating case (issue 12): last year's text in Chinese and English against this year's English
draft, each change with last year's Chinese, each new paragraph with the closest agreed language.

    python examples/bilingual/negotiating.py OUT_FOLDER

Writes ``negotiating.txt``, ``negotiating.json`` and ``negotiating.html`` into OUT_FOLDER. The texts
are illustrative (see this folder's README), not official.
"""

from __future__ import annotations

import sys
from pathlib import Path

import resdiff
from resdiff.parallel import attach_agreed, load_folder, pair_folder
from resdiff.render import render_html
from resdiff.render.text import render_comparison_text

HERE = Path(__file__).resolve().parent


def main(out: Path) -> int:
    comparison = resdiff.compare(HERE / "old-en.txt", HERE / "draft-en.txt", old_other=HERE / "old-zh.txt")
    comparison = attach_agreed(comparison, pair_folder(load_folder(HERE / "earlier"), "en"))
    out.mkdir(parents=True, exist_ok=True)
    (out / "negotiating.txt").write_text(render_comparison_text(comparison), encoding="utf-8")
    (out / "negotiating.json").write_text(comparison.to_json(), encoding="utf-8")
    (out / "negotiating.html").write_text(render_html(comparison, title="Draft against last year's text"),
                                          encoding="utf-8")
    print(f"{len(comparison.substantive)} substantive changes; written to {out}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        usage = next(line.strip() for line in __doc__.splitlines() if line.strip().startswith("python "))
        print(f"usage: {usage}", file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(main(Path(sys.argv[1])))
