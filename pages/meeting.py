"""Meeting brief: one country (or the region) on a projector, and its meeting pack."""

import streamlit as st

from bomca_data import charts, i18n
from bomca_data.ui import banners, meeting, state, widgets

view = state.current_view()
if view is not None:
    banners.page_header(view, "page.meeting", "brief.intro", filtered=False)
    lang, t, as_of = view.lang, view.t, view.as_of
    country, since = meeting.choices(view)
    brief = meeting.figures(view, country, since)
    headline = brief["headline"]
    period = f"{i18n.date(brief['start'], lang)} - {i18n.date(as_of, lang)}"
    meeting.download(view, country, since)
    widgets.kpi_row([
        (t("kpi.completed"), widgets.fmt(headline["completed"], lang),
         t("pack.in_period", n=widgets.fmt(headline["completed_in_period"], lang))),
        (t("kpi.attendances"), widgets.fmt(headline["attendances"], lang),
         t("pack.in_period", n=widgets.fmt(headline["attendances_in_period"], lang))),
        (t("kpi.women"), widgets.fmt(headline["women_share"], lang, percent=True), None),
        (t("kpi.recs_open"), widgets.fmt(headline["recommendations_open"], lang),
         t("pack.overdue", n=widgets.fmt(headline["overdue"], lang))),
    ])
    widgets.caption(view, "pack.scope")
    subtitle = f"{i18n.term('country', country, lang)} · {period} · {view.subtitle.split(' · ')[0]}"

    st.header(t("brief.results", period=period))
    by_component, by_type = brief["by_component"], brief["by_type"]
    left, right = st.columns(2)
    with left:
        widgets.chart(view, charts.bars(by_component, "component", "activities", "component", lang,
                                        t("brief.by_component"), subtitle, t("axis.activities"),
                                        horizontal=True), by_component, "brief-by-component", half=True)
    with right:
        rows = by_type[by_type["activities"] > 0]
        widgets.chart(view, charts.bars(rows, "activity_type", "activities", "activity_type", lang,
                                        t("brief.by_type"), subtitle, t("axis.activities"),
                                        horizontal=True), rows, "brief-by-type", half=True)
    rows = brief["targets"]
    widgets.chart(view, charts.actual_vs_target(rows, lang, t("brief.targets"), subtitle,
                                                t("axis.activities")), rows, "brief-targets")

    st.header(t("brief.participants", period=period))
    by_agency_type, agencies = brief["by_agency_type"], brief["agencies"]
    left, right = st.columns(2)
    with left:
        widgets.chart(view, charts.bars(by_agency_type, "agency_type", "attendances", "agency_type",
                                        lang, t("participants.by_agency_type"), subtitle,
                                        t("axis.attendances"), horizontal=True),
                      by_agency_type, "brief-agency-types", half=True)
    with right:
        widgets.chart(view, charts.bars(agencies, "agency", "attendances", None, lang,
                                        t("participants.agencies"), subtitle,
                                        t("axis.attendances"), horizontal=True),
                      agencies, "brief-agencies", half=True)

    st.header(t("brief.recommendations"))
    widgets.recommendation_list(view, brief["open"])
    st.header(t("brief.planned"))
    meeting.planned_table(view, brief["planned"])
    st.subheader(f"{t('kpi.next_meeting')}: {widgets.meeting_label(view, brief['upcoming'])}")
