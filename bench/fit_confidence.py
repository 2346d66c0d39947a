"""Fit the confidence model of ``resdiff.decide`` on generated labelled revisions, and check it.

    python bench/fit_confidence.py                     # fit, write src/resdiff/data/confidence.json, report
    python bench/fit_confidence.py --check-only        # report on fresh held-out revisions only

Training data: ``--train`` random revisions (``bench/revisions.py``, seed ``--seed``) of the
corpus text and of the tuned evaluation set's new texts. For every revision the aligner's reading
is taken before any decision, and every change of it and of every alternative reading
(``decide.candidates``) becomes a row: its features and whether it is exactly right (same units,
same ``moved``). One logistic model per family of changes (pairs; splits and merges; added and
dropped units), L2-regularised, fitted by Newton's method in numpy.

The check: ``--heldout`` revisions generated with another seed, compared by the full engine
(decisions and all); a reliability table of the final changes' confidence, and the scores.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parents[0]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests" / "evalset"))

from evaluate import reliability  # noqa: E402
from revisions import Labelled, generate  # noqa: E402
from scoring import Tally, from_comparison  # noqa: E402

import resdiff  # noqa: E402
from resdiff import decide, engine  # noqa: E402
from resdiff.options import DEFAULT_OPTIONS  # noqa: E402
from resdiff.segment import Segmenter  # noqa: E402

OUT = ROOT / "src" / "resdiff" / "data" / "confidence.json"


def _truth(lab: Labelled) -> set[tuple[frozenset[str], frozenset[str], bool]]:
    return {(frozenset(c["old"]), frozenset(c["new"]), bool(c["moved"])) for c in lab.expected}


def rows(labs: list[Labelled], segmenter: Segmenter) -> dict[str, tuple[list[list[float]], list[int]]]:
    """Features and labels of every change of every reading considered, by family."""
    data: dict[str, tuple[list[list[float]], list[int]]] = {f: ([], []) for f in decide.FAMILIES}
    for lab in labs:
        _, aligner, _, items = engine.reading(lab.old, lab.new, DEFAULT_OPTIONS, segmenter=segmenter)
        truth = _truth(lab)
        scorer = decide.Scorer(aligner)
        scorer.set_reading(items)
        flags = decide._moved_flags(items, scorer)
        seen: set[tuple[decide.Item, bool]] = set()
        considered = [(item, flags[item]) for item in items]
        for alt in decide.candidates(items, scorer):
            considered.extend(alt.items)
        for item, moved in considered:
            if (item, moved) in seen:
                continue
            seen.add((item, moved))
            old, new = item
            key = (frozenset(lab.old.units[i].id for i in old), frozenset(lab.new.units[j].id for j in new), moved)
            fam = decide.family(item)
            data[fam][0].append(scorer.features(item, moved))
            data[fam][1].append(int(key in truth))
    return data


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Standardise, then Newton's method on the L2-penalised log-likelihood."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    design = np.hstack([z, np.ones((len(z), 1))])
    w = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(design @ w, -30, 30)))
        grad = design.T @ (p - y) + penalty * w
        hess = (design * (p * (1 - p))[:, None]).T @ design + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return mean, scale, w[:-1], float(w[-1])


def confidence_pairs(expected: list[dict[str, Any]], comparison: resdiff.Comparison) -> list[tuple[float, bool]]:
    """(confidence, exactly right) of every change of a comparison."""
    from scoring import _exact, _key

    by_key = {_key(c): c for c in expected}
    predicted = from_comparison(comparison)
    out = []
    for change, mine in zip(comparison.changes, predicted):
        want = by_key.get(_key(mine))
        out.append((change.confidence, bool(want is not None and _exact(want, mine))))
    return out


def _family(change: resdiff.Change) -> str:
    if change.old and change.new:
        return "pair" if len(change.old) == len(change.new) == 1 else "parts"
    return "single"


def recalibrate(count: int, seed: int) -> dict[str, list[float]]:
    """Per family, ``(a, b)`` mapping the model's probability onto the share of changes right, on
    the tuned evaluation set (texts written by hand; both styles) and ``count`` generated revisions
    (seed ``seed``, apart from the training and checking seeds). Needs the model written first,
    without recalibration: the changes' confidence is then the model's own probability."""
    from scoring import iter_styles, load_cases

    rows_by: dict[str, tuple[list[list[float]], list[float]]] = {f: ([], []) for f in decide.FAMILIES}

    def add(expected: list[dict[str, Any]], comparison: resdiff.Comparison) -> None:
        for change, (conf, right) in zip(comparison.changes, confidence_pairs(expected, comparison)):
            x, y = rows_by[_family(change)]
            x.append([decide._logit(conf)])
            y.append(float(right))

    for case in load_cases():
        for _, old, new in iter_styles(case, ("clean", "extracted")):
            add(case.expected, resdiff.compare(old, new))
    for lab in generate(count, seed):
        add(lab.expected, resdiff.compare(lab.old, lab.new))
    out = {}
    for fam, (x, y) in rows_by.items():
        mean, scale, coef, intercept = fit_logistic(np.array(x), np.array(y), l2=0.01)
        a = float(coef[0] / scale[0])
        b = intercept - a * float(mean[0])
        if a < MIN_SLOPE:
            # Too few wrong changes in this family to fit a slope (nearly all right): keep the
            # model's order and only shift it.
            a, b = 1.0, _shift(np.array(x)[:, 0], np.array(y))
        out[fam] = [round(a, 6), round(b, 6)]
    return out


#: Least slope of a recalibration (a flatter one would erase what the model knows).
MIN_SLOPE = 0.25


def _shift(logits: np.ndarray, y: np.ndarray) -> float:
    """The ``b`` of ``σ(logit + b)`` that fits ``y`` best (Newton's method, one parameter)."""
    b = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(logits + b, -30, 30)))
        grad = float((p - y).sum()) + 0.01 * b
        hess = float((p * (1 - p)).sum()) + 0.01
        b -= grad / hess
        if abs(grad / hess) < 1e-9:
            break
    return b


def check(count: int, seed: int) -> dict[str, Any]:
    tally = Tally()
    pairs: list[tuple[float, bool]] = []
    for lab in generate(count, seed):
        comparison = resdiff.compare(lab.old, lab.new)
        tally.add(lab.expected, from_comparison(comparison))
        pairs.extend(confidence_pairs(lab.expected, comparison))
    return {"scores": tally.scores(), "counts": tally.counts(), "reliability": reliability(pairs, dash="–")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=int, default=3000)
    parser.add_argument("--heldout", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--heldout-seed", type=int, default=9090)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--calibration", type=int, default=200, help="generated revisions for the recalibration")
    parser.add_argument("--calibration-seed", type=int, default=5555)
    parser.add_argument("--check-only", action="store_true")
    args = parser.parse_args(argv)
    if not args.check_only:
        segmenter = Segmenter(DEFAULT_OPTIONS)
        data = rows(list(generate(args.train, args.seed)), segmenter)
        families = {}
        for fam, (x, y) in data.items():
            xa, ya = np.array(x, dtype=np.float64), np.array(y, dtype=np.float64)
            mean, scale, coef, intercept = fit_logistic(xa, ya, args.l2)
            families[fam] = {"features": list(decide.Scorer.NAMES[fam]), "mean": mean.round(6).tolist(),
                             "scale": scale.round(6).tolist(), "coef": coef.round(6).tolist(),
                             "intercept": round(intercept, 6), "rows": len(y), "positive": int(ya.sum())}
            print(f"{fam}: {len(y)} rows, {int(ya.sum())} right")
        model = {
            "about": "Logistic models of resdiff.decide, fitted by bench/fit_confidence.py on generated "
                     "illustrative revisions (bench/revisions.py); one per family of changes; then a "
                     "recalibration per family on the tuned evaluation set and more generated revisions.",
            "train": args.train, "seed": args.seed, "l2": args.l2, "families": families,
        }
        OUT.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        decide.load_model.cache_clear()
        model["recalibration"] = recalibrate(args.calibration, args.calibration_seed)
        model["calibration"] = {"evalset": "tests/evalset", "generated": args.calibration,
                                "seed": args.calibration_seed}
        print("recalibration:", model["recalibration"])
        OUT.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        decide.load_model.cache_clear()
    result = check(args.heldout, args.heldout_seed)
    print("held-out generated revisions:", json.dumps(
        {k: round(v, 3) if isinstance(v, float) else v for k, v in result["scores"].items()}))
    print("confidence band   changes   right")
    for row in result["reliability"]:
        right = "–" if row["right"] is None else f"{row['right']:.3f}"
        print(f"{row['band']:<15} {row['changes']:>9} {right:>7}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
