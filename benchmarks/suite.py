"""The benchmark suite: every figure as a ratio measured in the same run.

Generates sources of 1,000, 100,000 and 500,000 participation rows (activities and
recommendations in proportion), then measures:

1. cold read and validate, whole process (`python -m bomca_data summary`, empty
   cache), against `pandas.read_excel(engine="openpyxl")` of the same sheets;
2. warm start from the Parquet cache at the largest size, in process, against
   reading the same frames from Parquet directly (the floor), and against the
   in-process cold read;
3. a page rerun after a filter change (AppTest, median) against the cold first run;
4. the server's memory with the largest source loaded, and with 1 and 20 sessions
   (headless Chromium tabs);
5. the largest message a page sends to the browser at the largest size (WebSocket
   frames seen by Chromium, every page).

Prints the figures and writes them to benchmarks/RESULTS.md with the machine.

    python benchmarks/suite.py [--sizes 1000 100000 500000] [--quick]
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import load  # noqa: E402
from benchmarks import pages as page_bench  # noqa: E402
from benchmarks.load import BASELINE  # noqa: E402
from benchmarks.results import RESULTS  # noqa: E402
from benchmarks.serve import largest_messages, server_memory  # noqa: E402
from benchmarks.sources import scaled_source  # noqa: E402


def whole_process(argv: list[str], repeat: int, env: dict | None = None) -> float:
    times = []
    for _ in range(repeat):
        run_env = {**os.environ, **(env or {})}
        if env and env.get("BOMCA_CACHE") == "fresh":
            run_env["BOMCA_CACHE"] = tempfile.mkdtemp(prefix="bomca-cold-")
        start = time.perf_counter()
        subprocess.run(argv, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, env=run_env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cold_vs_openpyxl(source: Path, repeat: int, baseline_repeat: int) -> dict:
    workbook = next(p for p in source.iterdir() if p.suffix == ".xlsx")
    ours = whole_process([sys.executable, "-m", "bomca_data", "summary", str(source)], repeat,
                         {"BOMCA_CACHE": "fresh"})
    naive = whole_process([sys.executable, "-c", BASELINE, str(workbook)], baseline_repeat)
    return {"ours": ours, "openpyxl": naive, "ratio": naive / ours}


def warm_start(source: Path, repeat: int) -> dict:
    """In process: cold read (no cache), warm read (cache), and the Parquet floor."""
    import pandas as pd

    from bomca_data.model import load_dataset

    folder = tempfile.mkdtemp(prefix="bomca-warm-")
    os.environ["BOMCA_CACHE"] = folder
    cold = []
    for _ in range(max(1, repeat // 2)):
        start = time.perf_counter()
        load_dataset(source, use_cache=False)
        cold.append(time.perf_counter() - start)
    load_dataset(source)  # fills the cache
    entry = next(Path(folder).iterdir())
    warm, floor = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        load_dataset(source)
        warm.append(time.perf_counter() - start)
        start = time.perf_counter()
        for path in entry.glob("*.parquet"):
            pd.read_parquet(path)
        floor.append(time.perf_counter() - start)
    cold_s, warm_s, floor_s = (statistics.median(x) for x in (cold, warm, floor))
    return {"cold": cold_s, "warm": warm_s, "floor": floor_s, "vs_floor": warm_s / floor_s,
            "vs_cold": cold_s / warm_s}


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor())
    memory = next((int(line.split()[1]) // 1024 for line in
                   Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    return (f"{os.cpu_count()} cores ({cpu}), {memory / 1024:.0f} GiB, "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}")


BY_HAND = ("<!-- written by hand: kept by suite.py -->", "<!-- end of what is written by hand -->")


def by_hand() -> list[str]:
    """What RESULTS.md holds between the BY_HAND marks (before-and-after figures measured
    in one run, where the time went): kept, right after the header, when the suite
    writes the file anew."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    start, end = text.find(BY_HAND[0]), text.find(BY_HAND[1])
    if start < 0 or end < start:
        return []
    return [text[start:end + len(BY_HAND[1])] + "\n"]


def in_fresh_process(func, *args):
    """func(*args) in a new interpreter: a measurement starts from what a server
    process has (the loaded source), not from the memory the previous ones left."""
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(func, *args).result()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 100_000, 500_000])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # AppTest's "no runtime" warnings
    repeat = 2 if args.quick else 3
    largest = max(args.sizes)
    lines = [f"# Benchmark results\n\nMeasured {time.strftime('%Y-%m-%d %H:%M')} UTC on "
             f"{machine()}, by `python benchmarks/suite.py` (see README). Every ratio "
             "compares two figures measured in the same run.\n", *by_hand()]

    def out(line: str = "") -> None:
        print(line, flush=True)
        lines.append(line)

    sources = {n: scaled_source(n) for n in args.sizes}
    out("## 1. Cold read and validate, whole process, against pandas + openpyxl\n")
    out("| participation rows | bomca_data | read_excel(openpyxl) | faster |")
    out("|---:|---:|---:|---:|")
    for n, source in sources.items():
        r = cold_vs_openpyxl(source, repeat, 1 if n >= 100_000 else repeat)
        out(f"| {n:,} | {r['ours']:.2f} s | {r['openpyxl']:.2f} s | {r['ratio']:.1f}x |")
    out("\nTarget: at least 12x at 500,000 rows.\n")
    out("100,000 participation rows, three distinct files of each writer, one cold run "
        "each (median; `benchmarks/load.py`):\n")
    out("| written by | bomca_data | read_excel(openpyxl) | faster |")
    out("|---|---:|---:|---:|")
    for writer in ("openpyxl", "xlsxwriter"):
        r = load.measure(writer, [scaled_source(100_000, seed, writer) for seed in load.SEEDS])
        out(f"| {writer} | {r['ours_s']:.2f} s | {r['openpyxl_s']:.2f} s | {r['ratio']:.1f}x |")
    out(f"\nTarget: at least {load.TARGET}x on both.\n")

    out(f"## 2. Warm start from the disk cache, {largest:,} rows, in process\n")
    w = warm_start(sources[largest], 5)
    out("| cold read | warm (cache) | Parquet floor | warm / floor | cold / warm |")
    out("|---:|---:|---:|---:|---:|")
    out(f"| {w['cold']:.2f} s | {w['warm'] * 1000:.0f} ms | {w['floor'] * 1000:.0f} ms | "
        f"{w['vs_floor']:.2f}x | {w['vs_cold']:.0f}x |")
    out("\nTargets: within 2x of the floor; at least 10x faster than the cold read.\n")

    out("## 3. Page rerun after a filter change (AppTest), against the cold first run\n")
    for n in (x for x in args.sizes if x >= 100_000):
        out(f"\n{n:,} participation rows:\n")
        out("| page | cold first run | rerun (median) | rerun / cold |")
        out("|---|---:|---:|---:|")
        for page, cold, warm in in_fresh_process(page_bench.measure, sources[n],
                                                 5 if args.quick else 9):
            out(f"| {page} | {cold * 1000:.0f} ms | {warm * 1000:.0f} ms | {warm / cold:.3f} |")
    out("\nTargets: under a tenth; under 100 ms at 100,000 rows, 150 ms at 500,000.\n")

    out(f"## 4. Server memory, {largest:,} rows\n")
    m = server_memory(sources[largest], sessions=20)
    out("| started, no session | 1 session (source loaded) | 20 sessions | 20 / 1 |")
    out("|---:|---:|---:|---:|")
    out(f"| {m['started']:.0f} MB | {m['one']:.0f} MB | {m['many']:.0f} MB | "
        f"{m['many'] / m['one']:.2f}x |")
    out("\nTargets: under 450 MB with the source loaded; 20 sessions under 1.5 times one.\n")

    out(f"## 5. Largest message a page sends to the browser, {largest:,} rows\n")
    out("| page | largest WebSocket frame |")
    out("|---|---:|")
    for page, size in largest_messages(sources[largest]).items():
        out(f"| {page or 'overview'} | {size / 1024:.0f} KB |")
    out("\nTarget: under 1 MB.\n")
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"\nwritten to {RESULTS}")


if __name__ == "__main__":
    main()
