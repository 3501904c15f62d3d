"""The report buttons: the report of the view on screen (in the sidebar's downloads,
on every page) and the phase's results report (on Overview), each as HTML or PDF,
made on click, once per view and data version for every session (``downloads``)."""

from __future__ import annotations

import datetime as dt

from bomca_data import filters as flt
from bomca_data import i18n
from bomca_data.model import Dataset
from bomca_data.outputs import report
from bomca_data.ui import downloads, state

MIME = {"html": "text/html", "pdf": "application/pdf"}
ICON = {"html": ":material/article:", "pdf": ":material/picture_as_pdf:"}
LABEL = {False: {"html": "report.view_html", "pdf": "report.view_pdf"},
         True: {"html": "report.final_html", "pdf": "report.final_pdf"}}


def buttons(where, dataset: Dataset, chosen: flt.Filters, as_of: dt.date, lang: str,
            final: bool = False) -> None:
    """An HTML and a PDF button for the report of the view (``final``: the phase's);
    without Chromium on the server, the PDF's button is replaced by a sentence."""
    from bomca_data.ui import auth

    key = (state.source_key(), auth.countries(), chosen, as_of, lang, final)
    for kind in ("html", "pdf"):
        if kind == "pdf" and report.browser() is None:
            where.caption(i18n.t("report.no_pdf", lang))
            continue
        make = report.make(f".{kind}")
        where.download_button(
            i18n.t(LABEL[final][kind], lang), key=LABEL[final][kind], icon=ICON[kind],
            data=lambda make=make, kind=kind: downloads.BUILDS.get(
                (f"report-{kind}", *key), lambda: make(dataset, chosen, as_of, lang, final)),
            file_name=report.file_name(dataset, as_of, final, kind), mime=MIME[kind])


def final_as_of(dataset: Dataset) -> dt.date:
    """The date the phase's results report is as of."""
    from bomca_data.outputs.report.content import final_as_of as as_of

    return as_of(dataset)
