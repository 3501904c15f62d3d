"""Filters shared by every page, their URL form, and a Dataset narrowed by them.

Each table narrows by its declared scope (contract.Scope); activities by their type and
their status on D as well. The people rule: chosen countries narrow the participants by
their own country, at any activity the other filters keep (a country's attendances are
those of its people, at national, multi-country and regional activities alike);
"Regional" adds every participant of a regional activity kept.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace

import pandas as pd

from bomca_data import contract, i18n
from bomca_data.figures.asof import activity_status, done_date, statuses_on
from bomca_data.figures.participation import of_activities
from bomca_data.model import Dataset
from bomca_data.programme import Programme

# each filter and the vocabulary its values come from (for their names)
KINDS = {"countries": "country", "components": "component", "years": "year",
         "types": "activity_type", "statuses": "activity_status"}
URL_KEYS = {"countries": "country", "components": "component", "years": "year",
            "types": "type", "statuses": "status", "year_kind": "years_as"}


@dataclass(frozen=True)
class Filters:
    countries: tuple[str, ...] = ()
    components: tuple[str, ...] = ()
    years: tuple[str, ...] = ()  # "Y1".. or "2022"..
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    year_kind: str = "programme"

    @property
    def active(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self) if f.name != "year_kind")

    def to_query(self) -> dict[str, str]:
        """The URL form: comma-separated codes, defaults left out."""
        query = {URL_KEYS[f.name]: ",".join(getattr(self, f.name))
                 for f in fields(self) if f.name != "year_kind" and getattr(self, f.name)}
        if self.year_kind != "programme":
            query[URL_KEYS["year_kind"]] = self.year_kind
        return query

    def describe(self, as_of: dt.date, lang: str) -> str:
        """"As of 30.11.2023 · Countries: Kazakhstan · ...": the context line of chart
        subtitles and files."""
        parts = [i18n.t("context.as_of", lang, date=i18n.date(as_of, lang))]
        for name, kind in KINDS.items():
            if chosen := getattr(self, name):
                names = [i18n.name(kind, c, lang) for c in chosen]
                line = f"{i18n.t('filters.' + name, lang)}: {', '.join(names)}"
                if name == "years":
                    line += f" ({i18n.t('filters.' + self.year_kind + '_years', lang)})"
                parts.append(line)
        if len(parts) == 1:
            parts.append(i18n.t("filters.none", lang))
        return " · ".join(parts)


def options(programme: Programme, year_kind: str) -> dict[str, tuple[str, ...]]:
    """The values each filter offers."""
    return {
        "countries": programme.scopes,
        "components": programme.components,
        "years": tuple(programme.year_keys(year_kind)),
        "types": contract.codes(contract.ACTIVITY_TYPES),
        "statuses": contract.codes(contract.ACTIVITY_STATUSES),
    }


def from_query(query: dict[str, str], programme: Programme) -> tuple[Filters, list[str]]:
    """Filters from a URL query, codes in any case (`kz` is `KZ`), and the values that
    name nothing ("country=XX"), left out and to be said."""
    kind = str(query.get(URL_KEYS["year_kind"], "programme")).casefold()
    ignored = [] if kind in contract.YEAR_KINDS else [f"{URL_KEYS['year_kind']}={kind}"]
    kind = kind if kind in contract.YEAR_KINDS else "programme"
    allowed = options(programme, kind)
    values = {}
    for name, asked in _asked(query).items():
        known = {v.casefold() for v in allowed[name]}
        wanted = {a.casefold() for a in asked}
        values[name] = tuple(v for v in allowed[name] if v.casefold() in wanted)
        ignored += [f"{URL_KEYS[name]}={a}" for a in asked if a.casefold() not in known]
    return Filters(**values, year_kind=kind), ignored


def _asked(query: dict[str, str]) -> dict[str, list[str]]:
    """Each filter's values in the query ("KZ,UZ" -> ["KZ", "UZ"])."""
    return {name: [v.strip() for v in str(query.get(key, "")).split(",") if v.strip()]
            for name, key in URL_KEYS.items() if name != "year_kind"}


def apply(dataset: Dataset, filters: Filters, as_of: dt.date) -> Dataset:
    """A Dataset holding only the rows the filters keep (same programme and issues).

    Activities gain a resolved ``status`` (derived where blank) for the as-of date.
    """
    programme = dataset.programme
    tables = dict(dataset.tables)
    acts = dataset.tables.get("activities")
    people_acts = dataset.people_activities
    if acts is not None:
        acts, others = _narrow_activities(acts.assign(status=statuses_on(dataset, as_of)),
                                          filters, as_of, programme)
        if people_acts is not None:  # the people rule: a country's people, any activity
            people_acts, _ = _narrow_activities(
                people_acts.assign(status=activity_status(people_acts, as_of)),
                replace(filters, countries=()), as_of, programme)
        elif filters.countries:
            people_acts = others
        tables["activities"] = acts

    parts = dataset.tables.get("participants")
    narrowed = any((filters.countries, filters.components, filters.years, filters.types,
                    filters.statuses))
    if parts is not None and acts is not None and narrowed:  # else: shared, never copied
        keep = of_activities(parts, people_acts if people_acts is not None else acts)
        if filters.countries:
            own = parts["country"].isin(filters.countries).to_numpy()
            if contract.REGION in filters.countries:
                regional = (acts["country"] == contract.REGION).to_numpy()
                own = own | of_activities(parts, acts[regional])
            keep = keep & own  # (pandas gives read-only arrays: never changed in place)
        tables["participants"] = parts[keep]

    for name in ("recommendations", "meetings", "targets"):
        if (frame := dataset.tables.get(name)) is not None:
            tables[name] = frame[in_view(frame, contract.TABLES[name].scope, filters,
                                         programme)]
    return replace(dataset, tables=with_followers(tables, dataset.tables),
                   people_activities=people_acts)


def with_followers(tables: dict[str, pd.DataFrame], everything: dict[str, pd.DataFrame]
                   ) -> dict[str, pd.DataFrame]:
    """``tables`` with the rows of the tables that name no country of their own and
    follow another (contract.Scope.follows: recommendation updates follow their
    recommendation), narrowed to the followed rows kept (filters and access alike)."""
    out = dict(tables)
    for name, frame in everything.items():
        scope = contract.TABLES[name].scope
        if scope.follows and not scope.country and scope.follows in tables:
            kept = set(tables[scope.follows][scope.key])
            out[name] = frame[frame[scope.key].isin(kept)]
    return out


def names_one(countries: str | None, codes: tuple[str, ...]) -> bool:
    """Whether a country list ("KZ;UZ") names one of ``codes``."""
    return bool(countries) and any(c in codes for c in countries.split(";"))


def naming(lists: pd.Series, codes: tuple[str, ...], blank_kept: bool = False) -> pd.Series:
    """Which rows' country lists name one of ``codes`` (and the blank ones when
    ``blank_kept``), decided once per distinct list and then looked up: a categorical
    column of half a million rows narrows in milliseconds."""
    distinct = lists.cat.categories if hasattr(lists, "cat") else lists.dropna().unique()
    keep = lists.isin([v for v in distinct if names_one(v, codes)])
    return keep | lists.isna() if blank_kept else keep


def _narrow_activities(acts: pd.DataFrame, filters: Filters, as_of: dt.date,
                       programme: Programme) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The activities (each with its status on D) the filters keep; and those that
    every filter but the countries keeps (whose participants the people rule counts)."""
    scope = contract.TABLES["activities"].scope
    keep = in_view(acts, scope, replace(filters, countries=()), programme, done_date(acts))
    if filters.types:
        keep &= acts["activity_type"].isin(filters.types)
    if filters.statuses:
        keep &= acts["status"].isin(filters.statuses)
    if not filters.countries:
        kept = acts[keep]
        return kept, kept
    return acts[keep & in_view(acts, scope, filters, programme)], acts[keep]


def in_view(frame: pd.DataFrame, scope: contract.Scope, filters: Filters,
            programme: Programme, dates: pd.Series | None = None) -> pd.Series:
    """Which rows the countries, components and years keep, by the table's declared
    scope (contract.Scope): one rule for every table. ``dates``: the dates whose year
    counts, when not a column of the table."""
    keep = pd.Series(True, index=frame.index)
    if filters.countries and scope.country:
        codes = (*filters.countries, contract.REGION) if scope.regional else filters.countries
        keep &= naming(frame[scope.country], codes, scope.blank_kept)
    if filters.components and scope.component:
        match = frame[scope.component].isin(filters.components)
        keep &= (match | frame[scope.component].isna()) if scope.blank_kept else match
    if filters.years and scope.date:
        when = frame[scope.date] if dates is None else dates
        keep &= programme.year_labels(when, filters.year_kind).isin(filters.years)
    return keep
