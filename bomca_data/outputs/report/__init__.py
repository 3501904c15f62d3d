"""One file for any view: the report (HTML, or PDF printed from it) of what a page
shows, and the phase's results report (``final``).

``content`` says what each section holds (the pages' figure functions and words),
``render`` makes the self-contained HTML, ``pdf`` prints it with headless Chromium.
Importing this package is cheap (the command line checks a call before any work)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from bomca_data.outputs.report.pdf import MISSING, PdfUnavailable, browser

if TYPE_CHECKING:
    from bomca_data import filters as flt
    from bomca_data.model import Dataset

__all__ = ["KINDS", "PdfUnavailable", "browser", "file_name", "html_bytes", "make",
           "pdf_bytes", "refused"]

KINDS = (".html", ".pdf")


def html_bytes(dataset: Dataset, chosen: flt.Filters, as_of: dt.date, lang: str,
               final: bool = False) -> bytes:
    """The report of the view as one HTML file (UTF-8)."""
    from bomca_data.outputs.report import content, render

    report = content.build(dataset, chosen, as_of, lang, final)
    return render.html(report).encode("utf-8")


def pdf_bytes(dataset: Dataset, chosen: flt.Filters, as_of: dt.date, lang: str,
              final: bool = False) -> bytes:
    """The same report as PDF (raises PdfUnavailable without Chromium)."""
    from bomca_data.outputs.report import pdf

    if browser() is None:  # said before any work
        raise PdfUnavailable(MISSING)
    return pdf.pdf_bytes(html_bytes(dataset, chosen, as_of, lang, final).decode("utf-8"))


def make(suffix: str):
    """The maker of a report of the kind ``suffix`` names (".html" or ".pdf")."""
    return pdf_bytes if suffix.lower() == ".pdf" else html_bytes


def refused(out: Path) -> str | None:
    """Why no report can be written to ``out``: not a kind of report, or a PDF without
    Chromium to print it. None when it can."""
    if out.suffix.lower() not in KINDS:
        return f"--out {out}: name a .html or a .pdf file"
    if out.suffix.lower() == ".pdf" and browser() is None:
        return MISSING
    return None


def file_name(dataset: Dataset, as_of: dt.date, final: bool, suffix: str) -> str:
    """"bomca10-report-2025-09-30.html", "bomca10-results-2025-09-30.pdf"."""
    from bomca_data.outputs.report.content import final_as_of

    p = dataset.programme
    day = final_as_of(dataset) if final else as_of
    kind = "results" if final else "report"
    return f"{p.short_name.lower()}{p.phase}-{kind}-{day.isoformat()}.{suffix}"
