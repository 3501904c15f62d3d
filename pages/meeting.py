"""Meeting brief: one country (or the region) on a projector, and its meeting pack."""

import streamlit as st

from bomca_data import charts
from bomca_data.figures import meeting_brief as briefing
from bomca_data.ui import decisions, meeting, page, widgets

view = page.start("page.meeting", "brief.intro", filtered=False)
lang, t, as_of = view.lang, view.t, view.as_of
country, since = meeting.choices(view)
brief = meeting.figures(view, country, since)
headline = brief["headline"]
period = briefing.period_text(brief["start"], as_of, lang)
meeting.download(view, country, since)
widgets.kpi_row([
    (t("kpi.completed"), view.number(headline["completed"]),
     t("pack.in_period", n=view.number(headline["completed_in_period"]))),
    (t("kpi.attendances"), view.number(headline["attendances"]),
     t("pack.in_period", n=view.number(headline["attendances_in_period"]))),
    (t("kpi.women"), view.number(headline["women_share"], percent=True),
     t("pack.in_period", n=view.number(headline["women_share_in_period"], percent=True))),
    (t("kpi.recs_open"), view.number(headline["recommendations_open"]),
     t("pack.overdue", n=view.number(headline["overdue"]))),
])
widgets.caption(view, briefing.scope_rule(country))
subtitle = briefing.context_line(country, brief["start"], as_of, lang)

def text(title: str, axis: str, half: bool = True) -> charts.Text:
    return view.text(title, axis, half, subtitle)

st.header(t("brief.results", period=period))
by_component, by_type = brief["by_component"], brief["by_type"]
left, right = st.columns(2)
with left:
    widgets.chart(view, charts.bars(by_component, key="component", value="activities",
                                    horizontal=True,
                                    text=text("brief.by_component", "axis.activities")),
                  by_component, "brief-by-component")
with right:
    widgets.chart(view, charts.bars(by_type, key="activity_type", value="activities",
                                    horizontal=True,
                                    text=text("brief.by_type", "axis.activities")),
                  by_type, "brief-by-type")
rows = brief["targets"]  # every programme year: the context line names no period
widgets.chart(view, charts.actual_vs_target(rows, text=view.text(
    "brief.targets", "axis.activities", subtitle=briefing.context_line(country, None, as_of, lang))),
    rows, "brief-targets")
widgets.not_done(view, brief["not_done"], "brief.not_done")

st.header(t("brief.participants", period=period))
by_agency_type, agencies = brief["by_agency_type"], brief["agencies"]
left, right = st.columns(2)
with left:
    widgets.chart(view, charts.bars(by_agency_type, key="agency_type", value="attendances",
                                    horizontal=True, text=text(
                                        "participants.by_agency_type", "axis.attendances")),
                  by_agency_type, "brief-agency-types")
with right:
    widgets.chart(view, charts.bars(agencies, key="agency", value="attendances",
                                    horizontal=True,
                                    text=text("participants.agencies", "axis.attendances")),
                  agencies, "brief-agencies")

st.header(t("brief.recommendations"))
widgets.recommendation_list(view, brief["open"])
decisions.panel(view, brief["open"], country)
if len(brief["decided_here"]):  # what the room agreed, as recorded: seen by every viewer
    st.subheader(t("brief.decisions_here"), anchor=False)
    meeting.decided_table(view, brief["decided_here"])
if brief["previous"] is not None and len(brief["decided_before"]):
    st.subheader(t("brief.decisions_previous", meeting=widgets.meeting_label(
        view, brief["previous"])), anchor=False)
    meeting.decided_table(view, brief["decided_before"])
st.header(t("brief.planned"))
meeting.planned_table(view, brief["planned"])
st.subheader(f"{t('kpi.next_meeting')}: {widgets.meeting_label(view, brief['upcoming'])}", anchor=False)
