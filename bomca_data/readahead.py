"""Reading a source's workbooks while the command line starts.

A cold command spends about 0.3 s importing pandas before it can read anything, and
the spreadsheet reader (calamine, through fastexcel) works outside Python's lock. So
``python -m bomca_data`` first checks the source's workbooks (``guard.check_contents``:
the same checks as always, before any reader sees a file), then reads their tables'
sheets on a thread while the rest of the program is imported; ``read`` takes a
workbook read ahead when its file has not changed since. A sheet that was not read
ahead, or failed, is read when it is needed, with the usual messages. The dashboard
does not read ahead: its imports are long done when it reads.

Nothing here imports pandas.
"""

from __future__ import annotations

import contextlib
import threading
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from bomca_data import contract, folders, guard


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


def open_workbook(path: Path) -> Workbook:
    """Open a workbook the guards have passed; fastexcel's errors are raised."""
    import fastexcel  # here, so that runs reading only CSV files do not import it

    return Workbook(fastexcel.read_excel(str(path)))


# the workbooks read ahead in this process: path -> (size and time when checked, result)
_started: dict[Path, tuple[tuple[int, int], Future]] = {}


def start(source: Path) -> None:
    """Check ``source``'s workbooks, then read their tables' sheets on a thread."""
    books = []
    for path in folders.workbooks(source):
        try:
            guard.check_contents(path)
            stamp = _stamp(path)
        except (guard.UnreadableFile, OSError):
            continue  # refused again when it is read, with its message
        books.append((path, Future()))
        _started[path.resolve()] = (stamp, books[-1][1])
    if books:
        threading.Thread(target=_read, args=(books,), name="readahead", daemon=True).start()


def _read(books: list[tuple[Path, Future]]) -> None:
    for path, result in books:
        try:
            book = open_workbook(path)
            names = book.sheet_names
            # the sheets named after a table, else the first (what read_grid chooses)
            for name in [n for n in names if contract.table_for_name(n)] or names[:1]:
                with contextlib.suppress(Exception):  # read again when needed, and refused
                    book.ahead[name] = load_sheet(book.reader, name)
            result.set_result(book)
        except Exception as exc:  # opened again when needed, and refused with a message
            result.set_exception(exc)


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


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns
