"""What was true on the as-of date D: the rules every figure reads (the contract's
"figures at a date"). An activity's status on D, the day it counts as done, whether
its people count by D; a recommendation's status on D.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from bomca_data import contract
from bomca_data.figures.counting import once_per_dataset
from bomca_data.model import Dataset


def stamp(day: dt.date) -> pd.Timestamp:
    """D as a timestamp, to compare with date columns."""
    return pd.Timestamp(day)


def activity_status(activities: pd.DataFrame, as_of: dt.date) -> pd.Series:
    """Each activity's status on D, what was true that day (the contract's rule):

    - recorded cancelled or postponed, and started by D: that status;
    - starting after D: planned;
    - started by D and ending (starting, when no end) after D: ongoing;
    - ended by D: completed when recorded completed or blank, else the recorded
      status (a late activity stays ongoing or planned).
    """
    d = stamp(as_of)
    recorded = activities["status"].astype("object")
    start = activities["start_date"]
    end = activities["end_date"].fillna(start)
    stopped = recorded.isin(STOPPED).to_numpy()
    ended_as_recorded = recorded.fillna("completed").to_numpy()
    status = np.where(start > d, "planned",
                      np.where(stopped, recorded.to_numpy(),
                               np.where(end > d, "ongoing", ended_as_recorded)))
    return pd.Series(status, index=activities.index, dtype="str")


def done_date(activities: pd.DataFrame) -> pd.Series:
    """The date an activity counts as done: its end date, else its start date."""
    return activities["end_date"].fillna(activities["start_date"])


def completed_by(activities: pd.DataFrame, as_of: dt.date) -> pd.Series:
    """Completed by D: status completed and done on or before D."""
    status = activity_status(activities, as_of)
    return (status == "completed") & (done_date(activities) <= stamp(as_of))


def people_count(activities: pd.DataFrame, as_of: dt.date) -> pd.Series:
    """Whose participants count by D: activities completed by D, or ongoing on D."""
    status = activity_status(activities, as_of)
    return completed_by(activities, as_of) | ((status == "ongoing")
                                              & (activities["start_date"] <= stamp(as_of)))


@once_per_dataset
def statuses_on(dataset: Dataset, as_of: dt.date) -> pd.Series:
    """activity_status() of the dataset's whole activities table on D, once per dataset
    and date (every filter change narrows the same shared dataset again)."""
    return activity_status(dataset.tables["activities"], as_of)


STOPPED = ("cancelled", "postponed")  # recorded as not done: kept so once started

UNRECORDED = "unrecorded"  # a status dated after D: what it was on D is not recorded


REC_OPEN = ("proposed", "accepted", "in_progress", UNRECORDED)


REC_STATUSES_AT = (*contract.codes(contract.REC_STATUSES), UNRECORDED)


def recommendation_status(recs: pd.DataFrame, as_of: dt.date,
                          updates: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each recommendation's status on D and the date it was set (``status``,
    ``status_date``). With a table of updates: the last update on or before D, else
    proposed. Without: the recorded status counts from its status date (from the date
    proposed when there is none); before that date the earlier status is not recorded,
    and the recommendation counts as open ("unrecorded")."""
    d = stamp(as_of)
    if updates is not None:
        known = updates[updates["date"] <= d].sort_values(["date"], kind="stable")
        last = known.drop_duplicates("rec_id", keep="last").set_index("rec_id")
        if not len(recs) or not len(last):
            return pd.DataFrame({"status": pd.Series("proposed", index=recs.index, dtype="str"),
                                 "status_date": pd.Series(pd.NaT, index=recs.index,
                                                          dtype="datetime64[ms]")})
        status = recs["rec_id"].map(last["status"]).fillna("proposed")
        out = pd.DataFrame({"status": status.astype("str"),
                            "status_date": recs["rec_id"].map(last["date"])}, index=recs.index)
        for column in ("meeting_id", "note"):  # the decision behind it, where recorded
            if column in last:
                out[f"decided_{column.removesuffix('_id')}"] = recs["rec_id"].map(last[column])
        if "due_date" in known:  # a due date moved by D: the last one set
            moved = known.dropna(subset=["due_date"]).drop_duplicates("rec_id", keep="last")
            out["due_date"] = (recs["rec_id"].map(moved.set_index("rec_id")["due_date"])
                               if len(moved) else pd.Series(pd.NaT, index=recs.index,
                                                            dtype="datetime64[ms]"))
        return out
    since = recs["status_date"].fillna(recs["date_proposed"])
    known = (since <= d).to_numpy()
    return pd.DataFrame({
        "status": pd.Series(np.where(known, recs["status"].astype("object"), UNRECORDED),
                            index=recs.index, dtype="str"),
        "status_date": recs["status_date"].mask(recs["status_date"] > d)}, index=recs.index)
