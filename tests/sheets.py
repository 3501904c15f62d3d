"""Writers for the small spreadsheets the tests make: xlsx, xlsm, xls, ods and csv.

Each takes rows as lists (None for an empty cell; datetime.date for a real date
cell) so a test reads like the spreadsheet it builds.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl


def write(path: Path, sheets: dict[str, list[list]] | list[list], sheet: str = "Sheet1") -> Path:
    """Write one or several sheets in the format named by the suffix of ``path``."""
    if isinstance(sheets, list):
        sheets = {sheet: sheets}
    suffix = path.suffix.lower()
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix in (".xlsx", ".xlsm"):
        _xlsx(path, sheets)
    elif suffix == ".xls":
        _xls(path, sheets)
    elif suffix == ".ods":
        _ods(path, sheets)
    elif suffix == ".csv":
        (rows,) = sheets.values()
        write_csv(path, rows)
    else:
        raise ValueError(suffix)
    return path


def write_csv(path: Path, rows: list[list], sep: str = ",", encoding: str = "utf-8") -> Path:
    lines = [sep.join("" if v is None else str(v) for v in row) for row in rows]
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


def _xlsx(path: Path, sheets: dict[str, list[list]]) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    cell = ws.cell(r, c, value)
                    if isinstance(value, str) and value.startswith("="):
                        cell.data_type = "s"  # text that looks like a formula, as typed
                    if isinstance(value, dt.date):
                        cell.number_format = "DD.MM.YYYY"
    wb.save(path)


def _xls(path: Path, sheets: dict[str, list[list]]) -> None:
    import xlwt

    wb = xlwt.Workbook()
    date_style = xlwt.easyxf(num_format_str="DD.MM.YYYY")
    for name, rows in sheets.items():
        ws = wb.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, dt.date):
                    ws.write(r, c, dt.datetime.combine(value, dt.time()), date_style)
                elif value is not None:
                    ws.write(r, c, value)
    wb.save(str(path))


def _ods(path: Path, sheets: dict[str, list[list]]) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for name, rows in sheets.items():
        table = Table(name=name)
        for row in rows:
            tr = TableRow()
            for value in row:
                if value is None:
                    tc = TableCell()
                elif isinstance(value, dt.date):
                    tc = TableCell(valuetype="date", datevalue=value.isoformat())
                    tc.addElement(P(text=value.strftime("%d.%m.%Y")))
                elif isinstance(value, int | float):
                    tc = TableCell(valuetype="float", value=value)
                    tc.addElement(P(text=str(value)))
                else:
                    tc = TableCell(valuetype="string")
                    tc.addElement(P(text=str(value)))
                tr.addElement(tc)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    doc.save(str(path))


ACTIVITY_HEADER = ["activity_id", "title", "component", "country", "start_date", "end_date",
                   "status"]


def activity(i: int, **changes) -> list:
    """A valid activity row; keyword arguments change its cells by column name."""
    row = dict(zip(ACTIVITY_HEADER, [f"A{i}", f"Training {i}", "C1", "KZ",
                                     dt.date(2022, 3, i % 28 + 1), dt.date(2022, 3, i % 28 + 1),
                                     "completed"], strict=True))
    row.update(changes)
    return [row[c] for c in ACTIVITY_HEADER]
