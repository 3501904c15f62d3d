"""Recommendations: those proposed by D with their status on D, overdue ones, the
implemented share."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from bomca_data import i18n
from bomca_data.figures.asof import REC_OPEN, REC_STATUSES_AT, recommendation_status, stamp
from bomca_data.figures.counting import explode_countries, once_per_dataset, tally
from bomca_data.model import Dataset


@once_per_dataset
def recommendation_summary(dataset: Dataset, as_of: dt.date) -> dict:
    """The "recommendations" part of the summary: those proposed by D, by their status
    on D, and the share implemented on D."""
    if dataset.table("recommendations") is None:
        return {"total": 0, "by_status": {}, "implemented_share": None}
    counted = recommendations_view(dataset, as_of)
    figures = recommendation_figures(counted)
    return {"total": figures["total"],
            "by_status": tally(counted["status"] if len(counted) else pd.Series(dtype="str"),
                               REC_STATUSES_AT),
            "implemented_share": figures["implemented_share"]}


def recommendation_figures(recs: pd.DataFrame) -> dict:
    """Counts of a recommendations_view(): total, implemented (and share), open, overdue."""
    if not len(recs):
        return {"total": 0, "implemented": 0, "implemented_share": None, "open": 0,
                "overdue": 0}
    implemented = int((recs["status"] == "implemented").sum())
    return {"total": len(recs), "implemented": implemented,
            "implemented_share": implemented / len(recs),
            "open": int(recs["status"].isin(REC_OPEN).sum()), "overdue": int(recs["overdue"].sum())}


def recommendations_view(dataset: Dataset, as_of: dt.date) -> pd.DataFrame:
    """Recommendations proposed by D: overdue ones (due before D, not implemented or
    declined) first, then the other open ones, then the rest, each by due date."""
    recs = dataset.table("recommendations")
    if recs is None:
        return pd.DataFrame()
    d = stamp(as_of)
    recs = recs[recs["date_proposed"] <= d]
    on_d = recommendation_status(recs, as_of, dataset.table("recommendation_updates"))
    # nothing dated after D is shown: a later status date, a later meeting's review
    recs = recs.assign(status=on_d["status"], status_date=on_d["status_date"],
                       reviewed_at=_reviewed_by(dataset, recs["reviewed_at"], as_of))
    if "due_date" in on_d:  # a due date a meeting moved (by D) replaces the first one
        recs = recs.assign(due_date=on_d["due_date"].fillna(recs["due_date"]))
    if "decided_meeting" in on_d:  # the meeting of the last decision, by D
        recs = recs.assign(decided_at=on_d["decided_meeting"],
                           decision_note=on_d.get("decided_note"),
                           reviewed_at=on_d["decided_meeting"].fillna(recs["reviewed_at"]))
    is_open = recs["status"].isin(REC_OPEN)
    overdue = (is_open & (recs["due_date"] < d)).fillna(False)
    # the order a room discusses them in: overdue, then the other open ones, each by due
    # date; then the rest (implemented, declined)
    rank = (~overdue).astype(int) + (~is_open).astype(int)
    out = recs.assign(overdue=overdue, _rank=rank)
    return out.sort_values(["_rank", "due_date"], na_position="last", kind="stable").drop(
        columns="_rank").reset_index(drop=True)


def reviewing_meetings(dataset: Dataset, reviewed: pd.Series, lang: str) -> pd.Series:
    """The meetings of ``reviewed`` (ids, as a recommendations_view gives them) by their
    names in ``lang``; an id the meetings table does not hold stays as it is."""
    meetings = dataset.table("meetings")
    if meetings is None or not len(meetings):
        return reviewed
    names = {row.meeting_id: i18n.meeting(row.meeting_type, row.country,
                                          row.start_date.date(), lang)
             for row in meetings.itertuples(index=False)}
    return reviewed.map(lambda value: names.get(value, value))


def _reviewed_by(dataset: Dataset, reviewed: pd.Series, as_of: dt.date) -> pd.Series:
    """The meeting that last reviewed each recommendation, when it was held by D."""
    meetings = dataset.table("meetings")
    if meetings is None or reviewed.isna().all():
        return reviewed
    held = set(meetings.loc[meetings["start_date"] <= stamp(as_of), "meeting_id"])
    return reviewed.where(reviewed.isin(held))


def uptake_by_country(recs: pd.DataFrame, scopes: tuple[str, ...]) -> pd.DataFrame:
    """The recommendations' uptake in each country (and the region) of a
    recommendations_view(): how many, implemented (and their share), still open and
    overdue. A recommendation to several countries counts for each of them."""
    each = explode_countries(recs, "country", ("status", "overdue")) if len(recs) else recs
    rows = []
    for scope in scopes:
        counts = recommendation_figures(each[each["country"] == scope] if len(each) else each)
        rows.append({"country": scope, "recommendations": counts["total"],
                     "implemented": counts["implemented"],
                     "implemented_share": counts["implemented_share"],
                     "open": counts["open"], "overdue": counts["overdue"]})
    return pd.DataFrame(rows)
