"""Benchmarks of issues 3 and 13: the comparison against its true floor, its growth with the size of
the texts, and the cold command line.

    python bench/bench_compare.py [--repeat N] [--sizes 70 150 300 600 1200] [--json]

**The floor** is what any comparison must do: jieba cutting each *distinct* paragraph of the two
texts once, with the very tokenizer the engine uses (``resdiff.segment.tokenizer()``, warmed).
jieba cuts a paragraph block by block (runs of Chinese, letters and digits between punctuation)
and the engine now cuts each distinct *block* once (a reworded paragraph shares most of its
clauses with its old version): ``floor_blocks_s`` is jieba on those distinct blocks, given beside
the floor; the ratios stay against the paragraphs' floor, as issue 13 defines it.

**Warm parse + compare** is measured as a user meets it: each timing runs in a fresh process with
an empty word cache (``$RESDIFF_CACHE_DIR``), in which jieba and the engine are loaded and warmed
on two unrelated texts; it then parses and compares two texts that process has not seen, once
(a second run would find their words cached). The figure is the median over ``--repeat``
processes of the ratio compare / floor, each process timing both. Targets (issue 13): ≤ 1.3 × the
floor for the 2013/9 pair and at 1,200 paragraphs.

**The size sweep** compares ILLUSTRATIVE generated pairs of 70 to 1,200 paragraphs (2013/9's
paragraphs recombined, and a revision of them with the usual yearly edits), each size in fresh
processes as above; it reports the compare time with the words not yet cut (``compare_s``) and
with them cached (``align_s``: alignment and classification alone), the floor, the peak memory of
the comparison (``tracemalloc``), and the growth exponent of each from the smallest to the
largest size (the slope of log time against log paragraphs). Target: compare grows at most as
n^1.1.

**Cold CLI**: ``resdiff diff`` of 2013/9 and the illustrative draft as a new process, with an
empty cache (first run) and again (its paragraphs cached). Targets: ≤ 1.2 s and ≤ 0.4 s.

The texts of 1,200 paragraphs exceed ``limits.MAX_UNITS`` (1,000, issue 15): the child process
raises the bound for itself with ``limits.raised(MAX_UNITS=BENCH_MAX_UNITS)``.

**Measured** (2 December 2026, this shared 2-core machine under a load of 3.5–4 from other users'
tests): before and after the issue-13 work, in fresh processes interleaved so that both saw the
same load, 7 each, medians. The wall ratios of single processes ranged widely under that load
(2013/9 after: 0.98–3.33), the CPU ratios much less (2.00–2.79), so both are given:

=========== ============== ============== ================ ===============================
texts       ratio before   ratio after    ratio_cpu b → a  compare before → after
=========== ============== ============== ================ ===============================
2013/9      2.53           2.18           2.51 → 2.18      59 → 42 ms
70          2.36           1.75           2.30 → 1.89      73 → 45 ms
150         2.00           1.50           1.98 → 1.44      104 → 96 ms
300         2.89           1.74           2.85 → 1.84      342 → 178 ms
600         4.27           1.95           4.03 → 2.04      601 → 520 ms
1,200       5.66           3.54           5.65 → 3.41      1,818 → 1,224 ms
=========== ============== ============== ================ ===============================

Again after merging main's decision changes of the same day, against main itself (5 each,
interleaved, load 2–5): 2013/9 2.46 → 2.05 (CPU 2.20 → 2.16), 70: 2.54 → 1.30, 150: 1.92 → 1.62,
300: 2.97 → 1.74, 600: 4.00 → 2.80, 1,200: 6.24 → 3.84; compare grows as n^1.29 on main and
n^1.20 merged. Alone on a quieter moment the 2013/9 pair took 37 ms against a 15.5 ms floor (2.2–2.4 ×).
Growth from 70 to 1,200 paragraphs (least squares over the five sizes; the floors themselves
vary with the load): compare n^1.16 before, n^1.18 after; align_s n^1.48 and n^1.59; peak memory
n^1.73 and n^1.76 (58 → 61 MiB at 1,200: dense paragraph × paragraph matrices). Cold CLI, 5 runs
interleaved: first run 1.69 → 1.54 s wall (0.93 → 0.90 s CPU), cached 0.53 → 0.61 s wall
(0.31 → 0.33 s CPU), i.e. unchanged: the start-up path was not touched. **Not met**: 1.3 × (and
issue 10's 1.5 ×) for the 2013/9 pair and at 1,200; n^1.1. Why, and what it would take:
``docs/design.md``, *Performance*.

**Measured again** (2 December 2026, the issue-13 second pass over the scoring machinery: shared
found-share matrices, the parts search's owner arrays, ``_top2`` without partitions; results
identical): ``--repeat 3``, before and after interleaved, three times each, under a load of 2–2.6
from other users' tests. The floors themselves moved by 2–3 × between runs (2013/9: 15–41 ms), so
the ratios and the exponents say more about the load than the code: 2013/9 1.66–2.67 before and
2.35–2.58 after (compare 40–84 ms before, 42 ms after); 1,200 paragraphs 3.35–3.50 before,
3.11–3.58 after; compare grows as n^0.98–1.40 before and n^1.09–1.28 after, align_s as
n^1.28–1.57 and n^1.39–1.57, peak memory n^1.74 (61.2 MiB at 1,200, 62.6 MiB after). In the
quietest pair of runs (the last): 2013/9 2.50 → 2.35, 1,200 paragraphs 3.47 → 3.11, compare
n^1.11 → n^1.09, cold CLI 0.80 / 0.26 s → 1.06 / 0.30 s (start-up untouched: load). The steadier
figure is the CPU time of the warm alignment and decision (words cached) in one process, median of
5, three fresh processes a side interleaved: 70 paragraphs 11 → 11 ms, 300: 63 → 61 ms,
600: 169 → 171 ms, 1,200: 470 → 436 ms (−7 %). **Still not met**: 1.3 × and n^1.1; why (the
second pass rescores 1,155 × 1,193 paragraphs because 的 → 之 touches nearly every one; the
decision reads the dense matrices): ``docs/design.md``, *Performance*.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "ecosoc-wsis" / "zh" / "E-RES-2013-9.txt"
DRAFT = ROOT / "examples" / "drafts" / "E-RES-2014-illustrative-draft-zh.txt"
SIZES = (70, 150, 300, 600, 1200)

#: Two short texts that share nothing with the measured ones: the warm-up.
WARM_OLD = "1. 请秘书长就该问题提交报告；\n2. 决定在下届会议上继续审议这一问题。\n"
WARM_NEW = "1. 请秘书长就该问题提交一份详细报告；\n2. 决定在今后的会议上继续审议这一问题。\n"


#: The most operative paragraphs a generated text has: numbers of four digits are not read as
#: paragraph numbers (issue 15), so longer texts get more preambular paragraphs instead.
MAX_OPS = 990


def generated_pair(n_ops: int = 150, seed: int = 7, n_pps: int = 0) -> tuple[str, str]:
    """An illustrative pair of long resolutions: 2013/9's paragraphs recombined to ``n_ops``
    operative paragraphs (and ``n_pps`` more preambular ones), and a revision of it with the
    usual yearly edits."""
    import resdiff
    from resdiff.model import Unit

    rnd = random.Random(seed)
    base = resdiff.parse(CORPUS.read_text(encoding="utf-8"))
    ops = [u for u in base.units if u.kind == "operative"]
    units = list(base.preambular)
    pps = [u for u in base.units if u.kind == "preambular"]
    for _ in range(n_pps):
        a, b = rnd.choice(pps), rnd.choice(pps)
        text = a.text[: len(a.text) // 2] + b.text[len(b.text) // 2 :]
        units.append(Unit(f"PP{len(units) + 1}", "preambular", None, a.lead, text))
    for k in range(n_ops):
        a, b = rnd.choice(ops), rnd.choice(ops)
        text = a.text[: len(a.text) // 2] + b.text[len(b.text) // 2 :]
        units.append(Unit(f"OP{k + 1}", "operative", str(k + 1), a.lead, text))
    old = replace(base, units=tuple(units))
    revised = list(units)
    for _ in range(max(12, n_ops // 12)):
        k = rnd.randrange(len(revised))
        u = revised[k]
        action = rnd.choice(["drop", "edit", "add", "lead"])
        if action == "drop":
            revised.pop(k)
        elif action == "edit":
            revised[k] = replace(u, text=u.text.replace("2013", "2014").replace("的", "之", 1))
        elif action == "add":
            revised.insert(k, replace(u, text=f"请秘书长就落实本决议的具体措施向委员会提交第{k}份专题报告；"))
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


def pair(name: str) -> tuple[str, str]:
    if name == "2013/9":
        return CORPUS.read_text(encoding="utf-8"), DRAFT.read_text(encoding="utf-8")
    n = int(name) - 7  # 2013/9 has 7 preambular paragraphs
    return generated_pair(min(n, MAX_OPS), n_pps=max(0, n - MAX_OPS))


# -- in a fresh process ----------------------------------------------------------------------------

#: Paragraphs a side the sweep's largest texts reach: beyond ``limits.MAX_UNITS`` (1,000, issue 15),
#: which a comparison refuses; the bench raises the bound for itself (``limits.raised``).
BENCH_MAX_UNITS = 1_500


def child(name: str) -> dict[str, float]:
    from resdiff import limits

    with limits.raised(MAX_UNITS=BENCH_MAX_UNITS):
        return _child(name)


def _child(name: str) -> dict[str, float]:
    import resdiff
    from resdiff.segment import Segmenter, tokenizer

    old_text, new_text = pair(name)
    tk = tokenizer()  # the engine's own tokenizer (the same cache key the engine uses)
    resdiff.compare(WARM_OLD, WARM_NEW)  # the engine's code paths, on texts that share nothing
    old, new = resdiff.parse(old_text), resdiff.parse(new_text)
    distinct = sorted({u.text for u in (*old.units, *new.units)})
    floors, floor_cpus = [], []
    for _ in range(3):
        start, cpu = time.perf_counter(), time.process_time()
        for text in distinct:
            tk.lcut(text, HMM=True)
        floors.append(time.perf_counter() - start)
        floor_cpus.append(time.process_time() - cpu)
    floor, floor_cpu = statistics.median(floors), statistics.median(floor_cpus)
    # jieba cuts block by block (runs of Chinese, letters and digits), and so does the engine,
    # each distinct block once (issue 13): the floor of that, beside the paragraphs' floor.
    han = sys.modules["jieba"].re_han_default
    blocks = sorted({block for text in distinct for block in han.split(text) if block})
    block_floors = []
    for _ in range(3):
        start = time.perf_counter()
        for block in blocks:
            tk.lcut(block, HMM=True)
        block_floors.append(time.perf_counter() - start)
    start, cpu = time.perf_counter(), time.process_time()
    resdiff.compare(resdiff.parse(old_text), resdiff.parse(new_text))
    compare, compare_cpu = time.perf_counter() - start, time.process_time() - cpu
    # Again, the words now cached (in memory and on disk): alignment and classification alone.
    segmenter = Segmenter()
    resdiff.compare(old, new, segmenter=segmenter)
    start = time.perf_counter()
    resdiff.compare(old, new, segmenter=segmenter)
    align = time.perf_counter() - start
    tracemalloc.start()
    resdiff.compare(old, new, segmenter=segmenter)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"paragraphs": (len(old.units) + len(new.units)) / 2, "distinct": len(distinct), "floor_s": floor,
            "floor_blocks_s": statistics.median(block_floors),
            "compare_s": compare, "ratio": compare / floor, "ratio_cpu": compare_cpu / floor_cpu,
            "align_s": align, "peak_mib": peak / 2**20}


def fresh(name: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "RESDIFF_CACHE_DIR": cache, "PYTHONPATH": str(ROOT / "src")}
        done = subprocess.run([sys.executable, __file__, "--child", name], env=env, capture_output=True,
                              text=True, check=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def median_of(name: str, repeat: int) -> dict[str, float]:
    runs = [fresh(name) for _ in range(repeat)]
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def exponent(rows: list[dict[str, float]], key: str) -> float:
    """The slope of log(key) against log(paragraphs), least squares."""
    xs = [math.log(r["paragraphs"]) for r in rows]
    ys = [math.log(r[key]) for r in rows]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def cold_cli(repeat: int) -> dict[str, float]:
    """Wall time, and CPU time (steadier on a shared machine), of a first and a second run."""
    runs: dict[str, list[float]] = {"first": [], "warm": [], "first_cpu": [], "warm_cpu": []}
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as cache:
            env = {**os.environ, "RESDIFF_CACHE_DIR": cache, "PYTHONPATH": str(ROOT / "src")}
            cmd = [sys.executable, "-m", "resdiff", "diff", str(CORPUS), str(DRAFT), "-o", str(Path(cache) / "c.json")]
            for which in ("first", "warm"):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                subprocess.run(cmd, env=env, check=True, capture_output=True)
                runs[which].append(time.perf_counter() - start)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                runs[f"{which}_cpu"].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return {"cli_first_run_s": statistics.median(runs["first"]), "cli_warm_cache_s": statistics.median(runs["warm"]),
            "cli_first_run_cpu_s": statistics.median(runs["first_cpu"]),
            "cli_warm_cache_cpu_s": statistics.median(runs["warm_cpu"])}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child)))
        return 0
    results: dict[str, object] = {"2013/9 vs illustrative draft": median_of("2013/9", args.repeat)}
    sweep = [median_of(str(n), args.repeat) for n in args.sizes]
    results["sweep"] = sweep
    if len(sweep) > 1:
        results["exponents"] = {key: exponent(sweep, key) for key in ("compare_s", "align_s", "floor_s", "peak_mib")}
    results.update(cold_cli(args.repeat))
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    pair_row = results["2013/9 vs illustrative draft"]
    assert isinstance(pair_row, dict)
    print("2013/9 vs illustrative draft: " + ", ".join(f"{k} {v:.3f}" for k, v in pair_row.items()))
    cols = ["paragraphs", "distinct", "floor_s", "floor_blocks_s", "compare_s", "ratio", "ratio_cpu", "align_s",
            "peak_mib"]
    print(" | ".join(cols))
    for row in sweep:
        print(" | ".join(f"{row[c]:.3f}" for c in cols))
    if "exponents" in results:
        print("growth exponents: " + ", ".join(f"{k} n^{v:.2f}" for k, v in results["exponents"].items()))  # type: ignore[union-attr]
    print(f"cold CLI diff: first run {results['cli_first_run_s']:.2f} s, warm cache {results['cli_warm_cache_s']:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
