"""Participants: who is trained, by country, agency type and year; women's share."""

import streamlit as st

from bomca_data import charts, figures
from bomca_data.contract import AGENCY_TYPES, codes
from bomca_data.ui import banners, state, verdicts, widgets

view = state.current_view()
if view is not None:
    banners.page_header(view, "page.participants", "participants.intro")
    data, lang, t, as_of = view.data, view.lang, view.t, view.as_of
    if not widgets.missing_table(view, "participants"):
        parts = figures.counted_participation(data, as_of)
        if not widgets.nothing_matches(view, parts):
            people = figures.participant_summary(data, as_of)
            repeat = figures.repeat_attendance(data, as_of)
            widgets.kpi_row([
                (t("kpi.attendances"), widgets.fmt(people["attendances"], lang), None),
                (t("kpi.unique"), widgets.fmt(people["unique_persons"], lang), None),
                (t("kpi.women"), widgets.fmt(people["women_share"], lang, percent=True), None),
                (t("kpi.repeat"), widgets.fmt(figures.attended_several(repeat), lang), None),
            ])
            widgets.caption(view, "rule.people")
            left, right = st.columns(2)
            with left:
                rows = figures.participation_by(data, as_of, "country", data.programme.countries)
                widgets.chart(view, charts.paired(rows, "country", "country", lang,
                                                  t("participants.by_country"), view.subtitle,
                                                  t("axis.people")), rows, "people-by-country", half=True)
            with right:
                rows = figures.participation_by(data, as_of, "agency_type", codes(AGENCY_TYPES))
                rows = rows[(rows["attendances"] > 0)]
                widgets.chart(view, charts.paired(rows, "agency_type", "agency_type", lang,
                                                  t("participants.by_agency_type"), view.subtitle,
                                                  t("axis.people"), horizontal=True),
                              rows, "people-by-agency-type", half=True)
            kind = view.filters.year_kind
            left, right = st.columns(2)
            with left:
                rows = figures.participation_by(data, as_of, "year",
                                                data.programme.year_keys(kind), kind)
                widgets.chart(view, charts.paired(rows, "year", "year", lang,
                                                  t("participants.by_year"), view.subtitle,
                                                  t("axis.people")), rows, "people-by-year", half=True)
            with right:
                rows = figures.women_share_over_time(data, as_of, kind)
                widgets.chart(view, charts.lines(rows, "year", "women_share", lang,
                                                 t("participants.women"), view.subtitle,
                                                 t("axis.share"), percent=True, x_kind="year"),
                              rows, "women-share", half=True)
            widgets.years_note(view)
            left, right = st.columns(2)
            with left:
                rows = figures.top_agencies(data, as_of)
                widgets.chart(view, charts.bars(rows, "label", "attendances", None, lang,
                                                t("participants.agencies"), view.subtitle,
                                                t("axis.attendances"), horizontal=True),
                              rows, "top-agencies", half=True)
            with right:
                widgets.chart(view, charts.bars(repeat, "activities_attended", "people", None,
                                                lang, t("participants.repeat"), view.subtitle,
                                                t("axis.people")), repeat, "repeat-attendance", half=True)
            if verdicts.has_targets(view):
                left, right = st.columns(2)
                with left:
                    verdicts.target_chart(view, "participants", t("axis.attendances"),
                                          "targets-participants", half=True)
                with right:
                    verdicts.target_chart(view, "women_share", t("axis.share"),
                                          "targets-women", half=True)
