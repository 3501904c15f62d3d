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
    assert wb.sheetnames == ["Summary", "Activities", "Participants", "Definitions"]
    acts = wb["Activities"]
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
    assert list(frame.columns) == ["Figure", "Value"]  # no internal key in the reader's view
    values = dict(zip(frame["Figure"], frame["Value"], strict=True))
    assert values["Activities completed"] == 3
    assert "Activities by status on the as-of date: Planned" in values
    assert "Countries: Kazakhstan" in values["Filters"]


def test_the_summary_sheet_is_in_the_readers_language_with_percents(tmp_path):
    ds = hostile_source(tmp_path)
    book = openpyxl.load_workbook(io.BytesIO(export.workbook_bytes(
        ds, filters.Filters(), D, "ru")))
    sheet = book["Сводка"]
    assert [c.value for c in sheet[1]] == ["Показатель", "Значение"]
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=2)}
    assert rows["Доля женщин"][1].number_format == "0.0%"
    assert "Завершено мероприятий, по странам: Казахстан" in rows
    assert isinstance(rows["По состоянию на"][1].value, dt.datetime)  # a date, as a date
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
        assert sorted(zf.namelist()) == ["Activities.csv", "Participants.csv", "README.txt"]
        assert "Secret" not in zf.read("Participants.csv").decode("utf-8-sig")
        assert zf.read("Activities.csv").startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8
        readme = zf.read("README.txt").decode("utf-8-sig")
        assert "As of 2022-12-31 · no filters" in readme
        assert "context" not in zf.read("Activities.csv").decode("utf-8-sig")


def test_export_from_the_command_line(tmp_path, capsys):
    hostile_source(tmp_path / "src")
    out = tmp_path / "out.xlsx"
    code = cli.main(["export", "--out", str(out), "--country", "KZ", "--component", "C1",
                     "--as-of", "2022-12-31", str(tmp_path / "src")])
    assert code == 0
    wb = openpyxl.load_workbook(out)
    assert wb["Activities"].max_row == 4  # header + three valid rows


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
    assert book.sheetnames[-1] == "Определения"
    lines = [row[0] for row in book["Определения"].iter_rows(values_only=True)]
    assert lines[0] == "Как считаются показатели"
    assert any(line.startswith("Участия учитывают каждое участие") for line in lines)
    assert len(lines) == 1 + len(export.DEFINITIONS)


def test_data_sheets_hold_names_in_the_readers_language(tmp_path):
    write(tmp_path / "activities.xlsx", [
        ACTIVITY_HEADER, activity(1, country="KZ;UZ", component="C4"),
        activity(2, country="RG", status="planned")])
    ds = load_dataset(tmp_path)
    for lang, sheet_name, names, headers in (
            ("en", "Activities", ["Kazakhstan; Uzbekistan", "Regional"],
             ("Country", "Status", "Component")),
            ("ru", "Мероприятия", ["Казахстан; Узбекистан", "Региональный"],
             ("Страна", "Статус", "Компонент"))):
        wb = openpyxl.load_workbook(io.BytesIO(export.workbook_bytes(
            ds, filters.Filters(), D, lang)))
        sheet = pd.DataFrame(list(wb[sheet_name].values)[1:],
                             columns=[c.value for c in wb[sheet_name][1]])
        country, status, component = headers
        assert list(sheet[country]) == names
        assert sheet[status].iloc[1] == ("Planned" if lang == "en" else "Запланировано")
        assert sheet[component].iloc[0] == (
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



def _russian_export():
    from bomca_data.source.location import DEMO_DIR

    chosen = filters.Filters(countries=("KZ",))
    return openpyxl.load_workbook(io.BytesIO(export.workbook_bytes(
        load_dataset(DEMO_DIR), chosen, dt.date(2024, 9, 12), "ru")))


def test_a_russian_export_speaks_to_its_reader():
    """Sheets "summary", "activities"; headers "activity_id", "status_name"; "completed"
    beside "Завершено"; a women's-share target of 0.26."""
    from bomca_data import contract, i18n

    book = _russian_export()
    assert book.sheetnames[:3] == ["Сводка", "Мероприятия", "Участники"]
    assert book.sheetnames[-1] == "Определения"
    internal = {c.name for t in contract.TABLES.values() for c in t.columns}
    codes = {t.code for v in contract.VOCABULARIES.values() for t in v} - {"other"}
    for sheet in book.worksheets[1:-1]:
        header = [c.value for c in sheet[1]]
        assert not set(header) & internal, (sheet.title, header)
        assert not any(str(h).endswith("_name") for h in header)
        cells = {c.value for row in sheet.iter_rows(min_row=2) for c in row}
        assert not {v for v in cells if isinstance(v, str)} & codes, sheet.title
    acts = book["Мероприятия"]
    header = [c.value for c in acts[1]]
    statuses = {row[header.index("Статус")] for row in acts.iter_rows(min_row=2, values_only=True)}
    assert statuses <= {i18n.name("activity_status", s, "ru") for s in
                        contract.codes(contract.ACTIVITY_STATUSES)} | {None}
    targets = book["Цели"]
    header = [c.value for c in targets[1]]
    women = [row for row in targets.iter_rows(min_row=2) if row[header.index("Показатель")].value
             == i18n.name("indicator", "women_share", "ru")]
    assert women and all(row[header.index("Цель")].number_format == "0.0%" for row in women)
    budgets = [row[header.index("Цель")].value for row in targets.iter_rows(min_row=2)]
    assert all(isinstance(v, int) or 0 < v < 1 for v in budgets)  # whole, or a share
