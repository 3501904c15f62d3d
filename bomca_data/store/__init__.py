"""A managed data folder: versioned, atomic imports, history and rollback.

Layout of a managed folder (the one BOMCA_DATA names)::

    programme.toml              settings (not versioned)
    versions/v0001/             one complete version: its files + manifest.json
    versions/v0002/
    current -> versions/v0002   the version the dashboard reads (a symlink)
    history.jsonl               one line per import and rollback

A version's manifest says which file (and sheet) holds each table, with the file
hashes, row counts, time and who made it. Files are never edited: an import writes
a new version folder beside the others (staged under a temporary name, flushed,
renamed), then swaps the ``current`` link in one atomic rename. A crash at any
point leaves the previous version current. Imports and rollbacks of one folder are
serialised by an exclusive lock on the folder itself (no lock file is written, so a
refused import changes no byte). Rollback points ``current`` at an earlier version:
its bytes are exactly those that were imported.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bomca_data import contract
from bomca_data.contract.issues import Message
from bomca_data.model import Dataset, load_dataset
from bomca_data.programme import SETTINGS_FILE
from bomca_data.source import read
from bomca_data.source.location import (
    CURRENT,
    HISTORY,
    MANIFEST,
    VERSIONS,
    Location,
    current_dir,
    manifest_locations,
)
from bomca_data.store import sandbox


class StoreError(Exception):
    """A bad call: no such version, not a folder..."""


class OthersRows(StoreError):
    """An editor limited to countries sent files that would add, change or delete rows
    not theirs alone (access.edits): ``changes`` counts them per country list."""

    def __init__(self, changes: dict[str, int]) -> None:
        super().__init__(f"rows of others would change: {changes}")
        self.changes = changes


class Changed(StoreError):
    """The folder's current version changed between an upload's check and its accept
    (another editor imported or rolled back): the upload must be checked again."""


class AlreadyCurrent(StoreError):
    """The files accepted are those of the current version (the same upload accepted
    twice): no new version is made; ``version`` is the current one."""

    def __init__(self, version: str) -> None:
        super().__init__(f"already current: {version}")
        self.version = version


class RestrictedRollback(StoreError):
    """Only an editor for every country rolls back (a version holds every country)."""


@dataclass(frozen=True)
class Version:
    name: str
    time: str
    user: str
    tables: dict  # table -> {"file": ..., "sheet": ...}
    hashes: dict  # file -> sha256
    rows: dict  # table -> rows read
    current: bool = False
    scopes: dict | None = None  # table -> {country list: [rows read, excluded]}; None: older
    note: dict | None = None  # decisions recorded: {"meeting", "decisions", "new"}

    def rows_seen(self, countries: tuple[str, ...]) -> dict | None:
        """Rows read per table, of the rows a user limited to ``countries`` sees; None
        for a version made before rows were recorded by country."""
        if not countries:
            return self.rows
        if self.scopes is None:
            return None
        from bomca_data.access import sees

        return {table: sum(n for scope, (n, _) in scopes.items() if sees(scope or None,
                                                                          countries))
                for table, scopes in self.scopes.items()}


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on the folder (flock on its directory handle)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def versions(folder: Path) -> list[Version]:
    """Every version, oldest first, the current one marked."""
    root = folder / VERSIONS
    if not root.is_dir():
        return []
    now = current_dir(folder)
    out = []
    for path in sorted(p for p in root.iterdir() if p.is_dir() and p.name.startswith("v")):
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
        out.append(Version(path.name, manifest["time"], manifest["user"], manifest["tables"],
                           manifest["hashes"], manifest["rows"], path.resolve() == now,
                           manifest.get("scopes"), manifest.get("note")))
    return out


def _locations_of(folder: Path) -> list[Location]:
    """Where the current tables are, managed or not."""
    here = current_dir(folder)
    found = manifest_locations(here)
    if found is not None:
        return found
    located, _ = read.locate_tables(here)
    return located


def _upload_locations(files: list[Path]) -> list[Location]:
    """The tables the uploaded files hold, found as in a data folder; an upload that
    cannot be read is refused with its reason."""
    found, issues = read.locate_in_files(files)
    for issue in issues:
        if issue.code == "unreadable-file":
            raise StoreError(issue.message)
    return found


def plan(folder: Path, files: list[Path]) -> tuple[list[Location], list[Location]]:
    """(the uploaded tables, the current tables they leave in place)."""
    uploaded = _upload_locations(files)
    if not uploaded:
        raise StoreError(Message("source.no_table", tables=", ".join(contract.TABLES)))
    replaced = {loc.table for loc in uploaded}
    kept = [loc for loc in _locations_of(folder) if loc.table not in replaced]
    return uploaded, kept


def _stage(root: Path, locations: list[Location]) -> tuple[Path, dict, dict]:
    """Copy the files of ``locations`` into a new folder under ``root``; the
    manifest's table map and hashes."""
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=root))
    tables, hashes, names = {}, {}, {}
    for loc in locations:
        source = loc.path.resolve()
        if source not in names:
            name = loc.path.name
            while name in names.values():  # two files of one name: keep both
                name = f"{len(names)}-{name}"
            names[source] = name
            shutil.copy2(source, staging / name)
            hashes[name] = sha256(staging / name)
        tables[loc.table] = {"file": names[source], "sheet": loc.sheet}
    return staging, tables, hashes


def preview(folder: Path, locations: list[Location], isolated: bool = False) -> Dataset:
    """The Dataset the folder would hold with the tables at ``locations`` (the two
    lists of plan(), added): nothing changes. ``isolated``: first read by a child
    process under memory and time limits (sandbox.py), as the server does for uploads;
    once it has read the files safely, they are read here from the disk cache it wrote."""

    with tempfile.TemporaryDirectory(prefix="bomca-preview-") as tmp:
        staging, tables, _ = _stage(Path(tmp), locations)
        _write_manifest(staging, tables, {}, {}, "preview")
        settings = folder / SETTINGS_FILE
        if settings.is_file():
            shutil.copy2(settings, staging / SETTINGS_FILE)
        if isolated:
            sandbox.check(staging)  # raises CheckFailed when the child cannot finish
        return load_dataset(staging)


def _write_manifest(folder: Path, tables: dict, hashes: dict, rows: dict, user: str,
                    more: dict | None = None) -> None:
    """``more``: the rows by country ("scopes") and what a save recorded ("note")."""
    manifest = {"time": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "user": user,
                "tables": tables, "hashes": hashes, "rows": rows,
                **{k: v for k, v in (more or {}).items() if v is not None}}
    path = folder / MANIFEST
    with path.open("w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())


def _adopt(folder: Path) -> None:
    """Make an unmanaged folder's current files its first version (before the first
    import), so that nothing is lost and rollback can return to them."""
    if (folder / CURRENT).exists() or not (locations := _locations_of(folder)):
        return
    root = folder / VERSIONS
    root.mkdir(exist_ok=True)
    staging, tables, hashes = _stage(root, locations)
    _write_manifest(staging, tables, hashes, {}, "adopted")
    _publish(folder, staging, "adopted", "adopt")


def _next_name(folder: Path) -> str:
    names = [v.name for v in versions(folder)]
    return f"v{len(names) + 1:04d}"


def _publish(folder: Path, staging: Path, user: str, action: str, note: dict | None = None
             ) -> str:
    """Rename the staged version into place and point ``current`` at it atomically."""
    for path in staging.iterdir():
        with path.open("rb") as fh:
            os.fsync(fh.fileno())
    _fsync_dir(staging)
    name = _next_name(folder)
    final = folder / VERSIONS / name
    os.rename(staging, final)
    _fsync_dir(folder / VERSIONS)
    _point_current(folder, name)
    _log(folder, {"action": action, "version": name, "user": user,
                  **({"note": note} if note else {})})
    return name


def _point_current(folder: Path, name: str) -> None:
    link = folder / f".{CURRENT}.new"
    if link.is_symlink() or link.exists():
        link.unlink()
    os.symlink(Path(VERSIONS) / name, link)
    os.replace(link, folder / CURRENT)  # the one atomic step
    _fsync_dir(folder)


def _log(folder: Path, entry: dict) -> None:
    entry = {"time": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), **entry}
    with (folder / HISTORY).open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())


@dataclass
class Upload:
    """Files checked against a folder, ready to publish: the tables they hold, the
    folder's tables they leave in place, the data the folder would then hold, and the
    version that was current when they were checked."""

    folder: Path
    uploaded: list[Location]
    kept: list[Location]
    dataset: Dataset
    basis: str | None  # the current version's name (None: a folder not managed yet)


def current_version(folder: Path) -> str | None:
    link = folder / CURRENT
    return link.resolve().name if link.is_dir() else None


def check_upload(folder: Path, files: list[Path], countries: tuple[str, ...] = (),
                 isolated: bool = False) -> Upload:
    """The upload's path, top to bottom, nothing changed: locate the tables in the files
    (each already past the guards), read and clean them with the folder's other tables
    (in a child process under limits when ``isolated``), and, for an editor limited to
    ``countries``, refuse with OthersRows a change to any row not theirs alone."""
    if not folder.is_dir():
        raise StoreError(f"{folder}: not a folder")
    basis = current_version(folder)
    uploaded, kept = plan(folder, files)
    dataset = preview(folder, uploaded + kept, isolated=isolated)
    if countries:
        check_own_rows(folder, dataset, [loc.table for loc in uploaded], countries)
    return Upload(folder, uploaded, kept, dataset, basis)


def publish(upload: Upload, user: str, allow_errors: bool = False) -> str | None:
    """Make a checked upload the new version (None: refused, it has errors and they are
    not allowed). Under the folder's lock, and only if the version it was checked
    against is still current: otherwise Changed (check it again). The files of the
    current version again make no new one: AlreadyCurrent."""
    with locked(upload.folder):
        return _publish_upload(upload, user, allow_errors)


def _publish_upload(upload: Upload, user: str, allow_errors: bool,
                    note: dict | None = None) -> str | None:
    """publish(), the folder's lock held; ``note``: the decisions it records."""
    folder = upload.folder
    if current_version(folder) != upload.basis:
        raise Changed(upload.basis)
    if upload.dataset.has_errors and not allow_errors:
        return None
    _adopt(folder)
    root = folder / VERSIONS
    root.mkdir(exist_ok=True)
    _clean_stale(root)
    staging, tables, hashes = _stage(root, upload.uploaded + upload.kept)
    now = next((v for v in versions(folder) if v.current), None)
    if now is not None and now.scopes is not None and (now.tables, now.hashes) == (
            tables, hashes):  # the same files, in the same places (and rows recorded by
        shutil.rmtree(staging)  # country, which an adopted folder's first version lacks)
        raise AlreadyCurrent(now.name)
    stats = upload.dataset.stats
    _write_manifest(staging, tables, hashes, {n: s.rows_read for n, s in stats.items()},
                    user, {"scopes": {n: s.scopes for n, s in stats.items()}, "note": note})
    return _publish(folder, staging, user, "record" if note else "import", note)


def import_files(folder: Path, files: list[Path], user: str = "cli",
                 allow_errors: bool = False, countries: tuple[str, ...] = ()):
    """check_upload, then publish, the folder locked throughout (the command line's
    import: two at once are done one after the other). Returns (the data the folder
    would hold, the version made or None when refused for errors)."""
    if not folder.is_dir():
        raise StoreError(f"{folder}: not a folder")
    with locked(folder):
        upload = check_upload(folder, files, countries)
        return upload.dataset, _publish_upload(upload, user, allow_errors)


def check_own_rows(folder: Path, upload: Dataset, tables: list[str], countries: tuple[str, ...]) -> None:
    """Raise OthersRows when ``upload`` (the Dataset the folder would hold) replacing
    ``tables`` adds, changes or deletes rows an editor limited to ``countries`` may not."""
    from bomca_data.access import changes_to_others

    if changes := changes_to_others(load_dataset(folder), upload, tables, countries):
        raise OthersRows(changes)


def _clean_stale(root: Path) -> None:
    """Staging folders a crash left behind are never current: remove them."""
    for path in root.glob(".staging-*"):
        shutil.rmtree(path, ignore_errors=True)


def rollback(folder: Path, name: str, user: str = "cli",
             countries: tuple[str, ...] = ()) -> None:
    """Make version ``name`` current: only a version of this folder, named as it is
    listed (``v0002``), never a path. Refused to an editor limited to ``countries``: a
    version holds every country's rows."""
    if countries:
        raise RestrictedRollback(name)
    with locked(folder):
        listed = {v.name for v in versions(folder)}
        if name not in listed or not re.fullmatch(r"v\d{4,}", name):
            known = ", ".join(v.name for v in versions(folder)) or "none"
            raise StoreError(f"no version {name!r} (versions: {known})")
        _point_current(folder, name)
        _log(folder, {"action": "rollback", "version": name, "user": user})
