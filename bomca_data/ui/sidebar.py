"""The sidebar: language, as-of date and the data source's description."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from bomca_data import i18n
from bomca_data.outputs import export
from bomca_data.source.read import SourceError
from bomca_data.ui import dates, downloads, state
from bomca_data.ui.filters import sidebar_filters
from bomca_data.ui.plaintext import plain


def language_picker() -> str:
    """English or Russian: from ?lang= in the link, else the browser's language.

    The link is written by ``state.write_link`` (not with ``bind``): a bound selectbox
    would put the option's label ("Русский") in the link instead of the code ("ru").
    """
    if state.LANG_KEY not in st.session_state:
        asked = str(st.query_params.get(state.LANG_KEY) or "").casefold()
        browser = (st.context.locale or "").lower()
        st.session_state[state.LANG_KEY] = asked if asked in i18n.LANGUAGES else (
            "ru" if browser.startswith("ru") else i18n.DEFAULT_LANGUAGE)
        if asked and asked not in i18n.LANGUAGES:
            state.note_ignored([f"{state.LANG_KEY}={asked}"])
    lang = state.language()
    st.sidebar.selectbox(i18n.t("sidebar.language", lang), i18n.LANGUAGES, key=state.LANG_KEY,
                         format_func=lambda code: {"en": "English", "ru": "Русский"}[code])
    return state.language()


def source_panel(lang: str) -> None:
    try:
        dataset = state.visible_dataset()
    except SourceError:
        return
    if not dataset.has_data:  # nothing to date or filter: no date made up
        st.sidebar.caption(i18n.t("sidebar.no_data", lang))
        return
    programme = dataset.programme
    default = dataset.default_as_of()
    lowest = programme.start - dt.timedelta(days=365)
    highest = programme.end + dt.timedelta(days=365 * 2)
    if state.AS_OF_KEY not in st.session_state:  # first run: the link's date, if any
        asked = st.query_params.get(state.AS_OF_KEY)
        found = state.date_from_link(asked, lowest, highest)
        st.session_state[state.AS_OF_KEY] = found or default
        if asked and found is None:
            state.note_ignored([f"{state.AS_OF_KEY}={asked}"])
    dates.typed_date(st.sidebar, i18n.t("sidebar.as_of", lang), state.AS_OF_KEY, lowest,
                     highest, lang)
    if (own := dataset.data_date()) is not None:
        st.sidebar.caption(i18n.t("sidebar.data_date", lang, date=i18n.date(own, lang)))
    sidebar_filters(dataset, lang)
    export_panel(dataset, lang)
    with st.sidebar.expander(i18n.t("sidebar.source", lang), key="sidebar_source",
                             on_change="rerun") as box:
        if box.open:
            st.caption("  \n".join(source_lines(dataset, lang)))


def source_lines(dataset, lang: str) -> list[str]:
    """The source panel's lines: the source's name, when its files last changed, and
    each table's valid rows of those read."""
    files = [p for p in ([dataset.source] if dataset.source.is_file()
                         else dataset.source.iterdir()) if p.is_file()]
    changed = max((dt.datetime.fromtimestamp(p.stat().st_mtime) for p in files), default=None)
    lines = [i18n.t("pack.source", lang, source=plain(dataset.source.name))]  # hostile text
    if changed:
        lines.append(i18n.t("sidebar.changed", lang, when=i18n.date(changed.date(), lang)))
    return lines + [f"{i18n.t('table.' + name, lang)}: {i18n.number(stats.rows_valid, lang)}"
                    f" / {i18n.number(stats.rows_read, lang)}"
                    for name, stats in dataset.stats.items()]


def export_panel(dataset, lang: str) -> None:
    """The filtered data as one Excel workbook or a zip of CSV files, made on click, once
    per view and data version for every session, at most two at a time (downloads.py)."""
    from bomca_data.ui import auth

    chosen, as_of = state.current_filters(), st.session_state.get(state.AS_OF_KEY)
    view_key = (state.source_key(), auth.countries(), chosen, as_of, lang)

    def made(kind: str, make) -> bytes:
        return downloads.BUILDS.get((kind, *view_key), make)

    with st.sidebar.expander(i18n.t("export.title", lang), key="sidebar_export",
                             on_change="rerun") as box:
        if not box.open:
            return
        st.download_button(i18n.t("export.xlsx", lang), key="export_xlsx",
                           data=lambda: made("xlsx", lambda: export.workbook_bytes(
                               dataset, chosen, as_of, lang)),
                           file_name=f"bomca-data-{as_of}.xlsx", icon=":material/table:",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        st.download_button(i18n.t("export.csv", lang), key="export_csv",
                           data=lambda: made("csv", lambda: export.csv_zip_bytes(
                               dataset, chosen, as_of, lang)),
                           file_name=f"bomca-data-{as_of}-csv.zip", mime="application/zip",
                           icon=":material/folder_zip:")
