"""Hostile and broken files end in a clear unreadable-file error, within seconds and
without large memory. Each runs in its own process, whose peak memory is measured."""

import datetime as dt
import os
import re
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from bomca_data import contract
from tests import hostile
from tests.sheets import ACTIVITY_HEADER, activity, write

ROOT = Path(__file__).resolve().parent.parent
MAX_SECONDS = 30  # whatever the file, a read ends within this (a guard: about a second)
MAX_RSS_MB = 1024  # and within this much memory (interpreter + pandas is about 150 MB)


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
        fh.truncate(contract.LIMITS.file_bytes + 1)
    return path


def password_protected(folder: Path) -> Path:
    """an xlsx saved with a password (an encrypted OLE container, not a zip)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = write(folder / "plain.xlsx", [ACTIVITY_HEADER, activity(1)])
    path = folder / "activities.xlsx"
    with plain.open("rb") as source, path.open("wb") as target:
        OOXMLFile(source).encrypt("secret", target)
    plain.unlink()
    return path


def far_cell(folder: Path) -> Path:
    return hostile.far_cell(folder, "XFD1048576")


def far_cell_2000(folder: Path) -> Path:
    return hostile.far_cell(folder, "XFD2000")


def far_row(folder: Path) -> Path:
    """a cell in column G but a million rows down: 7 columns by 2 million rows."""
    return hostile.far_cell(folder, "G2000000")


def deep_and_wide(folder: Path) -> Path:
    """a cell at column SF (500) row 900,000: within each limit, past the cells limit."""
    return hostile.far_cell(folder, "SF900000")


@pytest.mark.parametrize(("make", "says"), [
    (truncated_zip, "damaged or truncated"),
    (web_page, "web page"),
    (empty_file, "empty"),
    (binary_noise, "not a .xlsx workbook"),
    (binary_noise_csv, "binary"),
    (entity_expansion, "entity"),
    (zip_bomb, "unpacks to"),
    (oversized, "the limit is 50 MB per file"),
    (password_protected, "password-protected: open it, remove the password"),
    (far_cell, "sheet 'Sheet1' has cells up to column 16,384; the limit is 500 columns"),
    (far_cell_2000, "sheet 'Sheet1' has cells up to column 16,384; the limit is 500 columns"),
    (far_row, "has cells down to row 2,000,000; the limit is 1,000,000 rows"),
    (deep_and_wide, "spans 900,000 rows by 500 columns; the limit is 8,000,000 cells"),
    (hostile.cells_without_positions, "has cells up to column"),
    (hostile.lying_directory, "unpacks to more than 500 MB, the limit (its zip directory "
                              "states less)"),
    (hostile.blank_rows_csv, "the file has more than 1,000,000 rows, the limit"),
    (hostile.wide_csv, "line 1 has 200,005 columns; the limit is 500 columns"),
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


def test_blank_rows_cost_nothing_and_repeated_issues_are_counted(tmp_path):
    """2 MB of rows blank but for one cell: four errors a row, 1.6 million in all,
    listed 20 per column and counted beyond (the old reader took 34 s and 1.4 GB)."""
    hostile.blank_rows_csv(tmp_path, megabytes=2)
    code, out, seconds, rss = validate_in_process(tmp_path)
    rows = 2 * 2**20 // 6
    assert code == 1 and "Traceback" not in out
    lines = [ln for ln in out.splitlines() if ln.startswith("ERROR missing-value")]
    assert len(lines) == 4 * (contract.LIMITS.listed_issues + 1), out[-2000:]
    assert f"and {rows - 20:,} more rows with the same problem in column 'title'" in out
    assert seconds < MAX_SECONDS and rss < MAX_RSS_MB, (seconds, rss)


def test_empty_lines_cost_nothing_and_make_no_issue(tmp_path):
    hostile.empty_lines_csv(tmp_path, megabytes=8)
    code, out, seconds, rss = validate_in_process(tmp_path)
    assert code == 0, out
    assert "activities 1/1 rows valid" in out and "ERROR" not in out
    assert seconds < MAX_SECONDS and rss < MAX_RSS_MB, (seconds, rss)


def test_a_file_the_guards_miss_is_stopped_by_the_command_lines_own_limits(tmp_path):
    """validate caps its own memory: a read needing more ends the process quickly
    instead of taking the machine's memory."""
    proc = subprocess.run([sys.executable, "-c", (
        "from bomca_data.source.guard import limit_self; limit_self(); "
        "b = bytearray(7000 * 2**20)")], cwd=ROOT, capture_output=True, timeout=60)
    assert proc.returncode != 0 and b"MemoryError" in proc.stderr


def test_the_sign_in_throttle_keeps_bounded_memory_whatever_names_it_is_sent():
    """Failed sign-ins with multi-megabyte names left hundreds of MB held for ever: the
    throttle kept every name, in two copies."""
    import sys as _sys

    from bomca_data.access import throttle

    class Clock:
        now = 1000.0

        def __call__(self):
            return self.now

    clock = Clock()
    gate = throttle.Throttle(clock)
    for i in range(1_000):
        name = f"{i}-" + "x" * 20_000
        clock.now += 0.01
        gate.reserve(name, f"198.51.100.{i % 250}")
        gate.failed(name, f"198.51.100.{i % 250}")
    held = sum(_sys.getsizeof(k) + sum(_sys.getsizeof(p) for p in k)
               for k in gate._entries)
    assert len(gate) <= 1_000 + 250 + 1 and held < 1_000_000  # digests, not 20 MB of names
    assert not any(isinstance(p, str) and len(p) > 50 for k in gate._entries for p in k)
    clock.now += throttle.FORGET_AFTER + throttle.MAX_WAIT + 1  # waits over, long quiet
    gate.reserve("alice", "10.0.0.1")
    assert len(gate) == 0
    for i in range(throttle.MAX_ENTRIES + 500):  # a flood within one window: capped
        gate.failed(f"n{i}", "10.0.0.2")
    assert len(gate) <= throttle.MAX_ENTRIES


def test_a_name_over_the_limit_is_refused_before_anything_is_kept(monkeypatch):
    from bomca_data.ui import auth

    auth.THROTTLE.clear()
    monkeypatch.setattr(auth, "_secrets", lambda section: {})
    assert auth._attempt("x" * (auth.throttle.MAX_NAME + 1), "pw") is None
    assert auth._attempt("bob", "p" * (auth.MAX_PASSWORD + 1)) is None
    assert len(auth.THROTTLE) == 0


@pytest.mark.parametrize("text", [
    "https://evil.example.org/x", "www.evil.example.org", "mail@evil.example.org",
    "$x^2$", "[a](https://evil.example.org)", "<b>x</b>", "# head", "**b** _i_ `c`",
    ":red[x] :material/home:", "1. item\n- item\n> quote | a | b |"])
def test_untrusted_text_is_written_for_markdown_as_literal_text(text):
    """Every ASCII mark is escaped and the patterns of bare addresses are broken by an
    invisible joiner: what a reader sees is the text itself."""
    from bomca_data.ui.plaintext import WORD_JOINER, plain

    written = plain(text)
    unescaped = re.sub(r"\\(.)", r"\1", written).replace(WORD_JOINER, "")
    assert unescaped == " ".join(text.split())
    assert not re.search(r"www\.|https?://|\w@\w|(?<!\\)[$*_`<\[#|>]", written), written


def _rewrite_in_place(path: Path, data: bytes) -> None:
    """Replace a file's bytes by others of the same length and put its modification
    time back, as a copy tool that keeps times does."""
    before = path.stat()
    assert len(data) == before.st_size
    with path.open("r+b") as fh:
        fh.write(data)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_mtime_ns == before.st_mtime_ns


def test_a_file_swapped_for_one_of_equal_size_and_time_is_checked_again(tmp_path):
    """The guards' memory of files that passed was keyed on (path, size, time): a refused
    file put in place of a good one, its time put back, was then read unchecked."""
    from bomca_data.model import source_signature
    from bomca_data.source import guard

    path = write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, activity(1)])
    guard.check_contents(path)
    signature = source_signature(tmp_path)
    good = path.read_bytes()
    _rewrite_in_place(path, b"<html>" + good[6:])  # no longer a workbook, same size and time
    with pytest.raises(guard.UnreadableFile):
        guard.check_contents(path)
    assert source_signature(tmp_path) != signature  # the dashboard reads it again too


def test_an_edited_programme_toml_is_never_served_from_the_cache(tmp_path, monkeypatch):
    """The disk cache's key left out programme.toml although cleaning reads it (the
    years a workplan year may name): two folders with one workbook and different
    programmes served each other's results; an edit was ignored until the workbook
    changed."""
    from bomca_data.model import load_dataset, source_signature

    monkeypatch.setenv("BOMCA_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "data"
    write(folder / "activities.xlsx", [[*ACTIVITY_HEADER, "workplan_year"],
                                       activity(1) + [2027]])
    settings = folder / "programme.toml"
    settings.write_text('[programme]\nstart = "2021-04-01"\nmonths = 54\n')
    codes = lambda: [i.code for i in load_dataset(folder).issues]  # noqa: E731
    assert "range-error" in codes()  # 2027 is past a programme ending in 2025
    signature = source_signature(folder)
    _rewrite_in_place(settings, settings.read_text().replace("54", "96").encode())
    assert source_signature(folder) != signature
    assert "range-error" not in codes()  # read with the new settings, not from the cache
    other = tmp_path / "other"  # the same workbook, another programme: its own result
    other.mkdir()
    (other / "activities.xlsx").write_bytes((folder / "activities.xlsx").read_bytes())
    (other / "programme.toml").write_text('[programme]\nstart = "2021-04-01"\nmonths = 54\n')
    assert "range-error" in [i.code for i in load_dataset(other).issues]


NASTY_CELLS = ["1e20", "-1e20", "4000000000000000000", "1e400", "nan", "inf", "-0", "2.5",
               "9" * 400, "31.12.9999", "01.01.0001", "0", "-1", "x" * 5_000, "=1+1",
               "https://evil.example.org", "KZ;;;;", "12/31/2022", "1 234,5", "' '"]


def _nasty_source(folder: Path) -> Path:
    """Every table as a CSV whose every column holds, row after row, values no
    spreadsheet should hold (numbers past any bound, dates out of range, long text),
    beside a valid first row."""
    from tests.sheets import write_csv

    folder.mkdir(parents=True, exist_ok=True)
    for table in contract.TABLES.values():
        header = [c.name for c in table.columns]
        rows = [[f"N{i}" if c == table.id_column else NASTY_CELLS[(i + j) % len(NASTY_CELLS)]
                 for j, c in enumerate(header)] for i in range(len(NASTY_CELLS))]
        write_csv(folder / f"{table.name}.csv",
                  [header, activity(99) + [None] * (len(header) - 7)
                   if table.name == "activities" else [None] * len(header), *rows])
    return folder


def test_no_value_in_any_cell_crashes_validate_a_page_or_the_upload_check(tmp_path, monkeypatch):
    """One cell of 1e20 in an integer column crashed `validate` with a traceback (exit
    1, "errors found"), broke every page and made the upload check claim it ran out of
    memory; counts of 4e18 summed to a negative number of attendances."""
    from bomca_data.model import load_dataset
    from bomca_data.store import sandbox
    from tests.test_pages import PAGES, open_page

    monkeypatch.setenv("BOMCA_CACHE", str(tmp_path / "cache"))
    folder = _nasty_source(tmp_path / "nasty")
    code, out, _, _ = validate_in_process(folder / "activities.csv")
    assert code == 1 and "Traceback" not in out, out
    done = subprocess.run([sys.executable, "-m", "bomca_data", "summary", str(folder),
                           "--format", "json"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    report = sandbox.check(folder)  # the Data page's check of the same files
    assert report.has_errors and report.stats["participants"].rows_read == len(NASTY_CELLS)
    dataset = load_dataset(folder)
    counts = dataset.tables["participants"]["count"]
    assert counts.isna().all() or int(counts.sum()) <= contract.MAX_COUNT * len(counts)
    for page in PAGES:
        open_page(monkeypatch, page, folder)  # asserts no exception


def test_counts_past_their_maximum_are_row_errors_and_sums_stay_exact(tmp_path):
    """Three rows of 4e18 gave attendances of -6,446,744,073,709,551,616."""
    import json

    write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, activity(1)])
    write(tmp_path / "participants.xlsx", [["activity_id", "count"], ["A1", 4e18], ["A1", 4e18],
                                           ["A1", 4e18], ["A1", contract.MAX_COUNT], ["A1", 7]])
    done = subprocess.run([sys.executable, "-m", "bomca_data", "summary", str(tmp_path),
                           "--format", "json", "--as-of", "2022-12-31"], cwd=ROOT,
                          capture_output=True, text=True)
    assert json.loads(done.stdout)["participants"]["attendances"] == contract.MAX_COUNT + 7
    code, out, _, _ = validate_in_process(tmp_path / "participants.xlsx")
    assert code == 1 and out.count("range-error") == 3 and ":count:" in out, out


@pytest.mark.parametrize("command", [["export"], ["brief", "--country", "KZ"], ["contract"]])
def test_an_out_path_that_cannot_be_written_is_one_line_and_exit_2(tmp_path, command):
    """--out naming a folder or an unwritable place ended in a traceback (exit 1), and
    --out followed a symbolic link and overwrote its target."""
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    link = tmp_path / "out.xlsx"
    link.symlink_to(target)
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    for out, why in [(tmp_path, "is a folder"), (link, "is a symbolic link"),
                     (a_file / "x.xlsx", "cannot be written"),
                     (Path("/proc/bomca-out.xlsx"), "/proc/bomca-out.xlsx")]:
        done = subprocess.run([sys.executable, "-m", "bomca_data", *command, "--out", str(out)],
                              cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert done.returncode == 2, (out, done.stderr)
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and str(out) in lines[0] and why in lines[0], done.stderr
    assert target.read_text() == "keep me" and link.is_symlink()
    good = tmp_path / "new" / "file.out"
    done = subprocess.run([sys.executable, "-m", "bomca_data", *command, "--out", str(good)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and good.stat().st_size > 0, done.stderr
    assert [p.name for p in good.parent.iterdir()] == ["file.out"]  # no temporary left


def test_an_id_has_one_meaning_for_duplicates_references_and_updates(tmp_path):
    """An id differing only by spaces or letter case was one id for the duplicate check
    and another for attaching updates: another country's update (its note and status)
    attached itself to a Kazakh recommendation and reached the Kazakh viewer's export."""
    from bomca_data import access
    from bomca_data.model import load_dataset

    write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, activity(1)])
    rec = ["rec_id", "title", "country", "date_proposed", "status"]
    write(tmp_path / "recommendations.xlsx", [
        rec, ["R-1", "Kazakh SOP", "KZ", dt.date(2022, 4, 1), "accepted"],
        ["r-1\u200b", "Uzbek SOP", "UZ", dt.date(2022, 4, 1), "accepted"],  # the same id
        ["R-2", "Uzbek manual", "UZ", dt.date(2022, 4, 1), "accepted"],
        ["R-3", "Broken", "KZ", dt.date(2022, 4, 1), "maybe"]])  # excluded: bad status
    write(tmp_path / "recommendation_updates.xlsx", [
        ["rec_id", "date", "status", "note"],
        [" r-1", dt.date(2022, 6, 1), "implemented", "UZ-SECRET note"],  # which R-1?
        ["Ｒ-2", dt.date(2022, 6, 1), "implemented", "for R-2"],  # full-width R: R-2
        ["R-3", dt.date(2022, 6, 1), "implemented", "of an excluded row"]])
    dataset = load_dataset(tmp_path, use_cache=False)
    found = {(i.table, i.row, i.code, i.message.key) for i in dataset.issues
             if i.severity == "error"}
    assert found == {
        ("recommendations", 3, "duplicate-id", "issue.duplicate-id.again"),
        ("recommendations", 5, "vocabulary-error", "issue.vocabulary-error.term"),
        ("recommendation_updates", 2, "unknown-reference", "issue.unknown-reference.ambiguous"),
        ("recommendation_updates", 4, "unknown-reference", "issue.unknown-reference.excluded"),
    }, found
    updates = dataset.tables["recommendation_updates"]
    assert list(updates["rec_id"]) == ["R-2"]  # written as its recommendation writes it
    kazakh = access.restrict(dataset, ("KZ",))
    assert "UZ-SECRET" not in kazakh.tables["recommendation_updates"].to_csv()
    assert len(kazakh.tables["recommendation_updates"]) == 0


def test_heavy_downloads_are_made_once_per_view_and_two_at_a_time():
    """An Excel export of 100,000 rows cost about 25 s of processor time per click, with
    no limit on how many ran at once."""
    from bomca_data.ui.downloads import Builds

    builds, lock = Builds(parallel=2), threading.Lock()
    running, most, made = [0], [0], []

    def make(key):
        def build():
            with lock:
                running[0] += 1
                most[0] = max(most[0], running[0])
                made.append(key)
            time.sleep(0.2)
            with lock:
                running[0] -= 1
            return f"file {key}".encode()
        return build

    keys = [k for k in range(5) for _ in range(4)]  # five views, each clicked four times
    results = {}
    threads = [threading.Thread(target=lambda i=i, k=k: results.__setitem__(
        i, builds.get(k, make(k)))) for i, k in enumerate(keys)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(made) == list(range(5))  # each view's file made once
    assert most[0] == 2  # never more than two at a time
    assert all(results[i] == f"file {k}".encode() for i, k in enumerate(keys))
    assert builds.get(3, make(99)) == b"file 3" and len(made) == 5  # the next click: kept

    def broken():
        raise RuntimeError("no")
    with pytest.raises(RuntimeError):
        builds.get("bad", broken)
    assert builds.get("bad", make("bad")) == b"file bad"  # a failure is not kept
