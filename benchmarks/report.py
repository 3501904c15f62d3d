"""The report of the whole programme at 100,000 participation rows: the HTML and the
PDF, each against the Excel export of the same view measured in the same run (the
file a person downloads today), with the files' sizes. Each run starts from a freshly
loaded dataset (its figures not yet computed); each figure is the median of
``--repeat`` runs.

    python benchmarks/report.py [--rows 100000] [--repeat 3] [--results]

``--results`` writes the table into benchmarks/RESULTS.md (its own section)."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.results import write_section  # noqa: E402
from benchmarks.sources import scaled_source  # noqa: E402
from bomca_data import filters as flt  # noqa: E402
from bomca_data.model import load_dataset  # noqa: E402
from bomca_data.outputs import export, report  # noqa: E402
from bomca_data.outputs.report import render  # noqa: E402

HEADING = "## 7. The report of a view (HTML, PDF) against the Excel export"
TARGETS = {"html": 3.0, "pdf": 10.0}  # s, the whole programme at 100,000 rows


def timed(make, fresh, repeat: int) -> tuple[float, int]:
    """(median seconds, bytes) of ``make(dataset)``, each run on a freshly loaded
    dataset (loaded outside the timing): no figure is remembered from the run before."""
    times, size = [], 0
    for _ in range(repeat):
        dataset = fresh()
        start = time.perf_counter()
        size = len(make(dataset))
        times.append(time.perf_counter() - start)
    return statistics.median(times), size


def measure(rows: int, repeat: int) -> list[tuple[str, float, int]]:
    source = scaled_source(rows)
    chosen = flt.Filters()
    as_of = load_dataset(source).default_as_of()
    render.warm()  # plotly.js and the fonts are read once per process
    found = []
    for name, make in (
            ("Excel export (baseline)", lambda ds: export.workbook_bytes(ds, chosen, as_of,
                                                                         "en")),
            ("html", lambda ds: report.html_bytes(ds, chosen, as_of, "en")),
            ("pdf", lambda ds: report.pdf_bytes(ds, chosen, as_of, "en")),
            ("html, final report, Russian", lambda ds: report.html_bytes(
                ds, chosen, as_of, "ru", final=True))):
        seconds, size = timed(make, lambda: load_dataset(source), repeat)
        found.append((name, seconds, size))
        print(f"{name}: {seconds:.2f} s, {size / 2**20:.1f} MB", flush=True)
    return found


def table(rows: int, found: list[tuple[str, float, int]]) -> list[str]:
    base = found[0][1]
    lines = [HEADING, "", f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC by "
             "`python benchmarks/report.py`: the whole programme at "
             f"{rows:,} participation rows, each run on a freshly loaded dataset (no "
             "figure remembered), medians.", "",
             "| file | time | against the export | size | target |",
             "|---|---:|---:|---:|---:|"]
    for name, seconds, size in found:
        target = TARGETS.get(name)
        lines.append(f"| {name} | {seconds:.2f} s | {seconds / base:.2f}x | "
                     f"{size / 2**20:.1f} MB | {f'under {target:g} s' if target else ''} |")
    lines += ["", "The HTML carries plotly.js (4.6 MB) and the two fonts (0.2 MB) once, "
              "whatever the rows; the PDF is printed from it by headless Chromium (about "
              "2 s of the time is the browser's start and print).", ""]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--results", action="store_true", help="write into RESULTS.md")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    lines = table(args.rows, measure(args.rows, args.repeat))
    print("\n".join(lines))
    if args.results:
        write_section(lines)


if __name__ == "__main__":
    main()
