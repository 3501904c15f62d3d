"""Follow-up: are the programme's recommendations taken up?"""

import streamlit as st

from bomca_data import charts, figures
from bomca_data.contract import OUTPUT_TYPES, REC_STATUSES, codes
from bomca_data.ui import banners, state, verdicts, widgets

view = state.current_view()
if view is not None:
    banners.page_header(view, "page.followup", "followup.intro")
    data, lang, t, as_of = view.data, view.lang, view.t, view.as_of
    if not widgets.missing_table(view, "recommendations"):
        recs = figures.recommendations_view(data, as_of)
        if not widgets.nothing_matches(view, recs):
            statuses = codes(REC_STATUSES)
            by_status = figures.count_by(recs, "status", statuses, value="recommendations")
            counts = figures.recommendation_figures(recs)
            widgets.kpi_row([
                (t("kpi.recs_total"), widgets.fmt(counts["total"], lang), None),
                (t("kpi.recs_implemented"),
                 widgets.fmt(counts["implemented_share"], lang, percent=True),
                 t("kpi.of", n=widgets.fmt(counts["total"], lang))),
                (t("kpi.recs_open"), widgets.fmt(counts["open"], lang), None),
                (t("kpi.recs_overdue"), widgets.fmt(counts["overdue"], lang),
                 t("followup.overdue_rule")),
            ])
            left, right = st.columns(2)
            with left:
                widgets.chart(view, charts.bars(by_status, "status", "recommendations",
                                                "rec_status", lang, t("followup.by_status"),
                                                view.subtitle, t("axis.recommendations"),
                                                horizontal=True), by_status, "recs-by-status",
                              status_kind="rec_status", half=True)
            with right:
                rows = figures.count_by(recs, "output_type", codes(OUTPUT_TYPES),
                                        value="recommendations")
                widgets.chart(view, charts.bars(rows, "output_type", "recommendations",
                                                "output_type", lang, t("followup.by_type"),
                                                view.subtitle, t("axis.recommendations"),
                                                horizontal=True), rows, "recs-by-type", half=True)
            left, right = st.columns(2)
            with left:
                rows = figures.cross_count(recs, "country", "status",
                                           (*data.programme.countries, "RG"), statuses,
                                           explode=True).rename(
                                               columns={"activities": "recommendations"})
                widgets.chart(view, charts.stacked(rows, "country", "country", "status",
                                                   "rec_status", "recommendations", lang,
                                                   t("followup.by_country"), view.subtitle,
                                                   t("axis.recommendations"), horizontal=True, half=True),
                              rows, "recs-by-country", status_kind="rec_status", half=True)
            with right:
                rows = figures.cross_count(recs.dropna(subset=["component"]), "component",
                                           "status", data.programme.components, statuses
                                           ).rename(columns={"activities": "recommendations"})
                widgets.chart(view, charts.stacked(rows, "component", "component", "status",
                                                   "rec_status", "recommendations", lang,
                                                   t("followup.by_component"), view.subtitle,
                                                   t("axis.recommendations"), horizontal=True, half=True),
                              rows, "recs-by-component", status_kind="rec_status", half=True)
            if verdicts.has_targets(view):
                verdicts.target_chart(view, "recommendations_implemented",
                                      t("axis.recommendations"), "targets-recommendations")
            st.subheader(t("followup.list"))
            widgets.caption(view, "followup.overdue_rule")
            widgets.recommendation_list(view, recs)
