"""The managed data folder: refused imports change nothing, good ones keep history,
rollback restores exact bytes, a crash leaves the old version, concurrent imports
never mix."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bomca_data import cli, store
from bomca_data.model import load_dataset
from bomca_data.source import location
from tests.sheets import ACTIVITY_HEADER, activity, write

ROOT = Path(__file__).resolve().parent.parent


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file and link under ``folder`` with a digest of its bytes (or target)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        if path.is_symlink():
            out[key] = "->" + os.readlink(path)
        elif path.is_file():
            out[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


@pytest.fixture
def folder(tmp_path):
    """a data folder of one activities file and one participants file (unmanaged)."""
    data = tmp_path / "data"
    write(data / "activities.xlsx", [ACTIVITY_HEADER, activity(1), activity(2)])
    write(data / "participants.xlsx", [["activity_id", "gender"], ["A1", "F"], ["A2", "M"]])
    return data


def upload(tmp_path: Path, name: str, rows: list) -> Path:
    return write(tmp_path / "upload" / name, rows)


def test_import_with_errors_changes_no_byte(folder, tmp_path, capsys):
    before = tree_digest(folder)
    bad = upload(tmp_path, "activities.xlsx", [ACTIVITY_HEADER, activity(1),
                                               activity(2, start_date="soon")])
    code = cli.main(["import", str(bad), "--data", str(folder)])
    assert code == 1
    assert "ERROR type-error activities.xlsx:Sheet1:3:start_date" in capsys.readouterr().out
    assert tree_digest(folder) == before


def test_good_import_keeps_the_old_version_and_rollback_restores_its_bytes(folder, tmp_path):
    old_bytes = (folder / "activities.xlsx").read_bytes()
    new = upload(tmp_path, "activities.xlsx", [ACTIVITY_HEADER, activity(1), activity(2),
                                               activity(3)])
    dataset, version = store.import_files(folder, [new], "alice")
    assert version == "v0002" and not dataset.has_errors
    assert load_dataset(folder).stats["activities"].rows_read == 3
    assert load_dataset(folder).stats["participants"].rows_read == 2  # kept as it was
    history = store.versions(folder)
    assert [(v.name, v.user, v.current) for v in history] == [
        ("v0001", "adopted", False), ("v0002", "alice", True)]
    assert history[1].hashes["activities.xlsx"] == hashlib.sha256(new.read_bytes()).hexdigest()
    assert history[1].rows == {"activities": 3, "participants": 2}
    store.rollback(folder, "v0001")
    assert load_dataset(folder).stats["activities"].rows_read == 2
    assert (location.current_dir(folder) / "activities.xlsx").read_bytes() == old_bytes


def test_import_with_errors_can_be_accepted_explicitly(folder, tmp_path):
    bad = upload(tmp_path, "activities.xlsx", [ACTIVITY_HEADER, activity(1),
                                               activity(2, start_date="soon")])
    _, version = store.import_files(folder, [bad], "alice", allow_errors=True)
    assert version == "v0002"
    assert load_dataset(folder).stats["activities"].rows_excluded == 1


def test_a_crash_before_the_switch_leaves_the_old_version(folder, tmp_path, monkeypatch):
    new = upload(tmp_path, "activities.xlsx", [ACTIVITY_HEADER, activity(1), activity(5)])
    store.import_files(folder, [upload(tmp_path, "participants.xlsx",
                                       [["activity_id"], ["A1"]])], "x")
    before = load_dataset(folder).stats["activities"].rows_read

    def crash(*args, **kwargs):
        raise OSError("power cut")

    monkeypatch.setattr(store.os, "replace", crash)
    with pytest.raises(OSError):
        store.import_files(folder, [new], "alice")
    monkeypatch.undo()
    assert load_dataset(folder).stats["activities"].rows_read == before
    assert store.versions(folder)[-1].current is False  # written, never made current
    # the next import works and cleans up
    _, version = store.import_files(folder, [new], "alice")
    assert load_dataset(folder).stats["activities"].rows_read == 2 and version


def test_rollback_to_an_unknown_version_is_a_bad_call(folder, capsys):
    assert cli.main(["rollback", "v0042", "--data", str(folder)]) == 2
    assert "no version" in capsys.readouterr().err


def test_history_from_the_command_line(folder, tmp_path, capsys):
    new = upload(tmp_path, "activities.xlsx", [ACTIVITY_HEADER, activity(1), activity(2),
                                               activity(3)])
    assert cli.main(["import", str(new), "--data", str(folder), "--user", "bob"]) == 0
    capsys.readouterr()
    assert cli.main(["history", "--data", str(folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("  v0001") and lines[1].startswith("* v0002") and "bob" in lines[1]


def test_concurrent_imports_end_in_one_complete_version(folder, tmp_path):
    """two processes import different workbooks at once: each version is whole."""
    uploads = []
    for n in (3, 4):
        uploads.append(upload(tmp_path / str(n), "activities.xlsx",
                              [ACTIVITY_HEADER] + [activity(i) for i in range(1, n + 1)]))
    procs = [subprocess.Popen([sys.executable, "-m", "bomca_data", "import", str(path),
                               "--data", str(folder)], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for path in uploads]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    history = store.versions(folder)
    assert [v.name for v in history] == ["v0001", "v0002", "v0003"]
    for version, expected in zip(history[1:], sorted(
            [3, 4], key=lambda n: history[1].rows["activities"] != n), strict=True):
        assert version.rows["activities"] == expected
        files = location.current_dir(folder).parent / version.name
        for name, digest in version.hashes.items():
            assert hashlib.sha256((files / name).read_bytes()).hexdigest() == digest
    assert load_dataset(folder).stats["activities"].rows_read in (3, 4)


def test_the_demo_data_cannot_be_imported_into(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("BOMCA_DATA", raising=False)
    new = upload(tmp_path, "activities.xlsx", [ACTIVITY_HEADER, activity(1)])
    assert cli.main(["import", str(new)]) == 2
    assert "read-only" in capsys.readouterr().err


def test_the_same_files_accepted_twice_make_one_version(folder, tmp_path, capsys):
    """Each further click on Accept made another identical version (v0002, v0003)."""
    new = upload(tmp_path, "activities.xlsx", [ACTIVITY_HEADER, activity(1), activity(2),
                                               activity(3)])
    first = store.check_upload(folder, [new])
    assert store.publish(first, "alice") == "v0002"
    again = store.check_upload(folder, [new])  # the page checks the files again
    with pytest.raises(store.AlreadyCurrent) as exc:
        store.publish(again, "alice")
    assert exc.value.version == "v0002"
    assert [v.name for v in store.versions(folder)] == ["v0001", "v0002"]
    assert cli.main(["import", str(new), "--data", str(folder)]) == 0
    assert "no new version" in capsys.readouterr().err
    assert len(store.versions(folder)) == 2
