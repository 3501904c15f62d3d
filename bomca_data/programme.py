"""The programme's settings: from `programme.toml` beside the data, else BOMCA 10's."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from bomca_data import contract

SETTINGS_FILE = "programme.toml"


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
    notes: dict = field(default_factory=dict, compare=False)

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
    known = {"name", "short_name", "phase", "start", "months", "budget_eur", "countries",
             "components", "as_of", "demo"}
    values = {k: v for k, v in section.items() if k in known}
    try:
        for key in ("start", "as_of"):
            if isinstance(values.get(key), str):
                values[key] = dt.date.fromisoformat(values[key])
        for key in ("countries", "components"):
            if key in values:
                values[key] = tuple(values[key])
        programme = Programme(**values)
        _ = programme.end
    except (TypeError, ValueError) as exc:
        raise SettingsError(f"{path.name}: {exc}") from exc
    return programme
