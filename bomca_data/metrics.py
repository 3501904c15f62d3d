"""Pure figures from a Dataset, as the contract's summary semantics define them.

Nothing here reads files or knows about Streamlit; the CLI and the dashboard
both call these functions, so their figures cannot disagree.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from bomca_data import contract
from bomca_data.model import Dataset
from bomca_data.programme import Programme


def _ts(day: dt.date) -> pd.Timestamp:
    return pd.Timestamp(day)


def activity_status(activities: pd.DataFrame, as_of: dt.date) -> pd.Series:
    """The recorded status; a blank one derived from the dates and the as-of date."""
    d = _ts(as_of)
    end = activities["end_date"].fillna(activities["start_date"])
    derived = np.where(activities["start_date"] > d, "planned",
                       np.where(end < d, "completed", "ongoing"))
    return activities["status"].fillna(pd.Series(derived, index=activities.index))


def done_date(activities: pd.DataFrame) -> pd.Series:
    """The date an activity counts as done: its end date, else its start date."""
    return activities["end_date"].fillna(activities["start_date"])


def completed_by(activities: pd.DataFrame, as_of: dt.date) -> pd.Series:
    """Completed by D: status completed and done on or before D."""
    status = activity_status(activities, as_of)
    return (status == "completed") & (done_date(activities) <= _ts(as_of))


def programme_year(dates: pd.Series, programme: Programme) -> pd.Series:
    """"Y1".. for dates inside the programme (April to March for BOMCA 10), else NA."""
    start, end = _ts(programme.start), _ts(programme.end)
    months = (dates.dt.year - start.year) * 12 + (dates.dt.month - start.month)
    months = months - (dates.dt.day < start.day).astype(int)
    number = months // 12 + 1
    inside = (dates >= start) & (dates <= end)
    labels = "Y" + number.astype("Int64").astype("str")
    return labels.where(inside, None)


def explode_countries(frame: pd.DataFrame, column: str = "country") -> pd.DataFrame:
    """One row per listed country: per-country views count a multi-country row once each."""
    out = frame.assign(**{column: frame[column].str.split(";")}).explode(column)
    return out.reset_index(drop=True)


def _counts(values: pd.Series, keys: list[str] | tuple[str, ...] = (),
            weights: pd.Series | None = None) -> dict[str, float]:
    if weights is None:
        counted = values.value_counts(dropna=False)
    else:
        counted = weights.groupby(values.fillna("unknown"), sort=False).sum()
    counted.index = counted.index.map(lambda k: "unknown" if pd.isna(k) else str(k))
    result = {k: 0 for k in keys}
    for key, n in counted.items():
        result[key] = result.get(key, 0) + n
    return {k: int(v) for k, v in result.items()}


def counted_participation(dataset: Dataset, as_of: dt.date) -> pd.DataFrame:
    """Participation rows whose activity is completed by D, or ongoing and started by D."""
    parts, acts = dataset.table("participants"), dataset.table("activities")
    if parts is None or acts is None:
        return pd.DataFrame(columns=[c.name for c in contract.TABLES["participants"].columns])
    status = activity_status(acts, as_of)
    counts = completed_by(acts, as_of) | ((status == "ongoing") & (acts["start_date"] <= _ts(as_of)))
    ids = set(acts.loc[counts, "activity_id"])
    return parts[parts["activity_id"].isin(ids)]


def women_share(parts: pd.DataFrame) -> float | None:
    known = parts["gender"].isin(["female", "male", "other"])
    denominator = parts.loc[known, "count"].sum()
    if not denominator:
        return None
    return float(parts.loc[parts["gender"] == "female", "count"].sum() / denominator)


def unique_persons(parts: pd.DataFrame, table: pd.DataFrame | None) -> int | None:
    if table is None or table["person_id"].isna().all():
        return None
    return int(parts["person_id"].nunique())


def summary(dataset: Dataset, as_of: dt.date) -> dict:
    """The headline figures of the contract's `summary` command, as of a date."""
    programme = dataset.programme
    d = _ts(as_of)
    out: dict = {"as_of": as_of.isoformat()}

    acts = dataset.table("activities")
    if acts is None:
        acts = pd.DataFrame({c.name: pd.Series(dtype="datetime64[s]" if c.kind == "date"
                                               else "str")
                             for c in contract.TABLES["activities"].columns})
    status = activity_status(acts, as_of)
    started = acts["start_date"] <= d
    done = acts[completed_by(acts, as_of)]
    done_on = done_date(done)
    years = [str(y) for y in programme.calendar_years()]
    out["activities"] = {
        "total": int(started.sum()),
        "by_status": _counts(status[started], contract.codes(contract.ACTIVITY_STATUSES)),
        "completed": len(done),
        "completed_by_country": _counts(explode_countries(done)["country"],
                                        (*programme.countries, "RG")),
        "completed_by_component": _counts(done["component"], programme.components),
        "completed_by_year": _counts(done_on.dt.year.astype("Int64").astype("str"), years),
        "completed_by_programme_year": _counts(
            programme_year(done_on, programme).dropna(),
            [f"Y{n}" for n in programme.year_numbers()]),
    }

    table = dataset.table("participants")
    parts = counted_participation(dataset, as_of)
    out["participants"] = {
        "attendances": int(parts["count"].sum()) if len(parts) else 0,
        "unique_persons": unique_persons(parts, table),
        "women_share": women_share(parts) if len(parts) else None,
        "by_country": _counts(parts["country"], programme.countries, parts["count"]),
        "by_agency_type": _counts(parts["agency_type"], (), parts["count"]),
    }

    recs = dataset.table("recommendations")
    if recs is None:
        out["recommendations"] = {"total": 0, "by_status": {}, "implemented_share": None}
    else:
        counted = recs[recs["date_proposed"] <= d]
        total = len(counted)
        implemented = int((counted["status"] == "implemented").sum())
        out["recommendations"] = {
            "total": total,
            "by_status": _counts(counted["status"], contract.codes(contract.REC_STATUSES)),
            "implemented_share": implemented / total if total else None,
        }
    return out
