"""A date a person types (Enter applies it) or picks from a calendar beside it.

Streamlit's own date field took a typed date only when it lost focus: Enter did
nothing, the calendar stayed open and the page kept the old date; typing into its mask
also garbled the digits. Here the date is a text field, read in either language's way
(``i18n.read_date``: "2024-03-15" or "15.03.2024"), with a calendar in a popover.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from bomca_data import i18n
from bomca_data.ui.plaintext import plain


def typed_date(where, label: str, key: str, lowest: dt.date, highest: dt.date,
               lang: str) -> None:
    """The date held under ``key`` in the session (set it before; it is never None),
    shown in ``where`` (the sidebar, a column). The field shows the date again
    whenever it changes elsewhere (the link, the back button, the calendar) or the
    language does; a date it cannot take is said under it and the old one kept."""
    text, pick, shown, refused = (f"{key}_{part}" for part in ("text", "pick", "shown",
                                                               "refused"))
    day = st.session_state[key]
    if st.session_state.get(shown) != (day, lang):
        st.session_state[text] = i18n.date(day, lang)
        st.session_state[pick] = day
        st.session_state[shown] = (day, lang)
    typed, picked = where.columns([4, 1], vertical_alignment="bottom")
    typed.text_input(label, key=text, on_change=_typed, args=(key, lowest, highest),
                     help=i18n.t("sidebar.as_of_help", lang, example=i18n.date(day, lang)))
    with picked.popover("", icon=":material/calendar_month:",
                        help=i18n.t("sidebar.as_of_calendar", lang)):
        st.date_input(label, key=pick, min_value=lowest, max_value=highest,
                      on_change=_picked, args=(key,),
                      format="DD.MM.YYYY" if lang == "ru" else "YYYY-MM-DD")
    if wrong := st.session_state.get(refused):  # until a date is taken
        where.error(i18n.t("sidebar.as_of_refused", lang, typed=plain(wrong[:40]),
                           lowest=i18n.date(lowest, lang), highest=i18n.date(highest, lang)),
                    icon=":material/event_busy:")


def _typed(key: str, lowest: dt.date, highest: dt.date) -> None:
    text = st.session_state[f"{key}_text"]
    day = i18n.read_date(text)
    if day is None or not lowest <= day <= highest:
        st.session_state[f"{key}_refused"] = text  # said under the field; the date stays
        st.session_state[f"{key}_shown"] = None
        return
    st.session_state.pop(f"{key}_refused", None)
    st.session_state[key] = day


def _picked(key: str) -> None:
    if (day := st.session_state.get(f"{key}_pick")) is not None:
        st.session_state.pop(f"{key}_refused", None)
        st.session_state[key] = day
