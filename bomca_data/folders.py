"""The layout of a managed data folder, as reading needs it (the import workflow that
writes it is ``store``):

    current -> versions/v0003   the version the dashboard reads
    versions/v0001/ ...         each accepted upload: its files and manifest.json
    history.jsonl               one line per import and rollback

An unmanaged folder (files side by side) is read as it is.
"""

from __future__ import annotations

import json
from pathlib import Path

from bomca_data import contract
from bomca_data.read import Location

CURRENT = "current"
VERSIONS = "versions"
MANIFEST = "manifest.json"
HISTORY = "history.jsonl"


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
