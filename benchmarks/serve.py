"""A dashboard server on localhost, and headless Chromium sessions against it.

Used by the benchmark suite (memory, message sizes) and the load test. Every loop is
bounded in count and time; the server and the browser stop when done.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bomca_data.ui import pages as declared

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
# the server on one core and the browser on the other: the two do not steal from each other
SERVER_CPUS, BROWSER_CPUS = {0}, {1}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
# the pages a viewer opens that draw charts, as declared (bomca_data/ui/pages.py)
PAGES = tuple(p.url for p in declared.PAGES if not p.editors and p.charts_on_demo)
# the page's charts drawn (not the hidden blank one that fetches the chart code early,
# bomca_data/ui/theme.py)
DRAWN = ("[...document.querySelectorAll('.js-plotly-plot .main-svg')]"
         ".filter(e => !e.closest('.st-key-chart_code_early')).length")
# Records, in each tab, when the first chart appeared (ms after navigation start).
FIRST_CHART_PROBE = f"""
new MutationObserver((_, observer) => {{
  if ({DRAWN}) {{
    window.__firstChart = performance.now();
    observer.disconnect();
  }}
}}).observe(document, {{childList: true, subtree: true}});
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def server(source: Path, log: Path | None = None, options: tuple[str, ...] = (),
           app: Path | str = "app.py", env: dict | None = None, cpus: set[int] | None = None
           ) -> Iterator[tuple[str, int, Path]]:
    """(url, pid, log) of `streamlit run app.py` (or ``app``) on a free port, reading
    ``source``, started as `make run` starts it (sessions run in threads: glibc's
    per-thread arenas and its growing mmap threshold would otherwise keep every
    session's peak); ``env`` added to its environment, ``cpus`` the cores it may use."""
    port = _free_port()
    log = log or Path(tempfile.mkdtemp(prefix="bomca-serve-")) / "server.log"
    env = {**os.environ, "BOMCA_DATA": str(source), "MALLOC_ARENA_MAX": "2",
           "MALLOC_MMAP_THRESHOLD_": "65536",
           "BOMCA_CACHE": os.environ.get("BOMCA_CACHE") or tempfile.mkdtemp(), **(env or {})}
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true", *options],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=env,
            preexec_fn=(lambda: os.sched_setaffinity(0, cpus)) if cpus else None)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                    break
            except OSError:
                time.sleep(0.3)
        else:
            raise RuntimeError(f"the server did not start:\n{log.read_text()}")
        yield url, proc.pid, log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@contextmanager
def chromium() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def wait_drawn(page, charts: int = 1, timeout_ms: int = 120_000) -> None:
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]',
                           timeout=timeout_ms)
    if charts:
        page.wait_for_function(f"() => {DRAWN} >= {charts}", timeout=timeout_ms)


def server_memory(source: Path, sessions: int = 20) -> dict:
    """The server's RSS before any session (nothing loaded yet), with 1 session (the
    source loaded), and with ``sessions`` open at once."""
    with server(source) as (url, pid, _), chromium() as browser:
        started = rss_mb(pid)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        first = context.new_page()
        first.goto(url)
        wait_drawn(first, 4)
        time.sleep(2)
        one = rss_mb(pid)
        tabs = [first]
        for _ in range(sessions - 1):
            tab = context.new_page()
            tab.goto(url, wait_until="commit")
            tabs.append(tab)
        for tab in tabs:
            wait_drawn(tab, 4)
        time.sleep(2)
        many = rss_mb(pid)
        context.close()
    return {"started": started, "one": one, "many": many}


def largest_messages(source: Path) -> dict[str, int]:
    """Per page, the largest WebSocket frame the server sent to the browser."""
    sizes: dict[str, int] = {}
    with server(source) as (url, _, _), chromium() as browser:
        for path in PAGES:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            frames: list[int] = []

            def watch(ws, frames=frames) -> None:
                ws.on("framereceived", lambda payload: frames.append(len(payload)))

            page.on("websocket", watch)
            page.goto(f"{url}/{path}")
            wait_drawn(page, 0 if path == "data_quality" else 1)
            time.sleep(1)
            sizes[path] = max(frames, default=0)
            context.close()
    return sizes
