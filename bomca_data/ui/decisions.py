"""Record decisions in the meeting: an editor sets, for any recommendation in the list,
its new status, a note and a moved due date, or adds a new recommendation; a save is
a new version of the managed data folder (store.decisions), seen by every viewer at
once. Viewers see what was recorded (the list's "decided at" and the brief)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from bomca_data import access, contract, figures, i18n, store
from bomca_data.contract import OUTPUT_TYPES, REC_STATUSES, codes
from bomca_data.figures import meeting_brief
from bomca_data.source.location import DEMO_DIR, resolve_source
from bomca_data.store import decisions as recorder
from bomca_data.ui import auth, state
from bomca_data.ui.data_admin import others_rows_text
from bomca_data.ui.plaintext import plain
from bomca_data.ui.state import View

DONE_KEY = "decisions_done"  # the last save's outcome, said after the page is drawn anew


def _folder() -> Path | None:
    folder = resolve_source()
    if folder.resolve() == DEMO_DIR.resolve() or not folder.is_dir():
        return None
    return folder


def meetings(view: View, country: str | None) -> pd.DataFrame:
    """The country's steering meetings (every meeting: None) held by D, the latest
    first (the one being held on D first of all)."""
    mine = (meeting_brief.meetings_of(view.dataset, country) if country
            else view.dataset.table("meetings"))
    if mine is None:
        return pd.DataFrame()
    held = mine[mine["start_date"] <= pd.Timestamp(view.as_of)]
    return held.sort_values("start_date", ascending=False)


def panel(view: View, recs: pd.DataFrame, country: str | None) -> None:
    """"Record decisions" for an editor: nothing for a viewer."""
    user = auth.current_user()
    if said := st.session_state.pop(DONE_KEY, None):
        st.success(said, icon=":material/check_circle:")
    if user is None or not user.editor:
        return
    with st.expander(view.t("decide.title"), icon=":material/gavel:"):
        folder = _folder()
        if folder is None:
            st.info(view.t("decide.read_only"), icon=":material/lock:")
            return
        held = meetings(view, country)
        ids = list(held["meeting_id"]) if len(held) else []
        names = dict(zip(ids, figures.reviewing_meetings(view.dataset, pd.Series(
            ids, dtype="object"), view.lang), strict=True))
        if country:  # a meeting the table does not hold yet, entered here
            names[NEW] = view.t("decide.new_meeting")
        if not names:
            st.info(view.t("decide.no_meeting"))
            return
        meeting_id = st.selectbox(view.t("decide.meeting"), list(names), key="decide_meeting",
                                  format_func=names.get)
        new_meeting = _new_meeting(view, country) if meeting_id == NEW else None
        if meeting_id == NEW and new_meeting is None:
            return
        basis_key = f"decide_basis_{meeting_id}"
        if basis_key not in st.session_state:  # the version this form was read from
            st.session_state[basis_key] = store.current_version(folder)
        mine = recs[[access.edits(c, user.countries) for c in recs["country"]]] \
            if len(recs) else recs
        edited = _editor(view, mine)
        new = _new_recommendation(view, country, user.countries)
        if st.button(view.t("decide.save"), type="primary", key="decide_save"):
            chosen = edited[edited["decided"].notna()]
            minutes = recorder.Minutes(None if new_meeting else meeting_id, tuple(
                recorder.Decision(r.rec_id, r.decided, str(r.note or "").strip(), r.due_date)
                for r in chosen.itertuples()), (new,) if new else (), new_meeting)
            name = i18n.meeting(new_meeting.meeting_type, new_meeting.country,
                                new_meeting.start_date, view.lang) if new_meeting \
                else names[meeting_id]
            _save(view, folder, minutes, name, basis_key, user)


STATUS_NAMES = codes(REC_STATUSES)
NEW = "+"  # the meeting choice "a new meeting"


def _new_meeting(view: View, country: str) -> recorder.NewMeeting | None:
    """The date (typed, as the sidebar's) and place of a meeting entered here."""
    left, right = st.columns(2)
    typed = left.text_input(view.t("decide.meeting_date"), value=view.date(view.as_of),
                            key="decide_meeting_date", max_chars=10)
    place = right.text_input(view.t("col.location"), key="decide_meeting_place",
                             max_chars=100)
    day = i18n.read_date(typed or "")
    if day is None:
        st.warning(view.t("decide.not_a_date", dates=plain(typed or "")))
        return None
    kind = "RSG" if country == contract.REGION else "NSG"
    return recorder.NewMeeting(kind, country, day, place.strip())


def _editor(view: View, recs: pd.DataFrame) -> pd.DataFrame:
    """The recommendations in view, each with its decision's cells: the status (as it
    is until changed), a note, a new due date typed as the sidebar's date is (ISO or
    dd.mm.yyyy). Returns each row's decision (status code, blank when nothing was
    decided for it) and date; a date that is no date is said and left out."""
    named = {code: i18n.name("rec_status", code, view.lang) for code in STATUS_NAMES}
    n = len(recs)
    def text(values) -> pd.Series:  # text even when there is no row
        return pd.Series(list(values), dtype="object")

    frame = pd.DataFrame({
        "rec_id": text(recs["rec_id"].astype(str) if n else []),
        "title": text(recs["title"].astype(str) if n else []),
        "now": text(named.get(s, s) for s in (recs["status"] if n else [])),
        "decided": text(named.get(s, s) for s in (recs["status"] if n else [])),  # as it is
        "note": text([""] * n), "due_date": text([""] * n)})
    shown = st.data_editor(frame, key="decide_table", hide_index=True, width="stretch",
                           disabled=("rec_id", "title", "now"), column_config={
        "rec_id": st.column_config.TextColumn(view.t("col.rec_id"), width="small"),
        "title": st.column_config.TextColumn(view.t("col.title"), width="large"),
        "now": st.column_config.TextColumn(view.t("decide.now")),
        "decided": st.column_config.SelectboxColumn(view.t("decide.status"),
                                                    options=list(named.values()),
                                                    required=True),
        "note": st.column_config.TextColumn(view.t("col.note"), max_chars=500),
        "due_date": st.column_config.TextColumn(view.t("decide.due"), max_chars=10,
                                                help=view.t("decide.due_help"))})
    back = {name: code for code, name in named.items()}
    now = recs["status"].astype(str).to_numpy() if n else []
    due = [i18n.read_date(str(text or "")) if str(text or "").strip()
           else None for text in shown["due_date"]]
    wrong = [str(t) for t, d in zip(shown["due_date"], due, strict=True)
             if str(t or "").strip() and d is None]
    if wrong:
        st.warning(view.t("decide.not_a_date", dates=", ".join(plain(w) for w in wrong)))
    decided = shown["decided"].map(back)
    # a decision: a status changed, or a note or a moved date (the status kept)
    changed = decided.ne(pd.Series(now, index=shown.index)) | shown["note"].fillna(
        "").str.strip().ne("") | pd.Series([d is not None for d in due], index=shown.index)
    return shown.assign(decided=decided.where(changed), due_date=pd.Series(
        due, index=shown.index, dtype="object"))


def _new_recommendation(view: View, country: str | None, countries: tuple[str, ...]
                        ) -> recorder.NewRecommendation | None:
    st.caption(view.t("decide.new"))
    left, middle, right = st.columns([3, 1, 1])
    title = left.text_input(view.t("col.title"), key="decide_new_title", max_chars=300)
    kinds = codes(OUTPUT_TYPES)
    kind = middle.selectbox(view.t("col.output_type"), kinds, key="decide_new_type",
                            format_func=lambda c: i18n.name("output_type", c, view.lang))
    typed = right.text_input(view.t("col.due_date"), key="decide_new_due", max_chars=10,
                             help=view.t("decide.due_help"))
    due = i18n.read_date(typed) if typed.strip() else None
    agency = st.text_input(view.t("col.partner_agency"), key="decide_new_agency",
                           max_chars=200)
    if not title.strip():
        return None
    here = country or contract.REGION
    whose = here if access.edits(here, countries) else (countries[0] if countries else here)
    return recorder.NewRecommendation(title.strip(), whose, kind, agency.strip(), None, due)


def _save(view: View, folder: Path, minutes: recorder.Minutes, meeting_name: str,
          basis_key: str, user) -> None:
    if not minutes.decisions and not minutes.new:
        st.warning(view.t("decide.nothing"))
        return
    try:
        done = recorder.record(folder, minutes, st.session_state[basis_key], user.name,
                               user.countries)
    except recorder.Conflict as exc:
        theirs = "; ".join(
            f"{plain(row['rec_id'])}: {i18n.name('rec_status', row['status'], view.lang)}"
            + (f" ({plain(row['note'])})" if row["note"] not in ("", "nan", "None") else "")
            for row in exc.theirs)
        st.error(view.t("decide.conflict", theirs=theirs), icon=":material/sync_problem:")
        st.session_state.pop(basis_key, None)  # the next save reads the current version
        return
    except store.OthersRows as exc:
        st.error(others_rows_text(view, exc.changes), icon=":material/block:")
        return
    except store.StoreError as exc:
        st.error(view.t("decide.refused", why=plain(str(exc.args[0]))), icon=":material/error:")
        return
    for key in [k for k in st.session_state if str(k).startswith(("decide_basis_",
                                                                  "decide_table",
                                                                  "decide_new_"))]:
        del st.session_state[key]
    st.session_state[DONE_KEY] = i18n.nt(
        "decide.saved", len(minutes.decisions) + len(minutes.new), view.lang,
        meeting=meeting_name,
        version=done.version) + (" " + view.t("decide.merged") if done.merged else "")
    state.reload()
    st.rerun()



def decided_filter(view: View, recs: pd.DataFrame) -> pd.DataFrame:
    """Follow-up's choice of the meeting that decided (those with decisions in view)."""
    if "decided_at" not in recs or recs["decided_at"].isna().all():
        return recs
    held = meetings(view, None)  # the latest first
    ids = [m for m in held["meeting_id"] if m in set(recs["decided_at"].dropna())]
    names = dict(zip(ids, figures.reviewing_meetings(view.dataset, pd.Series(
        ids, dtype="object"), view.lang), strict=True))
    chosen = st.selectbox(view.t("decide.filter"), [None, *ids], key="followup_decided",
                          format_func=lambda m: view.t("filters.all") if m is None
                          else names[m])
    return recs if chosen is None else recs[recs["decided_at"] == chosen]
