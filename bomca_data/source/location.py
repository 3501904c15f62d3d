"""Where the data is: the source a command or page reads, the files in it, and the
layout of a managed data folder (the import workflow that writes it is ``store``):

    current -> versions/v0003   the version the dashboard reads
    versions/v0001/ ...         each accepted upload: its files and manifest.json
    history.jsonl               one line per import and rollback

An unmanaged folder (files side by side) is read as it is. Nothing here imports
pandas: the command line finds the workbooks before it imports the rest
(``readahead``).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from bomca_data import contract
from bomca_data.contract import labels
from bomca_data.contract.issues import Issue, Message

PROJECT_DIR = Path(__file__).resolve().parents[2]
DEMO_DIR = PROJECT_DIR / "data"
ENV_VAR = "BOMCA_DATA"
CURRENT = "current"
VERSIONS = "versions"
MANIFEST = "manifest.json"
HISTORY = "history.jsonl"


@dataclass(frozen=True)
class Location:
    """Where a table lives: a file, and the sheet to read (None: choose)."""

    table: str
    path: Path
    sheet: str | None = None


def identity(path: Path) -> tuple:
    """What tells one file's content from another's without reading it: its resolved
    path, size, modification time (ns), inode, device and change time (ns). A file
    replaced by another (a new inode) or rewritten with its old size and modification
    time put back (a new change time, which no program can set) is another file. The
    key of everything remembered about a file: the guards' checks, reading ahead and
    the dashboard's loaded data."""
    stat = path.stat()
    return (str(path.resolve()), stat.st_size, stat.st_mtime_ns, stat.st_ino, stat.st_dev,
            stat.st_ctime_ns)


def resolve_source(path: str | Path | None = None) -> Path:
    """The --data option, else $BOMCA_DATA, else the bundled demonstration data."""
    chosen = path or os.environ.get(ENV_VAR) or DEMO_DIR
    return Path(chosen).expanduser()


def current_dir(folder: Path) -> Path:
    """The folder the tables are read from: the current version, or the folder itself."""
    link = folder / CURRENT
    return link.resolve() if link.is_dir() else folder


def manifest_locations(folder: Path) -> list[Location] | None:
    """The tables a version's manifest names; None for an unmanaged folder."""
    path = folder / MANIFEST
    if not path.is_file():
        return None
    manifest = json.loads(path.read_text(encoding="utf-8"))
    return [Location(table, folder / Path(entry["file"]).name, entry.get("sheet"))
            for table, entry in manifest["tables"].items() if table in contract.TABLES]


def data_files(folder: Path) -> tuple[list[Path], list[Issue]]:
    """The spreadsheet files of a folder; links are refused (never followed), so
    nothing outside the folder is read, exported or copied into a version."""
    files, issues = [], []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in contract.ACCEPTED_SUFFIXES or path.name.startswith(
                ("~$", ".")):
            continue
        if path.is_symlink():
            issues.append(Issue("unreadable-file", Message("issue.unreadable-file.link",
                                                           file=path.name),
                                labels.table_for_name(path.stem), path.name))
        elif path.is_file():
            files.append(path)
    return files, issues


def workbooks(source: Path) -> list[Path]:
    """The workbooks a source's tables are read from, as far as can be told without
    reading them: the one given, or those of the folder (its current version)."""
    if source.is_file():
        return [source] if source.suffix.lower() in contract.WORKBOOK_SUFFIXES else []
    if not source.is_dir():
        return []
    here = current_dir(source)
    if (manifest := manifest_locations(here)) is not None:
        return sorted({loc.path for loc in manifest if loc.path.is_file()
                       and loc.path.suffix.lower() in contract.WORKBOOK_SUFFIXES})
    return [p for p in data_files(here)[0] if p.suffix.lower() in contract.WORKBOOK_SUFFIXES]


_INVISIBLE_OR_CONTROL = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")
MAX_NAME_BYTES = 150  # of a file name's stem, in UTF-8 (file systems allow 255 in all)


def upload_name(name: str, taken: set[str] = frozenset()) -> str:
    """A name the data folder can hold for a file the browser sent as ``name`` (which
    may be anything: a path, 160 Cyrillic letters, NUL, control or direction marks):
    its last part, without control and invisible characters, not hidden, its stem cut
    to MAX_NAME_BYTES, and unlike the names in ``taken``."""
    import unicodedata

    base = unicodedata.normalize("NFC", str(name)).replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch) not in _INVISIBLE_OR_CONTROL)
    stem, dot, suffix = base.rpartition(".")
    if not dot or f".{suffix.lower()}" not in contract.ACCEPTED_SUFFIXES:
        stem, suffix = base, ""
    stem = stem.strip().lstrip(".~$").strip() or "upload"
    while len(stem.encode("utf-8")) > MAX_NAME_BYTES:
        stem = stem[:-1]
    suffix = f".{suffix.lower()}" if suffix else ""
    chosen, n = stem.rstrip() + suffix, 1
    while chosen in taken:
        n += 1
        chosen = f"{stem.rstrip()}-{n}{suffix}"
    return chosen
