"""The data-entry template: a workbook with a sheet per table, drop-down lists on
every vocabulary column, date-formatted date columns and an instructions sheet.

    python -m bomca_data.contract.template [--out data/templates]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from bomca_data import contract
from bomca_data.contract import wording
from bomca_data.outputs.xlsx import DATE_FORMAT, reproducible_bytes

TEMPLATE = "bomca-template.xlsx"
ROWS = 500  # rows prepared with drop-downs and date formats
LISTS_SHEET = "lists"

KIND_HELP = {
    "text": "text",
    "date": "date (a spreadsheet date, 2022-03-15 or 15.03.2022 - day first)",
    "number": "number (1 234,5 and 1,234.5 both read)",
    "integer": "whole number",
    "country_list": "country code or name; several separated by ';' (e.g. KZ; UZ); RG = regional",
    "country": "one country code or name",
    "text_list": "names separated by ';' (e.g. OSCE; UNODC)",
}

_HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
_REQUIRED_FILL = PatternFill("solid", fgColor="C00000")


def _kind_help(col: contract.Column) -> str:
    if col.kind in contract.VOCABULARIES and col.kind not in ("country", "country_list"):
        return "one of: " + ", ".join(contract.codes(contract.VOCABULARIES[col.kind]))
    return KIND_HELP[col.kind]


def build_template() -> Workbook:
    wb = Workbook()
    guide = wb.active
    guide.title = "instructions"
    guide.append(["BOMCA data-entry template"])
    guide["A1"].font = Font(bold=True, size=14)
    guide.append(["Fill one sheet per table; keep the header row. Sheets 'instructions' and "
                  "'lists' are not read. Red headers are required. Do not enter names, e-mails "
                  "or phone numbers: such columns are dropped on reading."])
    guide.append(["Заполните по одному листу на таблицу; не меняйте строку заголовков. "
                  "Красные заголовки обязательны. Не вводите ФИО и контакты."])
    guide.append([])
    guide.append(["table", "column", "required", "type / accepted values", "rule",
                  "also accepted headers"])
    for cell in guide[5]:
        cell.font = Font(bold=True)
    for table in contract.TABLES.values():
        for col in table.columns:
            guide.append([table.name, col.name, "yes" if col.required else "",
                          _kind_help(col), "; ".join(wording.column_rules(table, col, "en")),
                          ", ".join(col.aliases)])
    for letter, width in zip("ABCDEF", (16, 18, 9, 60, 50, 40), strict=True):
        guide.column_dimensions[letter].width = width

    lists = wb.create_sheet(LISTS_SHEET)
    ranges: dict[str, str] = {}
    for i, (kind, vocab) in enumerate(contract.VOCABULARIES.items(), start=1):
        if kind == "country_list":
            continue
        values = contract.codes(vocab)
        letter = get_column_letter(i)
        lists.cell(1, i, kind).font = Font(bold=True)
        for j, value in enumerate(values, start=2):
            lists.cell(j, i, value).data_type = "s"  # "=" is a comparison, not a formula
        ranges[kind] = f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${len(values) + 1}"
    ranges["country_list"] = ranges["country"]

    for table in contract.TABLES.values():
        _table_sheet(wb, table, ranges)
    return wb


def _table_sheet(wb: Workbook, table: contract.Table, ranges: dict[str, str]) -> None:
    ws = wb.create_sheet(table.name)
    ws.freeze_panes = "A2"
    for i, col in enumerate(table.columns, start=1):
        cell = ws.cell(1, i, col.name)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = _REQUIRED_FILL if col.required else _HEADER_FILL
        cell.alignment = Alignment(horizontal="center")
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = max(14, len(col.name) + 4)
        area = f"{letter}2:{letter}{ROWS + 1}"
        if col.kind in ranges:
            # A list column: pick from the drop-down; a country list may also be typed.
            dv = DataValidation(type="list", formula1=ranges[col.kind], allow_blank=True,
                                showErrorMessage=col.kind != "country_list")
            dv.error = f"Choose a value from the list ({col.name})"
            dv.prompt = _kind_help(col)
            dv.showInputMessage = True
            dv.add(area)
            ws.add_data_validation(dv)
        elif col.kind == "date":
            dv = DataValidation(type="date", operator="greaterThan", formula1="1",
                                allow_blank=True)
            dv.error = "Enter a date, day first (15.03.2022)"
            dv.add(area)
            ws.add_data_validation(dv)
            for row in range(2, ROWS + 2):
                ws.cell(row, i).number_format = DATE_FORMAT


def write_template(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / TEMPLATE
    path.write_bytes(reproducible_bytes(build_template()))
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write the data-entry template.")
    parser.add_argument("--out", type=Path,
                        default=Path(__file__).resolve().parents[2] / "data" / "templates")
    print(write_template(parser.parse_args(argv).out))


if __name__ == "__main__":
    main()


def template_bytes() -> bytes:
    """The template workbook, built on demand (for downloads)."""
    return reproducible_bytes(build_template())
