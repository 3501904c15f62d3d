"""Is it on track? Every targeted indicator against its targets, year by year, with
one verdict rule.

- The scope's own targets: a country or component selection uses the targets naming
  exactly it (``metrics.target_progress``); a scope no target names has no verdict,
  never the programme's total against one country's actual.
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

from bomca_data import filters, metrics
from bomca_data.model import Dataset

INDICATORS = ("activities_completed", "participants", "women_share",
              "recommendations_implemented")
ON_TRACK, AT_RISK = 0.9, 0.7
VERDICTS = ("on_track", "at_risk", "behind", "no_target")
SHARE = "women_share"


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
    return targets is not None and len(metrics.targets_of(targets, indicator, countries,
                                                          components)) > 0


def year_elapsed(dataset: Dataset, as_of: dt.date) -> pd.Series:
    """For each programme year ("Y1"..), the share of it elapsed on D (0 to 1)."""
    programme = dataset.programme
    shares = {}
    for n in programme.year_numbers():
        start, end = programme.year_start(n), programme.year_end(n)
        days = (end - start).days + 1
        shares[f"Y{n}"] = min(max((as_of - start).days + 1, 0), days) / days
    return pd.Series(shares)


def progress(dataset: Dataset, as_of: dt.date, indicator: str,
             countries: tuple[str, ...] = (), components: tuple[str, ...] = ()
             ) -> pd.DataFrame:
    """Per programme year: actual, target, due by D (pro rata in the current year),
    and each year's verdict; a future year has its target alone (no actual, no due).
    Computed once per dataset (a page's verdict and chart share it): never change it."""
    return _progress(dataset, as_of, indicator, tuple(countries), tuple(components))


@metrics.once_per_dataset
def _progress(dataset: Dataset, as_of: dt.date, indicator: str, countries: tuple[str, ...],
              components: tuple[str, ...]) -> pd.DataFrame:
    rows = metrics.target_progress(dataset, as_of, indicator, countries, components)
    elapsed = rows["year"].map(year_elapsed(dataset, as_of)).astype(float)
    future = elapsed <= 0
    # a level is due whole; a count, in proportion to the year elapsed
    due = (rows["target"] if indicator == SHARE else rows["target"] * elapsed).where(~future)
    rows = rows.assign(elapsed=elapsed, due=due,
                       actual=rows["actual"].astype(float).where(~future))
    ratio = rows["actual"] / rows["due"].where(rows["due"] > 0)
    rows["verdict"] = [judge(None if pd.isna(r) else float(r)) for r in ratio]
    return rows


def verdict(dataset: Dataset, as_of: dt.date, indicator: str,
            countries: tuple[str, ...] = (), components: tuple[str, ...] = ()) -> Verdict:
    """Achieved by D against due by D, for the whole programme so far."""
    return _verdict(dataset, as_of, indicator, tuple(countries), tuple(components))


@metrics.once_per_dataset
def _verdict(dataset: Dataset, as_of: dt.date, indicator: str, countries: tuple[str, ...],
             components: tuple[str, ...]) -> Verdict:
    if not has_target(dataset, indicator, countries, components):
        return Verdict(indicator, "no_target", None, None)  # nothing to judge: no figure
    rows = progress(dataset, as_of, indicator, countries, components)
    judged = rows[rows["due"].notna()]
    if not len(judged):
        return Verdict(indicator, "no_target", None, None)
    if indicator == SHARE:
        parts = metrics.counted_participation(dataset, as_of)
        actual = metrics.women_share(parts) if len(parts) else None
        due = float(judged["due"].mean())
    else:
        actual, due = float(judged["actual"].fillna(0).sum()), float(judged["due"].sum())
    if actual is None:
        return Verdict(indicator, "no_target", None, due)
    return Verdict(indicator, judge(actual / due if due else None), actual, due)


@metrics.once_per_dataset
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


SYMBOLS = {"on_track": "✓", "at_risk": "!", "behind": "✗", "no_target": "–"}
# Streamlit's badge colours; the symbol and the words say the verdict too
BADGES = {"on_track": "green", "at_risk": "orange", "behind": "red", "no_target": "gray"}


def label(found: str, ratio: float | None, lang: str) -> str:
    """"✓ On track (104 %)": symbol, words and the share of what was due."""
    from bomca_data import i18n

    words = f"{SYMBOLS[found]} {i18n.t(f'verdict.{found}', lang)}"
    if ratio is None or pd.isna(ratio):
        return words
    return f"{words} ({i18n.percent(ratio, lang, digits=0)})"


def badge(found: str, ratio: float | None, lang: str) -> str:
    """The verdict as a coloured Markdown badge (its symbol and words say it too)."""
    return f":{BADGES[found]}-badge[{label(found, ratio, lang)}]"


def matrix_markdown(frame: pd.DataFrame, by: str, lang: str, link: dict[str, str]) -> str:
    """The matrix as one Markdown table: each row's name a link to its filtered view,
    each cell the verdict's badge (one element on the page, cheap to redraw)."""
    from bomca_data import i18n

    header = [i18n.t(f"verdict.by_{by}", lang),
              *(i18n.term("indicator", i, lang) for i in INDICATORS)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    cells = {(k, i): (v, r) for k, i, v, r in zip(frame[by], frame["indicator"],
                                                  frame["verdict"], frame["ratio"],
                                                  strict=True)}
    for key in dict.fromkeys(frame[by]):
        name = i18n.term(by, key, lang) if by == "country" else i18n.component_short(key, lang)
        row = [f"[{name}]({link[key]})",
               *(badge(*cells[(key, i)], lang) for i in INDICATORS)]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)
