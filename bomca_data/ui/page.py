"""How every page opens: ``view = page.start("page.overview", "overview.intro")``."""

from __future__ import annotations

import streamlit as st

from bomca_data.ui import banners, pages, state, widgets
from bomca_data.ui.state import View


def start(title_key: str, intro_key: str, *, filtered: bool = True) -> View:
    """The page's view, after its title, what it answers, its context line and the
    banners (``banners.page_header``). The page stops there, cleanly, when the source
    cannot be read (the reason is shown), when there is no data yet (what to do is
    said; the Data page goes on, to take the first upload) or when it needs a table
    (its declaration in ``pages.py``) the source does not have (one sentence says
    which)."""
    declared = pages.BY_TITLE[title_key]
    view = state.current_view()
    if view is None:
        st.stop()
    if not view.dataset.has_data:
        st.title(view.t(title_key))
        widgets.no_data_yet(view, on_the_data_page=declared.editors)
        if not declared.editors:
            st.stop()
        return view
    needs = declared.needs
    banners.page_header(view, title_key, intro_key, filtered)
    if needs is not None and widgets.missing_table(view, needs):
        st.stop()
    return view
