"""The data contract as data: tables, columns, aliases, vocabularies, each table's
scope and the limits a file must keep within.

Code elsewhere reads these structures instead of naming columns or spellings itself,
and docs/data-contract.md is written from them (bomca_data/contract/document.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# the vocabularies (and the matching of spellings) are part of the contract: named
# here too, so that code and documents read them as contract.COUNTRIES...
from bomca_data.contract.vocabularies import (  # noqa: F401
    ACTIVITY_KINDS,
    ACTIVITY_STATUSES,
    ACTIVITY_TYPES,
    AGENCY_TYPES,
    COMPARISONS,
    COMPONENTS,
    COORDINATION_TYPES,
    COUNTRIES,
    DELIVERIES,
    GENDERS,
    INDICATORS,
    MEETING_TYPES,
    NATIONAL_COUNTRIES,
    OUTPUT_TYPES,
    PUBLISHED_INDICATORS,
    REC_STATUSES,
    REGION,
    VOCABULARIES,
    Indicator,
    PublishedIndicator,
    Term,
    codes,
    header_key,
    spellings,
    value_key,
)

Kind = Literal[
    "text", "date", "number", "integer", "component", "country", "country_list",
    "activity_status", "activity_type", "gender", "agency_type", "output_type",
    "rec_status", "meeting_type", "indicator", "activity_kind", "delivery", "text_list",
    "published_indicator", "comparison",
]

ACCEPTED_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
HEADER_SEARCH_ROWS = 15
YEAR_KINDS = ("programme", "calendar")
# internal column (never shown or exported: "_"): how many countries a row narrowed to a
# user's countries lists in the data, so that it still counts as multi-country
LISTED = "_listed"  # years counted from the programme's start, or Jan-Dec


@dataclass(frozen=True)
class Limits:
    """What a file may be before it is read: past any of these it is refused with an
    unreadable-file error naming the limit. Within them, a read of any file ends in
    seconds and well under 1 GB of memory (tests/test_hostile.py)."""

    file_bytes: int = 50 * 2**20  # a file, as stored
    unpacked_bytes: int = 500 * 2**20  # all parts of a workbook, decompressed (counted)
    zip_parts: int = 10_000
    rows: int = 1_000_000  # the furthest row a sheet (or CSV) reaches
    columns: int = 500  # the furthest column
    cells: int = 8_000_000  # rows x columns of a sheet's extent
    listed_issues: int = 20  # identical issues listed per column before a count
    check_seconds: int = 60  # the Data page's check of an upload, in a child process
    # its address space (the CLI's too): a source of 500,000 rows reaches 2.2 GB of
    # address space (0.7 GB resident) while it is read; the limits above, about twice that
    check_memory_bytes: int = 6 * 2**30


LIMITS = Limits()


# Bounds of numbers, so that no cell, and no sum of a million of them, can overflow
# (a count of 1e20 crashed the check; counts of 4e18 summed to a negative number).
MAX_COUNT = 100_000  # attendances one participants row may stand for
MAX_YEAR = 9_999
MAX_BUDGET_EUR = 10**10
MAX_FIGURE = 10**9  # a published figure or a target


@dataclass(frozen=True)
class Column:
    """A column and its rules, read by the cleaner (``clean``), the template's
    instructions, the Data quality page and docs/data-contract.md (``rules``).

    ``minimum``/``maximum``: bounds of a number; ``after``: a date on or after the
    row's date in that column; ``references``: names a row of that table (its id);
    ``years``: "programme" (an implementation year 1..N or a calendar year of the
    programme) or "calendar"; ``regional``: False when the region's code is refused
    (a person comes from one country). What a blank means, and notes, are texts of the
    catalogues ("rule.blank.<table>.<column>", "rule.note.<table>.<column>")."""

    name: str
    kind: Kind = "text"
    required: bool = False
    aliases: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    after: str | None = None
    references: str | None = None
    years: str | None = None
    regional: bool = True

    def __post_init__(self) -> None:
        if self.kind == "integer" and (self.maximum is None or self.minimum is None):
            raise ValueError(f"column {self.name!r}: an integer column declares its minimum "
                             "and maximum (so that no cell and no sum of them can overflow)")


@dataclass(frozen=True)
class Scope:
    """How a table's rows narrow to a view, by the sidebar's filters and by a user's
    access: one declaration per table, read by ``filters.in_view`` (filters) and
    ``access.restrict`` (access).

    Filters keep the rows whose ``country`` list names a chosen country (and the
    region's rows under any country when ``regional``), whose ``component`` is a
    chosen one and whose ``date`` falls in a chosen year; rows naming no country or
    component stay when ``blank_kept`` ("all of them"). Activities read their year
    from their end (else start) date.
    Access: a user limited to some countries sees the rows whose ``country`` names one
    of them or the region; rows naming no country are for unrestricted users only
    (``blank_kept`` is a filter rule: a programme-wide row is no country's).
    ``follows``: the table whose rows decide this one's, matched on ``key``: a
    recommendation update follows its recommendation (filters and access alike);
    a participation follows its activity for every filter but the countries, which
    read the participant's own country (the people rule), as access does."""

    country: str | None = "country"
    component: str | None = None
    date: str | None = None
    regional: bool = False
    blank_kept: bool = False
    follows: str | None = None
    key: str | None = None


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    id_column: str | None = None
    scope: Scope = Scope()

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def header_lookup(self) -> dict[str, str]:
        """Normalised header or alias -> canonical column name."""
        lookup: dict[str, str] = {}
        for col in self.columns:
            for spelling in (col.name, *col.aliases):
                lookup.setdefault(header_key(spelling), col.name)
        return lookup


TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table("activities", (
            Column("activity_id", required=True, aliases=(
                "id", "activity", "activity_code", "code", "код_мероприятия", "код")),
            Column("title", required=True, aliases=(
                "activity_title", "name", "название", "наименование")),
            Column("component", "component", True, ("компонент",)),
            Column("country", "country_list", True, ("countries", "страна", "страны")),
            Column("start_date", "date", True, ("start", "date", "дата_начала", "дата")),
            Column("end_date", "date", aliases=("end", "дата_окончания"), after="start_date"),
            Column("status", "activity_status", aliases=("статус",)),
            Column("activity_type", "activity_type", aliases=(
                "type", "format", "тип", "формат")),
            Column("location", aliases=("place", "venue", "city", "место", "город")),
            Column("lead_partner", aliases=("partner", "implementing_partner", "партнер")),
            Column("budget_eur", "number", aliases=("budget", "бюджет"), minimum=0,
                   maximum=MAX_BUDGET_EUR),
            Column("workplan_year", "integer", aliases=("year", "workplan", "год"),
                   years="programme", minimum=1, maximum=MAX_YEAR),
            Column("status_reason", aliases=("reason", "comment_on_status", "причина")),
            Column("kind", "activity_kind", aliases=("event_kind", "category", "вид",
                                                     "категория")),
            Column("joint_with", "text_list", aliases=(
                "joint", "co_organisers", "co_organizers", "partners", "joint_event_with",
                "совместно_с", "соорганизаторы")),
            Column("delivery", "delivery", aliases=("mode", "modality", "delivery_mode",
                                                    "формат_проведения", "режим")),
        ), id_column="activity_id", scope=Scope(component="component", date="end_date")),
        Table("participants", (
            Column("activity_id", required=True, aliases=(
                "activity", "activity_code", "код_мероприятия"), references="activities"),
            Column("count", "integer", aliases=("number", "participants", "количество"),
                   minimum=1, maximum=MAX_COUNT),
            Column("person_id", aliases=("participant_id",)),
            Column("gender", "gender", aliases=("sex", "пол")),
            Column("country", "country", aliases=("страна",), regional=False),
            Column("agency", aliases=(
                "organisation", "organization", "institution", "ведомство", "организация")),
            Column("agency_type", "agency_type", aliases=("agency_category", "sector")),
            Column("position", aliases=("rank", "title_position", "должность")),
        ), scope=Scope(follows="activities", key="activity_id")),
        Table("recommendations", (
            Column("rec_id", required=True, aliases=("id", "recommendation_id")),
            Column("title", required=True, aliases=("recommendation", "name")),
            Column("country", "country_list", True, ("countries", "страна")),
            Column("date_proposed", "date", True, ("date", "proposed")),
            Column("status", "rec_status", True, ("статус",)),
            Column("output_type", "output_type", aliases=("type",)),
            Column("activity_id", aliases=("activity",), references="activities"),
            Column("component", "component", aliases=("компонент",)),
            Column("partner_agency", aliases=("agency", "counterpart")),
            Column("status_date", "date", aliases=("updated", "last_update"),
                   after="date_proposed"),
            Column("due_date", "date", aliases=("deadline",)),
            Column("reviewed_at", aliases=("meeting", "reviewed"), references="meetings"),
        ), id_column="rec_id", scope=Scope(component="component", date="date_proposed")),
        Table("recommendation_updates", (
            Column("rec_id", required=True, aliases=("recommendation_id", "recommendation"),
                   references="recommendations"),
            Column("date", "date", True, ("update_date", "status_date", "дата")),
            Column("status", "rec_status", True, ("статус",)),
            Column("meeting_id", aliases=("meeting", "reviewed_at"), references="meetings"),
            Column("note", aliases=("comment", "комментарий")),
            Column("due_date", "date", aliases=("new_due_date", "deadline")),
        ), scope=Scope(country=None, follows="recommendations", key="rec_id")),
        Table("meetings", (
            Column("meeting_id", required=True, aliases=("id",)),
            Column("meeting_type", "meeting_type", True, ("type",)),
            Column("country", "country", True, ("страна",)),
            Column("start_date", "date", True, ("start", "date")),
            Column("end_date", "date", aliases=("end",), after="start_date"),
            Column("location", aliases=("place", "venue", "city")),
        ), id_column="meeting_id", scope=Scope(date="start_date", regional=True)),
        Table("published", (
            Column("statement_id", required=True, aliases=("id", "statement")),
            Column("date", "date", True, ("figure_date", "as_of", "дата")),
            Column("source", required=True, aliases=("publication", "title", "источник")),
            Column("link", aliases=("url", "ссылка")),
            Column("indicator", "published_indicator", True, ("figure", "показатель")),
            Column("country", "country", aliases=("страна",)),
            Column("component", "component", aliases=("компонент",)),
            Column("year", "integer", aliases=("calendar_year", "год"), years="calendar",
                   minimum=1, maximum=MAX_YEAR),
            Column("comparison", "comparison", aliases=("operator", "сравнение")),
            Column("value", "number", True, ("published_value", "figure_value", "значение"),
                   minimum=0, maximum=MAX_FIGURE),
            Column("quote", aliases=("text", "wording", "цитата")),
        ), id_column="statement_id", scope=Scope(component="component")),
        Table("targets", (
            Column("indicator", "indicator", True),
            Column("year", "integer", True, years="programme", minimum=1, maximum=MAX_YEAR),
            Column("country", "country"),
            Column("component", "component"),
            Column("target", "number", True, minimum=0, maximum=MAX_FIGURE),
        ), scope=Scope(component="component", blank_kept=True)),
    )
}


# Columns that name or reach a person: dropped as the file is read. A header is
# personal when one of its words is one of these, or starts with one of the stems
# ("Номер телефона", "Эл. почта", "Tel.", "ИИН", "Contact person's e-mail").
PERSONAL_WORDS = frozenset({
    "name", "names", "fio", "фио", "имя", "iin", "иин", "inn", "инн", "pinfl", "пинфл",
    "snils", "снилс", "dob", "tel", "тел", "mail", "email", "e_mail", "address", "адрес",
})
PERSONAL_STEMS = (
    "firstname", "lastname", "fullname", "surname", "patronym", "given_name", "family_name",
    "email", "e_mail", "phone", "telephone", "tel", "mobile", "whatsapp", "telegram", "skype",
    "passport", "birth", "signature", "фамил", "отчеств", "телефон", "моб", "почт", "паспорт",
    "рожден", "подпис", "адрес", "ватсап", "телеграм",
)
# kept for the personal-data list in documents and tests
PERSONAL_DATA_COLUMNS = frozenset(header_key(c) for c in (
    "name", "first_name", "last_name", "full_name", "surname", "patronymic", "email",
    "e_mail", "phone", "mobile", "passport", "date_of_birth", "фио", "имя", "фамилия",
    "отчество", "телефон", "паспорт", "Tel.", "Номер телефона", "Эл. почта", "ИИН",
))


def is_personal(header: str) -> bool:
    """A header naming or reaching a person, by its words, also inside a longer
    header ("Контактное лицо ФИО", "participant_email"): erring on the side of
    dropping a column."""
    key = header_key(header)
    words = key.split("_")
    pairs = ["_".join(words[i:i + 2]) for i in range(len(words) - 1)]
    if any(w in PERSONAL_WORDS for w in (*words, *pairs)):
        return True
    return any(w.startswith(PERSONAL_STEMS) for w in (*words, *pairs, key.replace("_", "")))


# Tables whose cell values no message ever quotes: a column may hold names under a
# header the reader took for another (a column of names headed "Participants").
UNQUOTED_TABLES = frozenset({"participants"})

TOTAL_WORDS = frozenset({"total", "totals", "итого", "всего"})
