"""Files -> raw tables of text cells, with the spreadsheet row number of each row.

One parse per sheet: the header row is found on the same grid that becomes the
data. Guards run before any parser sees a file.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from bomca_data import contract
from bomca_data.issues import Issue

ROW = "_row"  # the spreadsheet row number a person sees, carried through cleaning
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class UnreadableFile(Exception):
    """A file that must be refused; the message is for the person who sent it."""


@dataclass(frozen=True)
class Location:
    """Where a table lives: a file, and the sheet to read (None: choose)."""

    table: str
    path: Path
    sheet: str | None = None


@dataclass
class RawTable:
    table: str
    file: str
    sheet: str | None
    frame: pd.DataFrame | None  # canonical columns of stripped text + ROW; None if unusable
    headers: dict[str, str] = field(default_factory=dict)  # canonical -> as written
    rows_read: int = 0
    issues: list[Issue] = field(default_factory=list)


# --- guards -------------------------------------------------------------------------


def check_file(path: Path) -> None:
    """Refuse files that are too big, not what their name says, or hostile.

    A file that passed is not checked again while it is unchanged (one workbook is
    opened once to list its sheets and once per table it holds)."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise UnreadableFile(f"cannot open the file ({exc.strerror})") from exc
    _check_once(str(path.resolve()), stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=256)  # failures raise, so only files that passed are remembered
def _check_once(name: str, size: int, mtime_ns: int) -> None:
    del mtime_ns  # part of the cache key only
    path = Path(name)
    if size > contract.MAX_FILE_BYTES:
        raise UnreadableFile(
            f"the file is {size / 2**20:.0f} MB; files over "
            f"{contract.MAX_FILE_BYTES // 2**20} MB are refused")
    if size == 0:
        raise UnreadableFile("the file is empty")
    with path.open("rb") as fh:
        head = fh.read(8)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".ods"):
        if not head.startswith(_ZIP_MAGIC):
            raise UnreadableFile(_not_a_workbook(path, head))
        _check_zip(path)
    elif suffix == ".xls" and not head.startswith(_OLE_MAGIC):
        if head.startswith(_ZIP_MAGIC):
            raise UnreadableFile("the file is an .xlsx workbook named .xls: rename it to .xlsx")
        raise UnreadableFile(_not_a_workbook(path, head))


def _not_a_workbook(path: Path, head: bytes) -> str:
    kind = path.suffix.lower().lstrip(".")
    if head.lstrip().lower().startswith((b"<!doc", b"<html", b"<?xml", b"<tabl")):
        return (f"the file is a web page or XML text, not a real .{kind} workbook; "
                "open it in Excel and save it as an Excel workbook")
    return f"the file is not a .{kind} workbook (it may be damaged or of another type)"


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            entries = zf.infolist()
            if len(entries) > contract.MAX_ZIP_ENTRIES:
                raise UnreadableFile(f"the workbook holds {len(entries)} parts; too many to be safe")
            unpacked = sum(e.file_size for e in entries)
            if unpacked > contract.MAX_UNPACKED_BYTES:
                raise UnreadableFile(
                    f"the workbook unpacks to {unpacked / 2**20:.0f} MB; over "
                    f"{contract.MAX_UNPACKED_BYTES // 2**20} MB is refused")
            for entry in entries:
                if entry.filename.endswith((".xml", ".rels")):
                    with zf.open(entry) as part:
                        head = part.read(4096)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise UnreadableFile(
                            "the workbook contains XML entity declarations, "
                            "which spreadsheet programs never write; refused")
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise UnreadableFile(f"the workbook is damaged or truncated ({exc})") from exc


# --- locating tables ----------------------------------------------------------------


def sheet_names(path: Path) -> list[str]:
    if path.suffix.lower() == ".csv":
        return []
    check_file(path)
    return list(_open_workbook(path).sheet_names)


def _open_workbook(path: Path):
    import fastexcel  # imported here so CSV-only runs do not pay for it

    try:
        return fastexcel.read_excel(str(path))
    except Exception as exc:  # fastexcel raises its own error classes; all mean unreadable
        raise UnreadableFile(f"the workbook cannot be opened ({_short(exc)})") from exc


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__


def table_for_name(name: str) -> str | None:
    key = contract.header_key(name)
    return key if key in contract.TABLES else None


class SourceError(Exception):
    """The source itself (folder or workbook) cannot be read."""


def locate_tables(source: Path) -> tuple[list[Location], list[Issue]]:
    """Find each table's file (and sheet) in a folder or a workbook."""
    if not source.exists():
        raise SourceError(f"{source}: no such file or folder")
    if source.is_file():
        return _locate_in_workbook(source, strict=True)
    if not source.is_dir():
        raise SourceError(f"{source}: not a folder or a workbook")
    files = sorted(p for p in source.iterdir() if p.is_file()
                   and p.suffix.lower() in contract.ACCEPTED_SUFFIXES
                   and not p.name.startswith(("~$", ".")))
    found: dict[str, Location] = {}
    issues: list[Issue] = []
    for path in sorted(files, key=lambda p: contract.ACCEPTED_SUFFIXES.index(p.suffix.lower())):
        table = table_for_name(path.stem)
        if table is None:
            continue
        if table in found:
            issues.append(Issue("ambiguous-source", f"{path.name} was not read: the {table} "
                                f"table is already read from {found[table].path.name}",
                                table, path.name))
            continue
        found[table] = Location(table, path)
    for path in files:
        if table_for_name(path.stem) is None and path.suffix.lower() != ".csv":
            locations, more = _locate_in_workbook(path, strict=False)
            issues += more
            for loc in locations:
                if loc.table in found:
                    issues.append(Issue(
                        "ambiguous-source", f"sheet '{loc.sheet}' of {path.name} was not "
                        f"read: the {loc.table} table is already read from "
                        f"{found[loc.table].path.name}", loc.table, path.name, loc.sheet))
                else:
                    found[loc.table] = loc
    return [found[t] for t in contract.TABLES if t in found], issues


def _locate_in_workbook(path: Path, strict: bool) -> tuple[list[Location], list[Issue]]:
    if path.suffix.lower() not in contract.ACCEPTED_SUFFIXES:
        raise SourceError(f"{path.name}: not a spreadsheet "
                          f"(accepted: {', '.join(contract.ACCEPTED_SUFFIXES)})")
    try:
        names = sheet_names(path)
    except UnreadableFile as exc:
        if strict:
            raise SourceError(f"{path.name}: {exc}") from exc
        return [], [Issue("unreadable-file", f"{path.name}: {exc}", file=path.name)]
    locations = []
    for name in names:
        table = table_for_name(name)
        if table and table not in {loc.table for loc in locations}:
            locations.append(Location(table, path, name))
    if strict and not locations and (table := table_for_name(path.stem)):
        locations.append(Location(table, path))  # e.g. activities.xlsx given directly
    return locations, []


# --- reading one table -------------------------------------------------------------


def read_grid(path: Path, sheet: str | None, table: str) -> tuple[pd.DataFrame, np.ndarray, str | None]:
    """The whole sheet (or CSV) as text cells, its row numbers, and the sheet read."""
    check_file(path)
    if path.suffix.lower() == ".csv":
        grid, rows = read_csv_grid(path)
        return grid, rows, None
    reader = _open_workbook(path)
    names = list(reader.sheet_names)
    if sheet is None:
        sheet = next((n for n in names if table_for_name(n) == table), names[0] if names else None)
    if sheet is None:
        raise UnreadableFile("the workbook has no sheets")
    try:
        # header_row=None with skip_rows=0 keeps leading blank rows, so index + 1
        # is the row number; every cell as text so no value is lost to type guessing.
        grid = reader.load_sheet(sheet, header_row=None, skip_rows=0, dtypes="string",
                                 schema_sample_rows=None).to_pandas()
    except Exception as exc:
        raise UnreadableFile(f"sheet '{sheet}' cannot be read ({_short(exc)})") from exc
    grid.columns = range(grid.shape[1])
    return grid, np.arange(1, len(grid) + 1), sheet


def read_csv_grid(path: Path) -> tuple[pd.DataFrame, np.ndarray]:
    data = path.read_bytes()
    if b"\x00" in data[:65536]:
        raise UnreadableFile("the file is binary, not a CSV text file")
    text = decode_text(data)
    delimiter = detect_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, starts, line = [], [], 0
    try:
        for record in reader:
            rows.append(record)
            starts.append(line + 1)
            line = reader.line_num
    except csv.Error as exc:
        raise UnreadableFile(f"line {reader.line_num}: {exc}") from exc
    width = max(map(len, rows), default=0)
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
        raise UnreadableFile("the text is neither UTF-8 nor Windows-1251") from exc


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
    lookup = table.header_lookup()
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


def read_table(loc: Location) -> RawTable:
    """Read one table; a file that cannot be read becomes an issue, never an exception."""
    spec = contract.TABLES[loc.table]
    raw = RawTable(loc.table, loc.path.name, loc.sheet, None)
    try:
        grid, rows, raw.sheet = read_grid(loc.path, loc.sheet, loc.table)
    except UnreadableFile as exc:
        raw.issues.append(Issue("unreadable-file", str(exc), loc.table,
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
            raw.issues.append(Issue(
                "missing-column",
                f"required column '{name}' not found in the first "
                f"{contract.HEADER_SEARCH_ROWS} rows (accepted headers: {aliases}); "
                f"the {spec.name} table cannot be used", column=name, **where))
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
        raw.issues.append(Issue(
            "personal-data-dropped",
            f"{len(personal)} column(s) holding personal data were dropped on reading and "
            f"are never kept or shown: {', '.join(personal)}", **where))
    if unknown:
        raw.issues.append(Issue(
            "unknown-column", f"columns not in the contract were ignored: {', '.join(unknown)}",
            **where))
    if len(body):
        last = body.iloc[-1].dropna()
        if len(last) and contract.header_key(str(last.iloc[0])) in contract.TOTAL_WORDS:
            raw.issues.append(Issue(
                "total-row-skipped", f"the totals row '{last.iloc[0]}' was skipped",
                row=int(body_rows[-1]), column=str(header[last.index[0]])
                if isinstance(header[last.index[0]], str) else None,
                value=str(last.iloc[0]), **where))
            body, body_rows = body.iloc[:-1], body_rows[:-1]
    frame = pd.DataFrame({name: body[col].to_numpy() for col, name in found.items()})
    for col in spec.columns:  # absent optional columns are present and empty
        if col.name not in frame:
            frame[col.name] = pd.Series([None] * len(frame), dtype="str")
    frame[ROW] = body_rows.astype("int64")
    raw.frame = frame.reset_index(drop=True)
    raw.rows_read = len(frame)
    return raw
