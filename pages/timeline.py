"""Timeline: the programme over time, with the steering-group meetings."""

import streamlit as st

from bomca_data import charts, figures
from bomca_data.ui import page, widgets

view = page.start("page.timeline", "timeline.intro")
data, lang, t, as_of = view.data, view.lang, view.t, view.as_of
acts = data.table("activities")
meetings = data.table("meetings")
if not widgets.nothing_matches(view, acts):
    progress, target = figures.cumulative_completed(data, as_of, view.filters.countries,
                                                    view.filters.components)
    clock = data.programme.elapsed(as_of)
    due = figures.target_due(target, as_of)
    upcoming = figures.next_meeting(data, as_of)
    widgets.kpi_row([
        (t("kpi.elapsed"), view.number(clock["share"], percent=True),
         t("kpi.months", m=clock["months"], n=clock["of_months"])),
        (t("kpi.completed"), view.number(int(progress["completed"].iloc[-1])), None),
        (t("kpi.cum_target", year=view.date(due[0]) if due else "-"),
         view.number(due[1] if due else None), None),
        (t("kpi.next_meeting"), view.date(upcoming["start_date"].date())
         if upcoming is not None else view.number(None), None),
    ])
    if upcoming is not None:  # the card holds the date; what and where, in full
        st.caption(f"{t('kpi.next_meeting')}: {widgets.meeting_label(view, upcoming)}")
    rows = figures.by_quarter(data)
    widgets.chart(view, charts.stacked(
        rows, x="quarter", colour_by="component", value="activities",
        text=view.text("timeline.quarters", "axis.activities")), rows, "activities-per-quarter")
    if not len(target) and data.table("targets") is not None:
        st.info(t("targets.none_for"))
    widgets.chart(view, charts.cumulative(
        progress, target, meetings, text=view.text("timeline.cumulative", "axis.activities")),
        progress.merge(target, on="month", how="outer"), "cumulative-completed")
    rows = figures.gantt(data, as_of)
    widgets.chart(view, charts.gantt(rows, meetings, as_of,
                                     text=view.text("timeline.gantt", n=len(rows))),
                  rows, "activities-gantt")
    if len(rows) < len(acts):
        widgets.caption_n(view, "timeline.gantt_cut", shown=len(rows), n=len(acts))
    widgets.caption(view, "timeline.meetings")
