"""Benchmarks of issues 6 and 13: a chain of 5, 10, 20 and 50 years, lineage, the index and search.

    python bench/bench_series.py [--years 5 10 20 50] [--repeat N] [--json] [--profile]

The texts are the ILLUSTRATIVE series of ``tests/series_gen`` (E/RES/2013/9, the only official
text, and generated later years growing to about 150 operative paragraphs), written once into
``bench/out/series-20/`` (git-ignored); the shorter series are its first 5 and 10 texts.

The 50-year series (issue 13) continues the same generator past its 20 symbols with invented
ones (``bench/out/series-50/``, ILLUSTRATIVE as well).

Every figure is the median of ``--repeat`` runs in one warm process (jieba's dictionary loaded,
as in any run after the first comparison), except the ``cli chain`` figures, which run the
command as a new process with a word cache of its own: first with the cache empty, then again
with the cache the first run filled ("cold with a warm word cache"). ``lineage_exponent`` is the
growth of the lineage time with the number of years. Targets: 20-year chain ≤ 3 s warm (issue 6)
and ≤ 1 s cold with a warm word cache, 50-year lineage ≤ 0.1 s warm (issue 13), a search ≤ 20 ms.

Measured (issue 13, second round, a quiet moment of the shared 2-core machine): 50-year lineage
0.029 s (5.8 µs per step; 0.087 s before), 20-year chain 0.36 s warm, ``resdiff chain`` on 20
years 1.35 s the first time and 0.71 s with a warm word cache, 50-year index built in 0.17 s,
searches 1.3 ms (median). Under other users' load the wall times of the new processes double.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import io
import json
import math
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.series_gen import generate, write_series  # noqa: E402
from timing import median  # noqa: E402  (bench/ is on the path when a bench script runs)

from resdiff.render.timeline import render_timeline  # noqa: E402
from resdiff.search import Index, index_paths  # noqa: E402
from resdiff.segment import tokenizer  # noqa: E402
from resdiff.series import Series  # noqa: E402

OUT = ROOT / "bench" / "out"
QUERIES = ["能力建设", "信息和通信技术促进发展", "弥合数字鸿沟", "加强合作进程", "因特网治理论坛",
           "多利益攸关方", "评估各国普遍使用信息和通信技术的情况", "世界首脑会议成果的落实情况"]
PARAGRAPH = ("吁请国际组织和区域组织继续评估各国普遍利用信息和通信技术的情况并提出报告，"
             "目的是为发展中国家信息和通信技术部门的增长创造公平机会；")


def _long_series(years: int) -> Path:
    """The generator's series continued past its 20 symbols, with invented ones."""
    module = importlib.import_module("tests.series_gen.generate")

    folder = OUT / f"series-{years}"
    if not (folder / "README.txt").exists():
        known, cn_text = module.SYMBOLS, module.cn_text

        def cn_text_past_99(n: int) -> str:  # ordinals of sessions past 99, which 20 years never reach
            return "一百" + ("零" + cn_text(n - 100) if n > 100 else "") if n >= 100 else str(cn_text(n))

        try:
            module.SYMBOLS = known + tuple((known[-1][0] + k, str(1 + (7 * k) % 40)) for k in range(1, years))
            module.cn_text = cn_text_past_99
            write_series(folder, years, truth=module.generate(years))
        finally:
            module.SYMBOLS, module.cn_text = known, cn_text
    return folder


def folders(years: list[int]) -> dict[int, Path]:
    """One folder per length, each the first N texts of the 20-year series (or a longer one)."""
    full = OUT / "series-20"
    if not (full / "README.txt").exists():
        write_series(full, 20, truth=generate(20))
    texts = sorted(full.glob("E-RES-*.txt"), key=lambda p: int(p.stem.split("-")[2]))
    result = {}
    for n in years:
        folder = OUT / f"series-{n}"
        if n > 20:
            folder = _long_series(n)
        elif n != 20:
            if folder.exists():
                shutil.rmtree(folder)
            folder.mkdir(parents=True)
            for path in texts[:n]:
                shutil.copy(path, folder / path.name)
        result[n] = folder
    return result


def bench(n: int, folder: Path, repeat: int) -> dict[str, float | int]:
    series = Series.load(folder)
    row: dict[str, float | int] = {
        "years": n,
        "units_latest": len(series.latest.resolution.units),
        "units_total": sum(len(m.resolution.units) for m in series.members),
    }
    row["chain_s"] = median(lambda: Series.load(folder), repeat)
    row["lineage_s"] = median(lambda: Series(series.members, series.comparisons).lineage(), repeat)
    lineages = series.lineage()
    # The lineage's output grows as paragraphs × years: the cost per step is the fair measure.
    row["lineage_steps"] = sum(len(lineage.history) for lineage in lineages)
    row["lineage_us_per_step"] = row["lineage_s"] / row["lineage_steps"] * 1e6
    row["timeline_html_s"] = median(lambda: render_timeline(series, lineages=lineages), repeat)
    row["chain_and_page_s"] = row["chain_s"] + row["lineage_s"] + row["timeline_html_s"]

    def build() -> Index:
        for path in index_paths(folder):
            path.unlink(missing_ok=True)
        return Index.open(folder)

    row["index_build_s"] = median(build, repeat)
    row["index_open_s"] = median(lambda: Index.open(folder), repeat)
    index = Index.open(folder)
    row["index_kb"] = round(sum(p.stat().st_size for p in folder.glob(".resdiff-index*")) / 1024)
    for q in QUERIES:
        index.search(q)
    times = [median(lambda q=q: index.search(q), repeat) for q in QUERIES]  # type: ignore[misc]
    row["search_ms_median"] = statistics.median(times) * 1000
    row["search_ms_max"] = max(times) * 1000
    row["similar_ms"] = median(lambda: index.similar(PARAGRAPH), repeat) * 1000
    return row


def cli_chain(folder: Path) -> tuple[float, float]:
    """``resdiff chain`` as a new process: with an empty word cache, then with the one it filled."""
    times = []
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "RESDIFF_CACHE_DIR": cache, "PYTHONPATH": str(ROOT / "src")}
        for _ in range(2):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "resdiff", "chain", str(folder), "-o", str(OUT / "timeline.html")],
                           check=True, capture_output=True, env=env)
            times.append(time.perf_counter() - start)
    return times[0], times[1]


def profile(folder: Path) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    Series.load(folder).lineage()
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--years", type=int, nargs="+", default=[5, 10, 20, 50])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--profile", action="store_true", help="print where the 20-year chain's time goes")
    args = parser.parse_args()
    paths = folders(sorted(set(args.years)))
    start = time.perf_counter()
    tokenizer()  # jieba's dictionary, loaded once per process
    warm_up = time.perf_counter() - start
    rows = [bench(n, paths[n], args.repeat) for n in sorted(paths)]
    chain_years = 20 if 20 in paths else max(paths)
    first, warm = cli_chain(paths[chain_years])
    extra: dict[str, float] = {"jieba_load_s": warm_up, "cli_chain_years": chain_years,
                               "cli_chain_first_run_s": first, "cli_chain_warm_word_cache_s": warm}
    if len(rows) > 1:
        xs = [math.log(float(r["years"])) for r in rows]
        ys = [math.log(float(r["lineage_s"])) for r in rows]
        mx, my = statistics.fmean(xs), statistics.fmean(ys)
        extra["lineage_exponent"] = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    if args.json:
        print(json.dumps({"rows": rows, **extra}, indent=2))
    else:
        cols = ["years", "units_latest", "units_total", "chain_s", "lineage_s", "timeline_html_s",
                "chain_and_page_s", "index_build_s", "index_open_s", "index_kb", "search_ms_median",
                "search_ms_max", "similar_ms"]
        print(" | ".join(cols))
        for row in rows:
            print(" | ".join(f"{row[c]:.3f}" if isinstance(row[c], float) else str(row[c]) for c in cols))
        print(f"jieba dictionary load (once per process): {extra['jieba_load_s']:.2f} s")
        print(f"`resdiff chain` on {chain_years} years, new process: first run {first:.2f} s, "
              f"with a warm word cache {warm:.2f} s")
        if "lineage_exponent" in extra:
            print(f"lineage time grows as years^{extra['lineage_exponent']:.2f}")
        print(f"(the illustrative texts are in {OUT})")
    if args.profile:
        print(profile(paths[chain_years]))


if __name__ == "__main__":
    main()
