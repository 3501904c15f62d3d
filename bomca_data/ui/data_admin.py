"""The Data page's pieces: upload, check, accept; history and rollback."""

from __future__ import annotations

import datetime as dt
import hashlib
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from bomca_data import access, contract, figures, i18n, store
from bomca_data.contract import issues
from bomca_data.outputs import tabular
from bomca_data.source import guard, location, read
from bomca_data.source.location import DEMO_DIR, resolve_source
from bomca_data.store import sandbox
from bomca_data.ui import auth, state, widgets
from bomca_data.ui.plaintext import plain
from bomca_data.ui.state import View


def managed_folder(view: View) -> Path | None:
    """The folder uploads go to; None (with the reason shown) for the read-only demo."""
    folder = resolve_source()
    if folder.resolve() == DEMO_DIR.resolve() or not folder.is_dir():
        st.info(view.t("data.read_only"), icon=":material/lock:")
        return None
    return folder


def _saved(uploads, folder: Path, lang: str) -> list[Path] | None:
    """The uploads written to ``folder`` under names the folder can hold (whatever the
    browser sent: location.upload_name), after checking that each is what its name says
    (the browser's type check is not a check). A name changed is said, the original
    shown as text."""
    paths: list[Path] = []
    for upload in uploads:
        path = folder / location.upload_name(upload.name, {p.name for p in paths})
        if path.suffix not in contract.ACCEPTED_SUFFIXES:
            st.error(i18n.t("data.refused", lang, file=plain(upload.name), why=i18n.t(
                "data.types", lang, types=", ".join(contract.ACCEPTED_SUFFIXES))))
            return None
        if path.name != upload.name:
            st.caption(i18n.t("data.renamed", lang, original=plain(upload.name),
                              name=plain(path.name)))
        path.write_bytes(upload.getvalue())
        try:
            guard.check_contents(path)  # a bounded scan: never parses, never allocates a grid
        except read.UnreadableFile as exc:
            st.error(i18n.t("data.refused", lang, file=plain(upload.name),
                            why=exc.reason.text(lang, plain)))
            return None
        paths.append(path)
    return paths


def others_rows_text(view: View, changes: dict[str, int]) -> str:
    """"Refused: ... 4 rows ... (Uzbekistan 3, Kazakhstan; Uzbekistan 1)"."""
    where = ", ".join(
        f"{i18n.name('country_list', scope, view.lang) or view.t('data.scope_none')}: "
        f"{view.number(n)}" for scope, n in sorted(changes.items(),
                                                     key=lambda item: (-item[1], item[0])))
    return i18n.nt("data.others_rows", sum(changes.values()), view.lang, where=where)


def upload_panel(view: View, folder: Path) -> None:
    # no ``type=``: Streamlit's own check of the names fails the whole page on a name
    # with NUL (before this script runs); names are checked here instead (_saved)
    uploads = st.file_uploader(view.t("data.upload"), accept_multiple_files=True,
                               key="data_upload", help=view.t(
                                   "data.types", types=", ".join(contract.ACCEPTED_SUFFIXES)))
    if not uploads:
        return
    countries = auth.countries()
    with tempfile.TemporaryDirectory(prefix="bomca-upload-") as tmp:
        files = _saved(uploads, Path(tmp), view.lang)  # each past the guards
        if files is None:
            return
        try:  # locate, read and clean in a child process, the editor's own rows
            upload = store.check_upload(folder, files, countries, isolated=True)
        except store.OthersRows as exc:
            st.error(others_rows_text(view, exc.changes))
            return
        except (store.StoreError, read.SourceError) as exc:
            st.error(issues.text(exc.args[0], view.lang, plain))
            return
        except sandbox.CheckFailed as exc:
            st.error(view.t("data.check_failed", why=issues.text(exc.args[0], view.lang,
                                                                   plain)))
            return
        dataset = access.restrict(upload.dataset, countries)  # what this editor may see
        st.subheader(view.t("data.preview"))
        replaced = ", ".join(view.t(f"table.{loc.table}") for loc in upload.uploaded)
        kept = ", ".join(view.t(f"table.{loc.table}") for loc in upload.kept)
        st.caption(view.t("data.replaces", tables=replaced) + (
            " " + view.t("data.kept", tables=kept) if kept else ""))
        widgets.tables_read(view, dataset)
        found = tabular.issues_frame(dataset, view.lang)
        allow = False
        if dataset.has_errors:  # said above the list it speaks of
            st.error(view.t("validation.errors", n=int((found["severity"] == "error").sum())))
        if len(found):
            widgets.issue_list(view, found, "upload-issues")
        if dataset.has_errors:
            allow = st.checkbox(view.t("data.accept_errors"), key="data_allow_errors")
        files_key = _digest(uploads)
        done = st.session_state.get(ACCEPTED_KEY)
        if done is not None and done[0] == files_key:  # accepted once: said, not offered
            st.success(view.t(done[1], version=done[2]))
            return
        if st.button(view.t("data.accept"), type="primary", key="data_accept",
                     disabled=upload.dataset.has_errors and not allow):
            _accept(view, upload, allow, files_key)


ACCEPTED_KEY = "data_accepted"  # (the files' digest, the text key, the version)


def _digest(uploads) -> str:
    """The uploaded files' identity (names and bytes): the same files are accepted once."""
    digest = hashlib.sha256()
    for upload in uploads:
        digest.update(upload.name.encode("utf-8", "replace") + b"\0")
        digest.update(hashlib.sha256(upload.getvalue()).digest())
    return digest.hexdigest()


def _accept(view: View, upload: store.Upload, allow: bool, files_key: str) -> None:
    """Publish the checked files; a refusal (the data changed since the check) is
    said, never reported as accepted; the same files as the current version make no
    new one ("already current"). Once accepted, the button gives way to the outcome."""
    user = auth.current_user()
    try:
        version = store.publish(upload, user.name if user else "?", allow)
    except store.AlreadyCurrent as exc:
        st.session_state[ACCEPTED_KEY] = (files_key, "data.already_current", exc.version)
        st.rerun()
    except store.Changed:
        st.error(view.t("data.not_accepted"))
        return
    except (store.StoreError, read.SourceError) as exc:
        st.error(issues.text(exc.args[0], view.lang, plain))
        return
    if version is None:
        st.error(view.t("data.not_accepted"))
        return
    state.reload()
    st.session_state[ACCEPTED_KEY] = (files_key, "data.accepted", version)
    st.rerun()


HISTORY = tabular.Fit(("version", "time", "user", "rows", "change", "current"),
                      ("rows", "change"), "history")


def history_panel(view: View, folder: Path) -> None:
    st.subheader(view.t("data.history"))
    history = store.versions(folder)
    if not history:
        st.caption(view.t("data.no_history"))
        return
    countries = auth.countries()

    def rows(version: store.Version) -> str:  # of the rows this editor sees
        seen = version.rows_seen(countries)
        if seen is None:
            return view.t("data.rows_not_by_country")
        return ", ".join(f"{view.t('table.' + t)} {n}" for t, n in seen.items())
    zone = st.context.timezone

    def when(version: store.Version) -> str:
        try:
            return i18n.moment(dt.datetime.fromisoformat(version.time), view.lang, zone)
        except ValueError:
            return version.time
    def change(version: store.Version) -> str:  # the decisions a save recorded
        note = version.note
        if not note:
            return ""
        meeting = figures.reviewing_meetings(view.dataset, pd.Series([note.get("meeting", "")]),
                                             view.lang).iloc[0]  # by its name (a table: no
        return view.t("data.recorded", meeting=meeting,  # Markdown to neutralise)
                      recs=", ".join([*note.get("decisions", []), *note.get("new", [])]))
    frame = pd.DataFrame([{"version": v.name, "time": when(v), "user": v.user,
                           "change": change(v), "rows": rows(v),
                           "files": ", ".join(f"{name} {digest[:12]}"
                                              for name, digest in v.hashes.items()),
                           "current": v.current} for v in reversed(history)])
    widgets.table(view, frame, fit=HISTORY)  # the files' digests one click below
    if countries:  # a version holds every country's rows
        st.caption(view.t("data.rollback_restricted"))
        return
    left, right = st.columns([2, 1])
    choice = left.selectbox(view.t("data.rollback_to"), [v.name for v in reversed(history)],
                            key="data_rollback_version")
    right.write("")
    if right.button(view.t("data.rollback"), key="data_rollback"):
        user = auth.current_user()
        store.rollback(folder, choice, user.name if user else "?", auth.countries())
        state.reload()
        st.success(view.t("data.rolled_back", version=choice))
