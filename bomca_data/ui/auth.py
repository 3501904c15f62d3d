"""Sign-in, when the deployment configures it in `.streamlit/secrets.toml`.

Off by default (a local run is its own editor). On with either
- ``[auth]``: OpenID Connect through ``st.login``; roles and countries per e-mail
  under ``[bomca_roles."name@example.org"]``, matched only when the provider marks the
  e-mail verified (or per the claim ``[bomca_access] identity_claim`` names). An
  identity not listed there has no access, unless ``[bomca_access]`` gives a
  ``default_role`` (and ``default_countries``); or
- ``[bomca_users.NAME]`` entries with ``password_hash`` (scrypt), ``role`` and
  ``countries``.
A failed sign-in says only that it failed; failures slow the next attempts
(``throttle.py``). A session is checked against the current users on every run: a
user removed, or whose password, role or countries changed, loses the old rights at
once.
"""

from __future__ import annotations

import time

import streamlit as st

from bomca_data import access, i18n
from bomca_data.access import throttle
from bomca_data.ui.plaintext import plain

USER_KEY = "signed_in_user"  # (name, digest of their entry when they signed in)
THROTTLE = throttle.Throttle()  # shared by every session of the server
MAX_PASSWORD = 1_000  # characters; a longer one is refused without hashing it


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
    """The signed-in user as the current settings describe them; None before sign-in,
    for an OpenID identity given no access, or when the user's entry has gone or
    changed since they signed in."""
    kind = mode()
    if kind == "off":
        return access.LOCAL
    if kind == "oidc":
        return _oidc_user() if st.user.is_logged_in else None
    signed = st.session_state.get(USER_KEY)
    if not signed:
        return None
    name, digest = signed
    entry = _secrets("bomca_users").get(name)
    if entry is None or access.entry_digest(entry) != digest:
        st.session_state.pop(USER_KEY, None)
        return None
    return access.user_from_settings(name, entry)


def oidc_identity(claims, settings: dict) -> str | None:
    """The name an OpenID identity is listed under in ``[bomca_roles]``: its e-mail only
    when the provider says the e-mail is verified (``email_verified``); or the claim
    that ``[bomca_access] identity_claim`` names (e.g. "sub", for providers that do not
    send ``email_verified``). None: no identity that may be matched."""
    claim = str(settings.get("identity_claim") or "email")
    value = claims.get(claim)
    if claim == "email" and str(claims.get("email_verified", "")).lower() != "true":
        return None
    return str(value) if value not in (None, "") else None


def countries() -> tuple[str, ...]:
    """The signed-in user's countries; empty for every country (or no user yet)."""
    user = current_user()
    return user.countries if user else ()


def _oidc_user() -> access.User | None:
    default = _secrets("bomca_access")
    identity = oidc_identity(st.user, default)
    if identity is None:
        return None
    roles = _secrets("bomca_roles")
    if identity in roles:
        return access.user_from_settings(identity, roles[identity])
    if not default.get("default_role"):
        return None
    return access.user_from_settings(identity, {"role": default["default_role"],
                                                "countries": default.get("default_countries", ())})


def _source() -> str:
    """The browser's address, as the server sees it."""
    try:
        return st.context.ip_address or "unknown"
    except Exception:  # no browser behind this run (tests, bare mode)
        return "unknown"


def _attempt(name: str, password: str) -> access.User | None:
    if len(name) > throttle.MAX_NAME or len(password) > MAX_PASSWORD:
        return None  # no such user: refused before anything is kept or hashed
    source = _source()
    wait = THROTTLE.reserve(name, source)
    if wait is None:
        return None  # too many attempts queued: refused without a check
    time.sleep(wait)
    user = access.authenticate(_secrets("bomca_users"), name, password)
    if user is None:
        THROTTLE.failed(name, source)
        return None
    THROTTLE.succeeded(name, source)
    return user


def gate(lang: str) -> access.User | None:
    """The signed-in user, or None after drawing the sign-in form (show nothing else)."""
    user = current_user()
    if user is not None:
        return user
    st.title(i18n.t("app.title", lang))
    if mode() == "oidc" and st.user.is_logged_in:  # signed in, but given no access
        st.error(i18n.t("auth.no_access", lang, name=plain(st.user.get("email", ""))))
        st.button(i18n.t("auth.sign_out", lang), on_click=st.logout, key="auth_out")
        return None
    if mode() == "oidc":
        st.button(i18n.t("auth.sign_in", lang), on_click=st.login, key="auth_oidc",
                  type="primary")
        return None
    with st.form("auth_form"):
        name = st.text_input(i18n.t("auth.name", lang), key="auth_name",
                             max_chars=throttle.MAX_NAME)
        password = st.text_input(i18n.t("auth.password", lang), type="password",
                                 key="auth_password", max_chars=MAX_PASSWORD)
        sent = st.form_submit_button(i18n.t("auth.sign_in", lang), type="primary")
    if sent:
        user = _attempt(name.strip(), password)
        if user is None:
            st.error(i18n.t("auth.failed", lang))
            return None
        entry = _secrets("bomca_users")[user.name]
        st.session_state[USER_KEY] = (user.name, access.entry_digest(entry))
        st.rerun()
    return None


def sign_out_button(user: access.User, lang: str) -> None:
    if mode() == "off":
        return
    st.sidebar.caption(i18n.t("auth.signed_in_as", lang, name=plain(user.name)))
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
