"""The loaded source and the view (language, as-of date, filters), shared by every page.

The view is the link: its query parameters are read when a session starts and
whenever they change from outside (the browser's back and forward), and written back
from the sidebar's controls on every run. Pages read the current view through
``current_view()`` and never touch ``st.session_state`` themselves.
"""

from __future__ import annotations

import datetime as dt
import gc

import streamlit as st

from bomca_data import access, i18n
from bomca_data import filters as flt
from bomca_data.contract import issues
from bomca_data.model import Dataset, load_dataset, release_memory, source_signature
from bomca_data.source.location import resolve_source
from bomca_data.source.read import SourceError
from bomca_data.ui.plaintext import plain
from bomca_data.view import View

LANG_KEY = "lang"
AS_OF_KEY = "as_of"
FILTER_PREFIX = "filter_"
FILTER_KINDS = flt.KINDS


def filter_key(name: str) -> str:
    """The session key of a sidebar filter ("countries"...) or of the years' kind."""
    return FILTER_PREFIX + name


FILTER_KEYS = tuple(filter_key(name) for name in (*FILTER_KINDS, "year_kind"))


IGNORED_KEY = "link_ignored"
WRITTEN_KEY = "link_written"
# the link's parameters that are the view; a page may add others of its own
VIEW_PARAMS = (LANG_KEY, AS_OF_KEY, *flt.URL_KEYS.values())


def _link_view() -> dict[str, str]:
    return {key: st.query_params[key] for key in VIEW_PARAMS if key in st.query_params}


def follow_the_link() -> None:
    """Before any control is drawn: if the link names a view other than the one this
    session last wrote, someone else changed it (the browser's back or forward
    button), and its view replaces the controls' values: they read the link again, as
    on a session's first run. A control the reader changed leaves the link as
    written, and wins; a page chosen in the menu arrives with no view in the link
    (Streamlit clears it), and the controls keep theirs."""
    written, link = st.session_state.get(WRITTEN_KEY), _link_view()
    if written is not None and link and link != written:
        for key in (LANG_KEY, AS_OF_KEY, *FILTER_KEYS):
            st.session_state.pop(key, None)


def write_link() -> None:
    """After the controls are drawn: the view they hold into the link, in one change
    and only when it differs (each change of the link is an entry in the browser's
    history: one per step of the reader's, so that back undoes one step). The link
    always carries the language and the as-of date, the data's own date too: the
    same link shows the same figures after new data is uploaded. What no control holds
    yet (the date and filters, while the sign-in form is shown) stays as the link has
    it: a shared link opens on its own view once its reader has signed in."""
    link = _link_view()
    view = {LANG_KEY: language()}
    if (as_of := st.session_state.get(AS_OF_KEY)) is not None:
        view[AS_OF_KEY] = as_of.isoformat()
    elif AS_OF_KEY in link:
        view[AS_OF_KEY] = link[AS_OF_KEY]
    if filter_key("year_kind") in st.session_state:
        view.update(current_filters().to_query())
    else:
        view.update({key: value for key, value in link.items()
                     if key in flt.URL_KEYS.values()})
    if view != link:
        others = {key: value for key, value in st.query_params.to_dict().items()
                  if key not in VIEW_PARAMS}
        st.query_params.from_dict({**view, **others})
    st.session_state[WRITTEN_KEY] = view


def note_ignored(values: list[str]) -> None:
    """Values of the link that name nothing ("country=XX"): said once on the page."""
    if values:
        st.session_state[IGNORED_KEY] = [*st.session_state.get(IGNORED_KEY, []), *values]


def keep_across_languages(*keys: str) -> None:
    """Give each widget its own value again, before it is drawn. A choice widget with
    names in the reader's language (countries, types, the years' kind) is held by the
    browser as those names; after a language switch they name nothing the widget now
    offers, and the next change of any filter dropped every earlier one. Set again by
    the script, the value reaches the browser under its names in the new language."""
    for key in keys:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def take_ignored() -> list[str]:
    return st.session_state.pop(IGNORED_KEY, [])




@st.cache_resource(max_entries=4, show_spinner=False)
def _load(source: str, signature: tuple) -> Dataset:
    """One shared, read-only Dataset per source content (signature: path, size, mtime)."""
    del signature  # part of the cache key only
    gc.unfreeze()  # a dataset dropped since (a new version) can be collected below
    dataset = load_dataset(source)
    release_memory()
    # Streamlit collects garbage after every script run (``runner.postScriptGC``): with
    # the modules and the dataset set aside from the collector, a collection looks at
    # what the run made only (40 ms less of server time per run, for every session).
    gc.freeze()
    return dataset


def source_key() -> tuple[str, tuple]:
    """The current source and its files' (path, size, time): the key of what is cached
    from it, so that a changed file is read again."""
    source = resolve_source()
    return str(source), source_signature(source) if source.exists() else ()


def load_current() -> Dataset:
    return _load(*source_key())


def date_from_link(text: str | None, lowest: dt.date, highest: dt.date) -> dt.date | None:
    """``?as_of=2022-09-05`` as a date within the allowed range; None otherwise."""
    try:
        day = dt.date.fromisoformat(text or "")
    except ValueError:
        return None
    return day if lowest <= day <= highest else None


def language() -> str:
    lang = st.session_state.get(LANG_KEY)
    return lang if lang in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE


def current_filters() -> flt.Filters:
    values = {name: tuple(st.session_state.get(filter_key(name)) or ())
              for name in FILTER_KINDS}
    return flt.Filters(**values, year_kind=st.session_state.get(filter_key("year_kind"))
                       or "programme")


def visible_dataset() -> Dataset:
    """The loaded dataset as the signed-in user may see it (their countries only).

    Never cached under a key that ignores the user: the shared, cached Dataset is
    narrowed to the user's countries, and the narrowed copy is shared by the users
    limited to the same countries (``access.restricted``)."""
    from bomca_data.ui import auth

    user = auth.current_user()
    if user is None:
        st.stop()  # nothing of the data before sign-in
    return access.restricted(load_current(), user.countries)


def run_by_the_app() -> None:
    """Make sure app.py (sign-in, sidebar, theme, the map of pages) runs this page.

    Streamlit treats an app with a ``pages/`` folder as a legacy multipage app until
    ``st.navigation`` has run once in the process: on a freshly started server, a
    link straight to a page (``/timeline?country=KZ``) would run that page alone,
    without the sidebar. Leave that mode for good (what ``st.navigation`` itself
    does) and rerun: app.py then runs and opens the same page, with the link's
    filters. Once per process, as Streamlit does; AppTest alone sets the mode again
    before each run, and its tests run pages on their own (tests/conftest.py).

    app.py calls it too, before drawing anything: on a fresh server the sign-in form
    was drawn in the legacy mode, and its first submission was lost in the rerun
    that left it (the form came back empty)."""
    global _LEGACY_MODE_LEFT
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory and not _LEGACY_MODE_LEFT:
        _LEGACY_MODE_LEFT = True
        PagesManager.uses_pages_directory = False
        st.rerun()


_LEGACY_MODE_LEFT = False


def current_view() -> View | None:
    """The dataset and sidebar choices; None (with an error shown) if unreadable."""
    run_by_the_app()
    lang = language()
    try:
        dataset = visible_dataset()
    except SourceError as exc:
        st.error(i18n.t("error.source", lang, why=issues.text(exc.args[0], lang, plain)))
        return None
    as_of = st.session_state.get(AS_OF_KEY) or dataset.default_as_of()
    chosen = current_filters()
    return View.of(dataset, chosen, as_of, lang)


def reload() -> None:
    """Forget the loaded data (after an import or a rollback): the next run reads anew."""
    _load.clear()
