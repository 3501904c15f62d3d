"""No raw value reaches a person: on every page, in both languages, with the rows behind
every chart open, no "None", "nan" or "NaT", no timestamp with its time, no fraction
with more than three decimals, no internal key ("kpi.completed")."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from bomca_data import i18n
from bomca_data.ui import widgets
from tests.test_pages import APP, PAGES

RAW = re.compile(r"^(None|nan|NaN|NaT|<NA>)$|\d{4}-\d\d-\d\d[ T]\d\d:\d\d|^-?\d+\.\d{4,}$")
KEYS = re.compile(r"\b(" + "|".join(sorted({k.split(".")[0] for k in i18n.message_keys()})) +
                  r")\.[a-z_]+\b")


def shown_values(at: AppTest) -> list[str]:
    values = [str(m.value) for m in at.metric] + [m.label for m in at.metric]
    values += [e.value for kind in ("title", "header", "subheader", "caption", "markdown")
               for e in getattr(at, kind)]
    values += [e.body for kind in ("info", "warning", "error", "success") for e in
               getattr(at, kind)]
    for frame in at.dataframe:
        table = frame.value
        values += [str(c) for c in table.columns]
        values += [str(v) for column in table.columns for v in table[column].head(200)]
    return values


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("page", PAGES)
def test_no_raw_value_on_any_page(monkeypatch, page, lang):
    monkeypatch.delenv("BOMCA_DATA", raising=False)
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = lang
    at.session_state["lang"] = lang
    if page != PAGES[0]:
        at.switch_page(page)
    at.run()
    for key in [k for k in at.session_state if str(k).startswith(widgets.ROWS_PREFIX)]:
        at.session_state[key] = True  # the rows behind every chart
    at.run()
    assert not at.exception
    values = shown_values(at)
    raw = [v for v in values if RAW.search(v.strip())]
    keys = [v for v in values if KEYS.search(v) and "@" not in v]
    assert raw == [] and keys == [], (raw[:5], keys[:5])
