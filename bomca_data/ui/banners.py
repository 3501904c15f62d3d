"""Banners every page shows: demonstration data, and rows excluded by validation."""

from __future__ import annotations

import streamlit as st

from bomca_data import i18n
from bomca_data.ui import reports, state, widgets
from bomca_data.ui.state import View

QUALITY_PAGE = "pages/data_quality.py"


def page_header(view: View, title_key: str, intro_key: str, filtered: bool = True) -> None:
    """Title, what the page answers, and its context line: the as-of date and, on a page
    that applies them (``filtered``), the filters; one that does not says so instead."""
    st.title(view.t(title_key))
    if filtered:
        context = view.subtitle
    else:
        context = i18n.t("context.as_of", view.lang, date=i18n.date(view.as_of, view.lang))
        if view.filters.active:
            context += " · " + view.t("brief.filters_not_applied")
    st.caption(f"{view.t(intro_key)}  \n{context}")
    with st.popover(view.t("report.button"), icon=":material/description:"):
        st.caption(view.t("report.what"))
        reports.buttons(st, view.dataset, view.filters, view.as_of, view.lang)
    page_banners(view)


def page_banners(view: View) -> None:
    if ignored := state.take_ignored():  # the link's own text: shown as text
        st.warning(i18n.t("link.ignored", view.lang,
                          values=", ".join(widgets.plain(v) for v in ignored)),
                   icon=":material/link_off:")
    if view.dataset.programme.demo:
        st.info(i18n.t("banner.demo", view.lang), icon=":material/science:")
    own = view.dataset.data_date()
    if own is not None and view.as_of > own:
        st.info(i18n.t("banner.forecast", view.lang, date=i18n.date(own, view.lang)),
                icon=":material/update:")
    if excluded := view.dataset.rows_excluded:
        with st.container(border=True):
            st.warning(i18n.nt("banner.excluded", excluded, view.lang),
                       icon=":material/report:")
            st.page_link(QUALITY_PAGE, label=i18n.t("banner.excluded_link", view.lang),
                         icon=":material/fact_check:")
