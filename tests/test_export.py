"""Exports: workbooks that reopen, keep every valid row, never hold a formula, never
hold personal data; CSV downloads neutralised the same way."""

import datetime as dt
import io
import zipfile
from dataclasses import replace

import openpyxl
import pandas as pd

from bomca_data import cli, filters
from bomca_data.model import load_dataset
from bomca_data.outputs import export
from tests.sheets import ACTIVITY_HEADER, activity, write

D = dt.date(2022, 12, 31)


def hostile_source(tmp_path):
    """activities whose titles look like formulas; participants with a name column."""
    write(tmp_path / "activities.xlsx", [
        ACTIVITY_HEADER + ["location"],
        activity(1, title="=HYPERLINK(\"http://x\",\"click\")") + ["+7 city"],
        activity(2, title="@SUM(A1:A9)") + ["-cmd"],
        activity(3, title="-5") + ["\tTab"],
        activity(4, title="bad date", start_date="soon") + ["x"]])
    write(tmp_path / "participants.xlsx", [["activity_id", "full name", "gender"],
                                           ["A1", "Secret Person", "F"]])
    return load_dataset(tmp_path)


def test_workbook_reopens_without_formulas_and_keeps_valid_rows(tmp_path):
    ds = hostile_source(tmp_path)
    data = export.workbook_bytes(ds, filters.Filters(), D, "en")
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["summary", "activities", "participants", "definitions"]
    acts = wb["activities"]
    titles = [row[1] for row in acts.iter_rows(min_row=2, values_only=True)]
    assert titles == ['=HYPERLINK("http://x","click")', "@SUM(A1:A9)", "-5"]
    for sheet in wb:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    assert "Secret" not in str([list(s.values) for s in wb])


def test_summary_sheet_holds_the_figures_and_filters(tmp_path):
    ds = hostile_source(tmp_path)
    chosen = filters.Filters(countries=("KZ",))
    frame = export.summary_sheet(ds, chosen, D, "en")
    assert list(frame.columns) == ["Figure", "Value", "Key"]
    values = dict(zip(frame["Key"], frame["Value"], strict=True))
    labels = dict(zip(frame["Key"], frame["Figure"], strict=True))
    assert values["activities.completed"] == 3
    assert labels["activities.completed"] == "Activities completed"
    assert labels["activities.by_status.planned"] == "Activities by status on the as-of " \
                                                    "date: Planned"
    assert "Countries: Kazakhstan" in values["filters"]


def test_the_summary_sheet_is_in_the_readers_language_with_percents(tmp_path):
    ds = hostile_source(tmp_path)
    book = openpyxl.load_workbook(io.BytesIO(export.workbook_bytes(
        ds, filters.Filters(), D, "ru")))
    sheet = book["summary"]
    assert [c.value for c in sheet[1]] == ["Показатель", "Значение", "Ключ"]
    rows = {r[2].value: r for r in sheet.iter_rows(min_row=2)}
    label, value, _ = rows["participants.women_share"]
    assert label.value == "Доля женщин" and value.number_format == "0.0%"
    assert rows["activities.completed_by_country.KZ"][0].value == \
        "Завершено мероприятий, по странам: Казахстан"
    assert isinstance(rows["as_of"][1].value, dt.datetime)  # a date, as a date
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    assert sheet.column_dimensions["A"].width > 30  # as wide as its labels


def test_csv_cells_that_would_run_are_neutralised():
    frame = pd.DataFrame({"t": ["=1+1", "+A1", "@x", "-x", "-5", "plain", "\tx"], "n": range(7)})
    out = export.csv_bytes(frame, "ctx").decode("utf-8-sig").splitlines()
    cells = [line.split(",")[1] for line in out[1:]]
    assert cells == ["'=1+1", "'+A1", "'@x", "'-x", "-5", "plain", "'\tx"]


def test_csv_zip_has_a_file_per_table(tmp_path):
    ds = hostile_source(tmp_path)
    data = export.csv_zip_bytes(ds, filters.Filters(), D, "en")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert sorted(zf.namelist()) == ["activities.csv", "participants.csv"]
        assert "Secret" not in zf.read("participants.csv").decode("utf-8-sig")


def test_export_from_the_command_line(tmp_path, capsys):
    hostile_source(tmp_path / "src")
    out = tmp_path / "out.xlsx"
    code = cli.main(["export", "--out", str(out), "--country", "KZ", "--component", "C1",
                     "--as-of", "2022-12-31", str(tmp_path / "src")])
    assert code == 0
    wb = openpyxl.load_workbook(out)
    assert wb["activities"].max_row == 4  # header + three valid rows


CONTROL = "".join(map(chr, (0x1B, 0x01, 0x0B, 0x07)))


def test_control_characters_in_any_text_cell_never_break_an_export(tmp_path):
    """NUL, ESC, SOH, VT and BEL in text cells made the Excel export fail; now they
    are removed from the workbook and the CSV, and the rest of the text is kept."""
    write(tmp_path / "activities.csv", [
        ACTIVITY_HEADER + ["location", "lead_partner"],
        activity(1, title=f"Border{CONTROL} control") + [f"Ast{CONTROL}ana", f"OSCE{CONTROL}"]])
    write(tmp_path / "participants.csv", [["activity_id", "agency", "position"],
                                          ["A1", f"Customs{CONTROL}", f"Officer{CONTROL}"]])
    ds = load_dataset(tmp_path)
    # a NUL cannot stand in a CSV (it is refused as binary): put one in as a workbook
    # program's reader could
    acts = ds.tables["activities"].assign(status_reason="late\x00")
    ds = replace(ds, tables={**ds.tables, "activities": acts})
    book = openpyxl.load_workbook(io.BytesIO(export.workbook_bytes(ds, filters.Filters(), D,
                                                                   "en")))
    texts = [str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row
             if c.value is not None]
    assert "Border control" in texts and "Astana" in texts and "Customs" in texts
    with zipfile.ZipFile(io.BytesIO(export.csv_zip_bytes(ds, filters.Filters(), D, "en"))) as zf:
        csv_text = "".join(zf.read(n).decode("utf-8-sig") for n in zf.namelist())
    for text in ("\n".join(texts), csv_text):
        assert not any(ch in text for ch in CONTROL + "\x00")
    assert "late" in texts
    assert "Border control" in csv_text


def test_the_workbook_ends_with_the_counting_rules_in_the_readers_language(tmp_path):
    ds = hostile_source(tmp_path)
    book = openpyxl.load_workbook(io.BytesIO(export.workbook_bytes(
        ds, filters.Filters(), D, "ru")))
    assert book.sheetnames[-1] == "definitions"
    lines = [row[0] for row in book["definitions"].iter_rows(values_only=True)]
    assert lines[0] == "Как считаются показатели"
    assert any(line.startswith("Участия учитывают каждое участие") for line in lines)
    assert len(lines) == 1 + len(export.DEFINITIONS)


def test_data_sheets_hold_names_in_the_readers_language_beside_the_codes(tmp_path):
    write(tmp_path / "activities.xlsx", [
        ACTIVITY_HEADER, activity(1, country="KZ;UZ", component="C4"),
        activity(2, country="RG", status="planned")])
    ds = load_dataset(tmp_path)
    for lang, names in (("en", ["Kazakhstan; Uzbekistan", "Regional"]),
                        ("ru", ["Казахстан; Узбекистан", "Региональный"])):
        wb = openpyxl.load_workbook(io.BytesIO(export.workbook_bytes(
            ds, filters.Filters(), D, lang)))
        sheet = pd.DataFrame(list(wb["activities"].values)[1:],
                             columns=[c.value for c in wb["activities"][1]])
        header = list(sheet.columns)
        assert header[header.index("country") + 1] == "country_name"
        assert list(sheet["country"]) == ["KZ;UZ", "RG"]
        assert list(sheet["country_name"]) == names
        assert sheet["status_name"].iloc[1] == ("Planned" if lang == "en" else "Запланировано")
        assert sheet["component_name"].iloc[0] == (
            "C4 Cross-border cooperation" if lang == "en" else "C4 Трансграничное сотрудничество")


def test_a_fitted_table_is_no_wider_than_a_laptops_screen():
    from bomca_data.outputs import tabular

    frame = pd.DataFrame({"Overdue": ["⚠ Overdue"], "Due": ["2022-07-07"],
                          "Title": ["Recommendation: joint risk analysis " * 3],
                          "Component": ["C1 Институциональное развитие"]})
    widths, wraps = tabular.fit(frame, (2,))
    assert sum(widths) <= tabular.SCREEN_WIDTH and wraps  # the title wraps
    assert widths[2] == max(widths)
    assert widths[1] >= len("2022-07-07") * tabular.CHAR_PX  # a date never wraps
    narrow, wraps = tabular.fit(frame[["Overdue", "Due"]])
    assert not wraps and sum(narrow) < tabular.SCREEN_WIDTH
    crowded = pd.DataFrame({f"Column {i}": ["a long cell of many words " * 2] for i in range(9)})
    widths, wraps = tabular.fit(crowded)
    assert sum(widths) <= tabular.SCREEN_WIDTH and wraps
