"""What a person waits for, measured in Chromium: opening a link, a filter change, a
page switch, the language switch, the rows behind a chart, the downloads.

The server runs on one core and the browser on the other (``taskset``-style affinity:
the two do not steal from each other). Every action is timed from the click to
*settled*: the last change of the page's DOM before 500 ms of quiet with no script
running (a MutationObserver in the page). Where the time went is read beside it:
until the server's last WebSocket message (script, serialisation and transfer), the
server's CPU time, the bytes sent, and the rest (the browser drawing).

The filter changes on Overview are compared with a one-file Streamlit app drawing the
same number of plotly charts under the same sidebar filters (``baseline_app.py``, the
framework's floor), and with the same app drawing the dashboard's frame (menu, sidebar
controls, page header, rows expanders) and nothing of the page, measured alternately in
the same run: what the frame costs, and what the page adds to it. A cold start (server start
to first chart, empty caches) is timed on the demo.

    python benchmarks/browser.py [--rows 0 100000] [--repeat 5] [--quick] [--results]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
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
from bomca_data import i18n  # noqa: E402
from bomca_data.source.location import DEMO_DIR  # noqa: E402
from bomca_data.ui import pages as declared  # noqa: E402

QUIET_MS = 500
VIEWPORT = {"width": 1366, "height": 768}
# kept by the page itself: the time of its last DOM change, and how many script runs
# have ended (the app's script state leaving "running", however briefly it was there)
SETTLE_PROBE = """
window.__last = performance.now();
window.__runs = 0;
new MutationObserver((records) => {
  window.__last = performance.now();
  for (const r of records) {
    if (r.attributeName === 'data-test-script-state' && r.oldValue === 'running') {
      window.__runs += 1;
    }
  }
}).observe(document, {childList: true, subtree: true, attributes: true,
                      attributeOldValue: true, characterData: true});
"""
SETTLED = ("(runs) => window.__runs > runs && document.querySelector("
           "'[data-testid=\"stApp\"]')?.dataset.testScriptState === 'notRunning' && "
           f"performance.now() - window.__last > {QUIET_MS}")
FILTERS = {"years": ("Y2", "Y3"), "countries": ("KZ", "KG"), "components": ("C1", "C2")}
KIND = {"years": "year", "countries": "country", "components": "component"}
TARGETS = {"filter": 1.2, "page": 1000, "rows": 1000, "language": 1500, "cold": 4000}


@dataclass
class Timing:
    """One action: settled after ``total`` ms; the server's last message at ``server``
    ms, ``cpu`` ms of the server's CPU, ``kb`` received."""
    total: float
    server: float
    cpu: float
    kb: float
    runs: int = 1


@dataclass
class Samples:
    runs: list[Timing] = field(default_factory=list)

    def median(self, name: str = "total") -> float:
        return statistics.median(getattr(t, name) for t in self.runs)


def cpu_ms(pid: int) -> float:
    return cpu_seconds(pid) * 1000


class Tab:
    """One browser tab on one server, its actions timed to settled."""

    def __init__(self, browser, url: str, pid: int, path: str = "") -> None:
        self.context = browser.new_context(viewport=VIEWPORT)
        self.context.add_init_script(SETTLE_PROBE)
        self.page = self.context.new_page()
        self.url, self.pid, self.frames = url, pid, []
        self.page.on("websocket", lambda ws: ws.on(
            "framereceived", lambda payload: self.frames.append(
                (time.perf_counter(), len(payload)))))
        self.page.goto(f"{url}/{path}")
        self.settle()

    def settle(self, runs: int = -1, timeout_ms: int = 120_000) -> None:
        """Until the page is quiet after more than ``runs`` script runs have ended."""
        self.page.wait_for_function(SETTLED, arg=runs, polling=50, timeout=timeout_ms)
        self.page.wait_for_function("() => !document.querySelector('[data-testid=stSkeleton]')")

    def timed(self, action) -> Timing:
        cpu, started, seen = cpu_ms(self.pid), time.perf_counter(), len(self.frames)
        t0, runs = self.page.evaluate("[performance.now(), window.__runs]")
        action()
        self.settle(runs)
        total, after = self.page.evaluate("[window.__last, window.__runs]")
        total -= t0
        frames = self.frames[seen:]
        last = max((t for t, _ in frames), default=started)
        return Timing(total, (last - started) * 1000, cpu_ms(self.pid) - cpu,
                      sum(n for _, n in frames) / 1024, after - runs)

    def box(self, label: str):
        return self.page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]',
                                 has_text=label).first

    def choose(self, label: str, option: str) -> Timing:
        """Type an option's first letters in a sidebar filter, then Enter (timed)."""
        self.box(label).locator("input").click()
        self.page.keyboard.type(option[:4])
        self.page.get_by_role("option", name=option, exact=True).wait_for()
        return self.timed(lambda: (self.page.keyboard.press("Enter"),
                                   self.page.keyboard.press("Escape")))

    def unchoose(self, label: str) -> Timing:
        """Remove the filter's last chosen option with Backspace (timed)."""
        self.box(label).locator("input").click()
        return self.timed(lambda: (self.page.keyboard.press("Backspace"),
                                   self.page.keyboard.press("Escape")))

    def close(self) -> None:
        self.context.close()


def filter_labels(lang: str = "en") -> dict[str, tuple[str, list[str]]]:
    """Each compared filter's label and option names, as the dashboard shows them."""
    from bomca_data.model import load_dataset

    programme = load_dataset(DEMO_DIR).programme
    codes = {"years": [f"Y{n}" for n in programme.year_numbers()],
             "countries": list(programme.countries), "components": list(programme.components)}
    return {name: (i18n.t(f"filters.{name}", lang),
                   [i18n.name(KIND[name], c, lang) for c in codes[name]]) for name in FILTERS}


def frame_spec(lang: str = "en") -> dict:
    """The dashboard's frame for ``baseline_app.py`` (``BASELINE_FRAME``): the menu's
    pages (titles, icons; all of them, as the benchmark's server, without sign-in, shows
    them) and every sidebar filter (label, option names)."""
    from bomca_data import filters as flt
    from bomca_data.model import load_dataset

    programme = load_dataset(DEMO_DIR).programme
    offered = flt.options(programme, "programme")
    return {"pages": [[i18n.t(p.title, lang), p.icon] for p in declared.PAGES],
            "filters": {i18n.t(f"filters.{name}", lang): [i18n.name(kind, c, lang)
                                                          for c in offered[name]]
                        for name, kind in flt.KINDS.items()}}


def filter_round(tab: Tab, labels: dict) -> dict[str, list[Timing]]:
    """Each filter: one option added, then removed (two changes, both timed)."""
    out = {}
    for name, (first, _) in FILTERS.items():
        label, _ = labels[name]
        option = i18n.name(KIND[name], first, "en")
        out[name] = [tab.choose(label, option), tab.unchoose(label)]
    return out


def compare_filters(browser, apps: dict[str, tuple], labels: dict, repeat: int) -> dict:
    """Overview (``apps["ours"]``) and the baselines, alternately:
    {filter: {app: Samples}}."""
    tabs = {side: Tab(browser, *app) for side, app in apps.items()}
    found = {name: {side: Samples() for side in tabs} for name in FILTERS}
    for _ in range(repeat):
        for side, tab in tabs.items():
            for name, timings in filter_round(tab, labels).items():
                found[name][side].runs.extend(timings)
    for tab in tabs.values():
        tab.close()
    return found


def page_switches(browser, url: str, pid: int, lang: str, repeat: int) -> dict[str, Samples]:
    """Every page a viewer opens from the menu, from the one before it."""
    found = {p.url or "overview": Samples() for p in declared.PAGES if not p.editors}
    tab = Tab(browser, url, pid, f"?lang={lang}")
    order = [p for p in declared.PAGES if not p.editors]
    for _ in range(repeat):
        for p in [*order[1:], order[0]]:
            link = tab.page.locator('[data-testid="stSidebarNav"] a',
                                    has_text=i18n.t(p.title, lang)).first
            found[p.url or "overview"].runs.append(tab.timed(link.click))
    tab.close()
    return found


def language_and_rows(browser, url: str, pid: int, repeat: int) -> dict[str, Samples]:
    """The language switch both ways, and opening the rows behind Overview's first chart
    (then closing them, not timed), in both languages."""
    found = {"language": Samples(), "rows": Samples()}
    tab = Tab(browser, url, pid)
    for _ in range(repeat):
        for lang, other in (("en", "Русский"), ("ru", "English")):
            rows = tab.page.locator('[data-testid="stExpander"] summary',
                                    has_text=i18n.t("table.rows", lang)).first
            found["rows"].runs.append(tab.timed(rows.click))
            rows.click()
            tab.settle()
            picker = tab.page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]',
                                      has_text=i18n.t("sidebar.language", lang)).first
            picker.click()
            option = tab.page.get_by_role("option", name=other, exact=True)
            option.wait_for()
            found["language"].runs.append(tab.timed(option.click))
    tab.close()
    return found


def first_charts(browser, url: str, repeat: int, every_page: bool = True
                 ) -> dict[tuple[str, str], float]:
    """Per page (or Overview's only) and language, ms from opening the link to its
    first chart (median)."""
    found = {}
    for p in declared.PAGES:
        if p.editors or not p.charts_on_demo or not (every_page or p.default):
            continue
        for lang in i18n.LANGUAGES:
            times = []
            for _ in range(repeat):
                context = browser.new_context(viewport=VIEWPORT)
                context.add_init_script(FIRST_CHART_PROBE)
                page = context.new_page()
                page.goto(f"{url}/{p.url}?lang={lang}")
                wait_drawn(page, 1)
                times.append(page.evaluate("window.__firstChart"))
                context.close()
            found[(p.url or "overview", lang)] = statistics.median(times)
    return found


def downloads(browser, url: str, pid: int, repeat: int) -> dict[str, Samples]:
    """Click to file: the Excel export and the report of the view (a new view each
    time: nothing made before), and the meeting pack."""
    found = {"excel": Samples(), "report": Samples(), "pack": Samples()}
    tab = Tab(browser, url, pid)
    page = tab.page
    countries = list(filter_labels()["countries"][1])
    for k in range(repeat):
        tab.choose(i18n.t("filters.countries"), countries[k % len(countries)])
        if k == 0:  # the export's expander stays open
            page.locator('[data-testid="stSidebar"] [data-testid="stExpander"] summary',
                         has_text=i18n.t("export.title")).click()
        for name, opener, label in (
                ("excel", None, "export.xlsx"),
                ("report", "report.button", "report.view_html")):
            if opener:
                page.get_by_role("button", name=i18n.t(opener)).first.click()
                page.get_by_role("button", name=i18n.t(label)).wait_for()
            button = page.get_by_role("button", name=i18n.t(label)).filter(visible=True).first
            started = time.perf_counter()
            with page.expect_download(timeout=120_000) as got:
                button.click()
            got.value.path()
            found[name].runs.append(Timing((time.perf_counter() - started) * 1000, 0, 0, 0))
            page.keyboard.press("Escape")
            tab.settle()
        tab.unchoose(i18n.t("filters.countries"))
    page.goto(f"{url}/meeting")
    tab.settle()
    for _ in range(repeat):
        started = time.perf_counter()
        with page.expect_download(timeout=120_000) as got:
            page.get_by_role("button", name=i18n.t("brief.download")).click()
        got.value.path()
        found["pack"].runs.append(Timing((time.perf_counter() - started) * 1000, 0, 0, 0))
    tab.close()
    return found


def cold_start(browser, repeat: int) -> float:
    """Median ms from starting the server (empty caches, the demo) to the first chart."""
    times = []
    for _ in range(repeat):
        cache = tempfile.mkdtemp(prefix="bomca-cold-")
        started = time.perf_counter()
        with server(DEMO_DIR, env={"BOMCA_CACHE": cache}, cpus=SERVER_CPUS) as (url, _, _):
            context = browser.new_context(viewport=VIEWPORT)
            context.add_init_script(FIRST_CHART_PROBE)
            page = context.new_page()
            opened = time.perf_counter()
            page.goto(url)
            wait_drawn(page, 1)
            first = page.evaluate("window.__firstChart")
            times.append((opened - started) * 1000 + first)
            context.close()
    return statistics.median(times)


def measure(rows: list[int], repeat: int) -> dict:
    os.sched_setaffinity(0, BROWSER_CPUS)  # the browser, started from here, inherits it
    labels = filter_labels()
    base_env = {"BASELINE_CHARTS": str(declared.BY_PATH["pages/overview.py"].charts_on_demo),
                "BASELINE_FILTERS": json.dumps({label: options for label, options in
                                                labels.values()})}
    frame_env = {**base_env, "BASELINE_FRAME": json.dumps(frame_spec())}
    baseline = ROOT / "benchmarks" / "baseline_app.py"
    results: dict = {"sources": {}}
    with chromium() as browser:
        results["cold"] = cold_start(browser, repeat)
        print(f"cold start: {results['cold']:.0f} ms", flush=True)
        with server(DEMO_DIR, app=baseline, env=base_env, cpus=SERVER_CPUS) as (
                base_url, base_pid, _), \
                server(DEMO_DIR, app=baseline, env=frame_env, cpus=SERVER_CPUS) as (
                frame_url, frame_pid, _):
            for n in rows:
                source = scaled_source(n) if n else DEMO_DIR
                with server(source, cpus=SERVER_CPUS) as (url, pid, log):
                    apps = {"ours": (url, pid), "base": (base_url, base_pid),
                            "frame": (frame_url, frame_pid)}
                    found = {"filters": compare_filters(browser, apps, labels, repeat)}
                    print(f"{n or 'demo'}: filters done", flush=True)
                    found["pages"] = {lang: page_switches(browser, url, pid, lang, repeat)
                                      for lang in i18n.LANGUAGES}
                    found.update(language_and_rows(browser, url, pid, repeat))
                    # every page on the demo; at scale the link people share
                    found["first"] = first_charts(browser, url, repeat, every_page=not n)
                    found["downloads"] = downloads(browser, url, pid, repeat)
                    found["errors"] = [line for line in log.read_text(errors="replace")
                                       .splitlines() if "Traceback" in line]
                results["sources"][n] = found
                print(f"{n or 'demo'}: done", flush=True)
    return results


def report(results: dict) -> list[str]:
    """The figures as Markdown, each against its target."""
    out = [f"Cold start (server start to the first chart, empty caches, the demo): "
           f"**{results['cold']:.0f} ms** (target at most {TARGETS['cold']} ms).\n"]
    for n, found in results["sources"].items():
        name = f"{n:,} participation rows" if n else "the demo"
        out += [f"### {name}\n", "Filter change on Overview to settled, against the one-file "
                "app, and against the same app drawing the dashboard's frame with nothing of "
                "the page (its menu, sidebar controls, title, report button, banner and "
                "rows expanders; medians; server: until its last message; CPU: the "
                "server's):\n",
                "| filter | ours | one-file app | ratio | the frame | frame / one-file | "
                "ours / frame | ours: server | CPU | received |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for filt, by in found["filters"].items():
            ours, base, frame = (by[side].median() for side in ("ours", "base", "frame"))
            out.append(f"| {filt} | {ours:.0f} ms | {base:.0f} ms | **{ours / base:.2f}x** | "
                       f"{frame:.0f} ms | {frame / base:.2f}x | {ours / frame:.2f}x | "
                       f"{by['ours'].median('server'):.0f} ms | {by['ours'].median('cpu'):.0f}"
                       f" ms | {by['ours'].median('kb'):.0f} KB |")
        out += [f"\nTarget: at most {TARGETS['filter']}x the one-file app.\n",
                "Page switch from the menu (medians), to settled:\n",
                "| page | English | Russian | server | CPU | received |",
                "|---|---:|---:|---:|---:|---:|"]
        en, ru = found["pages"]["en"], found["pages"]["ru"]
        for page in en:
            out.append(f"| {page} | {en[page].median():.0f} ms | {ru[page].median():.0f} ms | "
                       f"{en[page].median('server'):.0f} ms | {en[page].median('cpu'):.0f} ms | "
                       f"{en[page].median('kb'):.0f} KB |")
        out.append(f"\nTarget: at most {TARGETS['page']} ms.\n")
        for what, target in (("language", "language"), ("rows", "rows")):
            s = found[what]
            out.append(f"- {'Language switch' if what == 'language' else 'Rows behind a chart'}"
                       f": **{s.median():.0f} ms** (server {s.median('server'):.0f} ms, CPU "
                       f"{s.median('cpu'):.0f} ms, {s.median('kb'):.0f} KB; target at most "
                       f"{TARGETS[target]} ms)")
        out += ["", "First chart after opening the link (median):\n",
                "| page | English | Russian |", "|---|---:|---:|"]
        for page in dict.fromkeys(p for p, _ in found["first"]):
            out.append(f"| {page} | {found['first'][(page, 'en')]:.0f} ms | "
                       f"{found['first'][(page, 'ru')]:.0f} ms |")
        out += ["", "Downloads, click to file (medians; Excel and report: a new view each "
                "time): " + ", ".join(f"{k} {s.median():.0f} ms" for k, s in
                                      found["downloads"].items()) + ".",
                f"Error lines in the server log: {len(found['errors'])}.\n"]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[0, 100_000],
                        help="participation rows of generated sources (0: the demo)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--results", action="store_true",
                        help="also write the figures into benchmarks/RESULTS.md")
    args = parser.parse_args()
    results = measure(args.rows, args.repeat)
    lines = report(results)
    print("\n".join(lines))
    if args.results:
        write_section(["## 8. What a person waits for, in Chromium "
                       "(`python benchmarks/browser.py`)", "",
                       f"Measured {time.strftime('%Y-%m-%d %H:%M')} UTC, the server on one "
                       f"core and the browser on the other, medians of {args.repeat}.", "",
                       *lines])
    return 0


if __name__ == "__main__":
    sys.exit(main())
