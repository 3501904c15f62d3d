"""Activities: status counts on D, completed ones and when, coverage, the plan's
quarters and bars."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pandas as pd

from bomca_data import contract
from bomca_data.figures.asof import STOPPED, activity_status, completed_by, done_date, stamp
from bomca_data.figures.counting import explode_countries, once_per_dataset, tally
from bomca_data.model import Dataset


@once_per_dataset
def activity_summary(dataset: Dataset, as_of: dt.date) -> dict:
    """The "activities" part of the summary: every activity of the plan by its status
    on D; those completed by D (the programme's "events held") by country, component,
    year and programme year, by kind (thematic or coordination) and those held jointly
    with another international organisation; the share of planned activities
    implemented (see ``planned_implemented_share``)."""
    programme = dataset.programme
    acts = dataset.table("activities")
    if acts is None:
        acts = pd.DataFrame({c.name: pd.Series(dtype="datetime64[ms]" if c.kind == "date"
                                               else "str")
                             for c in contract.TABLES["activities"].columns})
    done = acts[completed_by(acts, as_of)]
    done_on = done_date(done)
    return {
        "total": len(acts),
        "by_status": tally(activity_status(acts, as_of),
                           contract.codes(contract.ACTIVITY_STATUSES)),
        "completed": len(done),
        "completed_by_country": tally(explode_countries(done)["country"],
                                      programme.scopes),
        "completed_by_component": tally(done["component"], programme.components),
        "completed_by_year": tally(done_on.dt.year.astype("Int64").astype("str"),
                                   programme.year_keys("calendar")),
        "completed_by_programme_year": tally(
            programme.year_labels(done_on).dropna(), programme.year_keys()),
        "completed_by_kind": tally(done["kind"], contract.codes(contract.ACTIVITY_KINDS)),
        "completed_joint": int(done["joint_with"].notna().sum()),
        "planned_implemented_share": planned_implemented_share(acts, as_of),
    }


def planned_implemented_share(activities: pd.DataFrame, as_of: dt.date) -> float | None:
    """The share of planned activities implemented by D: those completed by D over
    every activity planned to end by D (its end date, else its start date, on or
    before D), whatever became of it: cancelled, postponed and late ones count in the
    denominator. None when none was planned to end by D."""
    planned = int((done_date(activities) <= stamp(as_of)).sum())
    return int(completed_by(activities, as_of).sum()) / planned if planned else None


def completed_activities(dataset: Dataset, as_of: dt.date, year_kind: str = "programme"
                         ) -> pd.DataFrame:
    """Activities completed by D, with the date they count on and its year."""
    return _completed_activities(dataset, as_of, year_kind)


@once_per_dataset
def _completed_activities(dataset: Dataset, as_of: dt.date, year_kind: str) -> pd.DataFrame:
    acts = dataset.table("activities")
    if acts is None:
        return pd.DataFrame(columns=["activity_id", "component", "country", "done", "year"])
    done = acts[completed_by(acts, as_of)]
    on = done_date(done)
    return done.assign(done=on, year=dataset.programme.year_labels(on, year_kind))


def coverage(done: pd.DataFrame, countries: tuple[str, ...]) -> dict:
    """Of completed activities: how many of ``countries`` (those in view: the chosen
    ones, else the programme's) they reached, and the regional and multi-country ones."""
    listed = set(explode_countries(done)["country"]) if len(done) else set()
    return {"countries": sum(code in listed for code in countries),
            "regional": int((done["country"] == contract.REGION).sum()),
            "multi_country": int((done[contract.LISTED] > 1).sum() if contract.LISTED in done
                                 else done["country"].str.contains(";").sum())}



def by_quarter(dataset: Dataset) -> pd.DataFrame:
    """Activities per quarter of their start date, by component (every status)."""
    acts = dataset.table("activities")
    if acts is None or not len(acts):
        return pd.DataFrame(columns=["quarter", "component", "activities"])
    quarter = acts["start_date"].dt.to_period("Q").astype(str)
    counts = acts.assign(quarter=quarter).groupby(["quarter", "component"]).size()
    return counts.rename("activities").reset_index().sort_values(["quarter", "component"])


GANTT_LIMIT = 600  # bars on one chart: more is unreadable, and heavy to send


def gantt(dataset: Dataset, as_of: dt.date | None = None,
          limit: int = GANTT_LIMIT) -> pd.DataFrame:
    """One row per activity; beyond ``limit``, the activities nearest the as-of date."""
    acts = dataset.table("activities")
    if acts is None:
        return pd.DataFrame(columns=["activity_id", "title", "component", "start", "finish"])
    if as_of is not None and len(acts) > limit:
        distance = (acts["start_date"] - stamp(as_of)).abs()
        acts = acts.loc[distance.nsmallest(limit).index]
    out = acts[["activity_id", "title", "component", "country", "status", "start_date"]].copy()
    # a one-day activity still needs a visible bar: it ends at the end of its day
    out["finish"] = done_date(acts) + pd.Timedelta(days=1)
    out["status_reason"] = why_not_done(acts)
    return out.rename(columns={"start_date": "start"}).sort_values("start")


def why_not_done(acts: pd.DataFrame) -> pd.Series:
    """The reason recorded for an activity cancelled or postponed (its status in view,
    on D); blank for every other, whose recorded reason may speak of later days."""
    if "status_reason" not in acts:
        return pd.Series(None, index=acts.index, dtype="object")
    return acts["status_reason"].where(acts["status"].isin(STOPPED))


def not_done(activities: pd.DataFrame | None) -> pd.DataFrame:
    """The activities cancelled or postponed (their status on D, as the view gives it),
    with the reason recorded for each: what was not done, and why."""
    # what and why first (at 1366 px the last columns need scrolling); the id last
    columns = ["title", "status", "status_reason", "country", "component", "start_date",
               "activity_id"]
    if activities is None or not len(activities):
        return pd.DataFrame(columns=columns)
    out = activities[activities["status"].isin(STOPPED)].assign(
        status_reason=why_not_done)[columns]
    return out.sort_values(["status", "start_date"]).reset_index(drop=True)


def next_meeting(dataset: Dataset, as_of: dt.date) -> pd.Series | None:
    """The first steering-group meeting after D (of the view's countries)."""
    meetings = dataset.table("meetings")
    if meetings is None:
        return None
    later = meetings[meetings["start_date"] > stamp(as_of)].sort_values("start_date")
    return later.iloc[0] if len(later) else None


def only_component(dataset: Dataset, component: str) -> Dataset:
    """The activities of one component with the targets (enough for target_progress)."""
    acts = dataset.table("activities")
    tables = {name: frame for name, frame in dataset.tables.items()
              if name in ("targets", "recommendations")}
    if acts is not None:
        tables["activities"] = acts[acts["component"] == component]
    return replace(dataset, tables=tables)
