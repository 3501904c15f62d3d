"""Checking a file in a child process, under memory and time limits, so that a file
the guards miss can only fail that check, never the server that asked for it.

The child is the command line itself (``python -m bomca_data validate --format
json``), which limits its own memory and processor time before reading anything
(``guard.limit_self``). It writes the dataset it read to the disk cache, so the parent
accepting the same files later reads them from there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bomca_data import contract
from bomca_data.contract.issues import Issue, Message
from bomca_data.model import Dataset, TableStats, settings_folder
from bomca_data.programme import load_programme
from bomca_data.source.guard import memory_limit
from bomca_data.source.location import PROJECT_DIR

LIMITS = contract.LIMITS


class CheckFailed(Exception):
    """The child could not finish: the message (a ``Message``) says which limit it met,
    or why the files cannot be read."""


def check(source: Path, timeout: float = LIMITS.check_seconds) -> Dataset:
    """The validation report of ``source`` (tables' row counts and every issue; no
    rows), made by a limited child process."""
    command = [sys.executable, "-m", "bomca_data", "validate", str(source), "--format", "json"]
    try:
        done = subprocess.run(command, cwd=PROJECT_DIR, capture_output=True, timeout=timeout,
                              env={**os.environ, "PYTHONUNBUFFERED": "1"}, check=False)
    except subprocess.TimeoutExpired as exc:
        raise CheckFailed(Message("check.too_slow", seconds=round(timeout))) from exc
    if done.returncode == 2:
        raise CheckFailed(_child_error(done))
    try:
        if done.returncode not in (0, 1):
            raise ValueError(done.returncode)
        report = json.loads(done.stdout)
    except ValueError as exc:  # killed, or ended without its report
        raise CheckFailed(Message("check.too_big", limit=memory_limit() // 2**20)) from exc
    issues = [Issue.from_json(entry) for entry in report["issues"]]
    stats = {name: TableStats(t["file"], t["sheet"], t["rows_read"], t["rows_valid"])
             for name, t in report["tables"].items()}
    return Dataset(source, load_programme(settings_folder(source)), {}, issues, stats)


def _child_error(done: subprocess.CompletedProcess) -> str:
    """Why the child could not read the files: its message (to be written in the
    reader's language) when it gave one, else the last line it wrote."""
    try:
        return Message.from_json(json.loads(done.stdout)["error"])
    except (ValueError, KeyError, TypeError):
        return (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["?"])[-1] \
            .removeprefix("error: ")[:500]
