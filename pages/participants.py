"""Participants: who is trained, by country, agency type and year; women's share."""

import streamlit as st

from bomca_data import charts, figures, panels
from bomca_data.ui import page, verdicts, widgets

view = page.start("page.participants", "participants.intro")
data, lang, t, as_of = view.data, view.lang, view.t, view.as_of
parts = figures.counted_participation(data, as_of)
if not widgets.nothing_matches(view, parts):
    widgets.kpi_row(panels.people_cards(view))
    widgets.caption(view, "rule.people")
    left, right = st.columns(2)
    with left:
        widgets.chart(view, *panels.people_by(view, "country"), "people-by-country")
    with right:
        widgets.chart(view, *panels.people_by(view, "agency_type"), "people-by-agency-type")
    left, right = st.columns(2)
    with left:
        widgets.chart(view, *panels.people_by(view, "year"), "people-by-year")
    with right:
        widgets.chart(view, *panels.women_share(view), "women-share")
    widgets.years_note(view)
    left, right = st.columns(2)
    with left:
        rows = figures.top_agencies(data, as_of)
        widgets.chart(view, charts.bars(rows, key="label", value="attendances",
                                        horizontal=True, text=view.text(
                                            "participants.agencies", "axis.attendances",
                                            half=True)), rows, "top-agencies")
    with right:
        repeat = figures.repeat_attendance(data, as_of)
        widgets.chart(view, charts.bars(repeat, key="activities_attended",
                                        value="people", text=view.text(
                                            "participants.repeat", "axis.people",
                                            half=True)), repeat, "repeat-attendance")
    if verdicts.has_targets(view):
        left, right = st.columns(2)
        with left:
            verdicts.target_chart(view, "participants", "axis.attendances",
                                  "targets-participants", half=True)
        with right:
            verdicts.target_chart(view, "women_share", "axis.share",
                                  "targets-women", half=True)
