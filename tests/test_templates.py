"""The data-entry template: a sheet per table, drop-downs on every vocabulary column,
date formats, instructions; filled with drop-down values it validates."""

import datetime as dt

import openpyxl
import pytest

from bomca_data import contract
from bomca_data.contract import template
from bomca_data.model import load_dataset
from bomca_data.source.location import DEMO_DIR


@pytest.fixture(scope="module")
def workbook():
    return template.build_template()


def _dropdowns(ws):
    """column letter -> the list range its drop-down takes values from."""
    found = {}
    for dv in ws.data_validations.dataValidation:
        if dv.type == "list":
            for rng in dv.sqref.ranges:
                found[rng.coord.split(":")[0].rstrip("0123456789")] = dv.formula1
    return found


def _list_values(wb, formula: str) -> list[str]:
    sheet, area = formula.split("!")
    ws = wb[sheet.strip("'")]
    return [c.value for row in ws[area.replace("$", "")] for c in row]


def test_template_has_a_sheet_per_table_and_instructions(workbook):
    assert workbook.sheetnames[0] == "instructions"
    assert set(contract.TABLES) <= set(workbook.sheetnames)
    for table in contract.TABLES.values():
        header = [c.value for c in workbook[table.name][1]]
        assert header == [c.name for c in table.columns]


def test_every_vocabulary_column_has_a_dropdown(workbook):
    for table in contract.TABLES.values():
        dropdowns = _dropdowns(workbook[table.name])
        for i, col in enumerate(table.columns, start=1):
            letter = openpyxl.utils.get_column_letter(i)
            if col.kind in contract.VOCABULARIES:
                assert letter in dropdowns, (table.name, col.name)
                values = _list_values(workbook, dropdowns[letter])
                assert values == list(contract.codes(contract.VOCABULARIES[col.kind]))
            else:
                assert letter not in dropdowns


def test_date_columns_are_date_formatted(workbook):
    for table in contract.TABLES.values():
        ws = workbook[table.name]
        for i, col in enumerate(table.columns, start=1):
            if col.kind == "date":
                assert ws.cell(2, i).number_format == "DD.MM.YYYY"


def test_template_filled_with_dropdown_values_validates(workbook, tmp_path):
    wb = template.build_template()
    first = {}
    for table in contract.TABLES.values():
        dropdowns = _dropdowns(wb[table.name])
        for i, col in enumerate(table.columns, start=1):
            letter = openpyxl.utils.get_column_letter(i)
            if letter in dropdowns:
                first[(table.name, col.name)] = _list_values(wb, dropdowns[letter])
    sample = {"text": "x", "date": dt.date(2022, 3, 15), "number": 1000, "integer": 1}

    def value(table, col):
        if (table, col.name) == ("published", "year"):
            return 2024  # a calendar year
        if (table, col.name) in first:
            options = first[(table, col.name)]
            if table == "participants" and col.name == "country":
                return options[0]  # a participant's country is never RG
            if table == "targets" and col.name == "indicator":
                return "participants"
            return options[-1] if col.name == "status" and table == "activities" else options[0]
        return sample.get(col.kind, "x")

    for table in contract.TABLES.values():
        for i, col in enumerate(table.columns, start=1):
            wb[table.name].cell(2, i, value(table.name, col))
    ws = wb["activities"]
    ws.cell(2, 1, "A1")
    ws.cell(2, [c.name for c in contract.TABLES["activities"].columns].index("status") + 1,
            "completed")
    for name in ("participants", "recommendations"):
        ws = wb[name]
        header = [c.value for c in ws[1]]
        ws.cell(2, header.index("activity_id") + 1, "A1")
    wb["recommendations"].cell(2, [c.value for c in wb["recommendations"][1]].index(
        "reviewed_at") + 1, "x")  # the meeting's id is "x"
    path = tmp_path / "filled.xlsx"
    wb.save(path)
    ds = load_dataset(path)
    assert [i for i in ds.issues if i.severity != "info"] == []
    assert all(s.rows_valid == 1 for s in ds.stats.values())


def test_committed_template_matches_the_generator(tmp_path):
    """Byte for byte: the template states fixed times, so only a change of content
    changes it."""
    made = template.write_template(tmp_path).read_bytes()
    assert made == (DEMO_DIR / "templates" / template.TEMPLATE).read_bytes(), (
        "data/templates/bomca-template.xlsx is not what the generator writes: run "
        "`make data` and commit data/templates/")
