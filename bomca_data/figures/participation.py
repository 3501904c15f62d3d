"""People: the participations counted by D (the people rule: a country's people at
any activity), attendances, unique people, women's share, agencies, repeat
attendance."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from bomca_data import contract
from bomca_data.figures.asof import done_date, people_count
from bomca_data.figures.counting import once_per_dataset, or_unknown, tally
from bomca_data.model import Dataset


def activities_of_people(dataset: Dataset) -> pd.DataFrame | None:
    """The activities participations are counted against (see Dataset.people_activities)."""
    if dataset.people_activities is not None:
        return dataset.people_activities
    return dataset.table("activities")


@once_per_dataset
def counted_participation(dataset: Dataset, as_of: dt.date) -> pd.DataFrame:
    """Participation rows whose activity is completed by D, or ongoing on D (a country's
    people at any activity: see activities_of_people)."""
    parts, acts = dataset.table("participants"), activities_of_people(dataset)
    if parts is None or acts is None:
        return pd.DataFrame(columns=[c.name for c in contract.TABLES["participants"].columns])
    return parts[of_activities(parts, acts[people_count(acts, as_of).to_numpy()])]


@once_per_dataset
def participation_years(dataset: Dataset, as_of: dt.date, year_kind: str) -> pd.Series:
    """The year (programme or calendar) of each counted participation: its activity's."""
    parts = counted_participation(dataset, as_of)
    return dataset.programme.year_labels(
        participation_dates(parts, activities_of_people(dataset)), year_kind)


def of_activities(parts: pd.DataFrame, activities: pd.DataFrame) -> np.ndarray:
    """A mask of the participations whose activity is one of ``activities`` (a subset
    of the full activities frame, whose row labels every narrowed frame keeps)."""
    if "_activity" not in parts:  # a frame made without the activity rows
        return parts["activity_id"].isin(set(activities["activity_id"])).to_numpy()
    rows = parts["_activity"].to_numpy()
    labels = activities.index.to_numpy()
    size = max(int(rows.max(initial=-1)), int(labels.max(initial=-1))) + 2
    wanted = np.zeros(size, dtype=bool)
    wanted[labels] = True
    return wanted[rows]  # -1 (no activity) reads the last slot, which stays False


def participation_dates(parts: pd.DataFrame, activities: pd.DataFrame | None) -> pd.Series:
    """Each participation's date: its activity's end date (start date when none)."""
    if activities is None:
        return pd.Series(pd.NaT, index=parts.index, dtype="datetime64[ms]")
    when = done_date(activities)
    if "_activity" in parts:  # by row label: an array lookup
        return pd.Series(when.reindex(parts["_activity"]).to_numpy(), index=parts.index)
    return parts["activity_id"].map(when.set_axis(activities["activity_id"]))


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


@once_per_dataset
def participant_summary(dataset: Dataset, as_of: dt.date) -> dict:
    """The "participants" part of summary(): attendances, unique persons, women's
    share, attendances by country and by agency type."""
    parts = counted_participation(dataset, as_of)
    return {
        "attendances": int(parts["count"].sum()) if len(parts) else 0,
        "unique_persons": unique_persons(parts, dataset.table("participants")),
        "women_share": women_share(parts) if len(parts) else None,
        "by_country": tally(parts["country"], dataset.programme.countries, parts["count"]),
        "by_agency_type": tally(parts["agency_type"], (), parts["count"]),
    }


def participation_by(dataset: Dataset, as_of: dt.date, column: str,
                     keys: list[str] | tuple[str, ...] = (), year_kind: str = "programme"
                     ) -> pd.DataFrame:
    """Attendances and unique people per value of a participant column (or "year")."""
    parts = counted_participation(dataset, as_of)
    groups = or_unknown(participation_years(dataset, as_of, year_kind) if column == "year"
                        else parts[column])
    frame = pd.DataFrame({"attendances": parts["count"].groupby(groups).sum(),
                          "unique_people": parts["person_id"].groupby(groups).nunique()})
    index = list(keys) + [k for k in frame.index if k not in keys]
    frame = frame.reindex(index, fill_value=0).rename_axis(column).reset_index()
    if parts["person_id"].isna().all():
        frame["unique_people"] = np.nan
    return frame


def women_share_over_time(dataset: Dataset, as_of: dt.date, year_kind: str = "programme"
                          ) -> pd.DataFrame:
    parts = counted_participation(dataset, as_of)
    acts = activities_of_people(dataset)
    if acts is None or not len(parts):
        return pd.DataFrame(columns=["year", "women_share", "attendances"])
    year = participation_years(dataset, as_of, year_kind)
    frame = pd.DataFrame({"women_share": women_share_by(parts, year),
                          "attendances": parts["count"].groupby(year).sum()})
    return frame.rename_axis("year").reset_index()


def women_share_by(parts: pd.DataFrame, groups: pd.Series) -> pd.Series:
    """women_share() of each group, in one grouped pass (NaN where no gender is known)."""
    counts = parts["count"]
    gender = parts["gender"]
    women = counts.where(gender == "female", 0).groupby(groups).sum()
    known = counts.where(gender.isin(["female", "male", "other"]), 0).groupby(groups).sum()
    return (women / known.where(known > 0)).astype(float)


def top_agencies(dataset: Dataset, as_of: dt.date, n: int = 15) -> pd.DataFrame:
    return agencies_reached(counted_participation(dataset, as_of), n)


def agencies_reached(parts: pd.DataFrame, n: int) -> pd.DataFrame:
    """The ``n`` agencies with most attendances, each agency of a country on its own
    (agencies of one name in two countries are two), labelled "Agency (KZ)"."""
    keys = [parts["agency"], parts["country"], parts["agency_type"]]
    frame = pd.DataFrame({
        "attendances": parts["count"].groupby(keys, dropna=False, observed=True).sum(),
        "unique_people": parts["person_id"].groupby(keys, dropna=False,
                                                    observed=True).nunique()
    }).reset_index()
    frame = frame[frame["agency"].notna() & (frame["attendances"] > 0)]
    frame["label"] = frame["agency"].astype("str") + " (" + frame["country"].astype("str") + ")"
    return frame.sort_values(["attendances", "label"], ascending=[False, True]).head(n
                             ).reset_index(drop=True)


def repeat_attendance(dataset: Dataset, as_of: dt.date) -> pd.DataFrame:
    """How many people attended 1, 2, 3, 4 and 5 or more activities."""
    parts = counted_participation(dataset, as_of)
    person = pd.factorize(parts["person_id"])[0]  # -1: no person id
    activity, activities = pd.factorize(parts["activity_id"])
    known = person >= 0
    # each (person, activity) pair once, as one integer; then activities per person
    pairs = np.unique(person[known].astype("int64") * (len(activities) + 1) + activity[known])
    per_person = np.bincount(pairs // (len(activities) + 1))
    bands = np.bincount(np.minimum(per_person[per_person > 0], 5), minlength=6)[1:6]
    return pd.DataFrame({"activities_attended": ["1", "2", "3", "4", "5+"],
                         "people": bands.astype(int)})


def attended_several(repeat: pd.DataFrame) -> int:
    """People who attended two or more activities, from repeat_attendance()."""
    return int(repeat.loc[repeat["activities_attended"] != "1", "people"].sum())
