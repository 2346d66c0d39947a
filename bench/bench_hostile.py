"""Benchmarks of issue 15: how long, and how much memory, each hostile input takes to be refused.

    python bench/bench_hostile.py [--json]

Each input is generated into a temporary folder, then ``resdiff parse`` (or ``diff``) runs on it in
a subprocess with a hard timeout; the wall time and the peak resident memory of that process are
reported with its exit code and the first line it printed. Every one should end within a few
seconds and a few hundred MB, with exit code 2. The bounds themselves are in
``src/resdiff/limits.py`` (and ``docs/design.md``, "Limits").
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The hostile files are made as the regression tests make them, so both measure the same inputs.
from tests.test_issue15_hostile import _lzw_zeros, _pdf  # noqa: E402

MiB = 1024 * 1024


def _glyphs(n: int) -> bytes:
    content = b"BT /F1 6 Tf " + b"".join(b"1 0 0 1 %d %d Tm (A) Tj " % (20 + (i % 140) * 4, 820 - (i // 140) * 4)
                                           for i in range(n)) + b"ET"
    return _pdf(zlib.compress(content), filters=b"/Filter /FlateDecode ")


def _flate_bomb(inflated_mib: int) -> bytes:
    packer = zlib.compressobj(9)
    zeros = b"\0" * MiB
    return _pdf(b"".join(packer.compress(zeros) for _ in range(inflated_mib)) + packer.flush(),
                filters=b"/Filter /FlateDecode ")


def _lzw_bomb() -> bytes:
    return _pdf(_lzw_zeros(45_000), filters=b"/Filter /LZWDecode ")  # 73 KB decoding to 180 MB


def _docx(change: str | None = None, big: tuple[str, int] | None = None) -> bytes:
    from tests.docx_maker import make_docx

    text = "经济及社会理事会，\n**回顾**其决议，\n1. **吁请**各国：\n(a) 加强合作；\n(b) 提交报告。\n"
    base = make_docx(text)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            blob = zin.read(info.filename)
            if change and info.filename == "word/numbering.xml":
                blob = blob.replace(b'<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>',
                                    change.encode(), 1)
            zout.writestr(info.filename, blob)
        if big:
            with zout.open(big[0], "w", force_zip64=True) as member:
                for _ in range(big[1]):
                    member.write(b"\0" * MiB)
    return out.getvalue()


def _many_paragraphs(n: int) -> bytes:
    lines = ["经济及社会理事会，", "**回顾**其决议，"] + [f"{k}. **请**秘书长提交第{k}号报告。" for k in range(1, n + 1)]
    return ("\n".join(lines) + "\n").encode()


CASES = {
    "pdf: 20,000 glyphs on a page (at the bound)": ("x.pdf", lambda: _glyphs(20_000)),
    "pdf: 25,000 glyphs on a page": ("x.pdf", lambda: _glyphs(25_000)),
    "pdf: 40,000 glyphs on a page": ("x.pdf", lambda: _glyphs(40_000)),
    "pdf: 80,000 glyphs on a page": ("x.pdf", lambda: _glyphs(80_000)),
    "pdf: Flate stream inflating to 1 GB": ("x.pdf", lambda: _flate_bomb(1024)),
    "pdf: LZW stream decoding to 180 MB": ("x.pdf", _lzw_bomb),
    "pdf: %PDF-1.4 and 20 MB of zeros": ("x.pdf", lambda: b"%PDF-1.4\n" + b"\0" * 20_000_000),
    "docx: lowerLetter list from 4,000,000,000": (
        "x.docx", lambda: _docx('<w:lvl w:ilvl="1"><w:start w:val="4000000000"/><w:numFmt w:val="lowerLetter"/>')),
    "docx: upperRoman list from 10^11": (
        "x.docx", lambda: _docx('<w:lvl w:ilvl="1"><w:start w:val="100000000000"/><w:numFmt w:val="upperRoman"/>')),
    "docx: zip bomb, 2 GB unzipped": ("x.docx", lambda: _docx(big=("word/media/image1.bin", 2048))),
    "docx: 52 MB of XML": ("x.docx", lambda: _docx(big=("word/glossary.xml", 52))),
    "text: 10,000 paragraphs (diff against itself)": ("x.txt", lambda: _many_paragraphs(10_000)),
    "pdf: a million glyphs in one string": (
        "x.pdf", lambda: _pdf(zlib.compress(b"BT /F1 6 Tf [(" + b"A" * 1_000_000 + b")] TJ ET"),
                              filters=b"/Filter /FlateDecode ")),
    "text: 1,000 paragraphs alike (diff, at the bound)": ("x.txt", lambda: _many_paragraphs(999)),
}


def run(name: str, suffix: str, make: object, folder: Path) -> dict[str, object]:
    path = folder / ("case" + suffix)
    path.write_bytes(make())  # type: ignore[operator]
    command = ["diff", str(path), str(path)] if suffix == ".txt" else ["parse", str(path)]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    start = time.perf_counter()
    peak = 0
    try:
        done = subprocess.run([sys.executable, "-c", MEASURED, *command], capture_output=True, text=True,
                              timeout=300, env=env)
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        if lines and lines[-1].startswith("PEAK "):
            peak = int(lines.pop().split()[1])
        code, said = done.returncode, (lines or done.stdout.strip().splitlines())[:1]
    except subprocess.TimeoutExpired:
        code, said = None, ["timed out after 300 s"]
    seconds = time.perf_counter() - start
    return {"case": name, "file_bytes": path.stat().st_size, "seconds": round(seconds, 2),
            "peak_mb": round(peak / 1024), "exit": code, "said": said[0][:140] if said else ""}


#: Runs the CLI and reports the peak resident memory of its own process on the last line of stderr.
MEASURED = """
import resource, runpy, sys
sys.argv = ["resdiff", *sys.argv[1:]]
code = 0
try:
    runpy.run_module("resdiff", run_name="__main__")
except SystemExit as exc:
    code = exc.code
sys.stdout.flush()
sys.stderr.write("\\nPEAK %d\\n" % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
sys.exit(code)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for name, (suffix, make) in CASES.items():
            results.append(run(name, Path(suffix).suffix, make, Path(folder)))
            if not args.json:
                r = results[-1]
                print(f"{r['seconds']:>7.2f} s {r['peak_mb']:>6} MB  exit {r['exit']}  {name}\n"
                      f"{'':>27}{r['said']}")
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
