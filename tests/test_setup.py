"""Set-up on a fresh machine: `make test` is the one command (README), and installs what
the tests need beyond Python, or stops at once saying how."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SYSTEM_DEPS = ROOT / ".ci" / "system-deps"


def _bin(folder: Path, **scripts: str) -> Path:
    """A PATH of the shell's basic tools, plus ``scripts`` (name -> body)."""
    folder.mkdir()
    for tool in ("bash", "env", "echo", "id", "true"):
        if found := shutil.which(tool):
            (folder / tool).symlink_to(found)
    for name, body in scripts.items():
        (folder / name).unlink(missing_ok=True)
        (folder / name).write_text(f"#!{shutil.which('bash')}\n{body}\n")
        (folder / name).chmod(0o755)
    return folder


def test_ci_runs_exactly_the_readmes_test_command():
    run = (ROOT / ".ci" / "run").read_text()
    assert run.strip().endswith("make test")
    assert "make test" in (ROOT / "README.md").read_text()
    assert ".ci/system-deps" in (ROOT / "Makefile").read_text().split("\ntest:")[1]


def test_without_the_tools_and_without_rights_it_stops_at_once_with_the_command(tmp_path):
    path = _bin(tmp_path / "bin", id='echo 1000')  # not root, no sudo, no chromium
    done = subprocess.run([str(path / "bash"), str(SYSTEM_DEPS)], env={"PATH": str(path)},
                          capture_output=True, text=True, timeout=30, check=False)
    assert done.returncode == 1
    assert "apt-get install -y chromium libreoffice-impress-nogui poppler-utils" in done.stderr


def test_as_root_it_installs_what_is_missing(tmp_path):
    log = tmp_path / "apt.log"
    path = _bin(tmp_path / "bin", id="echo 0", **{"apt-get": f'echo "$@" >> {log}'},
                soffice="true", pdftotext="true")
    done = subprocess.run([str(path / "bash"), str(SYSTEM_DEPS)],
                          env={"PATH": str(path), "HOME": os.environ.get("HOME", "/")},
                          capture_output=True, text=True, timeout=30, check=False)
    assert done.returncode == 0, done.stderr
    assert log.read_text().splitlines() == ["update", "install -y chromium"]


def test_with_everything_there_it_does_nothing(tmp_path):
    path = _bin(tmp_path / "bin", id="echo 1000", chromium="true", soffice="true",
                pdftotext="true")
    done = subprocess.run([str(path / "bash"), str(SYSTEM_DEPS)], env={"PATH": str(path)},
                          capture_output=True, text=True, timeout=30, check=False)
    assert (done.returncode, done.stderr) == (0, "")
