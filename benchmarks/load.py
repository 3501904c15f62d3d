"""Cold read-and-validate time, whole process, against the naive pandas loader.

For the demo source and a generated source of 100,000 participation rows, prints
the median wall time of `python -m bomca_data summary PATH` (imports included) and
of a process that reads the same workbook's sheets with
`pandas.read_excel(engine="openpyxl")`, measured in the same run, and their ratio.

    python benchmarks/load.py [--rows 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.sources import scaled_source  # noqa: E402
from bomca_data.model import DEMO_DIR  # noqa: E402

BASELINE = ("import sys, pandas as pd; "
            "pd.read_excel(sys.argv[1], sheet_name=None, engine='openpyxl')")


def timed(argv: list[str], repeat: int) -> float:
    """Median wall time of a whole process, in seconds; each run with an empty disk
    cache, so every run reads and validates the spreadsheets."""
    times = []
    for _ in range(repeat):
        env = {**os.environ, "BOMCA_CACHE": tempfile.mkdtemp(prefix="bomca-cold-")}
        start = time.perf_counter()
        subprocess.run(argv, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def workbook(folder: Path) -> Path:
    return next(p for p in folder.iterdir() if p.suffix == ".xlsx")


def measure(name: str, folder: Path, repeat: int) -> dict:
    ours = timed([sys.executable, "-m", "bomca_data", "summary", str(folder)], repeat)
    naive = timed([sys.executable, "-c", BASELINE, str(workbook(folder))], repeat)
    return {"source": name, "ours_s": ours, "openpyxl_s": naive, "ratio": naive / ours}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = [measure("demo", DEMO_DIR, args.repeat),
            measure(f"{args.rows:,} participation rows", scaled_source(args.rows), args.repeat)]
    print(f"{'source':<30} {'bomca_data':>11} {'openpyxl':>10} {'faster':>8}")
    for r in rows:
        print(f"{r['source']:<30} {r['ours_s']:>10.2f}s {r['openpyxl_s']:>9.2f}s "
              f"{r['ratio']:>7.1f}x")
    print("(whole process, median of", args.repeat, "runs; targets: >= 6x at 100,000 rows, "
          "demo under 1 s)")


if __name__ == "__main__":
    main()
