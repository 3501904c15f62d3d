"""The validation report as tidy frames, for the dashboard and the downloads."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from bomca_data import i18n
from bomca_data.contract.issues import SEVERITY_ORDER
from bomca_data.model import Dataset

# what is wrong first (a sentence, wrapped), then what kind, then where and the value
ISSUE_COLUMNS = ("message", "severity", "code", "table", "file", "sheet", "row", "column",
                 "value")


def issues_frame(dataset: Dataset, lang: str = i18n.DEFAULT_LANGUAGE) -> pd.DataFrame:
    """Every issue, errors first, then by file and row; messages in ``lang``."""
    frame = pd.DataFrame([i.as_dict(lang) for i in dataset.issues], columns=list(ISSUE_COLUMNS))
    frame["row"] = frame["row"].astype("Int64")
    order = frame["severity"].map(SEVERITY_ORDER)
    return frame.assign(_o=order).sort_values(["_o", "file", "row"], kind="stable").drop(
        columns="_o").reset_index(drop=True)


def tables_frame(dataset: Dataset) -> pd.DataFrame:
    """Rows read, valid and excluded per table."""
    return pd.DataFrame(
        [(name, s.file, s.sheet, s.rows_read, s.rows_valid, s.rows_excluded)
         for name, s in dataset.stats.items()],
        columns=["table", "file", "sheet", "rows_read", "rows_valid", "rows_excluded"])


# fractions shown as percents
SHARE_COLUMNS = ("women_share", "elapsed", "share", "implemented_share", "ratio")
CODE_COLUMNS = {"country": "country", "component": "component", "status": None,
                "activity_type": "activity_type", "agency_type": "agency_type",
                "output_type": "output_type", "activity_kind": "activity_kind",
                "delivery": "delivery", "year": "year", "quarter": "quarter",
                "code": "issue"}


def localised(frame: pd.DataFrame, lang: str, status_kind: str = "activity_status"
              ) -> pd.DataFrame:
    """For the screen: codes as names, headers and severities in the interface language."""
    out = frame.drop(columns=[c for c in frame.columns if str(c).startswith("_")]).copy()
    if "severity" in out:
        out["severity"] = _each(out["severity"], lambda s: i18n.t(f"severity.{s}", lang))
    for col, kind in CODE_COLUMNS.items():
        if col in out and out[col].dtype != float:
            kind = kind or status_kind
            out[col] = _each(out[col], lambda v, kind=kind: i18n.name(kind, v, lang))
    if "verdict" in out:
        out["verdict"] = _each(out["verdict"], lambda v: i18n.t(f"verdict.{v}", lang))
    if "table" in out:  # a table's name, not its key
        out["table"] = _each(out["table"], lambda name: i18n.t(f"table.{name}", lang)
                             if i18n.has(f"table.{name}") else name)
    for col in SHARE_COLUMNS:
        if col in out and pd.api.types.is_float_dtype(out[col]):
            out[col] = _each(out[col], lambda v: i18n.percent(v, lang))
    for col in out.columns:  # other fractions of a number: written, blank when unknown
        if pd.api.types.is_float_dtype(out[col]):
            out[col] = _each(out[col], lambda v: i18n.number(v, lang, digits=0 if float(
                v).is_integer() else 1))
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = _each(out[col], lambda d: i18n.date(d.date(), lang))
    for col in out.columns:  # a blank is blank, never "None", "nan", "NaT" or "<NA>"
        if out[col].dtype == object or isinstance(out[col].dtype, pd.StringDtype | pd.Int64Dtype):
            out[col] = out[col].astype(object).where(out[col].notna(), "")
    for col in out.columns:
        if out[col].dtype == bool:
            out[col] = out[col].map({True: i18n.t("yes", lang), False: i18n.t("no", lang)})
    return out.rename(columns={c: i18n.t(f"col.{c}", lang) for c in out.columns
                               if i18n.has(f"col.{c}")})


def _each(values: pd.Series, name) -> pd.Series:
    """name(v) for each value, computed once per distinct value; NA stays NA."""
    names = {v: name(v) for v in values.dropna().unique()}
    return values.map(names)


def rows_long(tables: pd.DataFrame) -> pd.DataFrame:
    """[table, validity, rows]: valid and excluded rows per table, for a stacked chart."""
    long = tables.melt(id_vars="table", value_vars=["rows_valid", "rows_excluded"],
                       var_name="validity", value_name="rows")
    return long.assign(validity=long["validity"].str.removeprefix("rows_"))


def issue_counts(issues: pd.DataFrame) -> pd.DataFrame:
    counts = issues["code"].value_counts()
    return pd.DataFrame({"code": counts.index, "issues": counts.to_numpy()})


def totals(tables: pd.DataFrame, issues: pd.DataFrame) -> dict:
    """Rows read and excluded over every table; errors and warnings."""
    return {"rows_read": int(tables["rows_read"].sum()),
            "rows_excluded": int(tables["rows_excluded"].sum()),
            "errors": int((issues["severity"] == "error").sum()),
            "warnings": int((issues["severity"] == "warning").sum())}


SCREEN_WIDTH = 860  # px a table has in the main view at 1366 px, the sidebar open
CHAR_PX, CELL_PX, MOST_PX = 8.4, 28, 220  # at the table's font, Cyrillic included
WRAPPED_ROW_PX = 70  # a row of up to three lines (Streamlit wraps text past 64 px)


def fit(frame: pd.DataFrame, wide: tuple[int, ...] = (), budget: int = SCREEN_WIDTH
        ) -> tuple[list[int], bool]:
    """Column widths (px) that need no sideways scrolling in ``budget``: each column as
    wide as its longest cell, never under its header's longest word, at most MOST_PX
    (longer text wraps); the ``wide`` columns (by position: titles, reasons) share
    what is left. And whether rows must wrap (taller rows) for it."""
    def px(chars: int) -> int:
        return int(chars * CHAR_PX + CELL_PX)

    widths, wraps = [], False
    for i, column in enumerate(frame.columns):
        cells = [str(v) for v in frame[column]]
        longest = max((len(c) for c in cells), default=0)
        word = max([len(w) for w in str(column).split()] + [1])
        width = max(px(word), min(px(longest), MOST_PX))
        wraps |= px(longest) > width and i not in wide
        widths.append(width)
    spare = budget - sum(widths)
    if wide and spare > 0:
        for i in wide:
            need = px(max((len(str(v)) for v in frame.iloc[:, i]), default=0))
            widths[i] += spare // len(wide)
            wraps |= need > widths[i]
    elif spare < 0:  # even the words do not fit: every column gives alike
        widths = [max(int(w * budget / sum(widths)), px(3)) for w in widths]
        wraps = True
    return widths, wraps


@dataclass(frozen=True)
class Fit:
    """A table sized for a 1366 px laptop: the ``main`` columns a reader needs first,
    the ``wide`` ones among them (titles, reasons) taking the room left and wrapping;
    every column one click below, in the rows behind it (key ``name``)."""

    main: tuple[str, ...]
    wide: tuple[str, ...]
    name: str


NOT_DONE = Fit(("title", "status", "status_reason", "start_date"), ("title", "status_reason"),
               "not-done")
REC_LIST = Fit(("overdue", "due_date", "title", "status", "country", "component"), ("title",),
               "recommendations")
PLANNED = Fit(("start_date", "title", "component", "activity_type", "location"), ("title",),
              "planned")

ISSUES = Fit(("message", "code", "file", "sheet", "row", "column", "value"), ("message",),
             "issues")
READ = Fit(("table", "file", "sheet", "rows_read", "rows_valid", "rows_excluded"), ("file",),
           "tables-read")


DECIDED = Fit(("title", "decided", "note", "status", "due_date", "overdue"), ("title", "note"),
              "decided")

REC_LIST_COLUMNS = ["overdue", "due_date", "rec_id", "title", "status", "country",
                    "component", "output_type", "date_proposed", "status_date",
                    "partner_agency", "reviewed_at", "decision_note"]


def recommendation_rows(dataset: Dataset, recs: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A recommendations_view() as its list shows it: the reviewing meeting by its name,
    an overdue one marked in words ("⚠ Overdue")."""
    from bomca_data.figures import reviewing_meetings

    rows = recs[[c for c in REC_LIST_COLUMNS if c in recs]]
    if "reviewed_at" in rows:
        rows = rows.assign(reviewed_at=reviewing_meetings(dataset, rows["reviewed_at"], lang))
    if "overdue" in rows:
        marked = f"⚠ {i18n.t('col.overdue', lang)}"
        rows = rows.assign(overdue=rows["overdue"].map({True: marked, False: ""}))
    return rows
