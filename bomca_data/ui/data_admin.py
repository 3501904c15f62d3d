"""The Data page's pieces: upload, check, accept; history and rollback."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from bomca_data import contract, guard, i18n, issues, read, report, sandbox, store
from bomca_data.folders import DEMO_DIR, resolve_source
from bomca_data.ui import auth, state
from bomca_data.ui.state import View


def managed_folder(view: View) -> Path | None:
    """The folder uploads go to; None (with the reason shown) for the read-only demo."""
    folder = resolve_source()
    if folder.resolve() == DEMO_DIR.resolve() or not folder.is_dir():
        st.info(view.t("data.read_only"), icon=":material/lock:")
        return None
    return folder


def _saved(uploads, folder: Path, lang: str) -> list[Path] | None:
    """The uploads written to ``folder`` under their own (base) names, after checking
    that each is what its name says (the browser's type check is not a check)."""
    paths = []
    for upload in uploads:
        path = folder / Path(upload.name).name
        path.write_bytes(upload.getvalue())
        try:
            guard.check_contents(path)  # a bounded scan: never parses, never allocates a grid
        except read.UnreadableFile as exc:
            st.error(i18n.t("data.refused", lang, file=path.name, why=exc.reason.text(lang)))
            return None
        paths.append(path)
    return paths


def upload_panel(view: View, folder: Path) -> None:
    uploads = st.file_uploader(view.t("data.upload"), accept_multiple_files=True,
                               type=[s.lstrip(".") for s in contract.ACCEPTED_SUFFIXES],
                               key="data_upload")
    if not uploads:
        return
    with tempfile.TemporaryDirectory(prefix="bomca-upload-") as tmp:
        files = _saved(uploads, Path(tmp), view.lang)
        if files is None:
            return
        try:
            uploaded, kept = store.plan(folder, files)
            dataset = store.preview(folder, uploaded + kept, isolated=True)
        except (store.StoreError, read.SourceError) as exc:
            st.error(issues.text(exc.args[0], view.lang))
            return
        except sandbox.CheckFailed as exc:
            st.error(view.t("data.check_failed", why=issues.text(exc.args[0], view.lang)))
            return
        st.subheader(view.t("data.preview"))
        st.caption(view.t("data.replaces", tables=", ".join(
            view.t(f"table.{loc.table}") for loc in uploaded), kept=", ".join(
            view.t(f"table.{loc.table}") for loc in kept) or "-"))
        st.dataframe(report.localised(report.tables_frame(dataset), view.lang), hide_index=True)
        found = report.issues_frame(dataset, view.lang)
        if len(found):
            st.dataframe(report.localised(found, view.lang), hide_index=True, width="stretch")
        allow = False
        if dataset.has_errors:
            st.error(view.t("validation.errors", n=int((found["severity"] == "error").sum())))
            allow = st.checkbox(view.t("data.accept_errors"), key="data_allow_errors")
        if st.button(view.t("data.accept"), type="primary", key="data_accept",
                     disabled=dataset.has_errors and not allow):
            user = auth.current_user()
            _, version = store.import_files(folder, files, user.name if user else "?", allow)
            state.reload()
            st.success(view.t("data.accepted", version=version))


def history_panel(view: View, folder: Path) -> None:
    st.subheader(view.t("data.history"))
    history = store.versions(folder)
    if not history:
        st.caption(view.t("data.no_history"))
        return
    frame = pd.DataFrame([{"version": v.name, "time": v.time, "user": v.user,
                           "rows": ", ".join(f"{view.t('table.' + t)} {n}"
                                             for t, n in v.rows.items()),
                           "files": ", ".join(f"{name} {digest[:12]}"
                                              for name, digest in v.hashes.items()),
                           "current": v.current} for v in reversed(history)])
    st.dataframe(report.localised(frame, view.lang), hide_index=True, width="stretch")
    left, right = st.columns([2, 1])
    choice = left.selectbox(view.t("data.rollback_to"), [v.name for v in reversed(history)],
                            key="data_rollback_version")
    right.write("")
    if right.button(view.t("data.rollback"), key="data_rollback"):
        user = auth.current_user()
        store.rollback(folder, choice, user.name if user else "?")
        state.reload()
        st.success(view.t("data.rolled_back", version=choice))
