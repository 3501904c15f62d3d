"""Participants: who is trained, by country, agency type and year; women's share."""

import streamlit as st

from bomca_data import charts, figures
from bomca_data.contract import AGENCY_TYPES, codes
from bomca_data.ui import page, verdicts, widgets

view = page.start("page.participants", "participants.intro")
data, lang, t, as_of = view.data, view.lang, view.t, view.as_of
parts = figures.counted_participation(data, as_of)
if not widgets.nothing_matches(view, parts):
    people = figures.participant_summary(data, as_of)
    repeat = figures.repeat_attendance(data, as_of)
    widgets.kpi_row([
        (t("kpi.attendances"), view.number(people["attendances"]), None),
        (t("kpi.unique"), view.number(people["unique_persons"]), None),
        (t("kpi.women"), view.number(people["women_share"], percent=True), None),
        (t("kpi.repeat"), view.number(figures.attended_several(repeat)), None),
    ])
    widgets.caption(view, "rule.people")
    left, right = st.columns(2)
    with left:
        rows = figures.participation_by(data, as_of, "country", data.programme.countries)
        widgets.chart(view, charts.paired(rows, key="country", horizontal=True, text=view.text(
            "participants.by_country", "axis.people", half=True)),
            rows, "people-by-country")
    with right:
        rows = figures.participation_by(data, as_of, "agency_type", codes(AGENCY_TYPES))
        rows = rows[(rows["attendances"] > 0)]
        widgets.chart(view, charts.paired(rows, key="agency_type", horizontal=True,
                                          text=view.text("participants.by_agency_type",
                                                         "axis.people", half=True)),
                      rows, "people-by-agency-type")
    kind = view.filters.year_kind
    left, right = st.columns(2)
    with left:
        rows = figures.participation_by(data, as_of, "year",
                                        data.programme.year_keys(kind), kind)
        widgets.chart(view, charts.paired(rows, key="year", text=view.text(
            "participants.by_year", "axis.people", half=True)), rows, "people-by-year")
    with right:
        rows = figures.women_share_over_time(data, as_of, kind)
        widgets.chart(view, charts.lines(rows, x="year", y="women_share", percent=True,
                                         text=view.text("participants.women",
                                                        "axis.share", half=True)),
                      rows, "women-share")
    widgets.years_note(view)
    left, right = st.columns(2)
    with left:
        rows = figures.top_agencies(data, as_of)
        widgets.chart(view, charts.bars(rows, key="label", value="attendances",
                                        horizontal=True, text=view.text(
                                            "participants.agencies", "axis.attendances",
                                            half=True)), rows, "top-agencies")
    with right:
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
