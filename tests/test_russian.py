"""In Russian, no English interface text: titles, headers, captions, metric labels,
buttons, messages and chart text of every page."""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from bomca_data.demo import CITIES
from bomca_data.ui import widgets
from tests.test_pages import APP, PAGES, plotly_charts

# Names that stay as they are in Russian: the programme, file formats, codes, sources.
ALLOWED = re.compile(r"Источник: \S+|BOMCA_DATA|BOMCA|CSV|PNG|HTML|PDF|Chromium|Excel|PowerPoint|xlsx|zip|"
                     r"Natural Earth|NSG|RSG|EU|"
                     r"\bC[1-4]\b|\bY[1-5]\b|\d{4}Q\d|bomca[\w.-]*|[A-Z]{2}-\d{4}|R-\d{4}")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Data values are not interface text: the demo's place names stay as the data has them.
PLACES = re.compile("|".join(sorted({c for cities in CITIES.values() for c in cities} | {
    "Astana", "Vilnius"}, key=len, reverse=True)))


def interface_texts(at: AppTest) -> list[str]:
    texts = [e.value for kind in ("title", "header", "subheader", "caption") for e in
             getattr(at, kind)]
    texts += [m.label for m in at.metric]
    texts += [e.body for kind in ("info", "warning", "error", "success") for e in getattr(at, kind)]
    texts += [b.label for b in at.button] + [b.proto.label for b in at.get("download_button")]
    texts += [w.label for kind in ("selectbox", "multiselect", "date_input", "text_input",
                                   "radio")
              for w in getattr(at, kind)]
    texts += [e.label for e in at.expander]
    texts += [str(c) for frame in at.dataframe for c in frame.value.columns]
    for chart in plotly_charts(at):
        layout = json.loads(chart.proto.spec)["layout"]
        texts.append(layout["title"]["text"].replace("<br>", " "))
        texts += [layout.get(axis, {}).get("title", {}).get("text", "") for axis in
                  ("xaxis", "yaxis")]
        texts += [t.get("name", "") for t in json.loads(chart.proto.spec)["data"]
                  if t.get("name") and not t["name"].startswith(("B10-", "P"))]
    return [t for t in texts if t]


def english_left(texts: list[str]) -> list[str]:
    return [t for t in texts if LATIN_WORD.search(ALLOWED.sub("", PLACES.sub("", t)))]


@pytest.mark.parametrize("page", PAGES)
def test_no_english_interface_text_in_russian(monkeypatch, page):
    monkeypatch.delenv("BOMCA_DATA", raising=False)
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = "ru"
    at.session_state["lang"] = "ru"
    if page != PAGES[0]:
        at.switch_page(page)
    at.run()
    for key in [k for k in at.session_state if str(k).startswith(widgets.ROWS_PREFIX)]:
        at.session_state[key] = True  # the rows behind every chart, with their CSV button
    at.run()
    assert not at.exception
    texts = interface_texts(at)
    assert len(texts) > 3
    left = english_left(texts)
    assert left == [], (f"English (or a raw column name) on the Russian page: {left}. A "
                        "new column's header is the key col.<name>: add it to "
                        "locales/en/LC_MESSAGES/messages.po, use it, run `make "
                        "translations`, and translate it in locales/ru (CONTRIBUTING.md, "
                        "'A new column')")
