"""Makers of hostile files, written by the tests into a temporary folder (never
committed). Each docstring names the one attack its file makes."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

from tests.sheets import ACTIVITY_HEADER, activity, write


def parts_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def rezip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def _good_parts(folder: Path) -> dict[str, bytes]:
    good = write(folder / "good.xlsx", [ACTIVITY_HEADER, activity(1)])
    parts = parts_of(good)
    good.unlink()
    return parts


def _sheet_part(parts: dict[str, bytes]) -> str:
    return next(n for n in parts if n.startswith("xl/worksheets/"))


def far_cell(folder: Path, ref: str = "XFD1048576") -> Path:
    """an xlsx of about 5 KB whose only extra cell sits at ``ref`` (a reader that
    allocates the grid up to its furthest cell asks for hundreds of GB)."""
    parts = _good_parts(folder)
    name = _sheet_part(parts)
    sheet = parts[name].decode()
    row = "".join(ch for ch in ref if ch.isdigit())
    extra = f'<row r="{row}"><c r="{ref}" t="inlineStr"><is><t>x</t></is></c></row>'
    sheet = sheet.replace("</sheetData>", extra + "</sheetData>")
    sheet = sheet.replace('<dimension ref="A1:G2"/>', "")
    parts[name] = sheet.encode()
    return rezip(folder / "activities.xlsx", parts)


def cells_without_positions(folder: Path, n: int = 200_000) -> Path:
    """an xlsx whose second row holds ``n`` cells that give no position (each is
    placed after the one before it: a row ``n`` columns wide)."""
    parts = _good_parts(folder)
    name = _sheet_part(parts)
    sheet = parts[name].decode()
    extra = '<row r="3">' + '<c t="inlineStr"><is><t>x</t></is></c>' * n + "</row>"
    parts[name] = sheet.replace("</sheetData>", extra + "</sheetData>").encode()
    return rezip(folder / "activities.xlsx", parts)


def lying_directory(folder: Path, megabytes: int = 900) -> Path:
    """an xlsx whose shared-strings part unpacks to ``megabytes`` MB while its zip
    directory (central and local headers both) says 1 KB."""
    parts = _good_parts(folder)
    strings = (b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
               b'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>')
    tail = b"</t></si></sst>"
    path = folder / "activities.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
        with zf.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            part.write(strings)
            block = b"A" * (1 << 20)
            for _ in range(megabytes):
                part.write(block)
            part.write(tail)
    return _understate(path, "xl/sharedStrings.xml", 1024)


def _understate(path: Path, name: str, size: int) -> Path:
    """Rewrite the stated uncompressed size of one part (in both headers) as ``size``."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(name)
    offset = info.header_offset
    extra_len = struct.unpack("<H", data[offset + 28:offset + 30])[0]
    name_len = struct.unpack("<H", data[offset + 26:offset + 28])[0]
    data[offset + 22:offset + 26] = struct.pack("<I", size)
    extra = offset + 30 + name_len
    _patch_zip64(data, extra, extra_len, size)
    position = 0
    while True:  # find this part's central record by its offset field
        position = data.find(b"PK\x01\x02", position)
        if position < 0:
            break
        n_len, e_len, c_len = struct.unpack("<HHH", data[position + 28:position + 34])
        record_name = bytes(data[position + 46:position + 46 + n_len]).decode()
        if record_name == name:
            data[position + 24:position + 28] = struct.pack("<I", size)
            _patch_zip64(data, position + 46 + n_len, e_len, size)
        position += 46 + n_len + e_len + c_len
    path.write_bytes(bytes(data))
    return path


def _patch_zip64(data: bytearray, start: int, length: int, size: int) -> None:
    """Set the uncompressed size in a zip64 extra field, when there is one."""
    position = start
    while position < start + length:
        tag, field_len = struct.unpack("<HH", data[position:position + 4])
        if tag == 0x0001 and field_len >= 8:
            data[position + 4:position + 12] = struct.pack("<Q", size)
        position += 4 + field_len


def deflated(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def blank_rows_csv(folder: Path, megabytes: int = 8) -> Path:
    """a CSV of a header and ``megabytes`` MB of rows that are blank but for one
    cell (a careless clerk's file: one error per blank required cell)."""
    path = folder / "activities.csv"
    row = b"x,,,,\n"
    with path.open("wb") as fh:
        fh.write(b"activity_id,title,component,country,start_date\n")
        fh.write(row * (megabytes * 2**20 // len(row)))
    return path


def empty_lines_csv(folder: Path, megabytes: int = 8) -> Path:
    """a CSV of one valid row and then ``megabytes`` MB of empty lines and commas."""
    path = folder / "activities.csv"
    with path.open("wb") as fh:
        fh.write(b"activity_id,title,component,country,start_date\nA1,T,C1,KZ,2022-03-01\n")
        fh.write(b",,,,\n\n" * (megabytes * 2**20 // 6))
    return path


def wide_csv(folder: Path, columns: int = 200_000) -> Path:
    """a CSV of about 1 MB whose header has ``columns`` columns."""
    path = folder / "activities.csv"
    header = "activity_id,title,component,country,start_date" + ",x" * columns
    path.write_text(header + "\nA1,T,C1,KZ,2022-03-01\n")
    return path
