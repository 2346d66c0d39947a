"""A one-page negotiation brief for a delegation: Markdown, HTML, Word and plain text.

    python examples/negotiation_brief.py [OUT_DIR]

What a delegate sends to the capital before the first reading: the substantive changes grouped
(added, dropped, leads stronger and weaker, events now past, rewordings, moves, splits and
merges), routine updates counted at the end. It compares the official E/RES/2013/9 with the
ILLUSTRATIVE draft in ``examples/drafts/`` (not a UN text) and writes ``brief.md``,
``brief.html``, ``brief.docx`` and ``brief.txt`` to OUT_DIR, by default ``examples/out/``.
The same brief is ``resdiff brief OLD NEW -o brief.md``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import resdiff

HERE = Path(__file__).resolve().parent
OLD = HERE.parent / "corpora" / "ecosoc-wsis" / "zh" / "E-RES-2013-9.txt"
NEW = HERE / "drafts" / "E-RES-2014-illustrative-draft-zh.txt"
TITLE = "Negotiation brief: E/RES/2013/9 → ILLUSTRATIVE 2014 draft (not an official UN text)"


def main(argv: list[str]) -> int:
    if len(argv) > 2:
        print("usage: python examples/negotiation_brief.py [OUT_DIR]", file=sys.stderr)
        return 2
    out = Path(argv[1]) if len(argv) > 1 else HERE / "out"
    comparison = resdiff.compare(resdiff.load(OLD), resdiff.load(NEW))
    out.mkdir(parents=True, exist_ok=True)
    for name, fmt in (("brief.md", "markdown"), ("brief.html", "html"), ("brief.txt", "text")):
        (out / name).write_text(resdiff.render_brief(comparison, format=fmt, title=TITLE), encoding="utf-8")
    (out / "brief.docx").write_bytes(resdiff.render_brief_docx(comparison, title=TITLE))
    for section in resdiff.make_brief(comparison, title=TITLE).sections:
        print(f"{section.title}: {len(section.items)}")
    print(f"brief: {out / 'brief.md'}, .html, .docx and .txt")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
