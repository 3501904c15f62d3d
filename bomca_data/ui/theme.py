"""A few style rules Streamlit has no option for: readable on a projector."""

import streamlit as st

CSS = """
<style>
/* metric labels wrap instead of being cut ("Activities com..."), values stay large */
[data-testid="stMetricLabel"] p { white-space: normal; overflow: visible;
                                  text-overflow: clip; font-size: 1rem; }
[data-testid="stMetricValue"] { font-size: 2.4rem; }
</style>
"""


def apply() -> None:
    st.html(CSS)
