"""Downloads: tables as CSV, safe to open in a spreadsheet program.

Every file carries the as-of date and the filters it was made with.
"""

from __future__ import annotations

import datetime as dt
import io
import tempfile
import zipfile
from pathlib import Path

import pandas as pd

from bomca_data import figures, i18n
from bomca_data import filters as flt
from bomca_data.model import Dataset
from bomca_data.write import printable, write_workbook

# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _neutral(value: object) -> object:
    """Text a spreadsheet would run as a formula, made plain text (a leading '), and
    without control characters."""
    if isinstance(value, str):
        value = printable(value)
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
    out = safe_frame(_public(frame))
    out.insert(0, "context", context)
    return out.to_csv(index=False).encode("utf-8-sig")


EXPORT_TABLES = ("activities", "participants", "recommendations", "recommendation_updates",
                 "meetings", "targets")


def filtered_tables(dataset: Dataset, chosen: flt.Filters, as_of: dt.date
                    ) -> dict[str, pd.DataFrame]:
    """The valid rows the filters keep, per table (no row numbers, no personal data:
    it never reached the dataset)."""
    data = flt.apply(dataset, chosen, as_of)
    return {name: _public(data.tables[name]) for name in EXPORT_TABLES if name in data.tables}


def _public(frame: pd.DataFrame) -> pd.DataFrame:
    """Without the internal columns (row numbers, lookups: their names start with _)."""
    return frame.drop(columns=[c for c in frame.columns if str(c).startswith("_")]
                      ).reset_index(drop=True)


def summary_sheet(dataset: Dataset, chosen: flt.Filters, as_of: dt.date, lang: str
                  ) -> pd.DataFrame:
    """The headline figures and the filters used, as rows of (figure, value)."""
    found = figures.summary(flt.apply(dataset, chosen, as_of), as_of)
    rows = [(i18n.t("sidebar.source", lang), dataset.source.name),
            (i18n.t("sidebar.as_of", lang), as_of.isoformat()),
            (i18n.t("filters.title", lang), i18n.context_line(chosen, as_of, lang))]
    if dataset.programme.demo:
        rows.append(("!", i18n.t("banner.demo", lang)))
    for section, values in found.items():
        if section == "as_of":
            continue
        for key, value in values.items():
            if isinstance(value, dict):
                for sub, n in value.items():
                    rows.append((f"{section}.{key}.{sub}", n))
            else:
                rows.append((f"{section}.{key}", value))
    return pd.DataFrame(rows, columns=["figure", "value"])


def workbook_bytes(dataset: Dataset, chosen: flt.Filters, as_of: dt.date, lang: str) -> bytes:
    """One workbook: a summary sheet, then a sheet per table."""
    frames = {"summary": summary_sheet(dataset, chosen, as_of, lang),
              **filtered_tables(dataset, chosen, as_of)}
    with tempfile.TemporaryDirectory() as folder:
        path = write_workbook(Path(folder) / "export.xlsx", frames)
        return path.read_bytes()


def csv_zip_bytes(dataset: Dataset, chosen: flt.Filters, as_of: dt.date, lang: str) -> bytes:
    """A zip of one CSV per table, each with its context column."""
    context = i18n.context_line(chosen, as_of, lang)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, frame in filtered_tables(dataset, chosen, as_of).items():
            zf.writestr(f"{name}.csv", csv_bytes(frame, context))
    return buffer.getvalue()
