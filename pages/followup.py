"""Follow-up: are the programme's recommendations taken up?"""

import streamlit as st

from bomca_data import charts, figures
from bomca_data.contract import OUTPUT_TYPES, REC_STATUSES, codes
from bomca_data.ui import page, verdicts, widgets

view = page.start("page.followup", "followup.intro")
data, lang, t, as_of = view.data, view.lang, view.t, view.as_of
recs = figures.recommendations_view(data, as_of)
if not widgets.nothing_matches(view, recs):
    statuses = codes(REC_STATUSES)
    by_status = figures.count_by(recs, "status", statuses, value="recommendations")
    counts = figures.recommendation_figures(recs)
    widgets.kpi_row([
        (t("kpi.recs_total"), view.number(counts["total"]), None),
        (t("kpi.recs_implemented"),
         view.number(counts["implemented_share"], percent=True),
         t("kpi.of", n=view.number(counts["total"]))),
        (t("kpi.recs_open"), view.number(counts["open"]), None),
        (t("kpi.recs_overdue"), view.number(counts["overdue"]), None,
         t("followup.overdue_rule")),
    ])
    left, right = st.columns(2)
    with left:
        widgets.chart(view, charts.bars(
            by_status, key=("status", "rec_status"), value="recommendations",
            horizontal=True, text=view.text("followup.by_status", "axis.recommendations",
                                            half=True)),
            by_status, "recs-by-status", status_kind="rec_status")
    with right:
        rows = figures.count_by(recs, "output_type", codes(OUTPUT_TYPES),
                                value="recommendations")
        widgets.chart(view, charts.bars(
            rows, key="output_type", value="recommendations", horizontal=True,
            text=view.text("followup.by_type", "axis.recommendations", half=True)),
            rows, "recs-by-type")
    left, right = st.columns(2)
    with left:
        rows = figures.cross_count(recs, "country", "status",
                                   data.programme.scopes, statuses,
                                   explode=True).rename(
                                       columns={"activities": "recommendations"})
        widgets.chart(view, charts.stacked(
            rows, x="country", colour_by=("status", "rec_status"),
            value="recommendations", horizontal=True, text=view.text(
                "followup.by_country", "axis.recommendations", half=True)),
            rows, "recs-by-country", status_kind="rec_status")
    with right:
        rows = figures.cross_count(recs.dropna(subset=["component"]), "component",
                                   "status", data.programme.components, statuses
                                   ).rename(columns={"activities": "recommendations"})
        widgets.chart(view, charts.stacked(
            rows, x="component", colour_by=("status", "rec_status"),
            value="recommendations", horizontal=True, text=view.text(
                "followup.by_component", "axis.recommendations", half=True)),
            rows, "recs-by-component", status_kind="rec_status")
    if verdicts.has_targets(view):
        verdicts.target_chart(view, "recommendations_implemented",
                              "axis.recommendations", "targets-recommendations")
    st.subheader(t("followup.list"))
    widgets.caption(view, "followup.overdue_rule")
    widgets.recommendation_list(view, recs)
