"""Files -> raw tables of text cells, with the spreadsheet row number of each row.

One parse per sheet: the header row is found on the same grid that becomes the
data. Guards run before any parser sees a file.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from bomca_data import contract
from bomca_data.contract import labels
from bomca_data.contract.issues import Issue, Message, table_name
from bomca_data.source import guard, readahead
from bomca_data.source.guard import UnreadableFile
from bomca_data.source.location import Location, data_files

ROW = "_row"  # the spreadsheet row number a person sees, carried through cleaning
check_file = guard.check_file


@dataclass
class RawTable:
    table: str
    file: str
    sheet: str | None
    frame: pd.DataFrame | None  # canonical columns of stripped text + ROW; None if unusable
    headers: dict[str, str] = field(default_factory=dict)  # canonical -> as written
    rows_read: int = 0
    issues: list[Issue] = field(default_factory=list)


# --- locating tables ----------------------------------------------------------------


def sheets(path: Path) -> list[guard.SheetInfo]:
    """A workbook's sheets, in order. For xlsx the names come from its small workbook
    part, so no cell (and no shared string) is read to list them."""
    if path.suffix.lower() == ".csv":
        return []
    check_file(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return guard.xlsx_sheets(path)
    return [guard.SheetInfo(name, None) for name in _open_workbook(path).sheet_names]


def sheet_names(path: Path) -> list[str]:
    return [sheet.name for sheet in sheets(path)]


def _open_workbook(path: Path) -> readahead.Workbook:
    guard.check_contents(path)
    if (book := readahead.take(path)) is not None:
        return book
    try:
        return readahead.open_workbook(path)
    except BaseException as exc:  # fastexcel's own error classes (or a panic): unreadable
        if not readahead.reader_error(exc):
            raise
        raise _open_error(exc) from exc


def _open_error(exc: Exception) -> UnreadableFile:
    if any(word in str(exc).lower() for word in ("password", "encrypt")):
        return UnreadableFile(guard.PASSWORD_PROTECTED)
    return UnreadableFile("file.open_failed", detail=_short(exc))


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__


class SourceError(Exception):
    """The source itself (folder or workbook) cannot be read; the message may be a
    ``Message``, written in the reader's language (``issues.text``)."""


def locate_tables(source: Path) -> tuple[list[Location], list[Issue]]:
    """Find each table's file (and sheet) in a folder or a workbook."""
    if not source.exists():
        raise SourceError(Message("source.missing", source=str(source)))
    if source.is_file():
        return _locate_in_workbook(source, strict=True)
    if not source.is_dir():
        raise SourceError(Message("source.not_folder", source=str(source)))
    files, issues = data_files(source)
    located, more = locate_in_files(files)
    return located, issues + more


def locate_in_files(files: list[Path]) -> tuple[list[Location], list[Issue]]:
    """Each table's file (and sheet) among ``files``: a file named after the table (a
    workbook before a CSV), else a sheet named after it in another workbook; a table
    found twice is read from the first place and the other is reported."""
    issues: list[Issue] = []
    found: dict[str, Location] = {}
    files = [p for p in files if p.suffix.lower() in contract.ACCEPTED_SUFFIXES]
    for path in sorted(files, key=lambda p: contract.ACCEPTED_SUFFIXES.index(p.suffix.lower())):
        table = labels.table_for_name(path.stem)
        if table is None:
            continue
        if table in found:
            issues.append(Issue("ambiguous-source", Message(
                "issue.ambiguous-source.file_twice", file=path.name, table=table_name(table),
                other=found[table].path.name), table, path.name))
            continue
        found[table] = Location(table, path)
    for path in files:
        if labels.table_for_name(path.stem) is None and path.suffix.lower() != ".csv":
            locations, more = _locate_in_workbook(path, strict=False)
            issues += more
            for loc in locations:
                if loc.table in found:
                    issues.append(Issue("ambiguous-source", Message(
                        "issue.ambiguous-source.sheet_twice", sheet=loc.sheet, file=path.name,
                        table=table_name(loc.table), other=found[loc.table].path.name),
                        loc.table, path.name, loc.sheet))
                else:
                    found[loc.table] = loc
    return [found[t] for t in contract.TABLES if t in found], issues


def _locate_in_workbook(path: Path, strict: bool) -> tuple[list[Location], list[Issue]]:
    if path.suffix.lower() not in contract.ACCEPTED_SUFFIXES:
        raise SourceError(Message("source.not_spreadsheet", file=path.name,
                                  accepted=", ".join(contract.ACCEPTED_SUFFIXES)))
    try:
        listed = sheets(path)
    except UnreadableFile as exc:
        if strict:
            raise SourceError(Message("source.unreadable", file=path.name, why=exc.reason)
                              ) from exc
        return [], [Issue("unreadable-file", Message("issue.unreadable-file.reason",
                                                     file=path.name, why=exc.reason),
                          file=path.name)]
    locations, issues = [], []
    for table in contract.TABLES:
        holding = [s for s in listed if labels.table_for_name(s.name) == table]
        if not holding:
            continue
        visible = [s for s in holding if not s.hidden] or holding
        chosen = visible[0]
        locations.append(Location(table, path, chosen.name))
        for other in holding:
            if other is chosen:
                continue
            why = (Message("issue.ambiguous-source.hidden_skipped", sheet=other.name,
                           file=path.name) if other.hidden and not chosen.hidden
                   else Message("issue.ambiguous-source.other_sheet", sheet=other.name,
                                file=path.name, chosen=chosen.name))
            issues.append(Issue("ambiguous-source", why, table, path.name, other.name))
        if chosen.hidden:
            issues.append(Issue("ambiguous-source", Message(
                "issue.ambiguous-source.hidden_read", table=table_name(table),
                sheet=chosen.name, file=path.name), table, path.name, chosen.name))
    if strict and not locations and (table := labels.table_for_name(path.stem)):
        locations.append(Location(table, path))  # e.g. activities.xlsx given directly
    return locations, issues


# --- reading one table -------------------------------------------------------------


def read_grid(path: Path, sheet: str | None, table: str, opened: dict | None = None
              ) -> tuple[pd.DataFrame, np.ndarray, str | None]:
    """The whole sheet (or CSV) as text cells, its row numbers, and the sheet read.
    ``opened``: workbooks already opened in this reading (path -> Workbook), so that a
    workbook holding every table is opened, and its shared strings read, once."""
    check_file(path)
    if path.suffix.lower() == ".csv":
        grid, rows = read_csv_grid(path)
        return grid, rows, None
    opened = {} if opened is None else opened
    if path not in opened:
        opened[path] = _open_workbook(path)
    book = opened[path]
    names = book.sheet_names
    if sheet is None:
        sheet = next((n for n in names if labels.table_for_name(n) == table), names[0] if names else None)
    if sheet is None:
        raise UnreadableFile("file.no_sheets")
    try:
        grid = book.sheet(sheet).to_pandas()  # index + 1 is the row number
    except BaseException as exc:
        if not readahead.reader_error(exc):
            raise
        raise UnreadableFile("file.sheet_unreadable", sheet=sheet, detail=_short(exc)) from exc
    grid.columns = range(grid.shape[1])
    return grid, np.arange(1, len(grid) + 1), sheet


def read_csv_grid(path: Path) -> tuple[pd.DataFrame, np.ndarray]:
    """The CSV's non-blank records (blank lines cost nothing) and their line numbers;
    refused past the row or column limit, before a grid is built."""
    data = path.read_bytes()  # guard.check_file has refused binary files
    text = decode_text(data)
    del data
    delimiter = detect_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, starts, line, width = [], [], 0, 0
    limits = guard.LIMITS
    try:
        for record in reader:
            if any(record) and any(cell.strip() for cell in record):
                rows.append(record)
                starts.append(line + 1)
                width = max(width, len(record))
                if width > limits.columns:
                    raise UnreadableFile("file.csv_wide_line", line=line + 1,
                                         count=len(record), limit=limits.columns)
                if len(rows) > limits.rows:
                    raise UnreadableFile("file.csv_too_many_rows", limit=limits.rows)
            line = reader.line_num
    except csv.Error as exc:
        raise UnreadableFile("file.csv_error", line=reader.line_num, detail=str(exc)) from exc
    if len(rows) * width > limits.cells:
        raise UnreadableFile("file.csv_too_many_cells", rows=len(rows), columns=width,
                             limit=limits.cells)
    grid = pd.DataFrame([r + [""] * (width - len(r)) for r in rows], dtype="str")
    return grid, np.asarray(starts, dtype=int)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1251."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1251")
    except UnicodeDecodeError as exc:
        raise UnreadableFile("file.encoding") from exc


def detect_delimiter(text: str) -> str:
    """The one of `,` `;` tab that splits the first lines most consistently."""
    lines = [ln for ln in text.splitlines()[:30] if ln.strip()]
    best, best_score = ",", (0, 0)
    for delimiter in (";", "\t", ","):
        counts = [ln.count(delimiter) for ln in lines]
        nonzero = Counter(c for c in counts if c)
        if not nonzero:
            continue
        mode, lines_at_mode = nonzero.most_common(1)[0]
        score = (lines_at_mode, mode)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _clean_text(grid: pd.DataFrame) -> pd.DataFrame:
    """Strip every cell; blank cells become NA."""
    out = {}
    for col in grid.columns:
        s = grid[col].astype("str").str.strip()
        if s.str.endswith(" 00:00:00").any():  # a date cell, as read: show it as a date
            s = s.str.replace(r"^(\d{4}-\d{2}-\d{2}) 00:00:00$", r"\1", regex=True)
        out[col] = s.where(s != "", None)
    return pd.DataFrame(out, index=grid.index)


def find_header(grid: pd.DataFrame, table: contract.Table) -> tuple[int | None, dict[int, str]]:
    """First row within the first 15 in which all required columns are recognised.

    Returns (position, {column position: canonical name}); position None when no
    row qualifies, with the best partial match for the error message.
    """
    lookup = labels.header_lookup(table.name)
    best: tuple[int | None, dict[int, str]] = (None, {})
    for pos in range(min(contract.HEADER_SEARCH_ROWS, len(grid))):
        found: dict[int, str] = {}
        for col, cell in grid.iloc[pos].items():
            name = lookup.get(contract.header_key(cell)) if isinstance(cell, str) else None
            if name and name not in found.values():
                found[col] = name
        if set(table.required) <= set(found.values()):
            return pos, found
        if len(found) > len(best[1]):
            best = (None, found)
    return best


def read_tables(locations: list[Location]) -> dict[str, RawTable]:
    """Every located table, each workbook opened once for all the tables it holds."""
    opened: dict[Path, object] = {}
    try:
        return {loc.table: read_table(loc, opened) for loc in locations}
    finally:
        readahead.forget()  # what was read ahead is not kept past the reading


def read_table(loc: Location, opened: dict | None = None) -> RawTable:
    """Read one table; a file that cannot be read becomes an issue, never an exception."""
    spec = contract.TABLES[loc.table]
    raw = RawTable(loc.table, loc.path.name, loc.sheet, None)
    try:
        grid, rows, raw.sheet = read_grid(loc.path, loc.sheet, loc.table, opened)
    except UnreadableFile as exc:
        raw.issues.append(Issue("unreadable-file", Message(
            "issue.unreadable-file.reason", file=loc.path.name, why=exc.reason), loc.table,
            loc.path.name, loc.sheet))
        return raw
    return split_grid(raw, grid, rows, spec)


def split_grid(raw: RawTable, grid: pd.DataFrame, rows: np.ndarray,
               spec: contract.Table) -> RawTable:
    where = {"table": raw.table, "file": raw.file, "sheet": raw.sheet}
    grid = _clean_text(grid)
    header_pos, found = find_header(grid, spec)
    if header_pos is None:
        missing = [c for c in spec.required if c not in found.values()]
        for name in missing:
            aliases = ", ".join((name, *spec.column(name).aliases))
            raw.issues.append(Issue("missing-column", Message(
                "issue.missing-column.not_found", column=name, aliases=aliases,
                rows=contract.HEADER_SEARCH_ROWS, table=table_name(spec.name)),
                column=name, **where))
        return raw
    header = grid.iloc[header_pos]
    raw.headers = {name: str(header[col]) for col, name in found.items()}
    personal, unknown = [], []
    for col, cell in header.items():
        if col in found or not isinstance(cell, str):
            continue
        (personal if contract.is_personal(cell)
         else unknown).append(cell)
    body = grid.iloc[header_pos + 1:]
    body_rows = rows[header_pos + 1:]
    # Blank rows (every cell empty, personal-data cells included) are not data.
    keep = body.notna().any(axis=1).to_numpy()
    body, body_rows = body[keep], body_rows[keep]
    if personal:
        raw.issues.append(Issue("personal-data-dropped", Message(
            "issue.personal-data-dropped.columns", n=len(personal),
            columns=", ".join(personal)), **where))
    if unknown:
        raw.issues.append(Issue("unknown-column", Message(
            "issue.unknown-column.ignored", columns=", ".join(unknown)), **where))
    if len(body):
        last = body.iloc[-1].dropna()
        if len(last) and contract.header_key(str(last.iloc[0])) in contract.TOTAL_WORDS:
            raw.issues.append(Issue(
                "total-row-skipped", Message("issue.total-row-skipped.skipped",
                                             value=str(last.iloc[0])),
                row=int(body_rows[-1]), column=str(header[last.index[0]])
                if isinstance(header[last.index[0]], str) else None,
                value=str(last.iloc[0]), **where))
            body, body_rows = body.iloc[:-1], body_rows[:-1]
    frame = pd.DataFrame({name: body[col].array for col, name in found.items()})  # no copy
    for col in spec.columns:  # absent optional columns are present and empty
        if col.name not in frame:
            frame[col.name] = pd.Series([None] * len(frame), dtype="str")
    frame[ROW] = body_rows.astype("int64")
    raw.frame = frame.reset_index(drop=True)
    raw.rows_read = len(frame)
    return raw
