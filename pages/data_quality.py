"""Data quality: what was read, what was excluded and why; the templates."""

import streamlit as st

from bomca_data import report
from bomca_data.ui import banners, state, widgets

view = state.current_view()
if view is not None:
    banners.page_header(view, "page.quality", "quality.intro")
    ds, lang, t = view.dataset, view.lang, view.t
    st.subheader(t("validation.tables"))
    st.dataframe(report.localised(report.tables_frame(ds), lang), hide_index=True)
    st.subheader(t("validation.issues"))
    issues = report.issues_frame(ds)
    if issues.empty:
        st.success(t("quality.no_issues"))
    else:
        shown = widgets.issue_filters(view, issues)
        st.dataframe(report.localised(shown, lang), hide_index=True, width="stretch")
        widgets.download(view, shown, "validation-issues")
    st.subheader(t("quality.templates"))
    widgets.template_download(view)
