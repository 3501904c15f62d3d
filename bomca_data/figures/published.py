"""Published figures checked against the data: each statement of the optional
``published`` table (a figure the programme published, the date it refers to, its
scope) beside the same figure computed from the data as of that date and scope.

- The figure is the dashboard's own (``summary`` of the data narrowed to the
  statement's country, component and calendar year by the one scope rule), as of the
  statement's date.
- The verdict: agrees when the computed figure satisfies the comparison (`=` exactly,
  `>` `>=` `<` `<=`, `about` within 5 % of the published value); disagrees when not;
  not computable when the data cannot give the figure (a table or the person ids
  missing, a figure "in the year" without a year, a date after the data's own date).
- Shares are fractions (0.9 for 90 %).
"""

from __future__ import annotations

import datetime as dt
import operator

import pandas as pd

from bomca_data import contract, filters
from bomca_data.figures.activities import completed_activities
from bomca_data.figures.asof import activity_status, done_date, stamp
from bomca_data.figures.counting import once_per_dataset
from bomca_data.figures.participation import counted_participation
from bomca_data.figures.recommendations import recommendations_view
from bomca_data.model import Dataset

ABOUT = 0.05  # "about" agrees within 5 % of the published value
VERDICTS = ("agrees", "disagrees", "not_computable")
_COMPARE = {"=": operator.eq, ">": operator.gt, ">=": operator.ge, "<": operator.lt,
            "<=": operator.le}
# each indicator's figure in the summary, and what its rows are (its declaration)
_FIGURES = {i.code: (i.summary, i.rows) for i in contract.PUBLISHED_INDICATORS}
SHARES = tuple(i.code for i in contract.PUBLISHED_INDICATORS if i.share)


def agrees(computed: float, comparison: str, published: float) -> bool:
    if comparison == "about":
        return abs(computed - published) <= ABOUT * abs(published)
    if comparison == "=" and isinstance(computed, float):
        return abs(computed - published) < 5e-4  # a share, as published to 0.1 %
    return _COMPARE[comparison](computed, published)


def scope_of(statement: pd.Series) -> filters.Filters:
    """The statement's scope as filters: its country, component and calendar year."""
    def one(value) -> tuple:
        return () if pd.isna(value) else (str(value),)
    return filters.Filters(countries=one(statement["country"]),
                           components=one(statement["component"]),
                           years=one(None if pd.isna(statement["year"])
                                     else int(statement["year"])),
                           year_kind="calendar")


def figure(dataset: Dataset, statement: pd.Series) -> tuple[float | None, str | None]:
    """The statement's figure computed from the data, or None and why not."""
    from bomca_data.figures import summary

    indicator, day = statement["indicator"], statement["date"].date()
    own = dataset.data_date()
    if own is not None and day > own:
        return None, "after_data"
    if indicator == "events_in_year" and pd.isna(statement["year"]):
        return None, "no_year"
    keys, table = _FIGURES[indicator]
    if dataset.table(table) is None:
        return None, "no_table"
    found = summary(filters.apply(dataset, scope_of(statement), day), day)
    for key in keys:
        found = found.get(key) if isinstance(found, dict) else None
    if found is None:
        return None, "no_figure"
    return float(found), None


def register(dataset: Dataset) -> pd.DataFrame:
    """Every statement with its computed figure and verdict, in date order; worked out
    once per dataset (the page's reruns and the quotes ask again): never change it."""
    return _register(dataset)


@once_per_dataset
def _register(dataset: Dataset) -> pd.DataFrame:
    statements = dataset.table("published")
    columns = ["statement_id", "date", "source", "link", "indicator", "country",
               "component", "year", "comparison", "value", "quote", "computed", "verdict",
               "reason"]
    if statements is None or not len(statements):
        return pd.DataFrame(columns=columns)
    rows = []
    for _, statement in statements.sort_values(["date", "statement_id"]).iterrows():
        computed, reason = figure(dataset, statement)
        verdict = ("not_computable" if computed is None else
                   "agrees" if agrees(computed, statement["comparison"], statement["value"])
                   else "disagrees")
        rows.append({**statement.to_dict(), "computed": computed, "verdict": verdict,
                     "reason": reason})
    return pd.DataFrame(rows, columns=columns)


def rows_behind(dataset: Dataset, statement: pd.Series) -> pd.DataFrame:
    """What a statement's figure counts, for the reader to check: the activities, the
    attendances per activity (never a person), or the recommendations."""
    day = statement["date"].date()
    view = filters.apply(dataset, scope_of(statement), day)
    indicator = statement["indicator"]
    _, table = _FIGURES[indicator]
    if table == "activities":
        if indicator == "planned_implemented_share":  # its denominator, each with its status
            acts = view.table("activities")
            rows = acts[done_date(acts) <= stamp(day)].assign(
                status=activity_status(acts, day))
        else:
            rows = completed_activities(view, day)
            if indicator in ("thematic_events", "coordination_events"):
                rows = rows[rows["kind"] == indicator.split("_")[0]]
            elif indicator == "joint_events":
                rows = rows[rows["joint_with"].notna()]
        rows = rows.rename(columns={"kind": "activity_kind"})
        return rows[[c for c in ("activity_id", "title", "country", "component", "status",
                                 "activity_kind", "joint_with", "start_date", "end_date")
                     if c in rows]].reset_index(drop=True)
    if table == "participants":
        parts = counted_participation(view, day)
        per = parts.groupby("activity_id", observed=True)["count"].sum()
        return per.rename("attendances").reset_index()
    recs = recommendations_view(view, day)
    if not len(recs):
        return recs
    recs = recs[recs["status"] == "implemented"]
    return recs[["rec_id", "title", "country", "status", "status_date"]]


def quoted(dataset: Dataset, as_of: dt.date) -> pd.DataFrame:
    """The statements about the whole programme (no country or component) dated D,
    checked: what the headline figures of that day can quote as published."""
    statements = dataset.table("published")
    if statements is None or not (statements["date"] == pd.Timestamp(as_of)).any():
        return register(dataset).iloc[:0]
    found = register(dataset)
    whole = found["country"].isna() & found["component"].isna()
    return found[whole & (found["date"] == pd.Timestamp(as_of))]
