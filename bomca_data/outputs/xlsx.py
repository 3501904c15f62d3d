"""Frames -> xlsx workbooks (openpyxl, streaming), safe against formula injection."""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
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


FIXED_TIME = "2021-04-01T00:00:00Z"  # a generated file's stated time: the programme's start
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip entry can say
_STAMPS = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def reproducible_bytes(wb: Workbook) -> bytes:
    """A generated workbook's bytes, the same for the same content: the times openpyxl
    writes (the file's created and modified dates, each zip entry's time) are fixed, so
    a regenerated demo or template differs from the committed one only where its
    content does (and merges do not fight over timestamps)."""
    buffer = io.BytesIO()
    wb.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w") as made:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "docProps/core.xml":
                data = _STAMPS.sub(rb"\g<1>" + FIXED_TIME.encode() + rb"\g<2>", data)
            fixed = zipfile.ZipInfo(entry.filename, _ZIP_TIME)
            fixed.compress_type, fixed.external_attr = zipfile.ZIP_DEFLATED, 0o600 << 16
            made.writestr(fixed, data)
    return out.getvalue()


def write_workbook(path: Path, frames: dict[str, pd.DataFrame],
                   notes: dict[str, list[str]] | None = None, generated: bool = False) -> Path:
    """One sheet per frame (header row bold), then one sheet per list of note lines.
    ``generated``: a file kept in the repository, saved reproducibly (same content, same
    bytes); an export states the time it was made."""
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
    if generated:
        path.write_bytes(reproducible_bytes(wb))
    else:
        wb.save(path)
    return path
