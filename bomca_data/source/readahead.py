"""Reading a source's workbooks while the command line starts.

A cold command spends about 0.3 s importing pandas before it can read anything, and
the spreadsheet reader (calamine, through fastexcel) works outside Python's lock. So
``python -m bomca_data`` checks the source's workbooks (``guard.check_contents``: the
same checks as always, and no reader sees a part before they pass it) and reads their
tables' sheets on a thread while the rest of the program is imported: a workbook is
opened, and its smaller sheets read, while the guards still check its largest sheet,
which is read once it has passed. ``read`` takes a workbook read ahead when its file
has not changed since. A sheet that was not read ahead, or failed, is read when it is
needed, with the usual messages. The dashboard does not read ahead: its imports are
long done when it reads.

Nothing here imports pandas.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from bomca_data.contract import labels
from bomca_data.source import guard, location


def load_sheet(reader, name: str):
    """One sheet's cells, all as text (no value is lost to type guessing), as an Arrow
    record batch; leading blank rows are kept, so row i is the sheet's row i + 1."""
    return reader.load_sheet_eager(name, header_row=None, skip_rows=0, dtypes="string")


@dataclass
class Workbook:
    """An opened workbook (fastexcel's reader) and the sheets read from it ahead."""

    reader: object
    ahead: dict[str, object] = field(default_factory=dict)

    @property
    def sheet_names(self) -> list[str]:
        return list(self.reader.sheet_names)

    def sheet(self, name: str):
        """The sheet's cells; a sheet read ahead is handed over once, then dropped."""
        batch = self.ahead.pop(name, None)
        return batch if batch is not None else load_sheet(self.reader, name)


def reader_error(exc: BaseException) -> bool:
    """Whether ``exc`` is the spreadsheet reader failing on a file: one of its errors,
    or a panic of its Rust code (pyo3's PanicException is a BaseException, which
    ``except Exception`` lets through)."""
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


def open_workbook(path: Path) -> Workbook:
    """Open a workbook the guards have passed; fastexcel's errors are raised."""
    import fastexcel  # here, so that runs reading only CSV files do not import it

    return Workbook(fastexcel.read_excel(str(path)))


class FileChanged(Exception):
    """The file changed between its check and its reading: it is not read ahead."""


class Refused(Exception):
    """The guards refused the file: it is not read ahead (reading refuses it again)."""


@dataclass
class _Job:
    """One workbook: the guards release it to the reading thread in two steps, when
    every part but its largest sheet has passed (``early``), then when all have."""

    path: Path
    stamp: tuple[int, int]  # the file as it is checked, and then read
    result: Future = field(default_factory=Future)
    early: threading.Event = field(default_factory=threading.Event)
    passed: threading.Event = field(default_factory=threading.Event)
    last: str | None = None  # the part still being checked after ``early``
    refused: bool = False

    def almost(self, part: str) -> None:
        self.last = part
        self.early.set()

    def end(self, refused: bool) -> None:
        self.refused = refused
        self.passed.set()
        self.early.set()


# the workbooks read ahead in this process: path -> (size and time when checked, result)
_started: dict[Path, tuple[tuple[int, int], Future]] = {}
_waiting: queue.SimpleQueue | None = None  # the reading thread's work, once started


def start(source: Path) -> None:
    """Check each of ``source``'s workbooks, handing it to the reading thread as its
    parts pass: the thread reads the sheets checked while the guards check the
    largest one, and the next workbook while the guards check the one after."""
    for path in location.workbooks(source):
        try:
            guard.check_file(path)
            if not _may_hold_tables(path):
                continue
            job = _Job(path, _stamp(path))
            waiting = _reader()
        except (guard.UnreadableFile, OSError):
            continue  # refused again when it is read, with its message
        except RuntimeError:  # no thread to be had (a low memory cap): read as usual
            return
        _started[path.resolve()] = (job.stamp, job.result)
        waiting.put(job)
        refused = True
        try:
            guard.check_contents(path, almost=job.almost)
            refused = False
        except (guard.UnreadableFile, OSError):
            _started.pop(path.resolve(), None)  # refused again when read, with its message
        finally:
            job.end(refused)


def _may_hold_tables(path: Path) -> bool:
    """Named after a table, or (xlsx) with a sheet named after one: what reading opens."""
    if labels.table_for_name(path.stem):
        return True
    if path.suffix.lower() in (".xlsx", ".xlsm"):  # sheet names without reading a cell
        return any(labels.table_for_name(sheet.name) for sheet in guard.xlsx_sheets(path))
    return True


def _wanted(path: Path, names: list[str]) -> list[str]:
    """The sheets reading will ask for: those named after a table, else the first
    sheet of a file named after one."""
    return ([n for n in names if labels.table_for_name(n)]
            or (names[:1] if labels.table_for_name(path.stem) else []))


def _reader() -> queue.SimpleQueue:
    """One thread, reading one workbook at a time (as reading without it does)."""
    global _waiting
    if _waiting is None:
        waiting = queue.SimpleQueue()
        threading.Thread(target=_read, args=(waiting,), name="readahead", daemon=True).start()
        _waiting = waiting  # once the thread runs
    return _waiting


def _read(waiting: queue.SimpleQueue) -> None:
    while True:
        job = waiting.get()
        try:
            job.result.set_result(_read_book(job))
        except BaseException as exc:  # whatever it is, whoever waits gets an answer;
            job.result.set_exception(exc)  # the workbook is opened again, and refused there


def _read_book(job: _Job) -> Workbook:
    """Open the workbook once every part but its largest sheet has passed, read the
    sheets that passed, then the largest once it has passed too."""
    job.early.wait()
    if job.refused:
        raise Refused(job.path)
    if _stamp(job.path) != job.stamp:  # changed since it was checked: not this file
        raise FileChanged(job.path)
    book = open_workbook(job.path)
    parts = ({s.name: s.part for s in guard.xlsx_sheets(job.path)}
             if job.last is not None else {})
    wanted = _wanted(job.path, book.sheet_names)
    later = [n for n in wanted if job.last is not None and parts.get(n, job.last) == job.last]
    for name in [*(n for n in wanted if n not in later), *later]:
        if name in later:
            job.passed.wait()
            if job.refused:
                raise Refused(job.path)
            if _stamp(job.path) != job.stamp:
                raise FileChanged(job.path)
        with contextlib.suppress(BaseException):  # read again when needed, and refused
            book.ahead[name] = load_sheet(book.reader, name)
    return book


def take(path: Path) -> Workbook | None:
    """The workbook read ahead from ``path``, while the file is unchanged since it was
    checked; None when there is none."""
    entry = _started.get(path.resolve())
    try:
        if entry is None or entry[0] != _stamp(path) or entry[1].exception() is not None:
            return None
    except OSError:
        return None
    return entry[1].result()


def forget() -> None:
    """Drop what was read ahead (a reading has taken what it needed)."""
    _started.clear()


def _stamp(path: Path) -> tuple:
    return location.identity(path)
