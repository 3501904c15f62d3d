"""Pure figures from a Dataset, as the contract's summary semantics define them.

Nothing here reads files or knows about Streamlit; the CLI and the dashboard
both call these functions, so their figures cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import replace

import numpy as np
import pandas as pd

from bomca_data import contract
from bomca_data.model import Dataset
from bomca_data.programme import Programme


def _ts(day: dt.date) -> pd.Timestamp:
    return pd.Timestamp(day)


def activity_status(activities: pd.DataFrame, as_of: dt.date) -> pd.Series:
    """Each activity's status on D, what was true that day (the contract's rule):

    - recorded cancelled or postponed, and started by D: that status;
    - starting after D: planned;
    - started by D and ending (starting, when no end) after D: ongoing;
    - ended by D: completed when recorded completed or blank, else the recorded
      status (a late activity stays ongoing or planned).
    """
    d = _ts(as_of)
    recorded = activities["status"].astype("object")
    start = activities["start_date"]
    end = activities["end_date"].fillna(start)
    stopped = recorded.isin(["cancelled", "postponed"]).to_numpy()
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
    return (status == "completed") & (done_date(activities) <= _ts(as_of))


def programme_year(dates: pd.Series, programme: Programme) -> pd.Series:
    """"Y1".. for dates inside the programme (April to March for BOMCA 10), else NA."""
    days = dates.to_numpy(dtype="datetime64[D]")
    start = np.datetime64(programme.start, "D")
    inside = (days >= start) & (days <= np.datetime64(programme.end, "D"))
    months = days.astype("datetime64[M]")
    day_of_month = (days - months).astype(int) + 1
    elapsed = (months - start.astype("datetime64[M]")).astype(int) - (
        day_of_month < programme.start.day)
    codes = np.where(inside, elapsed // 12, -1)
    return _labels(codes, [f"Y{n}" for n in programme.year_numbers()], dates.index)


def _labels(codes: np.ndarray, names: list[str], index: pd.Index) -> pd.Series:
    """names[code] for each code, NA for -1 (a table lookup, not a string operation
    per row)."""
    table = np.array([*names, None], dtype=object)
    return pd.Series(table[codes], index=index, dtype="str")


def lists_any(lists: pd.Series, codes: tuple[str, ...]) -> pd.Series:
    """Which country lists ("KZ;UZ") name at least one of ``codes``."""
    pattern = r"(?:^|;)(?:" + "|".join(codes) + r")(?:;|$)"
    return lists.fillna("").str.contains(pattern, regex=True)


def explode_countries(frame: pd.DataFrame, column: str = "country",
                      others: tuple[str, ...] = ()) -> pd.DataFrame:
    """``column`` (and ``others``), one row per listed country: per-country views count
    a multi-country row once for each of its countries."""
    out = frame[[column, *others]]
    if not out[column].str.contains(";", regex=False).any():  # nothing to split
        return out.reset_index(drop=True)
    return out.assign(**{column: out[column].str.split(";")}).explode(column).reset_index(
        drop=True)


def or_unknown(values: pd.Series) -> pd.Series:
    """The values with a blank one as "unknown" (a category of its own, in a
    categorical column)."""
    if isinstance(values.dtype, pd.CategoricalDtype) and "unknown" not in values.cat.categories:
        if not values.isna().any():
            return values
        values = values.cat.add_categories("unknown")
    return values.fillna("unknown")


def _counts(values: pd.Series, keys: list[str] | tuple[str, ...] = (),
            weights: pd.Series | None = None) -> dict[str, float]:
    if weights is None:
        counted = values.value_counts(dropna=False)
    else:
        counted = weights.groupby(or_unknown(values), sort=False).sum()
    counted.index = counted.index.map(lambda k: "unknown" if pd.isna(k) else str(k))
    result = {k: 0 for k in keys}
    for key, n in counted.items():
        result[key] = result.get(key, 0) + n
    return {k: int(v) for k, v in result.items()}


def once_per_dataset(func):
    """Compute ``func(dataset, *args)`` once per dataset object and arguments: pages
    ask for the same intermediate figures several times. The result is shared: never
    change it."""
    @functools.wraps(func)
    def remembered(dataset: Dataset, *args):
        key = (func.__name__, *args)
        if key not in dataset.memo:
            dataset.memo[key] = func(dataset, *args)
        return dataset.memo[key]
    return remembered


@once_per_dataset
def statuses_on(dataset: Dataset, as_of: dt.date) -> pd.Series:
    """activity_status() of the dataset's whole activities table on D, once per dataset
    and date (every filter change narrows the same shared dataset again)."""
    return activity_status(dataset.tables["activities"], as_of)


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
    status = activity_status(acts, as_of)
    counts = completed_by(acts, as_of) | ((status == "ongoing") & (acts["start_date"] <= _ts(as_of)))
    return parts[of_activities(parts, acts[counts.to_numpy()])]


@once_per_dataset
def participation_years(dataset: Dataset, as_of: dt.date, year_kind: str) -> pd.Series:
    """The year (programme or calendar) of each counted participation: its activity's."""
    parts = counted_participation(dataset, as_of)
    return year_labels(participation_dates(parts, activities_of_people(dataset)),
                       dataset.programme, year_kind)


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


def summary(dataset: Dataset, as_of: dt.date) -> dict:
    """The headline figures of the contract's `summary` command, as of a date."""
    programme = dataset.programme
    out: dict = {"as_of": as_of.isoformat()}

    acts = dataset.table("activities")
    if acts is None:
        acts = pd.DataFrame({c.name: pd.Series(dtype="datetime64[ms]" if c.kind == "date"
                                               else "str")
                             for c in contract.TABLES["activities"].columns})
    status = activity_status(acts, as_of)
    done = acts[completed_by(acts, as_of)]
    done_on = done_date(done)
    years = [str(y) for y in programme.calendar_years()]
    out["activities"] = {
        "total": len(acts),
        "by_status": _counts(status, contract.codes(contract.ACTIVITY_STATUSES)),
        "completed": len(done),
        "completed_by_country": _counts(explode_countries(done)["country"],
                                        (*programme.countries, "RG")),
        "completed_by_component": _counts(done["component"], programme.components),
        "completed_by_year": _counts(done_on.dt.year.astype("Int64").astype("str"), years),
        "completed_by_programme_year": _counts(
            programme_year(done_on, programme).dropna(),
            [f"Y{n}" for n in programme.year_numbers()]),
    }

    out["participants"] = participant_summary(dataset, as_of)

    if dataset.table("recommendations") is None:
        out["recommendations"] = {"total": 0, "by_status": {}, "implemented_share": None}
    else:
        counted = recommendations_view(dataset, as_of)
        figures = recommendation_figures(counted)
        out["recommendations"] = {
            "total": figures["total"],
            "by_status": _counts(counted["status"] if len(counted) else pd.Series(dtype="str"),
                                 REC_STATUSES_AT),
            "implemented_share": figures["implemented_share"],
        }
    return out


def participant_summary(dataset: Dataset, as_of: dt.date) -> dict:
    """The "participants" part of summary(): attendances, unique persons, women's
    share, attendances by country and by agency type."""
    parts = counted_participation(dataset, as_of)
    return {
        "attendances": int(parts["count"].sum()) if len(parts) else 0,
        "unique_persons": unique_persons(parts, dataset.table("participants")),
        "women_share": women_share(parts) if len(parts) else None,
        "by_country": _counts(parts["country"], dataset.programme.countries, parts["count"]),
        "by_agency_type": _counts(parts["agency_type"], (), parts["count"]),
    }


# --- tidy frames for the dashboard's charts ------------------------------------------
# Each takes a (filtered) Dataset and returns a small frame: one row per bar or point,
# so what a page sends to the browser stays small whatever the size of the source.


def year_labels(dates: pd.Series, programme: Programme, year_kind: str) -> pd.Series:
    """"Y1".. (programme years) or "2022".. (calendar years) of each date; NA outside."""
    if year_kind == "programme":
        return programme_year(dates, programme)
    years = dates.to_numpy(dtype="datetime64[Y]")
    known = ~np.isnat(years)
    if not known.any():
        return _labels(np.full(len(years), -1), [], dates.index)
    offsets = years.astype("int64")  # years since 1970
    low, high = int(offsets[known].min()), int(offsets[known].max())
    codes = np.where(known, offsets - low, -1)
    return _labels(codes, [str(1970 + y) for y in range(low, high + 1)], dates.index)


def year_keys(programme: Programme, year_kind: str) -> list[str]:
    if year_kind == "programme":
        return [f"Y{n}" for n in programme.year_numbers()]
    return [str(y) for y in programme.calendar_years()]


def time_elapsed(programme: Programme, as_of: dt.date) -> dict:
    """How far through its timeline the programme is on the as-of date."""
    total = (programme.end - programme.start).days + 1
    done = min(max((as_of - programme.start).days + 1, 0), total)
    months = (as_of.year - programme.start.year) * 12 + as_of.month - programme.start.month
    return {"share": done / total, "months": min(max(months, 0), programme.months),
            "of_months": programme.months, "start": programme.start, "end": programme.end}


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
    return done.assign(done=on, year=year_labels(on, dataset.programme, year_kind))


def status_counts(dataset: Dataset, as_of: dt.date) -> dict[str, int]:
    """Activities by status, whatever their dates (planned ones after D included)."""
    acts = dataset.table("activities")
    codes = contract.codes(contract.ACTIVITY_STATUSES)
    if acts is None:
        return dict.fromkeys(codes, 0)
    return _counts(activity_status(acts, as_of), codes)


def count_by(frame: pd.DataFrame, column: str, keys: list[str] | tuple[str, ...] = (),
             value: str = "activities", explode: bool = False) -> pd.DataFrame:
    """Rows per value of ``column`` (every key shown, zero when absent)."""
    if explode and len(frame):
        frame = explode_countries(frame, column)
    counts = frame[column].value_counts()
    index = list(keys) + [k for k in counts.index if k not in keys]
    return pd.DataFrame({column: index, value: counts.reindex(index, fill_value=0)
                         .astype(int).to_numpy()})


def cross_count(frame: pd.DataFrame, rows: str, cols: str, row_keys, col_keys,
                explode: bool = False) -> pd.DataFrame:
    """Long frame [rows, cols, activities] with every combination of keys."""
    if explode and len(frame):
        frame = explode_countries(frame, rows, (cols,))
    grid = pd.MultiIndex.from_product([list(row_keys), list(col_keys)], names=[rows, cols])
    counts = frame.groupby([rows, cols]).size().reindex(grid, fill_value=0)
    return counts.rename("activities").reset_index()


def target_progress(dataset: Dataset, as_of: dt.date, indicator: str,
                    countries: tuple[str, ...] = (), components: tuple[str, ...] = (),
                    years: tuple[str, ...] = ()) -> pd.DataFrame:
    """Per programme year: the actual figure by D against the yearly target.

    Targets name implementation years (1-5) or calendar years, which are matched to
    the programme year they start in. The target of a selection is the sum of the
    targets naming exactly the chosen countries and components (their mean for the
    women's share); a selection no target names has no target (NaN), rather than
    a target for something else.
    """
    programme = dataset.programme
    targets = dataset.table("targets")
    keys = year_keys(programme, "programme")
    frame = pd.DataFrame({"year": [y for y in keys if not years or y in years]})
    actual = _actual_by_year(dataset, as_of, indicator)
    frame["actual"] = frame["year"].map(actual)
    if indicator != "women_share":
        frame["actual"] = frame["actual"].fillna(0)
    if targets is None:
        return frame.assign(target=np.nan)
    chosen = targets_of(targets, indicator, countries, components)
    first = programme.start.year
    label = chosen["year"].map(
        lambda y: f"Y{y}" if 1 <= y <= len(keys) else (f"Y{y - first + 1}" if y >= first else None))
    grouped = chosen.assign(year=label).dropna(subset=["year"]).groupby("year")["target"]
    target = grouped.mean() if indicator == "women_share" else grouped.sum()
    return frame.assign(target=frame["year"].map(target))


def targets_of(targets: pd.DataFrame, indicator: str, countries: tuple[str, ...] = (),
               components: tuple[str, ...] = ()) -> pd.DataFrame:
    """The target rows of an indicator naming exactly the chosen countries and
    components (none chosen: the rows naming none, the programme's own)."""
    chosen = targets[targets["indicator"] == indicator]
    chosen = chosen[chosen["country"].isin(countries) if countries else chosen["country"].isna()]
    return chosen[chosen["component"].isin(components) if components
                  else chosen["component"].isna()]


def _actual_by_year(dataset: Dataset, as_of: dt.date, indicator: str) -> pd.Series:
    programme = dataset.programme
    if indicator == "activities_completed":
        return completed_activities(dataset, as_of).groupby("year").size()
    if indicator in ("participants", "women_share"):
        parts = counted_participation(dataset, as_of)
        acts = activities_of_people(dataset)
        if acts is None or not len(parts):
            return pd.Series(dtype=float)
        year = participation_years(dataset, as_of, "programme")
        if indicator == "participants":
            return parts["count"].groupby(year).sum()
        return women_share_by(parts, year)
    recs = dataset.table("recommendations")
    if recs is None:
        return pd.Series(dtype=float)
    view = recommendations_view(dataset, as_of)  # each one's status on D
    if not len(view):
        return pd.Series(dtype=float)
    done = view[view["status"] == "implemented"]
    when = done["status_date"].fillna(done["date_proposed"])
    return done.groupby(year_labels(when, programme, "programme")).size()


def by_quarter(dataset: Dataset) -> pd.DataFrame:
    """Activities per quarter of their start date, by component (every status)."""
    acts = dataset.table("activities")
    if acts is None or not len(acts):
        return pd.DataFrame(columns=["quarter", "component", "activities"])
    quarter = acts["start_date"].dt.to_period("Q").astype(str)
    counts = acts.assign(quarter=quarter).groupby(["quarter", "component"]).size()
    return counts.rename("activities").reset_index().sort_values(["quarter", "component"])


def cumulative_completed(dataset: Dataset, as_of: dt.date, countries: tuple[str, ...] = (),
                         components: tuple[str, ...] = ()) -> pd.DataFrame:
    """Completed activities by month, cumulated, with the cumulative yearly target
    reached at the end of each programme year: the scope's own targets (those naming
    exactly ``countries`` and ``components``), none when no target names it."""
    programme = dataset.programme
    done = completed_activities(dataset, as_of)
    first = np.datetime64(programme.start, "M")
    months = np.arange(first, np.datetime64(min(programme.end, max(as_of, programme.start)),
                                            "M") + 1)
    offset = (done["done"].to_numpy(dtype="datetime64[M]") - first).astype(int)
    per_month = np.bincount(offset[(offset >= 0) & (offset < len(months))],
                            minlength=len(months))
    last_days = (months + 1).astype("datetime64[D]") - 1
    frame = pd.DataFrame({"month": pd.to_datetime(last_days), "completed": per_month.cumsum()})
    targets = target_progress(dataset, as_of, "activities_completed", countries, components)
    ends = [pd.Timestamp(programme.year_end(n)) for n in programme.year_numbers()]
    target = pd.DataFrame({"month": ends, "target": targets["target"].cumsum().to_numpy()})
    return frame, target.dropna()


GANTT_LIMIT = 600  # bars on one chart: more is unreadable, and heavy to send


def gantt(dataset: Dataset, as_of: dt.date | None = None,
          limit: int = GANTT_LIMIT) -> pd.DataFrame:
    """One row per activity; beyond ``limit``, the activities nearest the as-of date."""
    acts = dataset.table("activities")
    if acts is None:
        return pd.DataFrame(columns=["activity_id", "title", "component", "start", "finish"])
    if as_of is not None and len(acts) > limit:
        distance = (acts["start_date"] - _ts(as_of)).abs()
        acts = acts.loc[distance.nsmallest(limit).index]
    out = acts[["activity_id", "title", "component", "country", "status", "start_date"]].copy()
    # a one-day activity still needs a visible bar: it ends at the end of its day
    out["finish"] = done_date(acts) + pd.Timedelta(days=1)
    return out.rename(columns={"start_date": "start"}).sort_values("start")


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
    d = _ts(as_of)
    if updates is not None:
        known = updates[updates["date"] <= d].sort_values(["date"], kind="stable")
        last = known.drop_duplicates("rec_id", keep="last").set_index("rec_id")
        if not len(recs) or not len(last):
            return pd.DataFrame({"status": pd.Series("proposed", index=recs.index, dtype="str"),
                                 "status_date": pd.Series(pd.NaT, index=recs.index,
                                                          dtype="datetime64[ms]")})
        status = recs["rec_id"].map(last["status"]).fillna("proposed")
        return pd.DataFrame({"status": status.astype("str"),
                             "status_date": recs["rec_id"].map(last["date"])},
                            index=recs.index)
    since = recs["status_date"].fillna(recs["date_proposed"])
    known = (since <= d).to_numpy()
    return pd.DataFrame({
        "status": pd.Series(np.where(known, recs["status"].astype("object"), UNRECORDED),
                            index=recs.index, dtype="str"),
        "status_date": recs["status_date"].mask(recs["status_date"] > d)}, index=recs.index)


def recommendation_figures(recs: pd.DataFrame) -> dict:
    """Counts of a recommendations_view(): total, implemented (and share), open, overdue."""
    if not len(recs):
        return {"total": 0, "implemented": 0, "implemented_share": None, "open": 0,
                "overdue": 0}
    implemented = int((recs["status"] == "implemented").sum())
    return {"total": len(recs), "implemented": implemented,
            "implemented_share": implemented / len(recs),
            "open": int(recs["status"].isin(REC_OPEN).sum()), "overdue": int(recs["overdue"].sum())}


def coverage(done: pd.DataFrame, programme: Programme) -> dict:
    """Of completed activities: national countries reached, regional and multi-country ones."""
    listed = set(explode_countries(done)["country"]) if len(done) else set()
    return {"countries": sum(code in listed for code in programme.countries),
            "regional": int((done["country"] == "RG").sum()),
            "multi_country": int(done["country"].str.contains(";").sum())}


def attended_several(repeat: pd.DataFrame) -> int:
    """People who attended two or more activities, from repeat_attendance()."""
    return int(repeat.loc[repeat["activities_attended"] != "1", "people"].sum())


def recommendations_view(dataset: Dataset, as_of: dt.date) -> pd.DataFrame:
    """Recommendations proposed by D; overdue ones (due before D, not implemented or
    declined) first, then by due date."""
    recs = dataset.table("recommendations")
    if recs is None:
        return pd.DataFrame()
    d = _ts(as_of)
    recs = recs[recs["date_proposed"] <= d]
    on_d = recommendation_status(recs, as_of, dataset.table("recommendation_updates"))
    # nothing dated after D is shown: a later status date, a later meeting's review
    recs = recs.assign(status=on_d["status"], status_date=on_d["status_date"],
                       reviewed_at=_reviewed_by(dataset, recs["reviewed_at"], as_of))
    overdue = recs["status"].isin(REC_OPEN) & (recs["due_date"] < d)
    out = recs.assign(overdue=overdue.fillna(False))
    return out.sort_values(["overdue", "due_date"], ascending=[False, True],
                           na_position="last").reset_index(drop=True)


def _reviewed_by(dataset: Dataset, reviewed: pd.Series, as_of: dt.date) -> pd.Series:
    """The meeting that last reviewed each recommendation, when it was held by D."""
    meetings = dataset.table("meetings")
    if meetings is None or reviewed.isna().all():
        return reviewed
    held = set(meetings.loc[meetings["start_date"] <= _ts(as_of), "meeting_id"])
    return reviewed.where(reviewed.isin(held))


def programme_years_frame(programme: Programme, as_of: dt.date) -> pd.DataFrame:
    """The programme's implementation years with their dates and time elapsed."""
    rows = []
    for n in programme.year_numbers():
        start, end = programme.year_start(n), programme.year_end(n)
        days = (end - start).days + 1
        done = min(max((as_of - start).days + 1, 0), days)
        rows.append((f"Y{n}", start, end, done / days))
    frame = pd.DataFrame(rows, columns=["year", "start", "finish", "elapsed"])
    frame[["start", "finish"]] = frame[["start", "finish"]].apply(pd.to_datetime)
    return frame


def target_due(target: pd.DataFrame, as_of: dt.date) -> tuple[dt.date, float] | None:
    """The cumulative target due at the end of the programme year holding D."""
    ahead = target[target["month"] >= pd.Timestamp(as_of)]
    if not len(ahead):
        return None
    first = ahead.iloc[0]
    return first["month"].date(), float(first["target"])


def next_meeting(dataset: Dataset, as_of: dt.date) -> pd.Series | None:
    """The first steering-group meeting after D (of the view's countries)."""
    meetings = dataset.table("meetings")
    if meetings is None:
        return None
    later = meetings[meetings["start_date"] > _ts(as_of)].sort_values("start_date")
    return later.iloc[0] if len(later) else None


def only_component(dataset: Dataset, component: str) -> Dataset:
    """The activities of one component with the targets (enough for target_progress)."""
    acts = dataset.table("activities")
    tables = {name: frame for name, frame in dataset.tables.items()
              if name in ("targets", "recommendations")}
    if acts is not None:
        tables["activities"] = acts[acts["component"] == component]
    return replace(dataset, tables=tables)
