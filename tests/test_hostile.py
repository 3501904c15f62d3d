"""Hostile and broken files end in a clear unreadable-file error, within seconds and
without large memory. Each runs in its own process, whose peak memory is measured."""

import os
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from bomca_data import contract
from tests.sheets import ACTIVITY_HEADER, activity, write

ROOT = Path(__file__).resolve().parent.parent
MAX_SECONDS = 20  # generous: a guard answers in well under a second
MAX_RSS_MB = 400  # interpreter + pandas + fastexcel is about 150 MB


def validate_in_process(path: Path) -> tuple[int, str, float, float]:
    """(exit code, output, seconds, peak RSS in MB) of `validate` on ``path``."""
    log = path.parent.parent / f"{path.parent.name}.out"
    start = time.monotonic()
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "bomca_data", "validate", str(path)],
                                cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        killer = threading.Timer(MAX_SECONDS, proc.kill)
        killer.start()
        _, status, usage = os.wait4(proc.pid, 0)  # reaps the child with its own rusage
        killer.cancel()
    seconds = time.monotonic() - start
    return (os.waitstatus_to_exitcode(status), log.read_text(), seconds,
            usage.ru_maxrss / 1024)


def _zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def truncated_zip(folder: Path) -> Path:
    good = write(folder / "good.xlsx", [ACTIVITY_HEADER, activity(1)])
    data = good.read_bytes()
    good.unlink()
    path = folder / "activities.xlsx"
    path.write_bytes(data[: len(data) // 2])
    return path


def web_page(folder: Path) -> Path:
    path = folder / "activities.xlsx"
    path.write_text("<!DOCTYPE html><html><body><table><tr><td>activity_id</td></tr></table>"
                    "</body></html>")
    return path


def empty_file(folder: Path) -> Path:
    path = folder / "activities.xlsx"
    path.write_bytes(b"")
    return path


def binary_noise(folder: Path) -> Path:
    path = folder / "activities.xlsx"
    path.write_bytes(os.urandom(200_000))
    return path


def binary_noise_csv(folder: Path) -> Path:
    path = folder / "activities.csv"
    path.write_bytes(os.urandom(200_000))
    return path


def entity_expansion(folder: Path) -> Path:
    """a workbook whose sheet declares nested entities ("billion laughs")."""
    laughs = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)]
    sheet = ('<?xml version="1.0"?><!DOCTYPE lolz [' + "".join(laughs) + ']>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
             '</sheetData></worksheet>')
    good = write(folder / "good.xlsx", [ACTIVITY_HEADER, activity(1)])
    with zipfile.ZipFile(good) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    good.unlink()
    sheet_name = next(n for n in parts if n.startswith("xl/worksheets/"))
    parts[sheet_name] = sheet.encode()
    return _zip(folder / "activities.xlsx", parts)


def zip_bomb(folder: Path) -> Path:
    """a workbook whose sheet unpacks to 600 MB of zeros (about 600 KB packed)."""
    good = write(folder / "good.xlsx", [ACTIVITY_HEADER, activity(1)])
    with zipfile.ZipFile(good) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    good.unlink()
    path = folder / "activities.xlsx"
    chunk = b"0" * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            if name.startswith("xl/worksheets/"):
                with zf.open(name, "w", force_zip64=True) as part:
                    for _ in range(600):
                        part.write(chunk)
            else:
                zf.writestr(name, data)
    return path


def oversized(folder: Path) -> Path:
    path = folder / "activities.csv"
    with path.open("wb") as fh:
        fh.truncate(contract.MAX_FILE_BYTES + 1)
    return path


@pytest.mark.parametrize(("make", "says"), [
    (truncated_zip, "damaged or truncated"),
    (web_page, "web page"),
    (empty_file, "empty"),
    (binary_noise, "not a .xlsx workbook"),
    (binary_noise_csv, "binary"),
    (entity_expansion, "entity"),
    (zip_bomb, "unpacks to"),
    (oversized, "over 50 MB"),
])
def test_hostile_file_is_refused_quickly_and_cheaply(tmp_path, make, says):
    make(tmp_path)
    code, out, seconds, rss = validate_in_process(tmp_path)
    assert code == 1, out
    assert "ERROR unreadable-file" in out and says in out, out
    assert "Traceback" not in out
    assert seconds < MAX_SECONDS
    assert 10 < rss < MAX_RSS_MB, f"peak memory {rss:.0f} MB"


def test_hostile_workbook_given_directly_exits_2(tmp_path):
    path = web_page(tmp_path)
    code, out, _, _ = validate_in_process(path)
    assert code == 2 and "web page" in out and "Traceback" not in out
