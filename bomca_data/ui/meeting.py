"""The meeting page's own widgets: the country and the period, the pack download."""

from __future__ import annotations

import datetime as dt
import logging

import pandas as pd
import streamlit as st

from bomca_data import access
from bomca_data.figures import meeting_brief
from bomca_data.outputs import meeting_pack, tabular
from bomca_data.ui import dates, state, widgets
from bomca_data.ui.state import View


def choices(view: View) -> tuple[str, dt.date]:
    """The country (default: the sidebar's single country, else the region) and the
    period's start (default: that country's previous steering meeting)."""
    options = view.dataset.programme.scopes
    if "meeting_country" not in st.session_state:
        chosen = view.filters.countries
        st.session_state["meeting_country"] = chosen[0] if len(chosen) == 1 else meeting_brief.REGION
    state.keep_across_languages("meeting_country")
    left, right = st.columns(2)
    country = left.selectbox(view.t("brief.country"), options, key="meeting_country",
                             format_func=lambda c: meeting_brief.scope_name(c, view.lang))
    default = meeting_brief.default_start(view.dataset, country, view.as_of)
    if st.session_state.get("meeting_since_for") != (country, view.as_of):
        # a new country: its own previous meeting (never after the as-of date)
        st.session_state["meeting_since"] = min(default, view.as_of)
        st.session_state["meeting_since_for"] = (country, view.as_of)
    lowest = view.dataset.programme.start - dt.timedelta(days=365)
    dates.typed_date(right, view.t("brief.period_start"), "meeting_since",
                     min(lowest, default), view.as_of, view.lang)
    return country, st.session_state["meeting_since"]


@st.cache_data(max_entries=64, show_spinner=False)
def _figures(source: str, signature: tuple, countries: tuple, country: str, as_of: dt.date,
             since: dt.date) -> dict:
    """The brief's figures: small frames, cached per source content, user's countries,
    country and period (the sidebar filters do not change them)."""
    del signature  # part of the cache key only
    dataset = access.restricted(state.load_current(), countries)
    b = meeting_brief.build(dataset, country, as_of, since)
    by_component, by_type = meeting_brief.period_results(b)
    by_agency_type, agencies, share = meeting_brief.period_participants(b)
    return {"start": b.start, "headline": meeting_brief.headline(b), "by_component": by_component,
            "by_type": by_type, "targets": meeting_brief.target_row(b),
            "by_agency_type": by_agency_type, "agencies": agencies, "share": share,
            "open": meeting_brief.open_recommendations(b), "planned": meeting_brief.planned(b),
            "not_done": meeting_brief.period_not_done(b),
            "decided_before": meeting_brief.decisions_at(
                b, None if b.previous is None else b.previous["meeting_id"]),
            "decided_here": meeting_brief.decisions_at(
                b, None if (held := meeting_brief.this_meeting(b)) is None
                else held["meeting_id"]),
            "previous": b.previous, "upcoming": b.upcoming}


def figures(view: View, country: str, since: dt.date) -> dict:
    from bomca_data.ui import auth

    return _figures(*state.source_key(), auth.countries(), country, view.as_of,
                    since)


@st.cache_data(max_entries=16, show_spinner=False)
def _pack(source: str, signature: tuple, countries: tuple, brief_of: tuple, lang: str
          ) -> bytes:
    """The pack's bytes, per source content, user's countries, brief (country, as-of,
    period start) and language (the user's countries are part of the key: no one gets
    another's pack). It links to the dashboard only at the public address that
    programme.toml gives (``dashboard_url``): never to the address this page was opened
    at, which may be the presenter's own machine."""
    del signature  # part of the cache key only
    dataset = access.restricted(state.load_current(), countries)
    return meeting_pack.meeting_pack(meeting_brief.build(dataset, *brief_of), lang,
                                     dataset.source_name())


def download(view: View, country: str, since: dt.date) -> None:
    """The pack, made when the page is drawn (and kept), so that a failure is said on
    the page instead of a button that gives no file."""
    from bomca_data.ui import auth

    try:
        data = _pack(*state.source_key(), auth.countries(),
                     (country, view.as_of, since), view.lang)
    except Exception as exc:  # the page goes on; the reason is shown, and logged
        logging.getLogger(__name__).exception("meeting pack failed")
        st.error(view.t("brief.pack_failed", why=type(exc).__name__), icon=":material/error:")
        return
    st.download_button(view.t("brief.download"), type="primary", icon=":material/slideshow:",
                       data=data, file_name=f"bomca-{country}-{view.as_of}-{view.lang}.pptx",
                       key="meeting_pack",
                       mime="application/vnd.openxmlformats-officedocument.presentationml."
                            "presentation")


def planned_table(view: View, plan: pd.DataFrame) -> None:
    if not len(plan):
        st.info(view.t("brief.no_planned"))
        return
    widgets.table(view, plan, fit=tabular.PLANNED)



def decided_table(view: View, rows: pd.DataFrame) -> None:
    """What a meeting decided, and each recommendation's status and due date now."""
    from bomca_data.outputs.meeting_pack import decided_rows

    shown = decided_rows(rows, view.lang)[["title", "decided", "note", "status", "due_date",
                                           "overdue"]]
    widgets.table(view, shown, "rec_status", fit=tabular.DECIDED)
