"""Downloads: tables as CSV, safe to open in a spreadsheet program.

Every file carries the as-of date and the filters it was made with.
"""

from __future__ import annotations

import pandas as pd

# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _neutral(value: object) -> object:
    """Text a spreadsheet would run as a formula, made plain text (a leading ')."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        try:
            float(value)  # "-5" and "+3.2" are numbers, not formulas
            return value
        except ValueError:
            return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(_neutral, na_action="ignore")
    return out


def csv_bytes(frame: pd.DataFrame, context: str) -> bytes:
    """UTF-8 CSV (with BOM, so Excel reads Cyrillic), one `context` column first:
    the as-of date and the filters."""
    out = safe_frame(frame.drop(columns=["_row"], errors="ignore"))
    out.insert(0, "context", context)
    return out.to_csv(index=False).encode("utf-8-sig")
