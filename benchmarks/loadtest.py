"""A meeting room at once: 30 headless Chromium tabs open the dashboard together.

Starts one server on localhost, opens every tab at the same moment, and reports that
each drew its charts, the slowest time to the first chart, and any error in the
server's log. Bounded in time; stops by itself. Exits 1 when a tab failed.

    python benchmarks/loadtest.py [--tabs 30] [--rows 0]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.serve import FIRST_CHART_PROBE, chromium, server, wait_drawn  # noqa: E402
from benchmarks.sources import scaled_source  # noqa: E402
from bomca_data.source.location import DEMO_DIR  # noqa: E402

TIME_LIMIT_MS = 180_000


def run(tabs: int, source: Path) -> dict:
    with server(source) as (url, pid, log), chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_init_script(FIRST_CHART_PROBE)
        warm = context.new_page()  # the dataset is loaded once, before the room arrives
        warm.goto(url)
        wait_drawn(warm, 4)
        warm.close()
        cpu_before = cpu_seconds(pid)
        pages, started = [], time.perf_counter()
        for _ in range(tabs):
            page = context.new_page()
            page.goto(url, wait_until="commit")
            pages.append((page, (time.perf_counter() - started) * 1000))
        drawn, slowest = 0, 0.0
        for page, offset in pages:
            try:
                wait_drawn(page, 4, TIME_LIMIT_MS)
                first = page.evaluate("window.__firstChart") or 0
                slowest = max(slowest, offset + first)
                drawn += int(page.locator('[data-testid="stException"]').count() == 0)
            except Exception as exc:
                print(f"a tab failed: {exc}", file=sys.stderr)
        server_cpu = cpu_seconds(pid) - cpu_before
        context.close()
        text = log.read_text(errors="replace")
    errors = [line for line in text.splitlines() if "Traceback" in line or "ERROR" in line]
    return {"tabs": tabs, "drawn": drawn, "slowest_ms": slowest, "errors": errors,
            "server_cpu": server_cpu}


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the server process has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tabs", type=int, default=30)
    parser.add_argument("--rows", type=int, default=0,
                        help="participation rows of a generated source (0: the demo)")
    parser.add_argument("--results", action="store_true",
                        help="also append the figures to benchmarks/RESULTS.md")
    args = parser.parse_args()
    source = scaled_source(args.rows) if args.rows else DEMO_DIR
    result = run(args.tabs, source)
    summary = (f"{result['drawn']}/{result['tabs']} tabs drew their charts; slowest time to "
               f"the first chart {result['slowest_ms'] / 1000:.1f} s (the browser's tabs and "
               f"the server share this machine's {os.cpu_count()} cores); server CPU "
               f"{result['server_cpu'] / result['tabs'] * 1000:.0f} ms per session; "
               f"{len(result['errors'])} error line(s) in the server log")
    print(summary)
    if args.results:
        with (ROOT / "benchmarks" / "RESULTS.md").open("a", encoding="utf-8") as fh:
            fh.write(f"## 6. Load test: {args.tabs} Chromium tabs at once "
                     f"(`python benchmarks/loadtest.py`)\n\n{summary}.\n")
    for line in result["errors"][:10]:
        print("  " + line)
    return 0 if result["drawn"] == result["tabs"] and not result["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
