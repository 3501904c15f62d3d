"""Who may see what: users, roles, countries, and salted slow password hashes.

Pure functions (no Streamlit): the sign-in page in ``ui/auth.py`` calls them, and
``restrict`` narrows a Dataset to a user's countries for every page and export.

Password hashes are scrypt (the standard library's memory-hard KDF) with a random
salt: ``scrypt$n$r$p$salt_hex$hash_hex``. Make one with
``python -m bomca_data hash-password``.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections import Counter
from dataclasses import dataclass, replace

import pandas as pd

from bomca_data import contract
from bomca_data.figures.counting import remember
from bomca_data.figures.participation import activities_of_people
from bomca_data.filters import names_one, naming, with_followers
from bomca_data.model import Dataset, TableStats

ROLES = ("viewer", "editor")
_N, _R, _P = 2**14, 8, 1  # scrypt cost: about 50 ms and 16 MB a check
_DUMMY = None  # a hash to check against when the user is unknown (same time either way)


@dataclass(frozen=True)
class User:
    name: str
    role: str = "viewer"
    countries: tuple[str, ...] = ()  # empty: every country

    @property
    def editor(self) -> bool:
        return self.role == "editor"


LOCAL = User("local", "editor")  # sign-in off: a local run on one's own machine


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        mine = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r),
                              p=int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(mine, bytes.fromhex(digest))


def user_from_settings(name: str, settings: dict) -> User:
    """A user from their secrets entry: role (viewer by default) and countries."""
    role = settings.get("role", "viewer")
    countries = tuple(c.upper() for c in settings.get("countries", ()))
    if role not in ROLES:
        raise ValueError(f"user {name!r}: role must be one of {', '.join(ROLES)}")
    unknown = [c for c in countries if c not in contract.NATIONAL_COUNTRIES]
    if unknown:
        raise ValueError(f"user {name!r}: unknown countries {', '.join(unknown)}")
    return User(name, role, countries)


def entry_digest(entry: dict) -> str:
    """A digest of a user's settings entry (hash, role, countries): a session signed in
    under another digest has lost its rights."""
    text = repr(sorted((str(k), str(v)) for k, v in entry.items()))
    return hashlib.sha256(text.encode()).hexdigest()


def authenticate(users: dict, name: str, password: str) -> User | None:
    """The user when the name and password match; None otherwise (never says which)."""
    global _DUMMY
    entry = users.get(name)
    if entry is None:
        _DUMMY = _DUMMY or hash_password(secrets.token_hex(8))
        check_password(password, _DUMMY)  # spend the same time as for a real user
        return None
    if not check_password(password, str(entry.get("password_hash", ""))):
        return None
    return user_from_settings(name, entry)


def _named(lists: pd.Series, allowed: tuple[str, ...]) -> pd.Series:
    """Each country list narrowed to the allowed codes ("KZ;UZ" -> "KZ")."""
    return lists.map(lambda v: ";".join(c for c in v.split(";") if c in allowed))


def allowed(countries: tuple[str, ...]) -> tuple[str, ...]:
    """The one access rule: a user limited to ``countries`` sees what names one of
    them or the region; what names no country is for unrestricted users only."""
    return (*countries, contract.REGION)


def sees(scope: str | None, countries: tuple[str, ...]) -> bool:
    """Whether a user limited to ``countries`` (empty: every country) sees a row, an
    issue or a count whose country list is ``scope``."""
    return not countries or names_one(scope, allowed(countries))


def restrict(dataset: Dataset, countries: tuple[str, ...]) -> Dataset:
    """The dataset as a user limited to ``countries`` may see it, by the access rule
    declared with each table's scope (contract.Scope) and the one rule of ``sees``:
    tables, issues and row counts alike. An activity or recommendation shared with
    another country is kept, named by the user's countries only."""
    if not countries:
        return dataset
    codes = allowed(countries)
    tables = {}
    for name, frame in dataset.tables.items():
        table = contract.TABLES[name]
        column = table.scope.country
        if column is None:
            continue  # a table that follows another (updates: below)
        kept = frame[naming(frame[column], codes).to_numpy()]
        if table.column(column).kind == "country_list":
            # named by the user's countries only; how many it lists is kept for counting
            # (a multi-country activity is one, for every user: figures first, then access)
            listed = kept[column].str.count(";") + 1
            kept = kept.assign(**{column: _named(kept[column], codes), contract.LISTED: listed})
        tables[name] = kept
    tables = with_followers(tables, dataset.tables)
    issues = [i for i in dataset.issues if sees(i.country, countries)]
    stats = {name: _restricted_stats(s, countries) for name, s in dataset.stats.items()}
    programme = replace(dataset.programme, countries=tuple(
        c for c in dataset.programme.countries if c in countries))
    # the user's people count at any activity (the people rule), as for a country filter
    return replace(dataset, tables=tables, issues=issues, stats=stats, programme=programme,
                   people_activities=activities_of_people(dataset))


RESTRICTED_KEPT = 8  # country-limited datasets remembered per loaded dataset


def restricted(dataset: Dataset, countries: tuple[str, ...]) -> Dataset:
    """``restrict(dataset, countries)``, made once per loaded dataset and countries:
    every run and session of users limited to the same countries shares it, and with it
    the views and figures it remembers (``view.narrowed``). Shared: never changed in
    place."""
    if not countries:
        return dataset
    return remember(dataset.derived.setdefault("restricted", {}), tuple(countries),
                    lambda: restrict(dataset, countries), RESTRICTED_KEPT)


def _restricted_stats(stats: TableStats, countries: tuple[str, ...]) -> TableStats:
    read = excluded = 0
    for scope, (n, dropped) in stats.scopes.items():
        if sees(scope, countries):
            read, excluded = read + n, excluded + dropped
    return replace(stats, rows_read=read, rows_valid=read - excluded,
                   scopes={k: v for k, v in stats.scopes.items() if sees(k, countries)})


# --- what a restricted editor may change ------------------------------------------


def edits(scope: str | None, countries: tuple[str, ...]) -> bool:
    """The editing rule: an editor limited to ``countries`` may add, change or delete a
    row that names their countries only. A row naming another country too (shared), a
    regional row or a row naming no country (programme-wide) belongs to everyone: an
    unrestricted editor changes it."""
    if not countries:
        return True
    named = [c for c in (scope or "").split(";") if c]
    return bool(named) and all(c in countries for c in named)


def _row_scopes(dataset: Dataset, name: str) -> pd.Series:
    """Each row's country list for the editing rule: its own country column, or (a table
    that follows another, such as recommendation updates) that of the row it follows."""
    frame, scope = dataset.tables[name], contract.TABLES[name].scope
    if scope.country and scope.country in frame:
        return frame[scope.country].astype("object")
    followed = dataset.tables.get(scope.follows) if scope.follows else None
    if followed is None or "country" not in followed:
        return pd.Series(None, index=frame.index, dtype="object")
    lists = followed.drop_duplicates(scope.key).set_index(scope.key)["country"]
    return frame[scope.key].map(lists).astype("object")


def _others_rows(dataset: Dataset, name: str, countries: tuple[str, ...]) -> Counter:
    """The valid rows of table ``name`` that the editor may not change, as (country
    list, a hash of the row's contract columns), counted."""
    frame = dataset.tables.get(name)
    if frame is None or not len(frame):
        return Counter()
    scopes = _row_scopes(dataset, name)
    theirs = scopes.map(lambda s: not edits(s, countries)).to_numpy(dtype=bool)
    columns = [c.name for c in contract.TABLES[name].columns if c.name in frame]
    hashes = pd.util.hash_pandas_object(frame.loc[theirs, columns].astype("object"),
                                        index=False)
    return Counter(zip(scopes[theirs].fillna(""), hashes, strict=True))


def changes_to_others(current: Dataset, upload: Dataset, tables: list[str],
                      countries: tuple[str, ...]) -> dict[str, int]:
    """What an upload replacing ``tables`` would add, change or delete among rows an
    editor limited to ``countries`` may not edit: {country list ("" for rows naming
    none): rows}. Rows excluded for errors count by their number per country list."""
    found: Counter = Counter()
    for name in tables:
        before, after = _others_rows(current, name, countries), _others_rows(upload, name,
                                                                              countries)
        gone, new = Counter(s for s, _ in (before - after).elements()), Counter(
            s for s, _ in (after - before).elements())
        for scope in gone | new:  # a changed row is one gone and one new: counted once
            found[scope] += max(gone[scope], new[scope])
        was, now = current.stats.get(name), upload.stats.get(name)
        for scope in {*(was.scopes if was else {}), *(now.scopes if now else {})}:
            if edits(scope or None, countries):
                continue
            bad = [s.scopes.get(scope, [0, 0])[1] if s else 0 for s in (was, now)]
            found[scope] += abs(bad[0] - bad[1])
    return {scope: n for scope, n in found.items() if n}
