"""Cell parsers: one scalar function per kind, and a vectorised wrapper.

The scalar parsers never raise: they return ``None`` for a value they cannot
read. The wrapper parses each distinct value once and maps the result back onto
the column, which is what makes validation of large files fast.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable
from functools import cache

import numpy as np
import pandas as pd

from bomca_data import contract

_EXCEL_EPOCH = dt.date(1899, 12, 30)
# Serial numbers outside 1910..2199 are far more likely typos than dates.
_SERIAL_MIN = (dt.date(1910, 1, 1) - _EXCEL_EPOCH).days
_SERIAL_MAX = (dt.date(2199, 12, 31) - _EXCEL_EPOCH).days

_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_DAY_FIRST = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?: \d{1,2}:\d{2}(?::\d{2})?)?")
_SERIAL = re.compile(r"\d+(?:\.\d+)?")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_DOT_DECIMAL = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+")
_COMMA_DECIMAL = re.compile(r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?")
_SCIENTIFIC = re.compile(r"[+-]?\d+(?:\.\d+)?[eE][+-]?\d+")
_LIST_SEPARATOR = re.compile(r"[;,]")


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or (
        isinstance(value, str) and not value.strip())


def parse_date(text: str) -> dt.date | None:
    """A spreadsheet date, Excel serial, ISO text or day-first text; else None."""
    text = str(text).strip()
    try:
        if m := _ISO.fullmatch(text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DAY_FIRST.fullmatch(text):
            year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
            return dt.date(year, int(m[2]), int(m[1]))
        if _SERIAL.fullmatch(text):
            serial = float(text)
            if _SERIAL_MIN <= serial <= _SERIAL_MAX:
                return _EXCEL_EPOCH + dt.timedelta(days=int(serial))
    except (ValueError, OverflowError):
        return None
    return None


def parse_number(text: str) -> float | None:
    """`1234`, `1 234`, `1,234.5`, `1 234,5`, `1.234,5`, `26 %` (0.26); else None.

    A lone comma followed by exactly three digits ("1,234") is read as a
    thousands separator; any other lone comma is a decimal comma ("2,5").
    """
    s = _SPACES.sub("", str(text))
    if s.endswith("%") and len(s) > 1:  # "26 %", "27,5%": a share, as a fraction
        value = parse_number(s[:-1])
        return None if value is None else value / 100
    if not s:
        return None
    if _SCIENTIFIC.fullmatch(s):
        value = float(s)
    elif "," in s and "." in s:
        if s.rfind(",") > s.rfind("."):
            if not _COMMA_DECIMAL.fullmatch(s):
                return None
            value = float(s.replace(".", "").replace(",", "."))
        else:
            if not _DOT_DECIMAL.fullmatch(s):
                return None
            value = float(s.replace(",", ""))
    elif "," in s:
        if _DOT_DECIMAL.fullmatch(s):  # "1,234" or "1,234,567": thousands
            value = float(s.replace(",", ""))
        elif _COMMA_DECIMAL.fullmatch(s):
            value = float(s.replace(",", "."))
        else:
            return None
    elif _DOT_DECIMAL.fullmatch(s):
        value = float(s)
    else:
        return None
    return value if math.isfinite(value) else None


@cache
def _lookup(kind: str) -> dict[str, str]:
    table = contract.spellings(contract.VOCABULARIES[kind])
    # "C 1", "c-1" and "c1" alike: also match with the separators removed.
    for key, code in list(table.items()):
        table.setdefault(key.replace("_", ""), code)
    return table


def parse_term(text: str, kind: str) -> str | None:
    """A vocabulary value -> its canonical code, or None. A component may be written
    with its name beside its code, as every page and export writes it ("C2 Detection
    capacities", "C2 Потенциал выявления"): the code decides."""
    key = contract.value_key(text)
    if re.fullmatch(r"\d+\.0+", key):  # a number cell: "1.0" -> "1"
        key = key.split(".")[0]
    table = _lookup(kind)
    found = table.get(key) or table.get(key.replace("_", ""))
    if found is None and kind == "component" and (named := _CODE_AND_NAME.fullmatch(
            str(text))):
        found = table.get(contract.value_key(named[1]))
    return found


_CODE_AND_NAME = re.compile(r"\s*(\w+)\s+\w.*", re.DOTALL)


def parse_country(text: str) -> str | None:
    return parse_term(text, "country")


def parse_component(text: str) -> str | None:
    return parse_term(text, "component")


def parse_gender(text: str) -> str:
    """Gender code; blank -> unknown. None when the value is not recognised."""
    return "unknown" if is_blank(text) else parse_term(text, "gender")


def parse_country_list(text: str) -> str | None:
    """"KZ; Uzbekistan" -> "KZ;UZ" (contract order, no repeats); None if any part is bad."""
    parts = [p for p in _LIST_SEPARATOR.split(str(text)) if p.strip()]
    found = [parse_country(p) for p in parts]
    if not found or None in found:
        return None
    order = contract.codes(contract.COUNTRIES)
    return ";".join(sorted(set(found), key=order.index))


def parse_text_list(text: str) -> str | None:
    """"OSCE, UNODC; OSCE" -> "OSCE;UNODC": names separated like countries (";" or
    ","), each once, in the order written; None when nothing is named."""
    parts = dict.fromkeys(p.strip() for p in _LIST_SEPARATOR.split(str(text)) if p.strip())
    return ";".join(parts) or None


def bad_country_parts(text: str) -> list[str]:
    return [p.strip() for p in _LIST_SEPARATOR.split(str(text))
            if p.strip() and parse_country(p) is None]


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def id_key(text: str) -> str | None:
    """What an id is matched on, once and everywhere (duplicates, references, updates):
    its Unicode form (NFKC), without invisible characters or surrounding spaces, in
    any letter case. "R-1", " r-1" and "Ｒ-1" are one id."""
    key = unicodedata.normalize("NFKC", str(text)).translate(_INVISIBLE).strip().casefold()
    return key or None


def parse_integer(text: str) -> float | None:
    """A whole number (as a float, so that one far beyond any column's maximum, such as
    1e20, is still a number for the range check, never an overflow); else None."""
    value = parse_number(text)
    if value is None or not value.is_integer():
        return None
    return value


def map_distinct(series: pd.Series, parser: Callable[[str], object]) -> pd.Series:
    """Apply ``parser`` to each distinct non-blank value once; blanks stay None."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    parsed = np.empty(len(uniques) + 1, dtype=object)
    parsed[:-1] = [parser(v) for v in uniques]
    parsed[-1] = None  # code -1 (a blank cell) takes the last slot
    return pd.Series(parsed[codes], index=series.index, dtype=object)


def to_datetime(values: pd.Series) -> pd.Series:
    """A column of ``datetime.date``/None -> datetime64 in milliseconds (Parquet's unit)."""
    return pd.to_datetime(values, errors="coerce").astype("datetime64[ms]")
