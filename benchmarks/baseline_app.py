"""The framework's floor for `benchmarks/browser.py`: a one-file Streamlit app that draws
as many plotly charts as the page it is compared with, under the same sidebar filters
(same labels, same options), from a small frame filtered on every change. Nothing of
the dashboard runs in it: what it costs is what Streamlit and plotly cost.

    BASELINE_CHARTS=4 BASELINE_FILTERS='{"Years": [...], ...}' streamlit run baseline_app.py
"""

import json
import os

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

CHARTS = int(os.environ.get("BASELINE_CHARTS", "4"))
FILTERS: dict[str, list[str]] = json.loads(os.environ.get("BASELINE_FILTERS", "{}"))

st.set_page_config(page_title="baseline", layout="wide")
rng = np.random.default_rng(1)
columns = list(FILTERS) or ["Filter"]
frame = pd.DataFrame({name: rng.choice(FILTERS.get(name) or ["a"], 2_000) for name in columns})
frame["value"] = rng.integers(1, 20, len(frame))
chosen = {name: st.sidebar.multiselect(name, options) for name, options in FILTERS.items()}
keep = np.ones(len(frame), dtype=bool)
for name, values in chosen.items():
    if values:
        keep &= frame[name].isin(values).to_numpy()
rows = frame[keep]
st.title("Baseline")
for i in range(CHARTS):
    by = columns[i % len(columns)]
    counts = rows.groupby(by)["value"].sum()
    fig = go.Figure(go.Bar(x=counts.index.tolist(), y=counts.to_list()))
    fig.update_layout(title=f"Chart {i + 1}", height=380)
    st.plotly_chart(fig, key=f"chart_{i}", width="stretch", theme=None)
