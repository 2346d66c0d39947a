"""Evaluate resdiff and a difflib baseline on the evaluation set of ``tests/evalset/``.

    python bench/evaluate.py                 # the table, clean and extracted styles
    python bench/evaluate.py --failures      # and every change a system got wrong, by case
    python bench/evaluate.py --json          # the same as JSON
    python bench/evaluate.py --case 14-next-year --style clean --failures

Every case is run in two styles: the clean text as checked in, and the same text rendered in
the artefact-laden style of a PDF extraction (``tests/evalset/extracted.py``). The measures are
defined in ``tests/evalset/scoring.py``; the targets of issue 3 are marked in the table.
Always exits 0: the figures are the output, ``tests/test_evalset.py`` asserts the targets.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "evalset"))

from scoring import (  # noqa: E402
    TARGETS,
    Tally,
    _exact,
    _key,
    baseline,
    from_comparison,
    iter_styles,
    load_cases,
    with_arguable,
)

import resdiff  # noqa: E402

STYLES = ("clean", "extracted")

#: Columns of the table: measure, heading.
COLUMNS = [
    ("link_precision", "link P"),
    ("link_recall", "link R"),
    ("nontrivial_exact", "exact"),
    ("nontrivial_precision", "exact P"),
    ("move_recall", "move R"),
    ("split_recall", "split R"),
    ("merge_recall", "merge R"),
    ("move_split_merge_recall", "m/s/m R"),
    ("routine_precision", "rout P"),
    ("routine_recall", "rout R"),
]


def _with_confidence(comparison: resdiff.Comparison) -> list[dict[str, Any]]:
    changes = from_comparison(comparison)
    for change, mine in zip(changes, comparison.changes):
        confidence = getattr(mine, "confidence", None)  # an engine before issue 10 has none
        if confidence is not None:
            change["confidence"] = confidence
    return changes


def resdiff_system(old: resdiff.Resolution, new: resdiff.Resolution) -> list[dict[str, Any]]:
    return _with_confidence(resdiff.compare(old, new))


def resdiff_without_dictionary(old: resdiff.Resolution, new: resdiff.Resolution) -> list[dict[str, Any]]:
    """resdiff with jieba's own dictionary only: what the UN-terms dictionary changes."""
    return _with_confidence(resdiff.compare(old, new, un_terms=False))


#: Bands of confidence of the reliability table.
BANDS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0001)


def false_readings(expected: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> dict[str, int]:
    """Predicted merges, splits and moves that the expected list does not have (same units; for a
    move, the same units also moved there); and the expected lead shifts (stronger, weaker,
    different), with how many the prediction has on the same units."""
    want = {_key(c): c for c in expected}
    counts = {"false_merges": 0, "false_splits": 0, "false_moves": 0, "lead_shifts": 0, "lead_shifts_right": 0}
    got_by_key = {_key(c): c for c in predicted}
    for c in expected:
        if c.get("lead_shift") in ("stronger", "weaker", "different"):
            counts["lead_shifts"] += 1
            got = got_by_key.get(_key(c))
            counts["lead_shifts_right"] += bool(got and got.get("lead_shift") == c["lead_shift"])
    for c in predicted:
        got = want.get(_key(c))
        if c["type"] == "merged" and not (got and got["type"] == "merged"):
            counts["false_merges"] += 1
        if c["type"] == "split" and not (got and got["type"] == "split"):
            counts["false_splits"] += 1
        if c["moved"] and not (got and got["moved"]):
            counts["false_moves"] += 1
    return counts


def calibration(expected: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> list[tuple[float, bool]]:
    """(confidence, exactly right) of every predicted change."""
    want = {_key(c): c for c in expected}
    out = []
    for c in predicted:
        if "confidence" in c:
            got = want.get(_key(c))
            out.append((float(c["confidence"]), bool(got is not None and _exact(got, c))))
    return out


def reliability(pairs: list[tuple[float, bool]], dash: str = "-") -> list[dict[str, Any]]:
    """For each band of confidence: how many changes fall in it and the share that were right; the
    band named with ``dash`` between its ends (``0.90-0.95``; ``fit_confidence.py`` prints an en dash)."""
    table = []
    for lo, hi in pairwise(BANDS):
        inside = [right for conf, right in pairs if lo <= conf < hi]
        table.append({"band": f"{lo:.2f}{dash}{min(hi, 1.0):.2f}", "changes": len(inside),
                      "right": round(sum(inside) / len(inside), 3) if inside else None})
    return table


SYSTEMS = {"resdiff": resdiff_system, "resdiff-no-dict": resdiff_without_dictionary, "baseline": baseline}


def evaluate(case_names: list[str] | None, styles: tuple[str, ...], root: Path | None = None) -> dict[str, Any]:
    cases = [c for c in (load_cases(root) if root else load_cases()) if not case_names or c.name in case_names]
    tallies = {(system, style): Tally() for system in SYSTEMS for style in (*styles, "all")}
    failures: dict[str, dict[str, dict[str, list[str]]]] = {s: {} for s in SYSTEMS}
    seconds = dict.fromkeys(SYSTEMS, 0.0)
    falses = {system: {"false_merges": 0, "false_splits": 0, "false_moves": 0, "lead_shifts": 0,
                       "lead_shifts_right": 0} for system in SYSTEMS}
    confidences: list[tuple[float, bool]] = []
    lenient = Tally()  # resdiff, all styles, with the readings declared arguable before the run
    for case in cases:
        for style, old, new in iter_styles(case, styles):
            for system, run in SYSTEMS.items():
                start = time.perf_counter()
                try:
                    predicted = run(old, new)
                except Exception as exc:  # a crash counts as an empty answer, and is reported
                    predicted = []
                    crash = [f"crashed: {type(exc).__name__}: {exc}"]
                else:
                    crash = []
                seconds[system] += time.perf_counter() - start
                misses = tallies[system, style].add(case.expected, predicted)
                tallies[system, "all"].add(case.expected, predicted)
                for key, n in false_readings(case.expected, predicted).items():
                    falses[system][key] += n
                if system == "resdiff":
                    confidences.extend(calibration(case.expected, predicted))
                    lenient.add(with_arguable(case.expected, case.info.get("arguable", []), predicted), predicted)
                if crash or misses:
                    failures[system].setdefault(case.name, {})[style] = crash + misses
    return {
        "cases": [c.name for c in cases],
        "styles": list(styles),
        "targets": TARGETS,
        "scores": {system: {style: tallies[system, style].scores() for style in (*styles, "all")}
                   for system in SYSTEMS},
        "counts": tallies["resdiff", "all"].counts(),
        "with_arguable": lenient.scores(),
        "seconds": {s: round(t, 2) for s, t in seconds.items()},
        "false": falses,
        "reliability": reliability(confidences),
        "failures": failures,
    }


def _cell(value: float | None, target: float | None) -> str:
    if value is None:
        return "–"
    mark = "" if target is None else ("" if value >= target else "✗")
    return f"{value:.3f}{mark}"


def print_table(result: dict[str, Any], *, show_failures: bool) -> None:
    counts = result["counts"]
    print(f"{len(result['cases'])} cases × {len(result['styles'])} styles; per style: "
          f"{counts['nontrivial_expected'] // len(result['styles']) if result['styles'] else 0} non-trivial changes, "
          f"{counts['moves'] // len(result['styles'])} moves, {counts['splits'] // len(result['styles'])} splits, "
          f"{counts['merges'] // len(result['styles'])} merges, "
          f"{counts['routine_expected'] // len(result['styles'])} routine")
    head = f"{'system':<9} {'style':<9} " + " ".join(f"{h:>8}" for _, h in COLUMNS)
    print(head)
    print("-" * len(head))
    for system, by_style in result["scores"].items():
        for style, scores in by_style.items():
            cells = " ".join(f"{_cell(scores[key], TARGETS.get(key) if system == 'resdiff' else None):>8}"
                             for key, _ in COLUMNS)
            print(f"{system:<9} {style:<9} {cells}")
    arguable = result["with_arguable"]
    print(f"{'resdiff':<9} {'arguable':<9} " + " ".join(f"{_cell(arguable[key], None):>8}" for key, _ in COLUMNS)
          + "   (all styles, counting the readings declared arguable before the run)")
    print("targets: " + ", ".join(f"{k} ≥ {v}" for k, v in TARGETS.items()) + "   (✗: resdiff below target)")
    print("false merges / splits / moves (all styles): " + ", ".join(
        f"{system} {f['false_merges']}/{f['false_splits']}/{f['false_moves']}" for system, f in result["false"].items()))
    print("lead shifts found with their paragraphs (all styles): " + ", ".join(
        f"{system} {f['lead_shifts_right']}/{f['lead_shifts']}" for system, f in result["false"].items()))
    print("reliability of resdiff's confidence (all styles; right = exactly as expected):")
    print(f"  {'band':<11} {'changes':>8} {'right':>7}")
    for row in result["reliability"]:
        right = "–" if row["right"] is None else f"{row['right']:.3f}"
        print(f"  {row['band']:<11} {row['changes']:>8} {right:>7}")
    print("time: " + ", ".join(f"{s} {t:.1f}s" for s, t in result["seconds"].items()))
    if show_failures:
        for system, by_case in result["failures"].items():
            for case, by_style in by_case.items():
                for style, lines in by_style.items():
                    print(f"\n{system} · {case} · {style}")
                    for line in lines:
                        print(f"  {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--failures", action="store_true", help="list what each system got wrong")
    parser.add_argument("--case", action="append", help="only this case (repeatable)")
    parser.add_argument("--style", choices=STYLES, action="append", help="only this style (repeatable)")
    parser.add_argument("--cases", type=Path, help="another folder of cases, e.g. tests/evalset-heldout")
    args = parser.parse_args(argv)
    result = evaluate(args.case, tuple(args.style or STYLES), args.cases)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print_table(result, show_failures=args.failures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
