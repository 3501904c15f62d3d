"""The sidebar filters: widgets that own their keys, kept in the URL as codes.

On a session's first run, and after the browser's back or forward
(``state.follow_the_link``), the widgets start from the link's query (so a shared link
reproduces the view); after every run ``state.write_link`` rewrites the query from the widgets.
"""

from __future__ import annotations

import streamlit as st

from bomca_data import contract, i18n
from bomca_data import filters as flt
from bomca_data.model import Dataset
from bomca_data.ui import state
from bomca_data.ui.state import FILTER_KINDS as KINDS
from bomca_data.ui.state import filter_key


def _reset() -> None:
    for name in KINDS:
        st.session_state[filter_key(name)] = []
    st.session_state[filter_key("year_kind")] = "programme"


def _clear_years() -> None:
    st.session_state[filter_key("years")] = []


def sidebar_filters(dataset: Dataset, lang: str) -> flt.Filters:
    programme = dataset.programme
    if filter_key("year_kind") not in st.session_state:  # first run: start from the link
        start, ignored = flt.from_query(st.query_params.to_dict(), programme)
        state.note_ignored(ignored)
        st.session_state[filter_key("year_kind")] = start.year_kind
        for name in KINDS:
            st.session_state[filter_key(name)] = list(getattr(start, name))
    state.keep_across_languages(*state.FILTER_KEYS)
    side = st.sidebar
    side.subheader(i18n.t("filters.title", lang))
    year_kind = side.radio(i18n.t("filters.year_kind", lang), contract.YEAR_KINDS, horizontal=True,
                           key=filter_key("year_kind"), on_change=_clear_years,
                           format_func=lambda k: i18n.t(f"filters.year_kind.{k}", lang))
    choices = flt.options(programme, year_kind)
    values = {}
    for name, kind in KINDS.items():
        values[name] = tuple(side.multiselect(
            i18n.t(f"filters.{name}", lang), choices[name], key=filter_key(name),
            placeholder=i18n.t("filters.all", lang),
            format_func=lambda code, kind=kind: i18n.name(kind, code, lang)))
    chosen = flt.Filters(**values, year_kind=year_kind)
    side.button(i18n.t("filters.reset", lang), on_click=_reset, disabled=not chosen.active
                and year_kind == "programme", key="filter_reset", width="stretch")
    return chosen  # state.write_link puts it into the link

