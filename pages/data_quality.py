"""Data quality: what was read, what was excluded and why; the templates."""

import streamlit as st

from bomca_data import charts
from bomca_data.outputs import tabular
from bomca_data.ui import page, widgets

view = page.start("page.quality", "quality.intro")
ds, lang, t = view.dataset, view.lang, view.t
tables, issues = tabular.tables_frame(ds), tabular.issues_frame(ds, view.lang)
counts = tabular.totals(tables, issues)
widgets.kpi_row([(t(f"kpi.{key}"), view.number(n), None) for key, n in counts.items()])
left, right = st.columns(2)
with left:
    rows = tabular.rows_long(tables)
    widgets.chart(view, charts.stacked(
        rows, x="table", colour_by=("validity", "rows"), value="rows", horizontal=True,
        text=view.text("quality.rows_chart", "axis.rows", half=True)), tables, "rows")
with right:  # an empty chart would be axes around nothing: a sentence instead
    rows = tabular.issue_counts(issues)
    if rows.empty:
        st.subheader(t("quality.codes_chart"))
        st.success(t("quality.no_issues"))
    else:
        widgets.chart(view, charts.bars(
            rows, key=("code", "issue"), value="issues", horizontal=True,
            text=view.text("quality.codes_chart", "axis.issues", half=True)),
            rows, "issue-codes")
st.subheader(t("validation.tables"))
widgets.tables_read(view, ds)
st.subheader(t("validation.issues"))
if issues.empty:
    st.success(t("quality.no_issues"))
else:
    widgets.issue_list(view, widgets.issue_filters(view, issues), "validation-issues")
st.subheader(t("quality.templates"))
widgets.template_download(view)
widgets.contract_rules(view)
