"""A meeting room at once: 30 people open the dashboard's link together.

Starts one server on localhost on one core. In the room each person's browser runs on
their own machine, so the first 29 are played by clients that speak Streamlit's own
protocol (a WebSocket each, as the page's script opens it: the server does for them
all it does for a browser, and they wait for their charts' messages), and the 30th,
arriving last, by a real Chromium tab on the other core, timed to its first chart
drawn. Thirty Chromium tabs on one core would time that core drawing thirty pages
(about 3 s of its CPU each), not the server.

Reports that every session drew (or received) its charts, the slowest time to the
first chart, the server's CPU time per session and any error in the server's log.
Bounded in time; stops by itself. Exits 1 when a session failed.

    python benchmarks/loadtest.py [--tabs 30] [--rows 0] [--results]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.results import write_section  # noqa: E402
from benchmarks.serve import (  # noqa: E402
    BROWSER_CPUS,
    FIRST_CHART_PROBE,
    SERVER_CPUS,
    chromium,
    cpu_seconds,
    server,
    wait_drawn,
)
from benchmarks.sources import scaled_source  # noqa: E402
from bomca_data.source.location import DEMO_DIR  # noqa: E402
from bomca_data.ui import pages as declared  # noqa: E402

TIME_LIMIT_S = 180
TARGETS = {"slowest_ms": 10_000, "cpu_per_session_ms": 150}
CHARTS = declared.BY_PATH["pages/overview.py"].charts_on_demo  # the link opens Overview


async def person(url: str, started: float) -> float:
    """One session opened as the page's script opens it; ms from ``started`` to the
    message carrying its CHARTS-th chart (the run then finishes)."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    address = url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(address, subprotocols=["streamlit"], max_size=None,
                                  origin=url) as ws:
        back = BackMsg()
        back.rerun_script.query_string = ""
        back.rerun_script.context_info.locale = "en-GB"
        back.rerun_script.context_info.timezone = "UTC"
        back.rerun_script.context_info.url = url + "/"
        await ws.send(back.SerializeToString())
        charts, drawn = 0, None
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await asyncio.wait_for(ws.recv(), TIME_LIMIT_S))
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.new_element.WhichOneof("type") == "plotly_chart":
                charts += 1
                if charts == CHARTS:
                    drawn = (time.perf_counter() - started) * 1000
            elif kind == "script_finished" and msg.script_finished == \
                    ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY:
                if drawn is None:
                    raise RuntimeError(f"the run finished with {charts} chart(s)")
                return drawn


def people(url: str, count: int, started: float, found: list) -> None:
    async def room() -> None:
        found.extend(await asyncio.gather(*(person(url, started) for _ in range(count)),
                                          return_exceptions=True))
    asyncio.run(room())


def run(tabs: int, source: Path) -> dict:
    if len(os.sched_getaffinity(0)) > 1:  # the browser, started from here, inherits it
        os.sched_setaffinity(0, BROWSER_CPUS)
    with server(source, cpus=SERVER_CPUS) as (url, pid, log), chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_init_script(FIRST_CHART_PROBE)
        warm = context.new_page()  # the dataset is loaded once, before the room arrives
        warm.goto(url)
        wait_drawn(warm, CHARTS)
        warm.close()
        last = browser.new_context(viewport={"width": 1280, "height": 900})
        last.add_init_script(FIRST_CHART_PROBE)
        page = last.new_page()
        cpu_before, found = cpu_seconds(pid), []
        started = time.perf_counter()
        crowd = threading.Thread(target=people, args=(url, tabs - 1, started, found))
        crowd.start()
        time.sleep(0.05)  # the last to arrive
        offset = (time.perf_counter() - started) * 1000
        page.goto(url, wait_until="commit")
        drawn, times = 0, []
        try:
            wait_drawn(page, CHARTS, TIME_LIMIT_S * 1000)
            times.append(offset + (page.evaluate("window.__firstChart") or 0))
            drawn += int(page.locator('[data-testid="stException"]').count() == 0)
        except Exception as exc:
            print(f"the browser's tab failed: {exc}", file=sys.stderr)
        crowd.join(TIME_LIMIT_S)
        server_cpu = cpu_seconds(pid) - cpu_before
        last.close()
        text = log.read_text(errors="replace")
    for result in found:
        if isinstance(result, BaseException):
            print(f"a session failed: {result!r}", file=sys.stderr)
        else:
            drawn += 1
            times.append(result)
    errors = [line for line in text.splitlines() if "Traceback" in line or "ERROR" in line]
    return {"tabs": tabs, "drawn": drawn, "slowest_ms": max(times, default=0.0),
            "browser_ms": times[0] if times else 0.0, "errors": errors,
            "server_cpu": server_cpu}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tabs", type=int, default=30)
    parser.add_argument("--rows", type=int, default=0,
                        help="participation rows of a generated source (0: the demo)")
    parser.add_argument("--results", action="store_true",
                        help="also write the figures into benchmarks/RESULTS.md")
    args = parser.parse_args()
    source = scaled_source(args.rows) if args.rows else DEMO_DIR
    result = run(args.tabs, source)
    per_session = result["server_cpu"] / result["tabs"] * 1000
    summary = (f"{result['drawn']}/{result['tabs']} sessions had their charts; slowest time "
               f"to the first chart {result['slowest_ms'] / 1000:.1f} s (target at most "
               f"{TARGETS['slowest_ms'] / 1000:.0f} s; the server on one core; the last to "
               f"arrive, a Chromium tab on another core, drew its first chart after "
               f"{result['browser_ms'] / 1000:.1f} s); server CPU {per_session:.0f} ms per "
               f"session (target at most "
               f"{TARGETS['cpu_per_session_ms']} ms); {len(result['errors'])} error line(s) "
               "in the server log")
    print(summary)
    if args.results:
        write_section([f"## 6. Load test: {args.tabs} people open the link at once "
                       "(`python benchmarks/loadtest.py`)", "", f"{summary}."])
    for line in result["errors"][:10]:
        print("  " + line)
    return 0 if result["drawn"] == result["tabs"] and not result["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
