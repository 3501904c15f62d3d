"""The report as PDF: the same HTML, printed by headless Chromium (the browser the
tests already drive) through its command line. Charts stay vector graphics, the fonts
are embedded, and the page's own print style sheet sets A4 landscape, the margins'
title, scope, source and page numbers.

Chromium is found as ``$BOMCA_CHROMIUM``, else ``chromium`` (Debian), else
``chromium-browser`` or ``google-chrome`` on the PATH."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT = 180  # s: a report of 100,000 rows prints in a few seconds
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-extensions",
         "--disable-dev-shm-usage", "--no-pdf-header-footer",
         "--run-all-compositor-stages-before-draw", "--virtual-time-budget=30000")


# The command line caps its own address space and processor time before it reads a
# file (source.guard.limit_self); a browser reserves far more address space than it
# uses, so its process lifts the soft caps again (up to the hard ones) before it starts.
UNCAPPED = ("/bin/sh", "-c", 'ulimit -v unlimited 2>/dev/null; ulimit -t unlimited 2>/dev/null; '
            'exec "$0" "$@"')


class PdfUnavailable(Exception):
    """No browser to print with, or it failed: the message says which and what to do."""


def browser() -> str | None:
    """The Chromium to print with, or None."""
    named = os.environ.get("BOMCA_CHROMIUM")
    if named:
        return named if Path(named).is_file() and os.access(named, os.X_OK) else None
    return next((found for name in NAMES if (found := shutil.which(name))), None)


MISSING = ("the PDF report needs Chromium: install it (Debian: apt-get install chromium) or "
           "name it in BOMCA_CHROMIUM; the HTML report (--out FILE.html) needs nothing")


def pdf_bytes(html: str) -> bytes:
    """Print ``html`` (a whole document) to PDF."""
    program = browser()
    if program is None:
        raise PdfUnavailable(MISSING)
    with tempfile.TemporaryDirectory(prefix="bomca-report-") as folder:
        page, out = Path(folder) / "report.html", Path(folder) / "report.pdf"
        page.write_text(html, encoding="utf-8")
        try:
            done = subprocess.run(
                [*UNCAPPED, program, *FLAGS, f"--user-data-dir={folder}/profile",
                 f"--print-to-pdf={out}", page.as_uri()],
                capture_output=True, timeout=TIMEOUT, check=False, cwd=folder)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfUnavailable(f"Chromium ({program}) could not print the report: {exc}"
                                 ) from exc
        if not out.is_file() or out.stat().st_size == 0:
            why = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            raise PdfUnavailable(f"Chromium ({program}) made no PDF (exit {done.returncode})"
                                 f"{': ' + why[0] if why[0] else ''}")
        return out.read_bytes()
