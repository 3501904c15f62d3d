"""The framework's floor for `benchmarks/browser.py`: a one-file Streamlit app that draws
as many plotly charts as the page it is compared with, under the same sidebar filters
(same labels, same options), from a small frame filtered on every change. Nothing of
the dashboard runs in it: what it costs is what Streamlit and plotly cost.

With ``BASELINE_FRAME``, it also draws the dashboard's frame with Streamlit's own
elements and nothing of the page's content: a menu of the same pages (titles and
icons), the sidebar's controls (language, the date typed or picked from a calendar,
the years' kind, every filter, the reset button, the export and source panels,
closed), the page's title, context line, report button and banner, and the rows
expander under each chart; the link rewritten on every run. What the dashboard's
frame costs the browser is then measured apart from what its pages draw.

    BASELINE_CHARTS=4 BASELINE_FILTERS='{"Years": [...], ...}' \
        [BASELINE_FRAME='{"pages": [[title, icon], ...], "filters": {...}}'] \
        streamlit run baseline_app.py
"""

import datetime as dt
import json
import os

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

CHARTS = int(os.environ.get("BASELINE_CHARTS", "4"))
FILTERS: dict[str, list[str]] = json.loads(os.environ.get("BASELINE_FILTERS", "{}"))
FRAME: dict = json.loads(os.environ.get("BASELINE_FRAME", "{}"))

st.set_page_config(page_title="baseline", layout="wide")
rng = np.random.default_rng(1)
columns = list(FILTERS) or ["Filter"]
frame = pd.DataFrame({name: rng.choice(FILTERS.get(name) or ["a"], 2_000) for name in columns})
frame["value"] = rng.integers(1, 20, len(frame))


def sidebar() -> dict[str, list[str]]:
    """The filters (and, with the frame, the sidebar's other controls)."""
    side = st.sidebar
    if FRAME:
        side.selectbox("Language", ["English", "Русский"])
        typed, picked = side.columns([4, 1], vertical_alignment="bottom")
        typed.text_input("As of", "2025-09-30", help="2025-09-30 or 30.09.2025")
        with picked.popover("", icon=":material/calendar_month:"):
            st.date_input("As of", dt.date(2025, 9, 30))
        side.caption("Data as of 2025-09-30")
        side.subheader("Filters")
        side.radio("Years", ["Programme", "Calendar"], horizontal=True)
    chosen = {name: side.multiselect(name, options) for name, options in FILTERS.items()}
    if FRAME:
        for name, options in FRAME["filters"].items():
            if name not in FILTERS:
                side.multiselect(name, options)
        side.button("Reset filters", width="stretch")
        for panel in ("Export", "Source"):
            with side.expander(panel, key=f"panel_{panel}", on_change="rerun") as box:
                if box.open:
                    side.caption(panel)
        st.query_params.update({name[:4]: ",".join(v) or "all" for name, v in chosen.items()})
    return chosen


def charts() -> None:
    chosen = sidebar()
    keep = np.ones(len(frame), dtype=bool)
    for name, values in chosen.items():
        if values:
            keep &= frame[name].isin(values).to_numpy()
    rows = frame[keep]
    st.title("Baseline")
    if FRAME:
        st.caption("What the page answers.  \nAs of 2025-09-30 · the filters")
        with st.popover("Report of this view", icon=":material/description:"):
            st.caption("The view as one file.")
            for kind in ("HTML", "PDF"):
                st.download_button(kind, data=lambda: b"", file_name=f"report.{kind.lower()}")
        st.info("Demonstration data.", icon=":material/science:")
    for i in range(CHARTS):
        by = columns[i % len(columns)]
        counts = rows.groupby(by)["value"].sum()
        fig = go.Figure(go.Bar(x=counts.index.tolist(), y=counts.to_list()))
        fig.update_layout(title=f"Chart {i + 1}", height=380)
        st.plotly_chart(fig, key=f"chart_{i}", width="stretch", theme=None)
        if FRAME:
            with st.expander("Rows behind this chart", key=f"rows_{i}", on_change="rerun") as box:
                if box.open:
                    st.dataframe(rows.head(20))


if FRAME:
    menu = [st.Page(charts, title=FRAME["pages"][0][0], icon=FRAME["pages"][0][1], default=True)]
    menu += [st.Page(lambda: st.title("Page"), title=title, icon=icon, url_path=f"page{k}")
             for k, (title, icon) in enumerate(FRAME["pages"][1:], 1)]
    st.navigation(menu).run()
else:
    charts()
