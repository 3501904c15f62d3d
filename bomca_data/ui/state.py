"""The loaded source and the sidebar's choices, shared by every page.

The sidebar widgets own their session keys; pages read the current view through
``current_view()`` and never touch ``st.session_state`` themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import streamlit as st

from bomca_data import i18n
from bomca_data.model import Dataset, load_dataset, resolve_source, source_signature
from bomca_data.read import SourceError

LANG_KEY = "lang"
AS_OF_KEY = "as_of"


@dataclass(frozen=True)
class View:
    dataset: Dataset
    lang: str
    as_of: dt.date


@st.cache_resource(max_entries=4, show_spinner=False)
def _load(source: str, signature: tuple) -> Dataset:
    """One shared, read-only Dataset per source content (signature: path, size, mtime)."""
    del signature  # part of the cache key only
    return load_dataset(source)


def load_current() -> Dataset:
    source = resolve_source()
    return _load(str(source), source_signature(source) if source.exists() else ())


def language() -> str:
    lang = st.session_state.get(LANG_KEY)
    return lang if lang in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE


def current_view() -> View | None:
    """The dataset and sidebar choices; None (with an error shown) if unreadable."""
    lang = language()
    try:
        dataset = load_current()
    except SourceError as exc:
        st.error(i18n.t("error.source", lang, why=exc))
        return None
    as_of = st.session_state.get(AS_OF_KEY) or dataset.programme.default_as_of()
    return View(dataset, lang, as_of)
