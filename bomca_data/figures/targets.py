"""Is it on track? Each targeted indicator's actual by D against its yearly targets,
for the scope in view, with one verdict rule.

- The scope's own targets: a country or component selection uses the targets naming
  exactly it; a scope no target names has no target and no verdict, never the
  programme's total against one country's actual.
- Due by D: a past year's whole target; the current year's target pro rata (the share
  of the year elapsed on D); nothing of a future year (its target is shown alone).
- The verdict compares what was achieved by D with what was due by D: on track at
  90 % or more, at risk from 70 %, behind below. The women's share is judged against
  its level (the mean target of the years so far), not summed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from bomca_data import contract, filters
from bomca_data.figures import by_year
from bomca_data.figures.activities import completed_activities
from bomca_data.figures.counting import once_per_dataset
from bomca_data.model import Dataset


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
    keys = programme.year_keys()
    frame = pd.DataFrame({"year": [y for y in keys if not years or y in years]})
    actual = _actual_by_year(dataset, as_of, indicator)
    frame["actual"] = frame["year"].map(actual)
    if not DECLARED[indicator].share:
        frame["actual"] = frame["actual"].fillna(0)
    if targets is None:
        return frame.assign(target=np.nan)
    chosen = targets_of(targets, indicator, countries, components)
    label = chosen["year"].map(programme.target_year_key)
    grouped = chosen.assign(year=label).dropna(subset=["year"]).groupby("year")["target"]
    target = grouped.mean() if DECLARED[indicator].share else grouped.sum()
    return frame.assign(target=frame["year"].map(target))


def targets_of(targets: pd.DataFrame, indicator: str, countries: tuple[str, ...] = (),
               components: tuple[str, ...] = ()) -> pd.DataFrame:
    """The target rows of an indicator naming exactly the chosen countries and
    components (none chosen: the rows naming none, the programme's own)."""
    chosen = targets[targets["indicator"] == indicator]
    chosen = chosen[chosen["country"].isin(countries) if countries else chosen["country"].isna()]
    return chosen[chosen["component"].isin(components) if components
                  else chosen["component"].isna()]


def figure_functions(indicators=contract.INDICATORS) -> dict:
    """Each declared indicator's figure (figures/by_year.py), checked when the package
    loads: an indicator whose figure does not exist is an error here, never a silent
    fall-through to another indicator's figure."""
    found, missing = {}, []
    for indicator in indicators:
        for name in (indicator.figure, *([indicator.overall] if indicator.share else [])):
            if not callable(getattr(by_year, name, None) if name else None):
                missing.append(f"{indicator.code} ({name or 'no function named'})")
        found[indicator.code] = getattr(by_year, indicator.figure, None)
    if missing:
        raise ImportError("indicators without a figure function in figures/by_year.py: "
                          + ", ".join(missing) + " - see CONTRIBUTING.md, 'A new indicator'")
    return found


BY_YEAR = figure_functions()
DECLARED = {i.code: i for i in contract.INDICATORS}


def _actual_by_year(dataset: Dataset, as_of: dt.date, indicator: str) -> pd.Series:
    return BY_YEAR[indicator](dataset, as_of)


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


def target_due(target: pd.DataFrame, as_of: dt.date) -> tuple[dt.date, float] | None:
    """The cumulative target due at the end of the programme year holding D."""
    ahead = target[target["month"] >= pd.Timestamp(as_of)]
    if not len(ahead):
        return None
    first = ahead.iloc[0]
    return first["month"].date(), float(first["target"])


INDICATORS = tuple(DECLARED)  # their codes, in the declaration's order
ON_TRACK, AT_RISK = 0.9, 0.7
VERDICTS = ("on_track", "at_risk", "behind", "no_target")


def is_share(indicator: str) -> bool:
    """A level (judged against its target level, averaged), not a count (summed)."""
    return DECLARED[indicator].share


@dataclass(frozen=True)
class Verdict:
    indicator: str
    verdict: str  # one of VERDICTS
    actual: float | None  # achieved by D (a share for the women's share)
    due: float | None  # due by D (the target level for the women's share)

    @property
    def ratio(self) -> float | None:
        if self.actual is None or not self.due:
            return None
        return self.actual / self.due


def judge(ratio: float | None) -> str:
    if ratio is None:
        return "no_target"
    return "on_track" if ratio >= ON_TRACK else "at_risk" if ratio >= AT_RISK else "behind"


def has_target(dataset: Dataset, indicator: str, countries: tuple[str, ...] = (),
               components: tuple[str, ...] = ()) -> bool:
    """Whether any target names exactly this indicator and scope."""
    targets = dataset.table("targets")
    return targets is not None and len(targets_of(targets, indicator, countries,
                                                  components)) > 0


def progress(dataset: Dataset, as_of: dt.date, indicator: str,
             countries: tuple[str, ...] = (), components: tuple[str, ...] = ()
             ) -> pd.DataFrame:
    """Per programme year: actual, target, due by D (pro rata in the current year),
    and each year's verdict; a future year has its target alone (no actual, no due).
    Computed once per dataset (a page's verdict and chart share it): never change it."""
    return _progress(dataset, as_of, indicator, tuple(countries), tuple(components))


@once_per_dataset
def _progress(dataset: Dataset, as_of: dt.date, indicator: str, countries: tuple[str, ...],
              components: tuple[str, ...]) -> pd.DataFrame:
    rows = target_progress(dataset, as_of, indicator, countries, components)
    elapsed = rows["year"].map(
        dataset.programme.years_frame(as_of).set_index("year")["elapsed"]).astype(float)
    future = elapsed <= 0
    # a level is due whole; a count, in proportion to the year elapsed
    due = (rows["target"] if is_share(indicator) else rows["target"] * elapsed).where(~future)
    rows = rows.assign(elapsed=elapsed, due=due,
                       actual=rows["actual"].astype(float).where(~future))
    ratio = rows["actual"] / rows["due"].where(rows["due"] > 0)
    rows["verdict"] = [judge(None if pd.isna(r) else float(r)) for r in ratio]
    return rows


def verdict(dataset: Dataset, as_of: dt.date, indicator: str,
            countries: tuple[str, ...] = (), components: tuple[str, ...] = ()) -> Verdict:
    """Achieved by D against due by D, for the whole programme so far."""
    return _verdict(dataset, as_of, indicator, tuple(countries), tuple(components))


@once_per_dataset
def _verdict(dataset: Dataset, as_of: dt.date, indicator: str, countries: tuple[str, ...],
             components: tuple[str, ...]) -> Verdict:
    if not has_target(dataset, indicator, countries, components):
        return Verdict(indicator, "no_target", None, None)  # nothing to judge: no figure
    rows = progress(dataset, as_of, indicator, countries, components)
    judged = rows[rows["due"].notna()]
    if not len(judged):
        return Verdict(indicator, "no_target", None, None)
    if is_share(indicator):  # the level over the whole period, not a mean of years
        actual = getattr(by_year, DECLARED[indicator].overall)(dataset, as_of)
        due = float(judged["due"].mean())
    else:
        actual, due = float(judged["actual"].fillna(0).sum()), float(judged["due"].sum())
    if actual is None:
        return Verdict(indicator, "no_target", None, due)
    return Verdict(indicator, judge(actual / due if due else None), actual, due)


@once_per_dataset
def matrix(dataset: Dataset, as_of: dt.date, by: str) -> pd.DataFrame:
    """Rows of ``by`` ("country" or "component") x the four indicators: each cell the
    verdict for that scope (its figures narrowed to it, against its own targets), with
    the ratio achieved / due. Computed once per dataset and date."""
    programme = dataset.programme
    keys = programme.countries if by == "country" else programme.components
    records = []
    for key in keys:
        scope = {"countries": (key,)} if by == "country" else {"components": (key,)}
        narrowed = filters.apply(dataset, filters.Filters(**scope), as_of)
        for indicator in INDICATORS:
            found = verdict(narrowed, as_of, indicator, **scope)
            records.append({by: key, "indicator": indicator, "verdict": found.verdict,
                            "actual": found.actual, "due": found.due,
                            "ratio": np.nan if found.ratio is None else found.ratio})
    return pd.DataFrame(records)
