"""Frames -> xlsx workbooks (openpyxl, streaming), safe against formula injection."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

DATE_FORMAT = "DD.MM.YYYY"


def safe_cell(ws, value: object) -> WriteOnlyCell:
    """A cell whose text is never run as a formula, whose dates look like dates."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA \
            or value is pd.NaT:
        return WriteOnlyCell(ws, None)
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    cell = WriteOnlyCell(ws, value)
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would otherwise store "=..." as a live formula
    elif isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    return cell


def write_workbook(path: Path, frames: dict[str, pd.DataFrame],
                   notes: dict[str, list[str]] | None = None) -> Path:
    """One sheet per frame (header row bold), then one sheet per list of note lines."""
    wb = Workbook(write_only=True)
    for name, frame in frames.items():
        ws = wb.create_sheet(name[:31])
        bold = []
        for header in frame.columns:
            cell = WriteOnlyCell(ws, str(header))
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
