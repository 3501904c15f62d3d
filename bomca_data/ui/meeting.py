"""The meeting page's own widgets: the country and the period, the pack download."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from bomca_data import brief, i18n, pack, report
from bomca_data.ui.state import View


def choices(view: View) -> tuple[str, dt.date]:
    """The country (default: the sidebar's single country, else the region) and the
    period's start (default: that country's previous steering meeting)."""
    options = (*view.dataset.programme.countries, brief.REGION)
    if "meeting_country" not in st.session_state:
        chosen = view.filters.countries
        st.session_state["meeting_country"] = chosen[0] if len(chosen) == 1 else brief.REGION
    left, right = st.columns(2)
    country = left.selectbox(view.t("brief.country"), options, key="meeting_country",
                             format_func=lambda c: i18n.term("country", c, view.lang))
    default = brief.default_start(view.dataset, country, view.as_of)
    if st.session_state.get("meeting_since_for") != (country, view.as_of):
        st.session_state["meeting_since"] = default  # a new country: its own previous meeting
        st.session_state["meeting_since_for"] = (country, view.as_of)
    since = right.date_input(view.t("brief.period_start"), key="meeting_since",
                             max_value=view.as_of,
                             format="DD.MM.YYYY" if view.lang == "ru" else "YYYY-MM-DD")
    return country, since


def download(view: View, b: brief.Brief) -> None:
    source, lang = view.dataset.source.name, view.lang
    st.download_button(view.t("brief.download"), type="primary", icon=":material/slideshow:",
                       data=lambda: pack.meeting_pack(b, lang, source),
                       file_name=f"bomca-{b.country}-{b.as_of}-{lang}.pptx", key="meeting_pack",
                       mime="application/vnd.openxmlformats-officedocument.presentationml."
                            "presentation")


def planned_table(view: View, plan: pd.DataFrame) -> None:
    if not len(plan):
        st.info(view.t("brief.no_planned"))
        return
    st.dataframe(report.localised(plan, view.lang), hide_index=True, width="stretch")

