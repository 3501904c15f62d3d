"""A few style rules Streamlit has no option for (readable on a projector), the icon,
and the chart code fetched early. Light: app.py calls it before importing the rest."""

from pathlib import Path

import streamlit as st

FAVICON = str(Path(__file__).resolve().parent / "assets" / "favicon.png")
EARLY_KEY = "chart_code_early"

CSS = """
<style>
/* metric labels wrap instead of being cut ("Activities com..."), values stay large */
[data-testid="stMetricLabel"] p { white-space: normal; overflow: visible;
                                  text-overflow: clip; font-size: 1rem; }
[data-testid="stMetricValue"] { font-size: 2.4rem; }
/* verdict badges as large as the text around them (Streamlit writes them smaller) */
span.stMarkdownBadge { font-size: 1rem !important; }
/* a chosen filter's whole name, on two lines if need be ("C2 Detection capacities") */
[data-testid="stSidebar"] [data-testid="stMultiSelect"] span:has(> span[title]),
[data-testid="stSidebar"] [data-testid="stMultiSelect"] span[title] {
  white-space: normal; overflow: visible; text-overflow: clip; height: auto; }
/* the blank chart that only makes the browser fetch the chart code (chart_code_early) */
.st-key-chart_code_early { display: none; }
</style>
"""


def apply() -> None:
    st.html(CSS)
    chart_code_early()


def chart_code_early() -> None:
    """While the server is cold (no page drawn yet since it started), a blank, hidden
    chart before anything else, on a session's first run. The browser fetches and
    compiles the code that draws charts (4.7 MB of JavaScript) only when the page's
    first chart arrives; sent first, it does that while the server imports, reads and
    computes the page (a second and more), and the first chart is drawn about a second
    sooner. Gone on the next run. A warm server draws the page at once: nothing to
    overlap, and the blank chart would only cost the browser its drawing.

    Every other run puts an empty element in its place: the elements after it keep
    their places, and with them what the browser holds of them (an expander opened
    before the first rerun stayed open)."""
    if _WARM or st.session_state.get(EARLY_KEY):
        st.empty()
        return
    st.session_state[EARLY_KEY] = True
    st.plotly_chart({"data": [{"type": "scatter", "x": [], "y": []}], "layout": {"height": 10}},
                    key=EARLY_KEY,
                    config={"staticPlot": True})


_WARM = False  # a page has been drawn since the server started (app.py says so)


def warm() -> None:
    global _WARM
    _WARM = True
