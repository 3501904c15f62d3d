"""The programme's settings: from `programme.toml` beside the data, else BOMCA 10's."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from bomca_data import contract

SETTINGS_FILE = "programme.toml"
SETTINGS_KEYS = ("name", "short_name", "phase", "start", "months", "budget_eur", "countries",
                 "components", "as_of", "demo", "dashboard_url")


class SettingsError(Exception):
    """programme.toml exists but cannot be used."""


@dataclass(frozen=True)
class Programme:
    name: str = "EU Border Management Programme in Central Asia"
    short_name: str = "BOMCA"
    phase: int = 10
    start: dt.date = dt.date(2021, 4, 1)
    months: int = 54
    budget_eur: float = 21_650_000
    countries: tuple[str, ...] = contract.NATIONAL_COUNTRIES
    components: tuple[str, ...] = contract.codes(contract.COMPONENTS)
    as_of: dt.date | None = None
    demo: bool = False  # the bundled demonstration data: every page says so
    # where the dashboard is served ("https://bomca.example.org/"): packs link to it
    dashboard_url: str | None = None
    notes: dict = field(default_factory=dict, compare=False)

    def to_toml(self) -> str:
        """The settings as programme.toml writes them ([programme] and its keys)."""
        def value(v: object) -> str:
            if isinstance(v, bool):
                return "true" if v else "false"
            if isinstance(v, tuple):
                return "[" + ", ".join(value(x) for x in v) + "]"
            if isinstance(v, dt.date | str):
                return f'"{v}"'
            return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)
        keys = [k for k in SETTINGS_KEYS if getattr(self, k) is not None]
        return "[programme]\n" + "".join(f"{k} = {value(getattr(self, k))}\n" for k in keys)

    @property
    def scopes(self) -> tuple[str, ...]:
        """Its countries, then the region ("RG": regional and multi-country rows)."""
        return (*self.countries, contract.REGION)

    @property
    def end(self) -> dt.date:
        """The last day of the programme (start + months - 1 day)."""
        year, month = divmod(self.start.month - 1 + self.months, 12)
        return dt.date(self.start.year + year, month + 1, self.start.day) - dt.timedelta(days=1)

    def year_numbers(self) -> list[int]:
        """Implementation years 1..N (April to March for BOMCA 10)."""
        return list(range(1, (self.months + 11) // 12 + 1))

    def calendar_years(self) -> list[int]:
        return list(range(self.start.year, self.end.year + 1))

    def year_start(self, number: int) -> dt.date:
        return self.start.replace(year=self.start.year + number - 1)

    def year_end(self, number: int) -> dt.date:
        return min(self.year_start(number + 1) - dt.timedelta(days=1), self.end)

    def default_as_of(self) -> dt.date:
        return self.as_of or dt.date.today()

    # --- its years: implementation years "Y1".. (April to March) or calendar years

    def year_number(self, day: dt.date) -> int:
        """The implementation year (1..N) a day inside the programme falls in."""
        months = (day.year - self.start.year) * 12 + day.month - self.start.month - (
            day.day < self.start.day)
        return months // 12 + 1

    @staticmethod
    def year_key(number: int) -> str:
        return f"Y{number}"

    def year_keys(self, year_kind: str = "programme") -> list[str]:
        """"Y1".."Y5" (programme years) or "2021".."2025" (calendar years)."""
        if year_kind == "programme":
            return [self.year_key(n) for n in self.year_numbers()]
        return [str(y) for y in self.calendar_years()]

    def target_year_key(self, year: int) -> str | None:
        """The programme year a target's year names: an implementation year (1..N),
        or a calendar year, matched to the programme year starting in it."""
        if 1 <= year <= len(self.year_numbers()):
            return self.year_key(year)
        number = year - self.start.year + 1
        return self.year_key(number) if 1 <= number <= len(self.year_numbers()) else None

    def year_labels(self, dates: pd.Series, year_kind: str = "programme") -> pd.Series:
        """The year key of each date ("Y1".. or "2022"..); NA outside the programme
        (programme years) or for no date. A table lookup, not a string per row."""
        if year_kind == "programme":
            return self._programme_years(dates)
        years = dates.to_numpy(dtype="datetime64[Y]")
        known = ~np.isnat(years)
        if not known.any():
            return _labels(np.full(len(years), -1), [], dates.index)
        offsets = years.astype("int64")  # years since 1970
        low, high = int(offsets[known].min()), int(offsets[known].max())
        codes = np.where(known, offsets - low, -1)
        return _labels(codes, [str(1970 + y) for y in range(low, high + 1)], dates.index)

    def _programme_years(self, dates: pd.Series) -> pd.Series:
        days = dates.to_numpy(dtype="datetime64[D]")
        start = np.datetime64(self.start, "D")
        inside = (days >= start) & (days <= np.datetime64(self.end, "D"))
        months = days.astype("datetime64[M]")
        day_of_month = (days - months).astype(int) + 1
        elapsed = (months - start.astype("datetime64[M]")).astype(int) - (
            day_of_month < self.start.day)
        codes = np.where(inside, elapsed // 12, -1)
        return _labels(codes, self.year_keys(), dates.index)

    def elapsed(self, as_of: dt.date) -> dict:
        """How far through its timeline the programme is on the as-of date."""
        months = (as_of.year - self.start.year) * 12 + as_of.month - self.start.month
        return {"share": _elapsed(self.start, self.end, as_of),
                "months": min(max(months, 0), self.months),
                "of_months": self.months, "start": self.start, "end": self.end}

    def years_frame(self, as_of: dt.date) -> pd.DataFrame:
        """The implementation years: key, first and last day, share elapsed on D."""
        rows = []
        for n in self.year_numbers():
            start, end = self.year_start(n), self.year_end(n)
            rows.append((self.year_key(n), pd.Timestamp(start), pd.Timestamp(end),
                         _elapsed(start, end, as_of)))
        return pd.DataFrame(rows, columns=["year", "start", "finish", "elapsed"])


def _elapsed(start: dt.date, end: dt.date, as_of: dt.date) -> float:
    """The share of the days from ``start`` to ``end`` (both in) gone by on ``as_of``."""
    days = (end - start).days + 1
    return min(max((as_of - start).days + 1, 0), days) / days


def _labels(codes: np.ndarray, names: list[str], index: pd.Index) -> pd.Series:
    """names[code] for each code, NA for -1."""
    table = np.array([*names, None], dtype=object)
    return pd.Series(table[codes], index=index, dtype="str")


def load_programme(folder: Path | None) -> Programme:
    """Read `programme.toml` in ``folder``; the built-in settings when there is none."""
    path = folder / SETTINGS_FILE if folder else None
    if path is None or not path.is_file():
        return Programme()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path.name}: {exc}") from exc
    section = raw.get("programme", raw)
    values = {k: v for k, v in section.items() if k in SETTINGS_KEYS}
    try:
        for key in ("start", "as_of"):
            if isinstance(values.get(key), str):
                values[key] = dt.date.fromisoformat(values[key])
        for key in ("countries", "components"):
            if key in values:
                values[key] = tuple(values[key])
        programme = Programme(**values)
        _ = programme.end
        if programme.dashboard_url and not programme.dashboard_url.startswith(
                ("https://", "http://")):
            raise ValueError("dashboard_url must start with https:// or http://")
    except (TypeError, ValueError) as exc:
        raise SettingsError(f"{path.name}: {exc}") from exc
    return programme
