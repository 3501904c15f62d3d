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
from bomca_data.contract import labels
from bomca_data.figures import targets
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
    """The valid rows the filters keep, per table, as recorded (an activity's status as
    written, not as resolved for the as-of date), with the rows they name (a
    participation's activity, a recommendation's meeting) from the data the user may
    see: the file is whole, so that uploaded again it reads without a broken reference
    and the same filters show the same figures. No row numbers, no personal data (it
    never reached the dataset)."""
    data = flt.apply(dataset, chosen, as_of)
    kept = {name: dataset.tables[name].loc[data.tables[name].index]
            for name in EXPORT_TABLES if name in data.tables}
    for name in EXPORT_TABLES:  # referencing tables first, then those they name
        for col in contract.TABLES[name].columns if name in kept else ():
            target = col.references
            if target not in kept or col.name not in kept[name]:
                continue
            key = contract.TABLES[target].id_column
            named = set(kept[name][col.name].dropna()) - set(kept[target][key])
            if named:
                everything = dataset.tables[target]
                kept[target] = pd.concat([kept[target],
                                          everything[everything[key].isin(named)]])
    return {name: _public(frame) for name, frame in kept.items()}


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
    each figure with the label the dashboard gives it and its value (shares as
    percents)."""
    found = figures.summary(flt.apply(dataset, chosen, as_of), as_of)
    rows = [(i18n.t("sidebar.source", lang), dataset.source_name()),
            (i18n.t("sidebar.as_of", lang), as_of),
            (i18n.t("filters.title", lang), chosen.describe(as_of, lang))]
    if dataset.programme.demo:
        rows.append(("!", i18n.t("banner.demo", lang)))
    for section, values in found.items():
        if section == "as_of":
            continue
        for key, value in values.items():
            label = i18n.t(f"summary.{section}.{key}", lang)
            if isinstance(value, dict):
                kind = "rec_status" if section == "recommendations" else SUMMARY_PARTS[key]
                rows += [(f"{label}: {i18n.name(kind, sub, lang)}", n)
                         for sub, n in value.items()]
            else:
                rows.append((label, Share(value) if isinstance(value, float) else value))
    return pd.DataFrame(rows, columns=[i18n.t(f"col.summary_{c}", lang)
                                       for c in ("figure", "value")])


def for_reader(frame: pd.DataFrame, table: str, lang: str) -> pd.DataFrame:
    """A table as its reader sees it, and as it comes back in as an upload: headers in
    the reader's language (``contract.labels``: read back in either language), each
    vocabulary value by its one name ("Completed", "Kazakhstan; Uzbekistan", "C2
    Detection capacities": read back as its code), a share target as a percentage,
    whole numbers whole, dates as dates; ids and free text as they are."""
    out = frame.copy()
    for col in contract.TABLES[table].columns:
        if col.name not in out:
            continue
        values = out[col.name]
        if col.kind in contract.VOCABULARIES or col.kind == "country_list":
            names = {code: i18n.name(col.kind, code, lang) for code in values.dropna().unique()}
            out[col.name] = values.map(names).astype(object)
        elif pd.api.types.is_float_dtype(values) and values.dropna().mod(1).eq(0).all():
            out[col.name] = values.astype("Int64")  # 27000, not 27000.0
    if table == "targets" and "target" in out:
        share = frame["indicator"].map(lambda i: i in targets.DECLARED and targets.is_share(i))
        out["target"] = pd.Series([Share(v) if s and v == v else v for v, s in zip(
            out["target"], share, strict=True)], index=out.index, dtype=object)
    return out.rename(columns={c: labels.column_label(c, lang) for c in out.columns})


def workbook_bytes(dataset: Dataset, chosen: flt.Filters, as_of: dt.date, lang: str) -> bytes:
    """One workbook in the reader's language: the summary, then a sheet per table (which
    an editor may correct and upload again: its sheets and headers are recognised in
    either language), then the counting rules."""
    frames = {i18n.t("export.sheet.summary", lang): summary_sheet(dataset, chosen, as_of, lang),
              **{labels.table_label(name, lang): for_reader(frame, name, lang)
                 for name, frame in filtered_tables(dataset, chosen, as_of).items()}}
    with tempfile.TemporaryDirectory() as folder:
        path = write_workbook(Path(folder) / "export.xlsx", frames,
                              notes={i18n.t("export.sheet.definitions", lang): definitions(lang)})
        return path.read_bytes()


DEFINITIONS = ("rule.status", "rule.multi_country", "rule.people", "rule.planned_share",
               "rule.recommendations", "followup.overdue_rule", "verdict.rule")


def definitions(lang: str) -> list[str]:
    """The counting rules, as the pages state them, for the workbook's last sheet."""
    return [i18n.t("export.definitions", lang), *(i18n.t(key, lang) for key in DEFINITIONS)]


def csv_zip_bytes(dataset: Dataset, chosen: flt.Filters, as_of: dt.date, lang: str) -> bytes:
    """A zip of one CSV per table, as the workbook's sheets are (``for_reader``), UTF-8
    with a BOM (Excel then reads Cyrillic), and a README.txt saying what was chosen."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("README.txt", "\n".join((
            i18n.t("export.readme", lang, source=dataset.source_name(),
                   view=chosen.describe(as_of, lang)), *definitions(lang), "")
        ).encode("utf-8-sig"))
        for name, frame in filtered_tables(dataset, chosen, as_of).items():
            table = safe_frame(for_reader(frame, name, lang))
            zf.writestr(f"{labels.table_label(name, lang)}.csv", table.map(
                lambda v: i18n.percent(v, lang) if isinstance(v, Share) else v).to_csv(
                index=False, date_format="%Y-%m-%d").encode("utf-8-sig"))
    return buffer.getvalue()
