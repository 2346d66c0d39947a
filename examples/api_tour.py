"""A tour of resdiff from a script: parse, compare, walk the changes, filter them.

    python examples/api_tour.py

Reads the official E/RES/2013/9 and the ILLUSTRATIVE draft in ``examples/drafts/`` (not a UN
text) and prints what each step gives. Every result is a frozen dataclass of
``resdiff.model``; nothing here touches the terminal but ``print``.
"""

from __future__ import annotations

from pathlib import Path

import resdiff

HERE = Path(__file__).resolve().parent
OLD = HERE.parent / "corpora" / "ecosoc-wsis" / "zh" / "E-RES-2013-9.txt"
NEW = HERE / "drafts" / "E-RES-2014-illustrative-draft-zh.txt"


def step(title: str) -> None:
    print(f"\n== {title}")


def main() -> None:
    step("1. Parse: a Resolution of Units")
    old = resdiff.load(OLD)  # resdiff.parse(text) does the same from a string
    print(f"{old.symbol}, adopted {old.adopted} ({old.meeting}), predecessor {old.predecessor}")
    print(f"{len(old.preambular)} preambular, {len(old.operative)} operative, {len(old.headings)} headings")
    unit = old["OP8"]
    print(f"{unit.id}: lead {unit.lead}, kind {unit.kind}, number {unit.number}")
    print(f"OP38(c) belongs to {old['OP38(c)'].parent}")
    print(f"footnote 1 of PP1: {old.footnotes[old['PP1'].footnotes[0]]}")

    step("2. Compare: a Comparison of Changes")
    new = resdiff.load(NEW)
    comparison = resdiff.compare(old, new)
    print("summary:", ", ".join(f"{k} {v}" for k, v in comparison.summary.items()))  # by type (the JSON)
    print("counts:", ", ".join(f"{k} {v}" for k, v in comparison.counts.items()))  # the four parts add up

    step("3. Walk the changes")
    for change in comparison:
        if change.type == "unchanged" and not change.moved:
            continue
        sides = f"{'+'.join(change.old) or '—'} → {'+'.join(change.new) or '—'}"
        flags = [name for name in ("moved", "routine", "terminology") if getattr(change, name)]
        lead = f"  {change.lead.old} → {change.lead.new} ({change.lead.shift})" if change.lead else ""
        print(f"{change.type:9} {sides:22} {' '.join(flags):12}{lead}")

    step("4. Filter")
    print("substantive:", [f"{'+'.join(c.old) or '—'}→{'+'.join(c.new) or '—'}" for c in comparison.substantive])
    print("added:", [c.new[0] for c in comparison.by_type("added")])
    print("dropped:", [c.old[0] for c in comparison.by_type("dropped")])
    stronger = [c for c in comparison if c.lead and c.lead.shift == "stronger"]
    print("stronger leads:", [f"{c.lead.old} → {c.lead.new}" for c in stronger if c.lead])
    print("terminology switches:", [f"{t.old} → {t.new} ×{t.count}" for t in comparison.terms])

    step("5. One paragraph, with its evidence")
    change = comparison.change_for("OP7")  # the new OP7: where did it come from?
    assert change is not None
    print(f"new OP7 comes from old {', '.join(change.old)}: {change.type}, similarity {change.similarity:.2f}")
    print("word diff:", " ".join(f"{d.op[0]}:{d.text}" for d in change.diff if d.op != "equal"))
    print(f"old text == diff's old side: {change.old_text == old[change.old[0]].text}")

    step("6. Settings: keyword overrides of Options")
    strict = resdiff.compare(old, new, term_min_count=20)
    print(f"term_min_count=20 finds {len(strict.terms)} terminology switches (default: {len(comparison.terms)})")

    step("7. JSON and HTML")
    data = comparison.to_dict()
    print(f"to_dict(): schema {data['schema']}, {len(data['changes'])} changes")
    page = resdiff.render_html(comparison, title="ILLUSTRATIVE draft")
    print(f"render_html(): {len(page):,} characters of self-contained HTML")


if __name__ == "__main__":
    main()
