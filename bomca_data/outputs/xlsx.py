"""Frames -> xlsx workbooks (openpyxl, streaming), safe against formula injection."""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

DATE_FORMAT = "DD.MM.YYYY"
# Control characters (NUL, BEL, ESC, VT...; not tab or line breaks): a cell holding one
# makes openpyxl refuse the whole workbook, and no reader wants them. Removed from
# every text written (xlsx, csv, pptx).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def printable(text: str) -> str:
    """``text`` without control characters (replaced by nothing)."""
    return CONTROL.sub("", text)


class Share(float):
    """A fraction written as a percent (27.6 %), still a number in the cell."""


def safe_cell(ws, value: object) -> WriteOnlyCell:
    """A cell whose text is never run as a formula, whose dates look like dates."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA \
            or value is pd.NaT:
        return WriteOnlyCell(ws, None)
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    if isinstance(value, str):
        value = printable(value)
    cell = WriteOnlyCell(ws, value)
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would otherwise store "=..." as a live formula
    elif isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    elif isinstance(value, Share):
        cell.number_format = "0.0%"
    return cell


def _layout(ws, frame: pd.DataFrame) -> None:
    """Header row frozen and filterable; each column as wide as its longest text (of
    the first thousand rows), within reason."""
    if not len(frame.columns):
        return
    ws.freeze_panes = "A2"
    last = get_column_letter(len(frame.columns))
    ws.auto_filter.ref = f"A1:{last}{len(frame) + 1}"
    for i, column in enumerate(frame.columns, start=1):
        texts = [str(column), *(str(v) for v in frame[column].head(1000) if not pd.isna(v))]
        width = max(len(t) for t in texts)
        ws.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 60)


def write_workbook(path: Path, frames: dict[str, pd.DataFrame],
                   notes: dict[str, list[str]] | None = None) -> Path:
    """One sheet per frame (header row bold), then one sheet per list of note lines."""
    wb = Workbook(write_only=True)
    for name, frame in frames.items():
        ws = wb.create_sheet(name[:31])
        _layout(ws, frame)
        bold = []
        for header in frame.columns:
            cell = WriteOnlyCell(ws, printable(str(header)))
            cell.font = Font(bold=True)
            bold.append(cell)
        ws.append(bold)
        for record in frame.itertuples(index=False, name=None):
            ws.append([safe_cell(ws, v) for v in record])
    for name, lines in (notes or {}).items():
        ws = wb.create_sheet(name[:31])
        for line in lines:
            ws.append([safe_cell(ws, line)])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
