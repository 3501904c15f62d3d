"""Checks made before any parser sees a file, so that no file can exhaust the server.

Two levels:

- ``check_file``: cheap, on every file a source lists (size, what the first bytes
  say the file is, the zip directory, password protection, links).
- ``check_contents``: before a workbook is parsed. Every zip part is decompressed
  as a stream and its bytes counted (a zip's directory can understate a part's
  size), XML that declares entities is refused, and each sheet's real extent
  (the furthest cell it names, not its ``<dimension>``) is measured, because a
  reader allocates the whole grid up to the furthest cell.

The limits are in ``contract.LIMITS``; every refusal names the limit it met.
"""

from __future__ import annotations

import os
import re
import resource
import struct
import threading
import zipfile
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from defusedxml import ElementTree

from bomca_data import contract
from bomca_data.contract.issues import Message
from bomca_data.source.location import identity
from bomca_data.source.sheet_extent import REPEAT, TAIL, Extent, implicit_extent, row_bound

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
LIMITS = contract.LIMITS
_CHUNK = 1 << 20


class UnreadableFile(Exception):
    """A file that must be refused; the message (``Message``: it can be written in the
    reader's language) is for the person who sent it."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(Message(key, **params))

    @property
    def reason(self) -> Message:
        return self.args[0]


def _mb(n: int) -> int:
    return round(n / 2**20)


PASSWORD_PROTECTED = "file.password"


# --- the limits of a process that reads untrusted files ------------------------------

MEMORY_ENV = "BOMCA_CHECK_MEMORY_MB"  # a deployment may set a lower (or higher) cap


def memory_limit() -> int:
    mb = os.environ.get(MEMORY_ENV, "")
    return int(mb) * 2**20 if mb.isdigit() else LIMITS.check_memory_bytes


def limit_self(seconds: int = LIMITS.check_seconds * 5) -> None:
    """Cap this process's address space and processor time (never raising a limit
    already lower). Called by ``python -m bomca_data`` before anything is read."""
    memory = memory_limit()
    for kind, value in ((resource.RLIMIT_AS, memory), (resource.RLIMIT_CPU, seconds)):
        soft, hard = resource.getrlimit(kind)
        if soft == resource.RLIM_INFINITY or soft > value:
            capped = value if hard == resource.RLIM_INFINITY else min(value, hard)
            resource.setrlimit(kind, (capped, hard))


# --- cheap checks, on every file ----------------------------------------------------


def check_file(path: Path) -> None:
    """Refuse links, files that are too big, not what their name says, or protected.

    A file that passed is not checked again while it is unchanged."""
    if path.is_symlink():
        raise UnreadableFile("file.link")
    try:
        found = identity(path)
    except OSError as exc:
        raise UnreadableFile("file.cannot_open", detail=exc.strerror) from exc
    _check_once(found)


@lru_cache(maxsize=256)  # failures raise, so only files that passed are remembered
def _check_once(found: tuple) -> None:
    """``found``: the file's identity (location.identity), the key of what is remembered."""
    path, size = Path(found[0]), found[1]
    if size > LIMITS.file_bytes:
        raise UnreadableFile("file.too_big", size=_mb(size), limit=_mb(LIMITS.file_bytes))
    if size == 0:
        raise UnreadableFile("file.empty")
    with path.open("rb") as fh:
        head = fh.read(8)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".ods"):
        if head.startswith(OLE_MAGIC) and _ole_is_encrypted(path):
            raise UnreadableFile(PASSWORD_PROTECTED)
        if not head.startswith(ZIP_MAGIC):
            raise _not_a_workbook(path, head)
        _check_directory(path)
    elif suffix == ".xls" and not head.startswith(OLE_MAGIC):
        if head.startswith(ZIP_MAGIC):
            raise UnreadableFile("file.xlsx_named_xls")
        raise _not_a_workbook(path, head)
    elif suffix == ".csv":
        with path.open("rb") as fh:
            if b"\x00" in fh.read(65536):
                raise UnreadableFile("file.binary_csv")


def _ole_is_encrypted(path: Path) -> bool:
    """An Office file saved with a password is an OLE container holding an
    ``EncryptedPackage`` stream (its name is stored in UTF-16)."""
    with path.open("rb") as fh:
        data = fh.read(1 << 20)
    return "EncryptedPackage".encode("utf-16-le") in data or \
        "EncryptionInfo".encode("utf-16-le") in data


def _not_a_workbook(path: Path, head: bytes) -> UnreadableFile:
    kind = path.suffix.lower().lstrip(".")
    if head.lstrip().lower().startswith((b"<!doc", b"<html", b"<?xml", b"<tabl")):
        return UnreadableFile("file.web_page", kind=kind)
    return UnreadableFile("file.not_workbook", kind=kind)


def _entries(path: Path) -> list[zipfile.ZipInfo]:
    try:
        with zipfile.ZipFile(path) as zf:
            return zf.infolist()
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise UnreadableFile("file.damaged", detail=str(exc)) from exc


def _check_directory(path: Path) -> None:
    entries = _entries(path)
    if len(entries) > LIMITS.zip_parts:
        raise UnreadableFile("file.too_many_parts", count=len(entries), limit=LIMITS.zip_parts)
    stated = sum(e.file_size for e in entries)
    if stated > LIMITS.unpacked_bytes:
        raise UnreadableFile("file.unpacks_to", size=_mb(stated), limit=_mb(LIMITS.unpacked_bytes))
    if any(e.flag_bits & 0x1 for e in entries):
        raise UnreadableFile(PASSWORD_PROTECTED)


# --- reading a zip part as it is, not as its directory says --------------------------


def _part_chunks(fh, entry: zipfile.ZipInfo, budget: int) -> Iterator[bytes]:
    """The decompressed bytes of one part, in chunks, read from its local header;
    refused as soon as more than ``budget`` bytes come out."""
    fh.seek(entry.header_offset)
    local = fh.read(30)
    if len(local) < 30 or not local.startswith(ZIP_MAGIC):
        raise UnreadableFile("file.part_header_missing")
    flags, method = struct.unpack("<HH", local[6:10])
    name_len, extra_len = struct.unpack("<HH", local[26:30])
    fh.seek(entry.header_offset + 30 + name_len + extra_len)
    if flags & 0x1:
        raise UnreadableFile(PASSWORD_PROTECTED)
    if method == zipfile.ZIP_STORED:
        left = entry.compress_size
        while left > 0:
            chunk = fh.read(min(_CHUNK, left))
            if not chunk:
                break
            left -= len(chunk)
            budget -= len(chunk)
            if budget < 0:
                raise _over_unpacked()
            yield chunk
        return
    if method != zipfile.ZIP_DEFLATED:
        raise UnreadableFile("file.compression")
    inflate = zlib.decompressobj(-15)
    pending = b""
    while not inflate.eof:
        if not pending:
            pending = fh.read(_CHUNK)
            if not pending:
                raise UnreadableFile("file.part_ends_early")
        try:
            out = inflate.decompress(pending, _CHUNK)
        except zlib.error as exc:
            raise UnreadableFile("file.damaged", detail=str(exc)) from exc
        pending = inflate.unconsumed_tail
        budget -= len(out)
        if budget < 0:
            raise _over_unpacked()
        if out:
            yield out


def _over_unpacked() -> UnreadableFile:
    return UnreadableFile("file.unpacks_more", limit=_mb(LIMITS.unpacked_bytes))


# --- a sheet's real extent (source/sheet_extent.py) --------------------------------


def _check_extent_bounds(extent: Extent, sheet: str) -> None:
    rows = extent.rows if extent.implicit else row_bound(extent.rows)
    if extent.columns > LIMITS.columns:
        raise UnreadableFile("file.far_columns", sheet=sheet, columns=extent.columns,
                             limit=LIMITS.columns)
    if rows > LIMITS.rows:
        raise UnreadableFile("file.far_rows", sheet=sheet, rows=extent.rows, limit=LIMITS.rows)
    if rows * extent.columns > LIMITS.cells:
        raise UnreadableFile("file.too_many_cells", sheet=sheet, rows=extent.rows,
                             columns=extent.columns, limit=LIMITS.cells)


# --- the deep check ------------------------------------------------------------------


@dataclass(frozen=True)
class SheetInfo:
    name: str
    part: str | None  # the zip part holding its cells (xlsx)
    hidden: bool = False


def xlsx_sheets(path: Path) -> list[SheetInfo]:
    """The sheets of an xlsx/xlsm workbook, in order, from its small workbook part
    (no cell is read): name, part and whether it is hidden. Read once per unchanged
    file (locating the tables, the guards and reading ahead all ask)."""
    try:
        found = identity(path)
    except OSError as exc:
        raise UnreadableFile("file.damaged", detail=str(exc)) from exc
    return list(_sheets_once(found))


@lru_cache(maxsize=64)  # failures raise, so only workbooks that could be read are kept
def _sheets_once(found: tuple) -> tuple[SheetInfo, ...]:
    path = Path(found[0])
    try:
        with zipfile.ZipFile(path) as zf:
            book = _small_xml(zf, "xl/workbook.xml")
            rels = _small_xml(zf, "xl/_rels/workbook.xml.rels")
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise UnreadableFile("file.damaged", detail=str(exc)) from exc
    targets = {}
    for rel in rels.iter():
        if rel.tag.endswith("Relationship"):
            target = rel.get("Target", "").lstrip("/")
            targets[rel.get("Id")] = target if target.startswith("xl/") else f"xl/{target}"
    sheets = []
    for sheet in book.iter():
        if sheet.tag.endswith("}sheet"):
            rid = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
            sheets.append(SheetInfo(sheet.get("name", ""), targets.get(rid),
                                    sheet.get("state", "visible") != "visible"))
    return tuple(sheets)


def _small_xml(zf: zipfile.ZipFile, name: str):
    info = zf.getinfo(name)
    if info.file_size > 10 * 2**20:
        raise UnreadableFile("file.part_too_large", part=name)
    try:
        return ElementTree.fromstring(zf.read(name))
    except Exception as exc:  # defusedxml refuses entities; any parse error is damage
        raise UnreadableFile("file.damaged", detail=f"{name}: {type(exc).__name__}") from exc


# the files that passed (their identity), the latest 64: failures raise, so are not kept
_PASSED: OrderedDict[tuple, None] = OrderedDict()
_PASSED_LOCK = threading.Lock()


def check_contents(path: Path, almost: Callable[[str], None] | None = None) -> None:
    """Refuse a workbook whose parts unpack past the limit, declare XML entities, or
    whose sheets reach past the row, column or cell limits. Once per unchanged file.

    ``almost``: called with the name of the part checked last (an xlsx's largest sheet)
    when every other part has passed, so that a reader may start on those
    (``readahead``); not called for a file that passed before."""
    check_file(path)
    key = identity(path)
    with _PASSED_LOCK:
        if key in _PASSED:
            return
    _check_parts(Path(key[0]), almost)
    with _PASSED_LOCK:
        _PASSED[key] = None
        while len(_PASSED) > 64:
            _PASSED.popitem(last=False)


def _check_parts(path: Path, almost: Callable[[str], None] | None) -> None:
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".ods"):
        return
    sheets = {s.part: s.name for s in xlsx_sheets(path)} if suffix != ".ods" else {}
    budget = LIMITS.unpacked_bytes
    entries = [e for e in _entries(path) if not e.is_dir()]
    last = max((e for e in entries if e.filename in sheets), key=lambda e: e.file_size,
               default=None)
    if last is not None:  # the largest sheet last (as its directory says: a lie only
        entries = [e for e in entries if e is not last] + [last]  # changes the order)
    with path.open("rb") as fh:
        for entry in entries:
            if entry is last and almost is not None:
                almost(entry.filename)
            # every part that may hold cells, whatever the workbook's own map says
            is_sheet = (entry.filename == "content.xml" if suffix == ".ods" else
                        entry.filename in sheets or "sheet" in entry.filename.lower())
            extent, tail, used = Extent(), b"", 0
            for chunk in _part_chunks(fh, entry, budget):
                used += len(chunk)
                data = tail + chunk
                if not used - len(chunk) and (b"<!ENTITY" in data or b"<!DOCTYPE" in data):
                    # a declaration can only stand before the first element
                    raise UnreadableFile("file.entities")
                if is_sheet and suffix == ".ods":
                    _check_ods_repeats(data)
                elif is_sheet:
                    extent.feed(data)
                    _check_extent_bounds(extent, sheets.get(entry.filename, entry.filename))
                tail = data[-TAIL:]
            budget -= used
            if is_sheet and extent.implicit:
                with path.open("rb") as again:
                    counted = implicit_extent(_part_chunks(again, entry, LIMITS.unpacked_bytes),
                                              lambda e: _check_extent_bounds(e, "?"))
                _check_extent_bounds(counted, sheets.get(entry.filename, entry.filename))


_ODS_VALUE = re.compile(rb'office:value-type=|<text:')


def _check_ods_repeats(data: bytes) -> None:
    """OpenDocument repeats a row or cell N times with one attribute: refuse a large
    repeat of a row or cell that holds a value (repeated blanks are how files end)."""
    for m in REPEAT.finditer(data):
        kind, count = m.group(1), int(m.group(2))
        limit = LIMITS.rows if kind == b"rows" else LIMITS.columns
        if count <= limit // 10:
            continue
        start = data.rfind(b"<", 0, m.start())
        closing = b"</table:table-row>" if kind == b"rows" else b"</table:table-cell>"
        end_tag = data.find(b">", m.end())
        body = data[start:end_tag + 1]
        if body.endswith(b"/>"):
            continue
        content = data[end_tag + 1:data.find(closing, end_tag)]
        if _ODS_VALUE.search(body) or _ODS_VALUE.search(content):
            raise UnreadableFile("file.repeated_row" if kind == b"rows" else
                                 "file.repeated_cell", count=count, limit=limit)
