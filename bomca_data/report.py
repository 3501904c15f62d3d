"""The validation report as tidy frames, for the dashboard and the downloads."""

from __future__ import annotations

import pandas as pd

from bomca_data import i18n
from bomca_data.issues import SEVERITY_ORDER
from bomca_data.model import Dataset

ISSUE_COLUMNS = ("severity", "code", "table", "file", "sheet", "row", "column", "value",
                 "message")


def issues_frame(dataset: Dataset) -> pd.DataFrame:
    """Every issue, errors first, then by file and row."""
    frame = pd.DataFrame([i.as_dict() for i in dataset.issues], columns=list(ISSUE_COLUMNS))
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


def localised(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Column headers (and severities) in the interface language."""
    out = frame.copy()
    if "severity" in out:
        out["severity"] = out["severity"].map(lambda s: i18n.t(f"severity.{s}", lang))
    return out.rename(columns={c: i18n.t(f"col.{c}", lang) for c in out.columns
                               if f"col.{c}" in i18n.STRINGS})
