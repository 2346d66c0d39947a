"""Benchmarks of issue 3: cold CLI, warm parse + compare, each against jieba's segmentation time.

    python bench/bench_compare.py [--repeat N] [--json]

The machine is noisy, so each figure is the median of several runs and is reported as a ratio
to the time jieba alone takes to segment both texts (the floor: every paragraph must be cut into
words once). Segmentation caches are emptied before every timed run, so nothing is reused
between runs except the loaded dictionary.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from dataclasses import replace
from functools import partial
from pathlib import Path

from timing import median  # bench/ is on the path when a bench script runs

import resdiff
from resdiff.model import Resolution, Unit
from resdiff.segment import tokenizer

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "ecosoc-wsis" / "zh" / "E-RES-2013-9.txt"
DRAFT = ROOT / "examples" / "drafts" / "E-RES-2014-illustrative-draft-zh.txt"


def _segment_both(old: Resolution, new: Resolution) -> None:
    tk = tokenizer()
    for unit in (*old.units, *new.units):
        tk.lcut(unit.text, HMM=True)


def _parse_and_compare(old_text: str, new_text: str) -> None:
    resdiff.compare(resdiff.parse(old_text), resdiff.parse(new_text))


def generated_pair(n_ops: int = 150, seed: int = 7) -> tuple[str, str]:
    """An illustrative pair of long resolutions: 2013/9's paragraphs recombined to ``n_ops``
    operative paragraphs, and a revision of it with the usual yearly edits."""
    rnd = random.Random(seed)
    base = resdiff.parse(CORPUS.read_text(encoding="utf-8"))
    ops = [u for u in base.units if u.kind == "operative"]
    units = list(base.preambular)
    for k in range(n_ops):
        a, b = rnd.choice(ops), rnd.choice(ops)
        text = a.text[: len(a.text) // 2] + b.text[len(b.text) // 2 :]
        units.append(Unit(f"OP{k + 1}", "operative", str(k + 1), a.lead, text))
    old = replace(base, units=tuple(units))
    revised = list(units)
    for _ in range(12):
        k = rnd.randrange(len(revised))
        u = revised[k]
        action = rnd.choice(["drop", "edit", "add", "lead"])
        if action == "drop":
            revised.pop(k)
        elif action == "edit":
            revised[k] = replace(u, text=u.text.replace("2013", "2014").replace("的", "之", 1))
        elif action == "add":
            revised.insert(k, replace(u, text="请秘书长就落实本决议的具体措施向委员会提交一份专题报告；"))
        else:
            revised[k] = replace(u, text=u.text.replace("吁请", "促请"), lead=(u.lead or "").replace("吁请", "促请") or None)
    pp, op, out = 0, 0, []
    for u in revised:
        if u.kind == "preambular":
            pp += 1
            out.append(replace(u, id=f"PP{pp}"))
        else:
            op += 1
            out.append(replace(u, id=f"OP{op}", number=str(op)))
    return old.to_text(), replace(old, units=tuple(out)).to_text()


def run(repeat: int) -> dict[str, float]:
    tokenizer()  # load the dictionary once: "warm"
    results: dict[str, float] = {}
    pairs = {
        "2013/9 vs illustrative draft": (CORPUS.read_text(encoding="utf-8"), DRAFT.read_text(encoding="utf-8")),
        "generated 150 OPs": generated_pair(),
    }
    for name, (old_text, new_text) in pairs.items():
        old, new = resdiff.parse(old_text), resdiff.parse(new_text)
        seg = median(partial(_segment_both, old, new), repeat)
        full = median(partial(_parse_and_compare, old_text, new_text), repeat)
        results[f"{name}: segmentation s"] = seg
        results[f"{name}: parse+compare s"] = full
        results[f"{name}: ratio"] = full / seg
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "c.json"
        cmd = [sys.executable, "-m", "resdiff", "diff", str(CORPUS), str(DRAFT), "-o", str(out)]
        results["cold CLI diff s"] = median(lambda: subprocess.run(cmd, check=True, capture_output=True), 3)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = run(args.repeat)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for key, value in results.items():
            print(f"{key:<50} {value:8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
