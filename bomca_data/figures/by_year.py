"""Each targeted indicator's actual per programme year ("Y1", "Y2"...), as of D: one
function per indicator, named by its declaration (``contract.INDICATORS``, ``figure=``).
A year with nothing is left out (a count reads it as 0; a share has none)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from bomca_data.figures.activities import completed_activities
from bomca_data.figures.participation import (
    activities_of_people,
    counted_participation,
    participation_years,
    women_share,
    women_share_by,
)
from bomca_data.figures.recommendations import recommendations_view
from bomca_data.model import Dataset


def completed_by_year(dataset: Dataset, as_of: dt.date) -> pd.Series:
    """Activities completed by D, by the programme year they were done in."""
    return completed_activities(dataset, as_of).groupby("year").size()


def _participation(dataset: Dataset, as_of: dt.date) -> tuple[pd.DataFrame, pd.Series] | None:
    parts = counted_participation(dataset, as_of)
    acts = activities_of_people(dataset)
    if acts is None or not len(parts):
        return None
    return parts, participation_years(dataset, as_of, "programme")


def attendances_by_year(dataset: Dataset, as_of: dt.date) -> pd.Series:
    """Attendances counted by D (the people rule), by the programme year of their activity."""
    found = _participation(dataset, as_of)
    if found is None:
        return pd.Series(dtype=float)
    parts, year = found
    return parts["count"].groupby(year).sum()


def women_share_by_year(dataset: Dataset, as_of: dt.date) -> pd.Series:
    """Women's share of the attendances of known gender counted by D, per programme year."""
    found = _participation(dataset, as_of)
    if found is None:
        return pd.Series(dtype=float)
    parts, year = found
    return women_share_by(parts, year)


def women_share_overall(dataset: Dataset, as_of: dt.date) -> float | None:
    """Women's share of all the attendances of known gender counted by D."""
    parts = counted_participation(dataset, as_of)
    return women_share(parts) if len(parts) else None


def implemented_by_year(dataset: Dataset, as_of: dt.date) -> pd.Series:
    """Recommendations implemented on D, by the programme year of their status date
    (their date proposed when there is none)."""
    if dataset.table("recommendations") is None:
        return pd.Series(dtype=float)
    view = recommendations_view(dataset, as_of)  # each one's status on D
    if not len(view):
        return pd.Series(dtype=float)
    done = view[view["status"] == "implemented"]
    when = done["status_date"].fillna(done["date_proposed"])
    return done.groupby(dataset.programme.year_labels(when)).size()
