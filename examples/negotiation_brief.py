"""A one-page negotiation brief for a delegation, as Markdown and as HTML.

    python examples/negotiation_brief.py [OUT_DIR]

What a delegate sends to the capital before the first reading: new commitments, dropped
commitments, strengthened and weakened leads, the substantive rewordings with their word
diff, and the routine updates counted but not listed. It compares the official E/RES/2013/9
with the ILLUSTRATIVE draft in ``examples/drafts/`` (not a UN text) and writes ``brief.md``
and ``brief.html`` to OUT_DIR, by default ``examples/out/``.

Everything here reads the public model (``Comparison``, ``Change``, ``LeadShift``): a brief is
one more renderer, written outside the library.
"""

from __future__ import annotations

import argparse
import html
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import resdiff
from resdiff import Change, Comparison, DiffOp

HERE = Path(__file__).resolve().parent
OLD = HERE.parent / "corpora" / "ecosoc-wsis" / "zh" / "E-RES-2013-9.txt"
NEW = HERE / "drafts" / "E-RES-2014-illustrative-draft-zh.txt"
TITLE = "Negotiation brief: E/RES/2013/9 → ILLUSTRATIVE 2014 draft (not an official UN text)"

#: Characters of unchanged text kept on each side of a change in a word diff excerpt.
CONTEXT = 14
MARKS = {"stronger": "↑", "weaker": "↓", "same": "=", "different": "≠"}

Segments = tuple[tuple[str, str], ...]
"""A text as runs of ``(op, text)``: ``equal``, ``delete`` or ``insert``."""


@dataclass(frozen=True)
class Item:
    ref: str
    """Where: ``OP8 → OP7``, ``new OP51``, ``OP38(a)``."""
    note: str
    """A lead shift (``吁请 → 促请 ↑``), a split or merge, or nothing."""
    text: Segments


@dataclass(frozen=True)
class Section:
    title: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Brief:
    title: str
    facts: tuple[str, ...]
    """The lines under the title: the two texts and the counts."""
    sections: tuple[Section, ...]
    not_listed: tuple[str, ...]
    """What is counted but not listed: routine updates, terminology switches, unchanged."""


def excerpt(diff: Sequence[DiffOp], context: int = CONTEXT) -> Segments:
    """The word diff with long unchanged stretches cut to ``context`` characters around each change."""
    runs: list[tuple[str, str]] = []
    for n, op in enumerate(diff):
        text = op.text
        if op.op == "equal" and len(text) > 2 * context + 1:
            first, last = n == 0, n == len(diff) - 1
            head = "" if first else text[:context]
            tail = "" if last else text[-context:]
            text = f"{head}…{tail}"
        runs.append((op.op, text))
    return tuple(runs)


def ref(change: Change) -> str:
    if not change.old:
        return "new " + " + ".join(change.new)
    if not change.new:
        return " + ".join(change.old)
    return f"{' + '.join(change.old)} → {' + '.join(change.new)}"


def lead_note(change: Change) -> str:
    lead = change.lead
    if lead is None or lead.old == lead.new:
        return ""
    return f"{lead.old} → {lead.new} {MARKS[lead.shift]}"


def plain(comparison: Comparison, change: Change) -> Segments:
    """The whole text of an added or dropped change."""
    resolution, ids = (comparison.new, change.new) if change.new else (comparison.old, change.old)
    return tuple(("equal", resolution[unit_id].text) for unit_id in ids)


def make_brief(comparison: Comparison, title: str) -> Brief:
    changes = comparison.changes

    def items(selected: Iterable[Change], whole: bool = False) -> tuple[Item, ...]:
        result = []
        for change in selected:
            note = lead_note(change)
            if change.type in ("split", "merged"):
                note = f"{change.type}; {note}" if note else change.type
            text = plain(comparison, change) if whole else excerpt(change.diff)
            result.append(Item(ref(change), note, text))
        return tuple(result)

    def shifted(shift: str) -> list[Change]:
        return [c for c in changes if c.lead and c.lead.shift == shift and c.lead.old != c.lead.new]

    leads = [c for c in changes if lead_note(c) and c.lead and c.lead.shift != "same"]
    rewordings = [c for c in changes if c.substantive and c.type in ("reworded", "split", "merged") and c not in leads]
    moved_items = tuple(Item(ref(c), "text unchanged" if c.type == "unchanged" else c.type, ()) for c in changes if c.moved)
    sections = (
        Section("New commitments", items(comparison.by_type("added"), whole=True)),
        Section("Dropped commitments", items(comparison.by_type("dropped"), whole=True)),
        Section("Strengthened leads", items(shifted("stronger"))),
        Section("Weakened leads", items(shifted("weaker"))),
        Section("Other lead changes", items(shifted("different"))),
        Section("Substantive rewordings", items(rewordings)),
        Section("Moved", moved_items),
    )

    summary = comparison.summary
    counts = comparison.counts  # the parts not listed, as every resdiff output counts them
    old, new = comparison.old, comparison.new
    facts = (
        f"Old: {old.symbol or 'no symbol'}, adopted {old.adopted or '—'}, {len(old)} paragraphs. "
        f"New: {new.symbol or 'no symbol'}, {'adopted ' + new.adopted if new.adopted else 'not adopted'}, "
        f"{len(new)} paragraphs.",
        f"{summary['added']} new and {summary['dropped']} dropped paragraphs, "
        f"{summary['lead_stronger']} stronger and {summary['lead_weaker']} weaker leads, "
        f"{len(rewordings)} other substantive rewordings, {summary['moved']} moved.",
    )
    switches = ", ".join(f"{t.old} → {t.new} ({t.count})" for t in comparison.terms)
    not_listed = (
        f"{counts['routine']} routine updates (dates, numbers, symbols, sessions): counted, not listed.",
        f"{counts['terminology']} paragraphs that differ only by a terminology switch"
        + (f" ({switches})" if switches else "")
        + ": not listed.",
        f"{counts['unchanged']} paragraphs unchanged (the same words in the same place).",
    )
    return Brief(title, facts, sections, not_listed)


# --- Markdown --------------------------------------------------------------------------------


def marked(segments: Segments) -> str:
    """The text with ``<del>`` and ``<ins>``, escaped: for the HTML and the Markdown alike.

    Markdown gets the tags rather than ``~~`` and ``**``: CommonMark emphasis does not open or
    close next to Chinese punctuation (``**，并请**``), and the tags read well as plain text.
    """
    tags = {"delete": "del", "insert": "ins"}
    out = []
    for op, text in segments:
        text = html.escape(text, quote=False)
        out.append(f"<{tags[op]}>{text}</{tags[op]}>" if op in tags else text)
    return "".join(out)


def to_markdown(brief: Brief) -> str:
    lines = [f"# {brief.title}", "", *[f"{fact}  " for fact in brief.facts], ""]
    for section in brief.sections:
        lines.append(f"## {section.title} ({len(section.items)})")
        lines.append("")
        if not section.items:
            lines.append("None.")
        for item in section.items:
            note = f" — {item.note}" if item.note else ""
            body = f": {marked(item.text)}" if item.text else ""
            lines.append(f"- **{item.ref}**{note}{body}")
        lines.append("")
    lines.append("## Not listed")
    lines.append("")
    lines.extend(f"- {line}" for line in brief.not_listed)
    lines.append("")
    lines.append("<del>Deleted words</del> are struck through, <ins>inserted words</ins> underlined; … marks")
    lines.append("unchanged text left out. Leads: ↑ stronger, ↓ weaker, ≠ different verb.")
    return "\n".join(lines) + "\n"


# --- HTML ------------------------------------------------------------------------------------

STYLE = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
  "WenQuanYi Zen Hei", "SimSun", sans-serif; max-width: 52rem; margin: 1.5rem auto; padding: 0 1rem;
  font-size: 14px; line-height: 1.55; color: #1d2330; }
h1 { font-size: 1.3rem; margin-bottom: 0.3rem; }
h2 { font-size: 1.02rem; margin: 1rem 0 0.3rem; border-bottom: 1px solid #d7dbe2; }
.facts { margin: 0; color: #4b5563; }
ul { margin: 0; padding-left: 1.2rem; }
li { margin: 0.15rem 0; }
.ref { font-weight: bold; white-space: nowrap; }
.note { color: #5b3a9c; }
ins { text-decoration: underline; background: #dcf5e3; color: #0b5d27; }
del { text-decoration: line-through; background: #fde2e1; color: #8c1d18; }
.none, .legend { color: #6b7280; }
p.none { margin: 0; }
@page { size: A4; margin: 10mm 12mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 9pt; line-height: 1.4; }
  h2 { margin: 0.6rem 0 0.2rem; }
  ins, del { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def to_html(brief: Brief) -> str:
    esc = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{esc(brief.title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{esc(brief.title)}</h1>",
        *[f'<p class="facts">{esc(fact)}</p>' for fact in brief.facts],
    ]
    for section in brief.sections:
        parts.append(f"<h2>{esc(section.title)} ({len(section.items)})</h2>")
        if not section.items:
            parts.append('<p class="none">None.</p>')
            continue
        parts.append("<ul>")
        for item in section.items:
            note = f' <span class="note">{esc(item.note)}</span>' if item.note else ""
            body = f': <span lang="zh-Hans">{marked(item.text)}</span>' if item.text else ""
            parts.append(f'<li><span class="ref">{esc(item.ref)}</span>{note}{body}</li>')
        parts.append("</ul>")
    parts.append("<h2>Not listed</h2><ul>")
    parts.extend(f"<li>{esc(line)}</li>" for line in brief.not_listed)
    parts.append("</ul>")
    parts.append(
        '<p class="legend"><del>Deleted words</del> are struck through, <ins>inserted words</ins> '
        "underlined; … marks unchanged text left out. Leads: ↑ stronger, ↓ weaker, ≠ different verb.</p>"
    )
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Write a one-page negotiation brief (Markdown and HTML).")
    parser.add_argument("out", nargs="?", type=Path, default=HERE / "out", help="the folder to write into")
    parser.add_argument("--old", type=Path, default=OLD, help="last year's text (default: the official 2013/9)")
    parser.add_argument("--new", type=Path, default=NEW, help="this year's text (default: the illustrative draft)")
    args = parser.parse_args(argv[1:])
    out = args.out
    try:
        comparison = resdiff.compare(resdiff.load(args.old), resdiff.load(args.new))
    except resdiff.ResdiffError as exc:
        print(f"negotiation_brief: {exc}", file=sys.stderr)
        return 2
    default = (args.old, args.new) == (OLD, NEW)
    brief = make_brief(comparison, TITLE if default else f"{comparison.old.symbol or args.old.name} → "
                                                         f"{comparison.new.symbol or args.new.name}")
    out.mkdir(parents=True, exist_ok=True)
    (out / "brief.md").write_text(to_markdown(brief), encoding="utf-8")
    (out / "brief.html").write_text(to_html(brief), encoding="utf-8")
    for section in brief.sections:
        print(f"{section.title}: {len(section.items)}")
    print(f"brief: {out / 'brief.md'} and {out / 'brief.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
