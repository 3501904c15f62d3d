"""Components: each component's activities by type, status and year, against targets."""

import streamlit as st

from bomca_data import charts, figures, i18n, panels
from bomca_data.contract import ACTIVITY_STATUSES, ACTIVITY_TYPES, codes
from bomca_data.ui import page, widgets

view = page.start("page.components", "components.intro")
data, lang, t, as_of = view.data, view.lang, view.t, view.as_of
programme = data.programme
acts = data.table("activities")
if not widgets.nothing_matches(view, acts):
    done = figures.completed_activities(data, as_of, view.filters.year_kind)
    per = figures.count_by(done, "component", programme.components).set_index("component")
    widgets.kpi_row([(i18n.component_short(c, lang), view.number(per.loc[c, "activities"]),
                      t("kpi.completed")) for c in programme.components])
    left, right = st.container(), st.container()  # full width: eight types, five statuses
    with left:
        rows = figures.cross_count(acts, "component", "activity_type", programme.components,
                                   codes(ACTIVITY_TYPES))
        widgets.chart(view, charts.stacked(
            rows, x="component", colour_by="activity_type", value="activities",
            horizontal=True, text=view.text("components.by_type", "axis.activities")),
            rows, "component-by-type")
    with right:
        rows = figures.cross_count(acts, "component", "status", programme.components,
                                   codes(ACTIVITY_STATUSES))
        widgets.chart(view, charts.stacked(
            rows, x="component", colour_by=("status", "activity_status"),
            value="activities", horizontal=True,
            text=view.text("components.by_status", "axis.activities")),
            rows, "component-by-status")
    st.caption(t("components.all_statuses"))
    widgets.not_done(view, figures.not_done(acts), "components.not_done")
    widgets.chart(view, *panels.components_by_year(view, done), "component-by-year")
    widgets.years_note(view)
    if not widgets.missing_table(view, "targets"):
        shown = view.filters.components or programme.components
        for tab, code in zip(st.tabs([i18n.component_short(c, lang) for c in shown]),
                             shown, strict=True):
            with tab:
                part = figures.only_component(data, code)
                rows = figures.target_progress(part, as_of, "activities_completed",
                                               view.filters.countries, (code,))
                if rows["target"].isna().all():
                    st.info(t("targets.none_for"))
                widgets.chart(view, charts.actual_vs_target(rows, text=view.text(
                    "components.targets", "axis.activities", component=code)),
                    rows, f"targets-{code}")
