"""Timeline: the programme over time, with the steering-group meetings."""

import streamlit as st

from bomca_data import charts, figures
from bomca_data.ui import banners, state, widgets

view = state.current_view()
if view is not None:
    banners.page_header(view, "page.timeline", "timeline.intro")
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
            (t("kpi.elapsed"), widgets.fmt(clock["share"], lang, percent=True),
             t("kpi.months", m=clock["months"], n=clock["of_months"])),
            (t("kpi.completed"), widgets.fmt(int(progress["completed"].iloc[-1]), lang), None),
            (t("kpi.cum_target", year=widgets.fmt_date(due[0], lang) if due else "-"),
             widgets.fmt(due[1] if due else None, lang), None),
            (t("kpi.next_meeting"), widgets.fmt_date(upcoming["start_date"].date(), lang)
             if upcoming is not None else widgets.fmt(None, lang), None),
        ])
        if upcoming is not None:  # the card holds the date; what and where, in full
            st.caption(f"{t('kpi.next_meeting')}: {widgets.meeting_label(view, upcoming)}")
        rows = figures.by_quarter(data)
        widgets.chart(view, charts.stacked(rows, "quarter", "quarter", "component", "component",
                                           "activities", lang, t("timeline.quarters"),
                                           view.subtitle, t("axis.activities")),
                      rows, "activities-per-quarter")
        if not len(target) and data.table("targets") is not None:
            st.info(t("targets.none_for"))
        widgets.chart(view, charts.cumulative(progress, target, meetings, lang,
                                              t("timeline.cumulative"), view.subtitle,
                                              t("axis.activities")),
                      progress.merge(target, on="month", how="outer"), "cumulative-completed")
        rows = figures.gantt(data, as_of)
        widgets.chart(view, charts.gantt(rows, meetings, as_of, lang,
                                         t("timeline.gantt", n=len(rows)), view.subtitle),
                      rows, "activities-gantt")
        if len(rows) < len(acts):
            widgets.caption_n(view, "timeline.gantt_cut", shown=len(rows), n=len(acts))
        widgets.caption(view, "timeline.meetings")
