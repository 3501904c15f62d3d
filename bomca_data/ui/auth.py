"""Sign-in, when the deployment configures it in `.streamlit/secrets.toml`.

Off by default (a local run is its own editor). On with either
- ``[auth]``: OpenID Connect through ``st.login`` (roles and countries per e-mail
  under ``[bomca_roles."name@example.org"]``, viewer with every country otherwise), or
- ``[bomca_users.NAME]`` entries with ``password_hash`` (scrypt), ``role`` and
  ``countries``.
A failed sign-in says only that it failed, and each failure for a name makes the
next attempt wait longer.
"""

from __future__ import annotations

import threading
import time

import streamlit as st

from bomca_data import access, i18n

USER_KEY = "signed_in_user"
_FAILURES: dict[str, int] = {}  # name -> failed attempts, shared by every session
_FAILURES_LOCK = threading.Lock()
MAX_DELAY = 8.0


def _secrets(section: str) -> dict:
    try:
        return {k: dict(v) if hasattr(v, "items") else v
                for k, v in st.secrets.get(section, {}).items()}
    except FileNotFoundError:  # no secrets.toml at all
        return {}


def mode() -> str:
    """"off", "users" or "oidc"."""
    try:
        if "auth" in st.secrets:
            return "oidc"
    except FileNotFoundError:
        return "off"
    return "users" if _secrets("bomca_users") else "off"


def current_user() -> access.User | None:
    kind = mode()
    if kind == "off":
        return access.LOCAL
    if kind == "oidc":
        if not st.user.is_logged_in:
            return None
        email = str(st.user.get("email", ""))
        return access.user_from_settings(email, _secrets("bomca_roles").get(email, {}))
    return st.session_state.get(USER_KEY)


def _delay(name: str) -> float:
    with _FAILURES_LOCK:
        failures = _FAILURES.get(name, 0)
    return 0.0 if not failures else min(0.5 * 2 ** (failures - 1), MAX_DELAY)


def _attempt(name: str, password: str) -> access.User | None:
    time.sleep(_delay(name))  # repeated failures are slowed down
    user = access.authenticate(_secrets("bomca_users"), name, password)
    with _FAILURES_LOCK:
        if user is None:
            _FAILURES[name] = _FAILURES.get(name, 0) + 1
        else:
            _FAILURES.pop(name, None)
    return user


def gate(lang: str) -> access.User | None:
    """The signed-in user, or None after drawing the sign-in form (show nothing else)."""
    user = current_user()
    if user is not None:
        return user
    st.title(i18n.t("app.title", lang))
    if mode() == "oidc":
        st.button(i18n.t("auth.sign_in", lang), on_click=st.login, key="auth_oidc",
                  type="primary")
        return None
    with st.form("auth_form"):
        name = st.text_input(i18n.t("auth.name", lang), key="auth_name")
        password = st.text_input(i18n.t("auth.password", lang), type="password",
                                 key="auth_password")
        sent = st.form_submit_button(i18n.t("auth.sign_in", lang), type="primary")
    if sent:
        user = _attempt(name.strip(), password)
        if user is None:
            st.error(i18n.t("auth.failed", lang))
            return None
        st.session_state[USER_KEY] = user
        st.rerun()
    return None


def sign_out_button(user: access.User, lang: str) -> None:
    if mode() == "off":
        return
    st.sidebar.caption(i18n.t("auth.signed_in_as", lang, name=user.name))
    if mode() == "oidc":
        st.sidebar.button(i18n.t("auth.sign_out", lang), on_click=st.logout, key="auth_out")
    elif st.sidebar.button(i18n.t("auth.sign_out", lang), key="auth_out"):
        st.session_state.pop(USER_KEY, None)
        st.rerun()


def nothing() -> None:
    """The only page before sign-in: it shows nothing."""


def require_editor(lang: str) -> bool:
    """True for an editor; otherwise say so (a page not in the viewer's menu)."""
    user = current_user()
    if user is not None and user.editor:
        return True
    st.error(i18n.t("auth.editors_only", lang))
    return False
