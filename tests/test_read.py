"""Reading rules: formats, header detection, blank and totals rows, CSV encodings and
delimiters, personal data, unknown columns, row numbers, and locating tables."""

import datetime as dt

import pytest

from bomca_data.model import load_dataset
from bomca_data.source import read
from tests.sheets import ACTIVITY_HEADER, activity, write, write_csv


def issues_of(ds, *codes):
    return [(i.row, i.column, i.code) for i in ds.issues if not codes or i.code in codes]


@pytest.mark.parametrize("suffix", [".xlsx", ".xlsm", ".xls", ".ods", ".csv"])
def test_every_format_reads_with_spreadsheet_row_numbers(tmp_path, suffix):
    """activities with two title rows and a blank row above the header, one bad date."""
    write(tmp_path / f"activities{suffix}", [
        ["BOMCA 10 activities"], ["as of March 2022"], [None], ACTIVITY_HEADER,
        activity(1), activity(2, start_date="32.01.2022"), activity(3)])
    ds = load_dataset(tmp_path)
    assert ds.stats["activities"].rows_read == 3
    assert ds.stats["activities"].rows_valid == 2
    assert issues_of(ds) == [(6, "start_date", "type-error")]
    assert list(ds.tables["activities"]["activity_id"]) == ["A1", "A3"]


def test_header_found_below_fifteen_rows_is_not_found(tmp_path):
    """activities whose header sits on row 16."""
    write(tmp_path / "activities.xlsx", [["note"]] * 15 + [ACTIVITY_HEADER, activity(1)])
    ds = load_dataset(tmp_path)
    assert {i.code for i in ds.issues} == {"missing-column"}
    assert "activities" not in ds.tables


def test_header_aliases_and_spelling_are_normalised(tmp_path):
    """activities with Russian and English alias headers in any case and punctuation."""
    write(tmp_path / "activities.xlsx", [
        ["Код мероприятия", "Название", "Компонент", "Страна", "Дата начала", "END"],
        ["X1", "Тренинг", "1", "Казахстан", "15.03.2022", "16.03.2022"]])
    ds = load_dataset(tmp_path)
    assert not ds.issues[1:] and ds.tables["activities"].loc[0, "country"] == "KZ"
    assert ds.tables["activities"].loc[0, "end_date"] == dt.datetime(2022, 3, 16)


def test_blank_rows_are_skipped_and_not_counted(tmp_path):
    """activities with blank rows between data rows."""
    write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, activity(1), [None], ["  "],
                                         activity(2)])
    ds = load_dataset(tmp_path)
    assert ds.stats["activities"].rows_read == 2
    assert not [i for i in ds.issues if i.severity == "error"]


@pytest.mark.parametrize("word", ["Total", "TOTALS", "Итого", "Всего"])
def test_last_totals_row_is_skipped_with_info(tmp_path, word):
    """activities ending with a totals row."""
    write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, activity(1), [None, word, None, 3]])
    ds = load_dataset(tmp_path)
    assert ds.stats["activities"].rows_read == 1
    assert issues_of(ds) == [(3, "title", "total-row-skipped")]


def test_totals_word_in_a_middle_row_is_data(tmp_path):
    """activities with an id 'Total' that is not the last row."""
    write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, activity(1, activity_id="Total"),
                                         activity(2)])
    ds = load_dataset(tmp_path)
    assert ds.stats["activities"].rows_read == 2


@pytest.mark.parametrize(("encoding", "sep"), [
    ("utf-8", ","), ("utf-8-sig", ";"), ("cp1251", ";"), ("cp1251", "\t"), ("utf-8", "\t")])
def test_csv_encodings_and_delimiters(tmp_path, encoding, sep):
    """participants CSV in each accepted encoding and delimiter, with Russian values."""
    write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, activity(1)])
    write_csv(tmp_path / "participants.csv", [
        ["activity_id", "пол", "ведомство", "count"],
        ["A1", "ж", "Таможня, отдел 1", "1 234"] if sep != "," else ["A1", "ж", "Таможня", "2"],
        ["A1", "м", "Погранслужба", "1"]], sep=sep, encoding=encoding)
    ds = load_dataset(tmp_path)
    parts = ds.tables["participants"]
    assert list(parts["gender"]) == ["female", "male"]
    assert parts.loc[1, "agency"] == "Погранслужба"
    assert ds.issues == []


def test_csv_row_numbers_are_line_numbers(tmp_path):
    """activities CSV with a quoted multi-line title and an error on line 5."""
    (tmp_path / "activities.csv").write_text(
        ",".join(ACTIVITY_HEADER) + "\n"
        'A1,"Two\nlines",C1,KZ,2022-03-01,,completed\n'
        "A2,x,C1,KZ,2022-03-01,,completed\n"
        "A3,x,C9,KZ,2022-03-01,,completed\n", encoding="utf-8")
    ds = load_dataset(tmp_path)
    assert issues_of(ds) == [(5, "component", "vocabulary-error")]
    assert list(ds.tables["activities"]["_row"]) == [2, 4]


def test_csv_in_unknown_encoding_is_unreadable(tmp_path):
    """activities CSV holding a byte that is neither UTF-8 nor Windows-1251."""
    (tmp_path / "activities.csv").write_bytes(b"activity_id,title\nA1,\x98\x98\n")
    ds = load_dataset(tmp_path)
    assert [i.code for i in ds.issues] == ["unreadable-file"]


def test_personal_data_columns_are_dropped_and_never_kept(tmp_path):
    """participants with name, e-mail, phone and ФИО columns."""
    write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, activity(1)])
    write(tmp_path / "participants.xlsx", [
        ["activity_id", "Full name", "E-mail", "Phone", "ФИО", "gender"],
        ["A1", "Aigerim Secretname", "aigerim@example.org", "+7 701 555", "Секретова А.", "F"]])
    ds = load_dataset(tmp_path)
    warning = [i for i in ds.issues if i.code == "personal-data-dropped"]
    assert len(warning) == 1 and warning[0].severity == "warning"
    assert "Full name" in warning[0].message and "ФИО" in warning[0].message
    everything = repr(ds.tables) + repr(ds.issues)
    for secret in ("Secretname", "aigerim@", "701 555", "Секретова"):
        assert secret not in everything
    assert list(ds.tables["participants"].columns) == [
        "_row", "activity_id", "count", "person_id", "gender", "country", "agency",
        "agency_type", "position", "_activity"]


def test_unknown_columns_are_ignored_with_one_info(tmp_path):
    """activities with two columns the contract does not know."""
    write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER + ["Notes", "Donor"],
                                         activity(1) + ["x", "EU"]])
    ds = load_dataset(tmp_path)
    (info,) = ds.issues
    assert info.code == "unknown-column" and info.severity == "info"
    assert "Notes" in info.message and "Donor" in info.message
    assert "Notes" not in ds.tables["activities"].columns


def test_one_workbook_with_sheets_named_after_tables(tmp_path):
    """a workbook of any name whose sheets are named after the tables, in any case."""
    write(tmp_path / "BOMCA data.xlsx", {
        " Activities ": [ACTIVITY_HEADER, activity(1)],
        "MEETINGS": [["meeting_id", "meeting_type", "country", "start_date"],
                     ["M1", "NSG", "KZ", dt.date(2022, 9, 5)]],
        "Notes": [["anything"]]})
    (tmp_path / "README.md").write_text("not data")
    ds = load_dataset(tmp_path)
    assert set(ds.tables) == {"activities", "meetings"}
    assert ds.issues == []
    assert load_dataset(tmp_path / "BOMCA data.xlsx").stats.keys() == {"activities", "meetings"}


def test_table_file_with_several_sheets_reads_the_named_one(tmp_path):
    """activities.xlsx whose first sheet is a cover page."""
    write(tmp_path / "activities.xlsx", {"Cover": [["BOMCA"]],
                                         "activities": [ACTIVITY_HEADER, activity(1)]})
    ds = load_dataset(tmp_path)
    assert ds.stats["activities"].sheet == "activities"


def test_two_files_for_one_table_are_reported(tmp_path):
    """activities.xlsx and activities.csv side by side."""
    write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, activity(1)])
    write(tmp_path / "activities.csv", [ACTIVITY_HEADER, activity(2)])
    ds = load_dataset(tmp_path)
    assert [i.code for i in ds.issues] == ["ambiguous-source"]
    assert ds.stats["activities"].file == "activities.xlsx"


def test_missing_source_is_a_source_error(tmp_path):
    with pytest.raises(read.SourceError):
        load_dataset(tmp_path / "nowhere")


@pytest.mark.parametrize(("text", "expected"), [
    ("a;b;c\n1;2,5;3\n", ";"), ("a,b,c\n1,2,3\n", ","), ("a\tb\n1\t2\n", "\t"),
    ("title\na;b;c\n1;2,5;3\n4;5,5;6\n", ";")])
def test_delimiter_detection(text, expected):
    assert read.detect_delimiter(text) == expected


def test_date_cells_are_shown_as_dates_in_issues(tmp_path):
    """activities whose real end-date cell is before its start."""
    write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, activity(
        1, start_date=dt.date(2022, 3, 10), end_date=dt.date(2022, 3, 9))])
    (issue,) = load_dataset(tmp_path).issues
    assert issue.value == "2022-03-09"
