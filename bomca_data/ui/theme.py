"""A few style rules Streamlit has no option for: readable on a projector."""

import streamlit as st

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
</style>
"""


def apply() -> None:
    st.html(CSS)
