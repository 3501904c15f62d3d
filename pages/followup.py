"""Follow-up: are the programme's recommendations taken up?"""

import streamlit as st

from bomca_data import charts, figures, panels
from bomca_data.contract import OUTPUT_TYPES, codes
from bomca_data.ui import decisions, page, verdicts, widgets

view = page.start("page.followup", "followup.intro")
data, lang, t, as_of = view.data, view.lang, view.t, view.as_of
recs = figures.recommendations_view(data, as_of)
if not widgets.nothing_matches(view, recs):
    widgets.kpi_row(panels.recs_cards(view, recs))
    left, right = st.columns(2)
    with left:
        widgets.chart(view, *panels.recs_by_status(view, recs), "recs-by-status",
                      status_kind="rec_status")
    with right:
        rows = figures.count_by(recs, "output_type", codes(OUTPUT_TYPES),
                                value="recommendations")
        widgets.chart(view, charts.bars(
            rows, key="output_type", value="recommendations", horizontal=True,
            text=view.text("followup.by_type", "axis.recommendations", half=True)),
            rows, "recs-by-type")
    left, right = st.columns(2)
    with left:
        widgets.chart(view, *panels.recs_by(view, recs, "country"), "recs-by-country",
                      status_kind="rec_status")
    with right:
        widgets.chart(view, *panels.recs_by(view, recs, "component"), "recs-by-component",
                      status_kind="rec_status")
    if verdicts.has_targets(view):
        verdicts.target_chart(view, "recommendations_implemented",
                              "axis.recommendations", "targets-recommendations")
    st.subheader(t("followup.list"))
    widgets.caption(view, "followup.overdue_rule")
    widgets.recommendation_list(view, decisions.decided_filter(view, recs))
    decisions.panel(view, recs[recs["status"].isin(figures.REC_OPEN)],
                    view.filters.countries[0] if len(view.filters.countries) == 1 else None)
