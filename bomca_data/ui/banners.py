"""Banners every page shows: demonstration data, and rows excluded by validation."""

from __future__ import annotations

import streamlit as st

from bomca_data import i18n
from bomca_data.ui.state import View


def page_banners(view: View) -> None:
    if view.dataset.programme.demo:
        st.info(i18n.t("banner.demo", view.lang), icon=":material/science:")
    if excluded := view.dataset.rows_excluded:
        st.warning(i18n.t("banner.excluded", view.lang, n=i18n.number(excluded, view.lang)),
                   icon=":material/report:")
