"""Benchmarks of issue 6: a chain of 5, 10 and 20 years, lineage, the index and search.

    python bench/bench_series.py [--years 5 10 20] [--repeat N] [--json] [--profile]

The texts are the ILLUSTRATIVE series of ``tests/series_gen`` (E/RES/2013/9, the only official
text, and generated later years growing to about 150 operative paragraphs), written once into
``bench/out/series-20/`` (git-ignored); the shorter series are its first 5 and 10 texts.

Every figure is the median of ``--repeat`` runs in one warm process (jieba's dictionary loaded,
as in any run after the first comparison), except ``cli chain`` which runs the command cold in a
new process. Targets (issue 6): 20-year chain ≤ 3 s warm, a search ≤ 20 ms.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import shutil
import statistics
import subprocess
import sys
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


def folders(years: list[int]) -> dict[int, Path]:
    """One folder per length, each the first N texts of the 20-year series."""
    full = OUT / "series-20"
    if not (full / "README.txt").exists():
        write_series(full, 20, truth=generate(20))
    texts = sorted(full.glob("E-RES-*.txt"), key=lambda p: int(p.stem.split("-")[2]))
    result = {}
    for n in years:
        folder = OUT / f"series-{n}"
        if n != 20:
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
    row["timeline_html_s"] = median(lambda: render_timeline(series, lineages=lineages), repeat)
    row["chain_and_page_s"] = row["chain_s"] + row["lineage_s"] + row["timeline_html_s"]

    def build() -> Index:
        for path in index_paths(folder):
            path.unlink(missing_ok=True)
        return Index.open(folder)

    row["index_build_s"] = median(build, repeat)
    row["index_open_s"] = median(lambda: Index.open(folder), repeat)
    index = Index.open(folder)
    row["index_kb"] = round((folder / ".resdiff-index.json").stat().st_size / 1024)
    for q in QUERIES:
        index.search(q)
    times = [median(lambda q=q: index.search(q), repeat) for q in QUERIES]  # type: ignore[misc]
    row["search_ms_median"] = statistics.median(times) * 1000
    row["search_ms_max"] = max(times) * 1000
    row["similar_ms"] = median(lambda: index.similar(PARAGRAPH), repeat) * 1000
    return row


def cli_chain(folder: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "resdiff", "chain", str(folder), "-o", str(OUT / "timeline.html")],
                   check=True, capture_output=True)
    return time.perf_counter() - start


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
    parser.add_argument("--years", type=int, nargs="+", default=[5, 10, 20])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--profile", action="store_true", help="print where the 20-year chain's time goes")
    args = parser.parse_args()
    paths = folders(sorted(set(args.years)))
    start = time.perf_counter()
    tokenizer()  # jieba's dictionary, loaded once per process
    warm_up = time.perf_counter() - start
    rows = [bench(n, paths[n], args.repeat) for n in sorted(paths)]
    longest = paths[max(paths)]
    extra = {"jieba_load_s": warm_up, "cli_chain_cold_s": cli_chain(longest)}
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
        print(f"`resdiff chain` on {max(paths)} years, cold, new process: {extra['cli_chain_cold_s']:.2f} s")
        print(f"(the illustrative texts are in {OUT})")
    if args.profile:
        print(profile(longest))


if __name__ == "__main__":
    main()
