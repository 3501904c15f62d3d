"""Cold read-and-validate time, whole process, against the naive pandas loader.

Prints the median wall time of `python -m bomca_data summary PATH` (imports included,
an empty disk cache every run) and of a process reading the same workbook's sheets
with `pandas.read_excel(engine="openpyxl")`, measured in the same run, and their ratio:

- the demo source, ``--repeat`` runs each;
- 100,000 participation rows (about 4,500 activities and 2,200 recommendations),
  written by the project's writer and by xlsxwriter: three distinct files of each
  (different seeds, so no file is read twice), one run each, the median of the three.

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
from bomca_data.source.location import DEMO_DIR  # noqa: E402

BASELINE = ("import sys, pandas as pd; "
            "pd.read_excel(sys.argv[1], sheet_name=None, engine='openpyxl')")
SEEDS = (10, 11, 12)  # three distinct files of each kind
TARGET = 8  # times faster than the naive loader at 100,000 rows (issue 14)


def cold(argv: list[str]) -> float:
    """Wall time of one whole process, with an empty disk cache: it reads and
    validates the spreadsheets."""
    env = {**os.environ, "BOMCA_CACHE": tempfile.mkdtemp(prefix="bomca-cold-")}
    start = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def workbook(folder: Path) -> Path:
    return next(p for p in folder.iterdir() if p.suffix == ".xlsx")


def measure(name: str, folders: list[Path]) -> dict:
    """Medians over ``folders`` (or over repeated runs of one folder)."""
    ours = [cold([sys.executable, "-m", "bomca_data", "summary", str(f)]) for f in folders]
    naive = [cold([sys.executable, "-c", BASELINE, str(workbook(f))]) for f in folders]
    ours_s, naive_s = statistics.median(ours), statistics.median(naive)
    return {"source": name, "ours_s": ours_s, "openpyxl_s": naive_s, "ratio": naive_s / ours_s}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = [measure("demo", [DEMO_DIR] * args.repeat)]
    for writer in ("openpyxl", "xlsxwriter"):
        folders = [scaled_source(args.rows, seed, writer) for seed in SEEDS]
        rows.append(measure(f"{args.rows:,} rows ({writer})", folders))
    print(f"{'source':<30} {'bomca_data':>11} {'openpyxl':>10} {'faster':>8}")
    for r in rows:
        print(f"{r['source']:<30} {r['ours_s']:>10.2f}s {r['openpyxl_s']:>9.2f}s "
              f"{r['ratio']:>7.1f}x")
    print(f"(whole process, empty disk cache; medians of {args.repeat} runs of the demo and "
          f"of 3 distinct files of each kind; target: >= {TARGET}x at 100,000 rows)")


if __name__ == "__main__":
    main()
