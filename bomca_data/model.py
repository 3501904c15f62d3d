"""The validated Dataset: typed frames of valid rows, every issue, and the settings."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from bomca_data import clean, contract
from bomca_data.contract.issues import Issue, Message, has_errors, sort_key
from bomca_data.programme import SETTINGS_FILE, Programme, SettingsError, load_programme
from bomca_data.source import cache, location, read
from bomca_data.source.location import resolve_source


@dataclass(frozen=True)
class TableStats:
    file: str
    sheet: str | None
    rows_read: int
    rows_valid: int
    # {country list ("" for rows naming none): [rows read, rows excluded]}, so that a
    # view restricted to some countries counts only their rows (access.restrict)
    scopes: dict[str, list[int]] = field(default_factory=dict)

    @property
    def rows_excluded(self) -> int:
        return self.rows_read - self.rows_valid


@dataclass
class Dataset:
    source: Path
    programme: Programme
    tables: dict[str, pd.DataFrame]
    issues: list[Issue]
    stats: dict[str, TableStats] = field(default_factory=dict)
    # The activities participants are counted against, when a country narrowing has
    # left some of them out of ``tables``: a country's people count at any activity
    # (the people rule). Used for counting only, never shown. None: the activities table.
    people_activities: pd.DataFrame | None = field(default=None, repr=False, compare=False)
    # figures computed once per dataset object (a narrowed copy starts empty: init=False)
    memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    # datasets made from this one and shared, by kind ("views": a view's filtered rows,
    # "restricted": a country-limited user's): apart from the figures, each kind bounded
    # by its maker (``view.narrowed``, ``access.restricted``)
    derived: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def table(self, name: str) -> pd.DataFrame | None:
        return self.tables.get(name)

    @property
    def has_data(self) -> bool:
        """Whether there is anything to show: activities, the table every page starts
        from (a new, empty data folder, or a template's headers alone, has none)."""
        acts = self.table("activities")
        return acts is not None and len(acts) > 0

    @property
    def has_errors(self) -> bool:
        return has_errors(self.issues)

    @property
    def rows_excluded(self) -> int:
        return sum(s.rows_excluded for s in self.stats.values())

    def data_date(self) -> dt.date | None:
        """The data's own date: the ``as_of`` setting, else the latest date recorded in
        it (status dates, end dates of completed activities, meetings held by today)."""
        if self.programme.as_of:
            return self.programme.as_of
        if "data_date" not in self.memo:  # every page asks: worked out once per dataset
            self.memo["data_date"] = self._latest_date()
        return self.memo["data_date"]

    def _latest_date(self) -> dt.date | None:
        found = []
        if (acts := self.table("activities")) is not None and len(acts):
            done = acts[acts["status"] == "completed"]
            found.append(done["end_date"].fillna(done["start_date"]).max())
        if (recs := self.table("recommendations")) is not None and len(recs):
            found.append(recs["status_date"].max())
        if (meets := self.table("meetings")) is not None and len(meets):
            held = meets.loc[meets["start_date"] <= pd.Timestamp(dt.date.today()), "start_date"]
            found.append(held.max())
        dates = [d for d in found if pd.notna(d)]
        return max(dates).date() if dates else None

    def source_name(self) -> str:
        """The files the figures come from ("bomca10-demo.xlsx"), for a footer: a
        folder's name alone says nothing to a reader."""
        files = sorted({s.file for s in self.stats.values() if s.file})
        return ", ".join(files) if files else self.source.name

    def default_as_of(self) -> dt.date:
        """The as-of date a view starts from: the data's own date, else today."""
        return self.data_date() or dt.date.today()


def settings_folder(source: Path) -> Path:
    """Where a source's programme.toml is: beside the data, else in the current
    version of a managed folder; beside a workbook given alone."""
    if not source.is_dir():
        return source.parent
    return source if (source / SETTINGS_FILE).is_file() else location.current_dir(source)


def load_dataset(source: str | Path | None = None, use_cache: bool = True) -> Dataset:
    """Read, validate and type a source. Raises read.SourceError only when the
    source itself cannot be read; every problem inside it becomes an Issue.

    With ``use_cache``, a source read before (same bytes, same code) comes from the
    Parquet cache instead of the spreadsheets (see cache.py)."""
    source = resolve_source(source)
    here = location.current_dir(source) if source.is_dir() else source
    managed = location.manifest_locations(here) if source.is_dir() else None
    locations, issues = (managed, []) if managed is not None else read.locate_tables(here)
    try:
        programme = load_programme(settings_folder(source))
    except SettingsError as exc:
        raise read.SourceError(str(exc)) from exc
    key = None
    if use_cache:
        files = {loc.path.resolve() for loc in locations if loc.path.is_file()}
        layout = repr(sorted((loc.table, loc.path.name, loc.sheet) for loc in locations))
        # cleaning reads the settings (the programme's years, countries...): part of the key
        key = cache.content_key(list(files), layout + repr(issues) + repr(programme))
        if (hit := cache.load(key)) is not None:
            frames, cached_issues, stats = hit
            return Dataset(source, programme, frames, cached_issues,
                           {name: TableStats(**s) for name, s in stats.items()})
    raws = read.read_tables(locations)
    for raw in raws.values():
        issues += raw.issues
    if "activities" not in raws:
        issues.append(Issue("missing-table", Message("issue.missing-table.activities"),
                            "activities", source.name))
    frames, found, scopes = clean.clean_tables(raws, programme)
    issues += found
    stats = {name: TableStats(raw.file, raw.sheet, raw.rows_read,
                              len(frames[name]) if name in frames else 0, scopes.get(name, {}))
             for name, raw in raws.items()}
    issues.sort(key=sort_key)
    if key is not None:
        cache.save(key, frames, issues, {n: asdict(s) for n, s in stats.items()})
    return Dataset(source, programme, frames, issues, stats)


def source_signature(source: Path) -> tuple:
    """The identity (location.identity) of every file that makes up a source, its
    programme.toml included: a cache key."""
    if source.is_file():
        paths = [p for p in (source, source.parent / SETTINGS_FILE) if p.is_file()]
    else:
        here = location.current_dir(source)  # a managed folder: its current version
        paths = sorted(p for p in [*here.iterdir(), source / SETTINGS_FILE] if p.is_file()
                       and (p.suffix.lower() in contract.ACCEPTED_SUFFIXES
                            or p.name in (SETTINGS_FILE, location.MANIFEST)))
    return tuple(location.identity(p) for p in paths)


def release_memory() -> None:
    """Hand memory freed while loading back to the system (a long-running server
    otherwise keeps the peak of every load)."""
    import contextlib
    import ctypes
    import gc

    import pyarrow as pa

    gc.collect()
    pa.default_memory_pool().release_unused()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to trim
        ctypes.CDLL("libc.so.6").malloc_trim(0)
