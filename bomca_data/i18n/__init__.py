"""Interface text in English and Russian, names of vocabulary terms, and numbers
and dates written the way each language writes them.

The texts are gettext catalogues, ``locales/<lang>/LC_MESSAGES/messages.po``, which a
translator edits in any .po editor (README, "Languages"); every string a page shows
comes from them, and tests fail on a key missing in a language, a key no code uses,
or placeholders that differ between languages.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import io
import re
from dataclasses import dataclass
from pathlib import Path

from babel.dates import format_date
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent

from bomca_data import contract

LANGUAGES = ("en", "ru")
DEFAULT_LANGUAGE = "en"

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "locales"
DOMAIN = "messages"


@dataclass(frozen=True)
class Style:
    """How a language writes: Babel's locale, and the patterns of its dates, numbers and
    percents (the same everywhere: pages, charts, exports, packs)."""

    locale: str
    date: str  # CLDR pattern
    percent_suffix: str
    plotly_separators: str  # plotly's decimal then thousands separator


STYLES = {
    "en": Style("en_GB", "yyyy-MM-dd", "%", ".,"),  # ISO dates: unambiguous to every reader
    "ru": Style("ru_RU", "dd.MM.yyyy", "\u00a0%", ",\u00a0"),  # 27,4 %: space before the sign
}


def catalogue_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def catalogue(lang: str) -> Catalog:
    """The language's messages (gettext .po, read directly: nothing to compile). The
    message id is a stable key ("kpi.completed"); English is a catalogue like the others."""
    with catalogue_path(lang).open("rb") as po:
        return read_po(po, locale=lang, domain=DOMAIN)


@functools.cache
def _translations(lang: str) -> gettext.GNUTranslations:
    """The catalogue as gettext reads it (its Plural-Forms rule included); a message not
    yet translated, or marked fuzzy, falls back to English."""
    buffer = io.BytesIO()
    write_mo(buffer, catalogue(lang))
    buffer.seek(0)
    translations = gettext.GNUTranslations(buffer)
    if lang != DEFAULT_LANGUAGE:
        translations.add_fallback(_translations(DEFAULT_LANGUAGE))
    return translations


@functools.cache
def message_keys() -> frozenset[str]:
    """Every message key of the interface (the English catalogue's)."""
    return frozenset(str(m.id[0] if m.pluralizable else m.id)
                     for m in catalogue(DEFAULT_LANGUAGE) if m.id)


def has(key: str) -> bool:
    return key in message_keys()


@functools.cache
def is_plural(key: str) -> bool:
    message = catalogue(DEFAULT_LANGUAGE).get(key)
    return bool(message and message.pluralizable)


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled. A text with
    plural forms takes its form from the number ``n`` (see ``nt``)."""
    if is_plural(key):
        return nt(key, values.pop("n"), lang, **values)
    _known(key)
    text = _translations(lang).gettext(key)
    return text.format(**values) if values else text


def nt(key: str, n: int, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The form of ``key`` for the number ``n`` (gettext's ``ngettext``, by the
    catalogue's Plural-Forms rule: English 1 / other; Russian 1, 21 / 2-4, 22-24 /
    5-20, 25...). ``n`` is written the language's way."""
    _known(key)
    text = _translations(lang).ngettext(key, key, int(n))
    return text.format(n=number(n, lang), **values)


def _known(key: str) -> None:
    """A key the code asks for is in the English catalogue (the others fall back to it)."""
    if not has(key):
        raise KeyError(f"no message {key!r} in the catalogue {catalogue_path(DEFAULT_LANGUAGE)}")


def _term(kind: str, code: str, lang: str) -> str:
    """The name of a vocabulary value (country, status...) in ``lang``; the code itself
    when the vocabulary has no such value."""
    for item in contract.VOCABULARIES[kind]:
        if item.code == code:
            return item.ru if lang == "ru" else item.en
    if kind == "rec_status" and code == "unrecorded":
        return t("label.unrecorded", lang)
    return code


def component_short(code: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """"C1 Institutional development": the one name of a component, short enough for a
    chart's axis or legend, the same in the sidebar, tables, exports and the pack."""
    key = f"component.short.{code}"
    return f"{code} {t(key, lang)}" if has(key) else _term("component", code, lang)


def _blank(value: object) -> bool:
    try:
        return value is None or bool(value != value) or str(value).strip() == ""
    except TypeError:  # pandas' NA answers a comparison with NA
        return True


def name(kind: str | None, value: object, lang: str = DEFAULT_LANGUAGE) -> str:
    """The one name a reader sees for a value, the same on every page, chart, export and
    slide, in ``lang``: a blank as "" ; a list of countries ("KZ;UZ") as their names
    joined by "; "; "Y2" as "Г2", "2021Q2" as "2 кв. 2021"; a table's name; an issue's
    title; a component
    as its code and short name ("C2 Detection capacities"); "unknown" as "Unknown"; any
    other term of the vocabulary ``kind`` by its name; free text (``kind`` None or one
    that is no vocabulary) as it is. Never escaped here: the place that shows it does
    that once, for plotly (charts.base.name) or Markdown (ui.plaintext.plain)."""
    if _blank(value):
        return ""
    code = str(value)
    if kind in ("country", "country_list") and ";" in code:
        return "; ".join(name("country", part.strip(), lang) for part in code.split(";"))
    if kind == "year":
        return year_name(code, lang)
    if kind == "quarter":
        return quarter_name(code, lang)
    if kind == "table":
        return t(f"table.{code}", lang)
    if kind == "rows":
        return t(f"series.rows_{code}", lang)
    if kind == "issue":  # an issue's code by its title ("date-order": "Dates out of order")
        return t(f"issue_title.{code}", lang) if has(f"issue_title.{code}") else code
    if kind is None or (kind not in contract.VOCABULARIES and kind != "country_list"):
        return code
    if code == "unknown":
        return t("label.unknown", lang)
    if kind == "component":
        return component_short(code, lang)
    return _term("country" if kind == "country_list" else kind, code, lang)


def meeting(meeting_type: str, country: str, day: dt.date, lang: str = DEFAULT_LANGUAGE,
            place: str = "") -> str:
    """A steering-group meeting as every page, table and slide names it (never by its
    id): "National Steering Group, Kazakhstan, 12.09.2024", and where it is held when
    ``place`` is given; the region's meeting without a country."""
    parts = [name("meeting_type", meeting_type, lang)]
    if country and country != contract.REGION:
        parts.append(name("country", country, lang))
    parts += [date(day, lang), place]
    return ", ".join(part for part in parts if part)


def number(value: float | int, lang: str = DEFAULT_LANGUAGE, digits: int = 0) -> str:
    """1,234 in English; 1 234 (space for thousands, decimal comma) in Russian."""
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=STYLES[lang].locale)


def percent(share: float | None, lang: str = DEFAULT_LANGUAGE, digits: int = 1) -> str:
    if share is None:
        return t("kpi.none", lang)
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + STYLES[lang].percent_suffix
    return format_percent(share, format=pattern, locale=STYLES[lang].locale)


def year_name(key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """"Y2" -> "Y2" ("Г2" in Russian: год); a calendar year stays as it is."""
    if key.startswith("Y") and key[1:].isdigit():
        return t("period.programme_year", lang, n=key[1:])
    return key


def quarter_name(key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """"2021Q2" -> "Q2 2021" ("2 кв. 2021" in Russian)."""
    year, _, quarter = key.partition("Q")
    if not (year.isdigit() and quarter.isdigit()):
        return key
    return t("period.quarter", lang, quarter=quarter, year=year)


def plotly_separators(lang: str) -> str:
    """Plotly's decimal and thousands separators for the language."""
    return STYLES[lang].plotly_separators


def date(day: dt.date, lang: str = DEFAULT_LANGUAGE) -> str:
    """dd.mm.yyyy in Russian, ISO (unambiguous) in English."""
    return format_date(day, STYLES[lang].date, locale=STYLES[lang].locale)


def moment(when: dt.datetime, lang: str = DEFAULT_LANGUAGE, zone: str | None = None) -> str:
    """A time as the reader reads it, in their time zone (the browser's, else UTC):
    "2026-12-04 19:49 (Europe/Berlin)"; "04.12.2026 19:49 (Europe/Berlin)" in Russian."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        where = ZoneInfo(zone) if zone else dt.UTC
    except (ZoneInfoNotFoundError, ValueError):
        where = dt.UTC
    local = (when if when.tzinfo else when.replace(tzinfo=dt.UTC)).astimezone(where)
    named = zone if where is not dt.UTC else "UTC"
    return f"{date(local.date(), lang)} {local:%H:%M} ({named})"


TYPED_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[./](\d{1,2})[./](\d{4})")


def read_date(text: str) -> dt.date | None:
    """A date as a person types it, in either language's way: "2024-03-15" (ISO, as
    English pages write it), "15.03.2024" (as Russian ones do) or "15/3/2024"; None for
    anything else (never a guess: "03/15/2024" names no month 15)."""
    found = TYPED_DATE.fullmatch(text.strip())
    if found is None:
        return None
    year, month, day = (found[1], found[2], found[3]) if found[1] else (
        found[6], found[5], found[4])
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
