"""Reading ahead (bomca_data.source.readahead): a cold command reads its workbooks while it
imports the rest. What it reads is what reading without it gives; the guards still
come first; a file changed since, or a sheet that failed, is read again."""

import os
import subprocess
import sys

import pytest

from bomca_data.model import load_dataset
from bomca_data.source import readahead
from bomca_data.source.location import PROJECT_DIR
from tests import hostile
from tests.sheets import ACTIVITY_HEADER, activity, write


@pytest.fixture(autouse=True)
def nothing_read_ahead(monkeypatch):
    monkeypatch.setattr(readahead, "_started", {})


def test_the_command_line_starts_without_pandas():
    """What `python -m bomca_data` imports before reading ahead: no pandas, numpy or
    Arrow (their import is the time the reading overlaps)."""
    code = ("import sys, bomca_data.cli; "
            "print([m for m in ('pandas', 'numpy', 'pyarrow') if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_DIR, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "[]"


def _same(a, b) -> None:
    assert [i.as_json() for i in a.issues] == [i.as_json() for i in b.issues]
    assert a.stats == b.stats
    assert a.tables.keys() == b.tables.keys()
    for name in a.tables:
        assert a.tables[name].equals(b.tables[name]), name


def test_a_source_read_ahead_is_the_source_as_read(tmp_path):
    """a workbook with the activities (one bad date) and a sheet of notes."""
    book = write(tmp_path / "bomca.xlsx", {
        "Activities": [ACTIVITY_HEADER, activity(1), activity(2, start_date="32.01.2022"),
                       activity(3)],
        "Notes": [["read me first"]]})
    expected = load_dataset(tmp_path, use_cache=False)
    readahead.start(tmp_path)
    ahead = readahead.take(book)
    assert list(ahead.ahead) == ["Activities"]  # the tables' sheets only
    got = load_dataset(tmp_path, use_cache=False)
    assert ahead.ahead == {}  # handed over to the reading,
    assert readahead.take(book) is None  # and not kept past it
    _same(got, expected)
    assert got.stats["activities"].rows_valid == 2


def test_a_workbook_named_after_its_table_has_its_first_sheet_read_ahead(tmp_path):
    book = write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, activity(1)], sheet="Лист1")
    readahead.start(tmp_path)
    assert list(readahead.take(book).ahead) == ["Лист1"]
    assert load_dataset(tmp_path, use_cache=False).stats["activities"].rows_valid == 1


def _with_far_cell(path, sheet_part: str):
    """``path`` rewritten with a cell at XFD1048576 in ``sheet_part``."""
    parts = hostile.parts_of(path)
    extra = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    parts[sheet_part] = parts[sheet_part].replace(b"</sheetData>", extra.encode() + b"</sheetData>")
    return hostile.rezip(path, parts)


def _two_sheets(tmp_path, far_in: str):
    """activities (60 rows: the largest sheet) and meetings (one row), in one workbook,
    a cell at XFD1048576 in the sheet ``far_in``."""
    book = write(tmp_path / "bomca.xlsx", {
        "Activities": [ACTIVITY_HEADER, *(activity(i) for i in range(1, 61))],
        "Meetings": [["meeting_id", "date", "type"], ["M1", "2022-03-01", "steering"]]})
    part = {"activities": "xl/worksheets/sheet1.xml", "meetings": "xl/worksheets/sheet2.xml"}
    return _with_far_cell(book, part[far_in])


@pytest.fixture
def loaded(monkeypatch):
    """The sheets the reading thread loads, by name."""
    names, real = [], readahead.load_sheet

    def recorded(reader, name):
        names.append(name)
        return real(reader, name)

    monkeypatch.setattr(readahead, "load_sheet", recorded)
    return names


def test_a_sheet_the_guards_refuse_is_never_read(tmp_path, monkeypatch, loaded):
    """a 5 KB workbook with a cell at XFD1048576."""
    book = hostile.far_cell(tmp_path)
    readahead.start(tmp_path)
    assert readahead._started == {} and readahead.take(book) is None
    ds = load_dataset(tmp_path, use_cache=False)
    assert [i.code for i in ds.issues] == ["unreadable-file"]
    assert "the limit is 500 columns" in ds.issues[0].message
    assert loaded == []


def test_the_largest_sheet_is_checked_while_the_others_are_read(tmp_path, monkeypatch,
                                                                  loaded):
    """the guards release the workbook once every part but its largest sheet has
    passed: the small sheet may be read then, the largest only once it has passed."""
    book = _two_sheets(tmp_path, far_in="activities")
    releases, check = [], readahead.guard.check_contents

    def watched(path, almost=None):
        def then(part):
            releases.append(part)
            almost(part)
        return check(path, almost=then if almost else None)

    monkeypatch.setattr(readahead.guard, "check_contents", watched)
    readahead.start(tmp_path)
    assert releases == ["xl/worksheets/sheet1.xml"]  # the activities, the largest
    assert readahead._started == {} and readahead.take(book) is None
    assert "Activities" not in loaded
    ds = load_dataset(tmp_path, use_cache=False)
    assert any(i.code == "unreadable-file" and "the limit is 500 columns" in i.message
               for i in ds.issues)


def test_a_small_sheet_the_guards_refuse_stops_the_workbook_before_it_is_opened(
        tmp_path, monkeypatch):
    _two_sheets(tmp_path, far_in="meetings")
    opened = []
    monkeypatch.setattr(readahead, "open_workbook", opened.append)
    readahead.start(tmp_path)
    assert readahead._started == {}
    assert opened == []


def test_a_file_changed_after_it_was_read_ahead_is_read_again(tmp_path):
    book = write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, activity(1)])
    readahead.start(tmp_path)
    assert readahead.take(book) is not None
    write(book, [ACTIVITY_HEADER, activity(1), activity(2)])
    later = book.stat().st_mtime_ns + 10**9
    os.utime(book, ns=(later, later))
    assert readahead.take(book) is None
    assert load_dataset(tmp_path, use_cache=False).stats["activities"].rows_read == 2


def test_a_sheet_that_failed_ahead_is_read_when_needed(tmp_path, monkeypatch):
    book = write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, activity(1)])
    real, calls = readahead.load_sheet, []

    def fails_once(reader, name):
        calls.append(name)
        if len(calls) == 1:
            raise RuntimeError("the disk was busy")
        return real(reader, name)

    monkeypatch.setattr(readahead, "load_sheet", fails_once)
    readahead.start(tmp_path)
    assert readahead.take(book).ahead == {}
    assert load_dataset(tmp_path, use_cache=False).stats["activities"].rows_valid == 1
    assert calls == ["Sheet1", "Sheet1"]


def test_a_folder_without_workbooks_reads_nothing_ahead(tmp_path):
    (tmp_path / "activities.csv").write_text(",".join(ACTIVITY_HEADER) + "\n", encoding="utf-8")
    readahead.start(tmp_path)
    readahead.start(tmp_path / "missing")
    assert readahead._started == {}


def test_each_workbook_of_a_folder_is_read_ahead_and_no_other(tmp_path):
    """one workbook per table, and a workbook of notes (no sheet named after a table)."""
    acts = write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, activity(1)])
    notes = write(tmp_path / "notes.xlsx", [["read me first"]])
    meetings = write(tmp_path / "bomca.xlsx", {"Meetings": [["meeting_id"]], "Notes": [["x"]]})
    readahead.start(tmp_path)
    assert list(readahead.take(acts).ahead) == ["Sheet1"]
    assert list(readahead.take(meetings).ahead) == ["Meetings"]
    assert readahead.take(notes) is None


class PanicException(BaseException):
    """What pyo3 raises when the reader's Rust code panics (not an Exception)."""


def test_a_reader_that_panics_makes_an_unreadable_file_not_a_hang_or_a_crash(tmp_path,
                                                                              monkeypatch):
    book = write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, activity(1)])

    def panics(reader, name):
        raise PanicException("index out of bounds")

    monkeypatch.setattr(readahead, "load_sheet", panics)
    readahead.start(tmp_path)
    assert readahead.take(book).ahead == {}
    ds = load_dataset(tmp_path, use_cache=False)
    assert [i.code for i in ds.issues] == ["unreadable-file"]
    assert "index out of bounds" in ds.issues[0].message


def test_a_file_changed_between_its_check_and_its_reading_is_not_read_ahead(tmp_path,
                                                                            monkeypatch,
                                                                            loaded):
    """the guards pass a file, which is replaced before the reading thread reads it."""
    book = write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, activity(1)])
    check = readahead.guard.check_contents

    def then_replaced(path, almost=None):
        check(path, almost=almost)
        hostile.far_cell(tmp_path)  # the same name, another file
        later = book.stat().st_mtime_ns + 10**9
        os.utime(book, ns=(later, later))

    monkeypatch.setattr(readahead.guard, "check_contents", then_replaced)
    readahead.start(tmp_path)
    reading = readahead._started[book.resolve()][1]
    assert isinstance(reading.exception(timeout=60), readahead.FileChanged)
    assert readahead.take(book) is None
    assert loaded == []


def test_without_a_thread_the_source_is_read_as_usual(tmp_path, monkeypatch):
    """a process whose memory cap leaves no room for a thread."""
    book = write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, activity(1)])

    def no_thread(self):
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(readahead, "_waiting", None)
    monkeypatch.setattr(readahead.threading.Thread, "start", no_thread)
    readahead.start(tmp_path)
    assert readahead.take(book) is None and readahead._waiting is None
    assert load_dataset(tmp_path, use_cache=False).stats["activities"].rows_valid == 1
