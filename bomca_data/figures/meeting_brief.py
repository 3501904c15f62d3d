"""The steering-group meeting brief: one country (or the region) and a period.

Scope rules (stated in the brief): activities are those that list the country;
participants are the people from the country (also at regional activities);
recommendations are those naming the country. For the region (RG) everything
counts. The cumulative headline figures equal those of `summary` for the same
country and date: completed_by_country[country] and participants.by_country[country]
(the totals for the region).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pandas as pd

from bomca_data import contract, figures, i18n
from bomca_data.figures import targets
from bomca_data.filters import Filters, apply
from bomca_data.model import Dataset

REGION = contract.REGION
NEXT_PERIOD_DAYS = 365  # without a next meeting, "next period" is the coming year


@dataclass(frozen=True)
class Brief:
    country: str  # a national code, or RG for the region
    start: dt.date  # the period: from the previous meeting...
    as_of: dt.date  # ...to the as-of date
    data: Dataset  # scoped to the country
    people: Dataset  # the country's participants, at every activity (regional ones too)
    previous: pd.Series | None  # the meeting the period starts from
    upcoming: pd.Series | None  # the next meeting

    @property
    def regional(self) -> bool:
        return self.country == REGION


def meetings_of(dataset: Dataset, country: str) -> pd.DataFrame | None:
    meetings = dataset.table("meetings")
    if meetings is None:
        return None
    kind = "RSG" if country == REGION else "NSG"
    mine = meetings[(meetings["meeting_type"] == kind) & (meetings["country"] == country)]
    return mine.sort_values("start_date")


def default_start(dataset: Dataset, country: str, as_of: dt.date) -> dt.date:
    """The start of the country's previous steering meeting before D; else the
    programme's start."""
    mine = meetings_of(dataset, country)
    if mine is not None:
        before = mine[mine["start_date"] < pd.Timestamp(as_of)]
        if len(before):
            return before["start_date"].iloc[-1].date()
    return dataset.programme.start


def scoped(dataset: Dataset, country: str, as_of: dt.date) -> tuple[Dataset, Dataset]:
    """The dataset seen from one country, and the country's people (see the module's
    rules): people from the country count at any activity, regional ones included."""
    everything = apply(dataset, Filters(), as_of)
    if country == REGION:
        return everything, everything
    narrowed = apply(dataset, Filters(countries=(country,)), as_of)
    parts = dataset.table("participants")
    if parts is None:
        return narrowed, narrowed
    people = replace(everything, tables={**everything.tables,
                                         "participants": parts[parts["country"] == country]})
    return replace(narrowed, tables={**narrowed.tables,
                                     "participants": people.tables["participants"]}), people


def build(dataset: Dataset, country: str, as_of: dt.date, start: dt.date | None = None) -> Brief:
    if country not in (*contract.NATIONAL_COUNTRIES, REGION):
        raise ValueError(f"unknown country {country!r}")
    # never after the as-of date: before the programme began, the period is that day
    start = min(start or default_start(dataset, country, as_of), as_of)
    mine = meetings_of(dataset, country)
    previous = upcoming = None
    if mine is not None:
        before = mine[mine["start_date"].dt.date == start]
        previous = before.iloc[-1] if len(before) else None
        after = mine[mine["start_date"] > pd.Timestamp(as_of)]
        upcoming = after.iloc[0] if len(after) else None
    data, people = scoped(dataset, country, as_of)
    return Brief(country, start, as_of, data, people, previous, upcoming)


def period_text(start: dt.date, as_of: dt.date, lang: str) -> str:
    """"11.09.2023 - 12.09.2024": the brief's period, as page and pack write it."""
    return f"{i18n.date(start, lang)} - {i18n.date(as_of, lang)}"


def scope_name(country: str, lang: str) -> str:
    """What a brief is of: the country's name, or for the region's steering group "Whole
    programme (Regional Steering Group)": everything counts, not only the regional
    activities that "Regional" names everywhere else."""
    return i18n.t("brief.whole_programme", lang) if country == REGION else \
        i18n.name("country", country, lang)


def scope_rule(country: str) -> str:
    """The text key of what a brief counts: a country's rule, or the whole programme's."""
    return "pack.scope_region" if country == REGION else "pack.scope"


def context_line(country: str, start: dt.date | None, as_of: dt.date, lang: str) -> str:
    """The brief's charts' context line: its own scope, not the sidebar's filters
    ("Kazakhstan · 2023-09-11 - 2024-09-12 · As of 2024-09-12"); without a ``start``, a
    chart of the whole programme to date ("Kazakhstan · As of 2024-09-12")."""
    period = [period_text(start, as_of, lang)] if start is not None else []
    return " · ".join((scope_name(country, lang), *period,
                       i18n.t("context.as_of", lang, date=i18n.date(as_of, lang))))


def headline(brief: Brief) -> dict:
    """Cumulative figures as of D (equal to `summary`'s for the country) and the period's
    (``*_in_period``: activities done, attendances at them and women's share among those,
    recommendations proposed)."""
    data, d = brief.data, brief.as_of
    found = figures.summary(brief.people, d)
    done = figures.completed_activities(data, d)
    in_period = done[done["done"] >= pd.Timestamp(brief.start)]
    parts = _participation(brief)
    period_parts = parts[parts["activity_id"].isin(_period_activity_ids(brief))]
    view = figures.recommendations_view(data, d)
    recs = figures.recommendation_figures(view)
    proposed = view["date_proposed"] >= pd.Timestamp(brief.start) if len(view) else []
    return {
        "completed": len(done),
        "completed_in_period": len(in_period),
        "attendances": int(parts["count"].sum()),
        "attendances_in_period": int(period_parts["count"].sum()),
        "unique_persons": found["participants"]["unique_persons"],
        "women_share": found["participants"]["women_share"],
        "women_share_in_period": figures.women_share(period_parts) if len(period_parts)
        else None,
        "recommendations": recs["total"],
        "recommendations_in_period": int(sum(proposed)),
        "recommendations_implemented": recs["implemented"],
        "recommendations_open": recs["open"],
        "overdue": recs["overdue"],
    }


def _participation(brief: Brief) -> pd.DataFrame:
    return figures.counted_participation(brief.people, brief.as_of)


def _period_activity_ids(brief: Brief) -> set:
    """The activities done in the period that the country's people are counted at: every
    such activity, those of other countries too (the people rule), whoever looks (a
    user limited to the country has them in ``people_activities``)."""
    acts = figures.activities_of_people(brief.people)
    if acts is None:
        return set()
    when = figures.done_date(acts)
    return set(acts.loc[(when >= pd.Timestamp(brief.start)) & (acts["start_date"]
                        <= pd.Timestamp(brief.as_of)), "activity_id"])


def period_not_done(brief: Brief) -> pd.DataFrame:
    """The country's activities meant for the period (starting in it) that were cancelled
    or postponed by D, with the reason recorded for each."""
    acts = brief.data.table("activities")
    if acts is None:
        return figures.not_done(None)
    rows = figures.not_done(acts)
    return rows[rows["start_date"] >= pd.Timestamp(brief.start)].reset_index(drop=True)


def period_results(brief: Brief) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Activities completed in the period: by component (every one), and by type (the
    types done, in the vocabulary's order)."""
    done = figures.completed_activities(brief.data, brief.as_of)
    done = done[done["done"] >= pd.Timestamp(brief.start)]
    by_type = figures.count_by(done, "activity_type", contract.codes(contract.ACTIVITY_TYPES))
    return (figures.count_by(done, "component", brief.data.programme.components),
            by_type[by_type["activities"] > 0])


def period_participants(brief: Brief) -> tuple[pd.DataFrame, pd.DataFrame, float | None]:
    """The period's participants: by agency type, the agencies reached, women's share."""
    parts = _participation(brief)
    parts = parts[parts["activity_id"].isin(_period_activity_ids(brief))]
    by_type = parts.groupby(figures.or_unknown(parts["agency_type"]))["count"].sum()
    by_type = by_type.reindex([c for c in (*contract.codes(contract.AGENCY_TYPES), "unknown")
                               if c in by_type.index]).rename("attendances").reset_index()
    agencies = figures.agencies_reached(parts, 10)[["label", "attendances"]].rename(
        columns={"label": "agency"})
    share = figures.women_share(parts) if len(parts) else None
    return by_type, agencies, share


def target_row(brief: Brief) -> pd.DataFrame:
    """Completed activities against the targets, per programme year, as the dashboard
    draws them: a year not begun has its target alone."""
    countries = () if brief.regional else (brief.country,)
    return targets.progress(brief.data, brief.as_of, "activities_completed", countries)


def open_recommendations(brief: Brief) -> pd.DataFrame:
    recs = figures.recommendations_view(brief.data, brief.as_of)
    if not len(recs):
        return recs
    return recs[recs["status"].isin(figures.REC_OPEN)]


def planned(brief: Brief) -> pd.DataFrame:
    """The plan for the next period: every activity of the scope starting after D, up
    to the next steering-group meeting or 12 months, whichever is later. On D each of
    them is planned, whatever was recorded about it afterwards: none is left out."""
    acts = brief.data.table("activities")
    if acts is None:
        return pd.DataFrame()
    year_on = pd.Timestamp(brief.as_of) + pd.Timedelta(days=NEXT_PERIOD_DAYS)
    until = max(brief.upcoming["start_date"], year_on) if brief.upcoming is not None else year_on
    later = acts[(acts["start_date"] > pd.Timestamp(brief.as_of)) & (acts["start_date"] <= until)]
    return later[["activity_id", "title", "component", "country", "activity_type", "start_date",
                  "location"]].sort_values("start_date").reset_index(drop=True)


def this_meeting(brief: Brief) -> pd.Series | None:
    """The country's steering meeting held on D (the brief's day), if any."""
    mine = meetings_of(brief.data, brief.country)
    if mine is None:
        return None
    today = mine[mine["start_date"].dt.date == brief.as_of]
    return today.iloc[-1] if len(today) else None


def decisions_at(brief: Brief, meeting_id: str | None) -> pd.DataFrame:
    """What was decided at a meeting (its rows of recommendation_updates), the latest
    recorded first, each with its recommendation's title and, on D, its status and due
    date: what has happened since."""
    columns = ["rec_id", "title", "decided", "note", "due_date", "status", "overdue"]
    updates = brief.data.table("recommendation_updates")
    if meeting_id is None or updates is None:
        return pd.DataFrame(columns=columns)
    mine = updates[(updates["meeting_id"] == meeting_id)
                   & (updates["date"] <= pd.Timestamp(brief.as_of))]
    now = figures.recommendations_view(brief.data, brief.as_of)
    if not len(mine) or not len(now):
        return pd.DataFrame(columns=columns)
    now = now.set_index("rec_id")
    # each recommendation's last decision there, the latest recorded first
    mine = mine[mine["rec_id"].isin(now.index)].drop_duplicates("rec_id", keep="last").iloc[::-1]
    return pd.DataFrame({
        "rec_id": mine["rec_id"].to_numpy(), "title": mine["rec_id"].map(now["title"]).to_numpy(),
        "decided": mine["status"].to_numpy(), "note": mine["note"].to_numpy(),
        "due_date": mine["rec_id"].map(now["due_date"]).to_numpy(),
        "status": mine["rec_id"].map(now["status"]).to_numpy(),
        "overdue": mine["rec_id"].map(now["overdue"]).to_numpy()}, columns=columns)
