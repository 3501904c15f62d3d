"""Server time of a page rerun after a filter change, against the page's cold first run.

For the demo source and a generated source of 100,000 participation rows, each page
of app.py is run once cold (empty caches: the source is read and validated), then
re-run after a filter change (another country and component each time), median of
repeated runs. Prints both and their ratio.

    python benchmarks/pages.py [--rows 100000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import itertools
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.sources import scaled_source  # noqa: E402
from bomca_data.source.location import DEMO_DIR  # noqa: E402

APP = str(ROOT / "app.py")
CHANGES = [{"country": c, "component": k} for c, k in itertools.product(
    ("KZ", "KG", "TJ", "TM", "UZ"), ("C1", "C2", "C3", "C4"))]


def pages() -> list[str]:
    """Every page a viewer opens, as declared (``bomca_data/ui/pages.py``)."""
    from bomca_data.ui import pages as declared

    return [p.path for p in declared.PAGES if not p.editors]


def measure(source: Path, repeat: int) -> list[tuple[str, float, float]]:
    """Per page: the cold first run, and the median rerun after a filter change.

    AppTest runs a page chosen with switch_page() on its own (app.py's sidebar is
    not run); both figures are measured that way. The filter is set through the
    sidebar widgets' session keys, as the widgets themselves would.
    """
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    logging.disable(logging.WARNING)  # AppTest's "no runtime" warnings
    os.environ["BOMCA_DATA"] = str(source)
    rows = []
    for page in pages():
        st.cache_resource.clear()
        st.cache_data.clear()
        os.environ["BOMCA_CACHE"] = tempfile.mkdtemp(prefix="bomca-cold-")  # no disk cache
        at = AppTest.from_file(APP, default_timeout=300)
        at.switch_page(page)
        start = time.perf_counter()
        at.run()
        cold = time.perf_counter() - start
        warm = []
        for i in range(repeat):
            change = CHANGES[i % len(CHANGES)]
            at.session_state["filter_countries"] = [change["country"]]
            at.session_state["filter_components"] = [change["component"]]
            start = time.perf_counter()
            at.run()
            warm.append(time.perf_counter() - start)
            if at.exception:
                raise RuntimeError(f"{page}: {at.exception[0].value}")
        rows.append((page, cold, statistics.median(warm)))
    if not rows:
        raise RuntimeError("no page to measure: bomca_data/ui/pages.py declares none")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # AppTest's "no runtime" warnings
    for name, source in (("demo", DEMO_DIR),
                         (f"{args.rows:,} participation rows", scaled_source(args.rows))):
        print(f"\n{name}: page, cold first run, rerun after a filter change (median of "
              f"{args.repeat}), ratio")
        for page, cold, warm in measure(source, args.repeat):
            print(f"  {page:<26} {cold * 1000:8.0f} ms {warm * 1000:8.0f} ms "
                  f"{warm / cold:8.3f}")
    print("\ntargets: rerun under a tenth of the cold run, and under 300 ms on the demo data")


if __name__ == "__main__":
    main()
