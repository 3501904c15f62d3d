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

from bomca_data import contract, figures, i18n
from bomca_data import filters as flt
from bomca_data.model import Dataset
from bomca_data.outputs.xlsx import Share, printable, write_workbook

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


# the vocabulary naming the parts of each figure counted by something
SUMMARY_PARTS = {"by_status": "activity_status", "completed_by_country": "country",
                 "completed_by_component": "component", "completed_by_year": "year",
                 "completed_by_programme_year": "year", "completed_by_kind": "activity_kind",
                 "by_country": "country", "by_agency_type": "agency_type"}


def summary_sheet(dataset: Dataset, chosen: flt.Filters, as_of: dt.date, lang: str
                  ) -> pd.DataFrame:
    """The headline figures in the reader's language: what was read and chosen, then
    each figure with the label the dashboard gives it, its value (shares as percents)
    and its key (the same in every language, for whoever reads the file by program)."""
    found = figures.summary(flt.apply(dataset, chosen, as_of), as_of)
    rows = [(i18n.t("sidebar.source", lang), dataset.source_name(), "source"),
            (i18n.t("sidebar.as_of", lang), as_of, "as_of"),
            (i18n.t("filters.title", lang), chosen.describe(as_of, lang), "filters")]
    if dataset.programme.demo:
        rows.append(("!", i18n.t("banner.demo", lang), "demo"))
    for section, values in found.items():
        if section == "as_of":
            continue
        for key, value in values.items():
            label = i18n.t(f"summary.{section}.{key}", lang)
            if isinstance(value, dict):
                kind = "rec_status" if section == "recommendations" else SUMMARY_PARTS[key]
                rows += [(f"{label}: {i18n.name(kind, sub, lang)}", n,
                          f"{section}.{key}.{sub}")
                         for sub, n in value.items()]
            else:
                rows.append((label, Share(value) if isinstance(value, float) else value,
                             f"{section}.{key}"))
    return pd.DataFrame(rows, columns=[i18n.t(f"col.summary_{c}", lang)
                                       for c in ("figure", "value", "key")])


def named(frame: pd.DataFrame, table: str, lang: str) -> pd.DataFrame:
    """Beside each coded column, its names in the reader's language: "country" KZ;UZ,
    then "country_name" Kazakhstan; Uzbekistan (the codes stay, for whoever filters or
    joins by them). Components by the one name the pages give them ("C4 Cross-border
    cooperation")."""
    out = frame.copy()
    for col in contract.TABLES[table].columns:
        if col.name in out and col.kind in contract.VOCABULARIES and col.kind != "comparison":
            names = {code: i18n.name(col.kind, code, lang)
                     for code in out[col.name].dropna().unique()}
            out.insert(out.columns.get_loc(col.name) + 1, f"{col.name}_name",
                       out[col.name].map(names))
    return out


def workbook_bytes(dataset: Dataset, chosen: flt.Filters, as_of: dt.date, lang: str) -> bytes:
    """One workbook: a summary sheet, then a sheet per table (codes with their names)."""
    frames = {"summary": summary_sheet(dataset, chosen, as_of, lang),
              **{name: named(frame, name, lang)
                 for name, frame in filtered_tables(dataset, chosen, as_of).items()}}
    with tempfile.TemporaryDirectory() as folder:
        path = write_workbook(Path(folder) / "export.xlsx", frames,
                              notes={"definitions": definitions(lang)})
        return path.read_bytes()


DEFINITIONS = ("rule.status", "rule.multi_country", "rule.people", "rule.planned_share",
               "rule.recommendations", "followup.overdue_rule", "verdict.rule")


def definitions(lang: str) -> list[str]:
    """The counting rules, as the pages state them, for the workbook's last sheet."""
    return [i18n.t("export.definitions", lang), *(i18n.t(key, lang) for key in DEFINITIONS)]


def csv_zip_bytes(dataset: Dataset, chosen: flt.Filters, as_of: dt.date, lang: str) -> bytes:
    """A zip of one CSV per table, each with its context column."""
    context = chosen.describe(as_of, lang)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, frame in filtered_tables(dataset, chosen, as_of).items():
            zf.writestr(f"{name}.csv", csv_bytes(frame, context))
    return buffer.getvalue()
