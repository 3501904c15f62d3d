"""The charts that both a page and the report draw, each declared once: a function of
the view giving the figure and the rows behind it (a ``Panel``). A page shows it with
``widgets.chart(view, *panel, name)``; the report puts the same figure in its file."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from bomca_data import charts, figures, i18n
from bomca_data.contract import AGENCY_TYPES, REC_STATUSES, codes
from bomca_data.figures import targets
from bomca_data.view import View

Panel = tuple[go.Figure, pd.DataFrame]


def completed_by(view: View, done: pd.DataFrame, by: str) -> Panel:
    """Completed activities by component or by country (an activity of several
    countries counts for each), in half the width."""
    keys = view.data.programme.components if by == "component" else view.data.programme.scopes
    rows = figures.count_by(done, by, keys, explode=by == "country")
    return charts.bars(rows, key=by, value="activities", horizontal=True,
                       text=view.text(f"overview.by_{by}", "axis.activities", half=True)), rows


def components_by_year(view: View, done: pd.DataFrame) -> Panel:
    """Completed activities of each component, by year (of the kind chosen)."""
    programme = view.data.programme
    rows = figures.cross_count(done.dropna(subset=["year"]), "year", "component",
                               programme.year_keys(view.filters.year_kind),
                               programme.components)
    return charts.stacked(rows, x="year", colour_by="component", value="activities",
                          text=view.text("components.by_year", "axis.activities")), rows


PEOPLE_BY = {"country": "participants.by_country", "agency_type": "participants.by_agency_type",
             "year": "participants.by_year"}


def people_by(view: View, column: str) -> Panel:
    """Attendances and unique people by country, agency type (those with any) or year."""
    data, kind = view.data, view.filters.year_kind
    keys = {"country": data.programme.countries, "agency_type": codes(AGENCY_TYPES),
            "year": data.programme.year_keys(kind)}[column]
    rows = figures.participation_by(data, view.as_of, column, keys, kind)
    if column == "agency_type":
        rows = rows[rows["attendances"] > 0]
    return charts.paired(rows, key=column, horizontal=column != "year", text=view.text(
        PEOPLE_BY[column], "axis.people", half=True)), rows


def women_share(view: View) -> Panel:
    """Women's share of attendances, by year (of the kind chosen)."""
    rows = figures.women_share_over_time(view.data, view.as_of, view.filters.year_kind)
    return charts.lines(rows, x="year", y="women_share", percent=True,
                        text=view.text("participants.women", "axis.share", half=True)), rows


def recs_by_status(view: View, recs: pd.DataFrame) -> Panel:
    """Recommendations by their status on the as-of date."""
    rows = figures.count_by(recs, "status", codes(REC_STATUSES), value="recommendations")
    return charts.bars(rows, key=("status", "rec_status"), value="recommendations",
                       horizontal=True, text=view.text("followup.by_status",
                                                       "axis.recommendations", half=True)), rows


def recs_by(view: View, recs: pd.DataFrame, by: str) -> Panel:
    """Recommendations of each country (or component) by status: their uptake."""
    programme = view.data.programme
    if by == "country":
        rows = figures.cross_count(recs, "country", "status", programme.scopes,
                                   codes(REC_STATUSES), explode=True)
    else:
        rows = figures.cross_count(recs.dropna(subset=["component"]), "component", "status",
                                   programme.components, codes(REC_STATUSES))
    rows = rows.rename(columns={"activities": "recommendations"})
    return charts.stacked(rows, x=by, colour_by=("status", "rec_status"),
                          value="recommendations", horizontal=True, text=view.text(
                              f"followup.by_{by}", "axis.recommendations", half=True)), rows


def target(view: View, indicator: str, axis: str, half: bool = False) -> Panel | None:
    """An indicator against its targets, per programme year, for the scope in view;
    None when the scope has no target for it (never another scope's target)."""
    chosen = view.filters
    if not targets.has_target(view.data, indicator, chosen.countries, chosen.components):
        return None
    rows = targets.progress(view.data, view.as_of, indicator, chosen.countries,
                            chosen.components)
    text = view.text("verdict.against", axis, half,
                     indicator=i18n.name("indicator", indicator, view.lang))
    return charts.actual_vs_target(rows[["year", "actual", "target", "due", "verdict"]],
                                   text=text, percent=targets.is_share(indicator)), rows


Card = tuple  # (label, value, note) or (label, value, note, how it is counted)


def headline_cards(view: View) -> list[list[Card]]:
    """Overview's cards, two rows: activities and time, then people and follow-up."""
    t, data, as_of = view.t, view.data, view.as_of
    headline = figures.summary(data, as_of)
    acts, parts = headline["activities"], headline["participants"]
    recs, status = headline["recommendations"], headline["activities"]["by_status"]
    clock = data.programme.elapsed(as_of)
    reach = figures.coverage(figures.completed_activities(data, as_of), view.countries)
    return [[
        (t("kpi.completed"), view.number(acts["completed"]),
         t("kpi.of", n=view.number(acts["total"]))),
        (t("kpi.ongoing"), view.number(status["ongoing"]), None),
        (t("kpi.planned"), view.number(status["planned"]), None),
        (t("kpi.countries"), f"{reach['countries']} / {len(view.countries)}", None),
        (t("kpi.elapsed"), view.number(clock["share"], percent=True),
         t("kpi.months", m=clock["months"], n=clock["of_months"])),
    ], [
        (t("kpi.attendances"), view.number(parts["attendances"]), None, t("rule.people")),
        (t("kpi.unique"), view.number(parts["unique_persons"]), None, t("rule.people")),
        (t("kpi.women"), view.number(parts["women_share"], percent=True), None),
        (t("kpi.recs_implemented"), view.number(recs["implemented_share"], percent=True),
         t("kpi.of", n=view.number(recs["total"]))),
    ]]


def people_cards(view: View) -> list[Card]:
    """Participants' cards: attendances, unique people, women's share, repeat attendees."""
    t = view.t
    people = figures.participant_summary(view.data, view.as_of)
    repeat = figures.repeat_attendance(view.data, view.as_of)
    return [(t("kpi.attendances"), view.number(people["attendances"]), None),
            (t("kpi.unique"), view.number(people["unique_persons"]), None),
            (t("kpi.women"), view.number(people["women_share"], percent=True), None),
            (t("kpi.repeat"), view.number(figures.attended_several(repeat)), None)]


def recs_cards(view: View, recs: pd.DataFrame) -> list[Card]:
    """Follow-up's cards: recommendations, the share implemented, open, overdue."""
    t, counts = view.t, figures.recommendation_figures(recs)
    return [(t("kpi.recs_total"), view.number(counts["total"]), None),
            (t("kpi.recs_implemented"), view.number(counts["implemented_share"], percent=True),
             t("kpi.of", n=view.number(counts["total"]))),
            (t("kpi.recs_open"), view.number(counts["open"]), None),
            (t("kpi.recs_overdue"), view.number(counts["overdue"]), None,
             t("followup.overdue_rule"))]
