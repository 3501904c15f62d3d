"""Sign-in and roles: nothing before sign-in, wrong passwords refused (slowly, without
saying why), viewers kept off the Data page, country-restricted users see and export
nothing of another country."""

from __future__ import annotations

import datetime as dt
import io
import json
import time
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from bomca_data import access, filters, i18n
from bomca_data.access import throttle
from bomca_data.model import load_dataset
from bomca_data.outputs import export
from bomca_data.source.location import DEMO_DIR
from bomca_data.ui import auth
from bomca_data.ui.plaintext import plain
from tests.test_pages import APP, PAGES, plotly_charts
from tests.test_published import shown

PASSWORDS = {"alice": "correct horse", "viktor": "battery staple", "kz": "nur sultan"}
OTHERS = ("Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan")


@pytest.fixture(scope="module")
def users():
    return {
        "alice": {"password_hash": access.hash_password(PASSWORDS["alice"]), "role": "editor"},
        "viktor": {"password_hash": access.hash_password(PASSWORDS["viktor"])},
        "kz": {"password_hash": access.hash_password(PASSWORDS["kz"]), "countries": ["KZ"]},
    }


@pytest.fixture(autouse=True)
def _no_throttle_memory():
    auth.THROTTLE.clear()
    yield
    auth.THROTTLE.clear()


def signed(users: dict, name: str) -> tuple[str, str]:
    """The session's record of ``name`` signed in with their current entry."""
    return name, access.entry_digest(users[name])


def app(monkeypatch, users) -> AppTest:
    monkeypatch.delenv("BOMCA_DATA", raising=False)
    at = AppTest.from_file(APP, default_timeout=90)
    at.secrets["bomca_users"] = users
    return at


def sign_in(at: AppTest, name: str, password: str) -> AppTest:
    at.run()
    at.text_input(key="auth_name").input(name)
    at.text_input(key="auth_password").input(password)
    at.button[0].click()
    return at.run()


def test_hashes_are_salted_and_checked():
    first, second = access.hash_password("x"), access.hash_password("x")
    assert first != second and first.startswith("scrypt$")
    assert access.check_password("x", first) and not access.check_password("y", first)
    assert not access.check_password("x", "plain-text")


def test_nothing_of_the_data_before_sign_in(monkeypatch, users):
    at = app(monkeypatch, users).run()
    assert not at.exception
    assert not at.metric and not plotly_charts(at) and not at.dataframe
    assert at.text_input(key="auth_password").proto.type == 1  # a password field
    for page in PAGES[1:]:  # a page opened directly shows nothing either
        direct = app(monkeypatch, users)
        direct.switch_page(page)
        direct.run()
        assert not direct.metric and not plotly_charts(direct), page


def test_a_shared_link_keeps_its_view_through_the_sign_in(monkeypatch, users):
    """A link opened by someone not yet signed in (a colleague's, shared in the room)
    keeps its date and filters while the sign-in form is shown, and the view after
    signing in is the link's."""
    at = app(monkeypatch, users)
    for key, value in {"lang": "en", "as_of": "2024-06-30", "component": "C2"}.items():
        at.query_params[key] = value
    at.run()
    assert at.query_params["as_of"] == "2024-06-30" and at.query_params["component"] == "C2"
    at = sign_in(at, "alice", PASSWORDS["alice"])
    assert not at.exception
    assert at.query_params["as_of"] == "2024-06-30" and at.query_params["component"] == "C2"
    context = filters.Filters(components=("C2",)).describe(dt.date(2024, 6, 30), "en")
    assert context in " ".join(c.value for c in at.caption)


@pytest.mark.parametrize(("name", "password"), [("alice", "wrong"), ("nobody", "x"),
                                                ("alice", "")])
def test_wrong_passwords_are_refused_without_saying_why(monkeypatch, users, name, password):
    at = sign_in(app(monkeypatch, users), name, password)
    assert [e.body for e in at.error] == ["Sign-in failed."]
    assert not at.metric


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def fail(gate: throttle.Throttle, clock: Clock, attempts: list[tuple[str, str]],
         every: float) -> None:
    """Failed attempts (name, source), ``every`` seconds apart."""
    for name, source in attempts:
        clock.now += every
        gate.reserve(name, source)
        gate.failed(name, source)


def test_guesses_at_one_name_take_turns_and_slow_down():
    """Six parallel guesses at the 8 s step took 8.2 s: now they wait one after another."""
    clock = Clock()
    gate = throttle.Throttle(clock)
    fail(gate, clock, [("alice", "10.0.0.9")] * 5, every=100)
    waits = [gate.reserve("alice", "10.0.0.9") for _ in range(6)]  # all at the same moment
    assert waits == [8.0, 16.0, 24.0, 32.0, 40.0, 48.0]
    assert [gate.reserve("alice", "10.0.0.9") for _ in range(2)] == [56.0, None]  # past 60 s: refused


def test_new_names_from_one_source_are_slowed_too():
    """Password spraying: one guess at each of many names."""
    clock = Clock()
    gate = throttle.Throttle(clock)
    fail(gate, clock, [(f"user{i}", "10.0.0.9") for i in range(6)], every=60)
    assert gate.reserve("someone-new", "10.0.0.9") == throttle.MAX_DELAY
    assert gate.reserve("someone-new", "10.0.0.7") == 0.0  # another place is not slowed


def test_a_guesser_elsewhere_does_not_keep_the_owner_waiting():
    clock = Clock()
    gate = throttle.Throttle(clock)
    fail(gate, clock, [("alice", "203.0.113.5")] * 10, every=30)
    assert gate.reserve("alice", "10.0.0.2") == 0.0


def test_many_failures_from_everywhere_make_every_attempt_take_its_turn():
    clock = Clock()
    gate = throttle.Throttle(clock)
    fail(gate, clock, [(f"n{i}", f"198.51.100.{i}") for i in range(throttle.GLOBAL_BUDGET)],
         every=0)
    first = gate.reserve("alice", "10.0.0.2")
    second = gate.reserve("bob", "10.0.0.3")
    assert second - first == throttle.GLOBAL_DELAY
    clock.now += throttle.WINDOW + 1  # the minute has passed
    assert gate.reserve("carol", "10.0.0.4") == 0.0


def test_an_unknown_name_costs_the_same_password_check():
    users = {"alice": {"password_hash": access.hash_password("x")}}
    timings = {}
    for name in ("alice", "nobody"):
        start = time.perf_counter()
        for _ in range(3):
            access.authenticate(users, name, "wrong")
        timings[name] = time.perf_counter() - start
    assert 0.5 < timings["nobody"] / timings["alice"] < 2.0


def test_editor_signs_in_and_sees_the_dashboard(monkeypatch, users):
    at = sign_in(app(monkeypatch, users), "alice", PASSWORDS["alice"])
    assert not at.exception and at.metric
    assert at.session_state[auth.USER_KEY] == signed(users, "alice")


def test_a_viewer_cannot_reach_the_data_page(monkeypatch, users):
    at = app(monkeypatch, users)
    at.session_state[auth.USER_KEY] = signed(users, "viktor")
    at.switch_page("pages/data.py")
    at.run()
    assert [e.body for e in at.error] == ["Only editors can change the data."]
    assert not at.get("file_uploader")


def test_the_data_page_is_listed_for_editors_only(monkeypatch, users):
    import ast

    from bomca_data.ui import pages

    assert [p.path for p in pages.PAGES if p.editors] == ["pages/data.py"]
    tree = ast.parse(Path(APP).read_text(encoding="utf-8"))
    menus = [ast.unparse(n) for n in ast.walk(tree) if isinstance(n, ast.ListComp)]
    assert any("user.editor or not p.editors" in menu for menu in menus), menus


@pytest.mark.parametrize("page", PAGES)
def test_a_country_user_sees_no_other_country(monkeypatch, users, page):
    at = app(monkeypatch, users)
    at.session_state[auth.USER_KEY] = signed(users, "kz")
    at.query_params["lang"] = "en"
    if page != PAGES[0]:
        at.switch_page(page)
    at.run()
    assert not at.exception
    shown = json.dumps([json.loads(c.proto.spec) for c in plotly_charts(at)])
    shown += " ".join(str(d.value.to_dict()) for d in at.dataframe)
    shown += " ".join(m.label + m.value for m in at.metric)
    shown += " ".join(e.value for e in at.caption)
    for other in OTHERS:
        assert other not in shown, (page, other)


def test_a_country_user_exports_nothing_of_another_country():
    ds = access.restrict(load_dataset(DEMO_DIR), ("KZ",))
    data = export.workbook_bytes(ds, filters.Filters(), ds.programme.as_of, "en")
    wb = openpyxl.load_workbook(io.BytesIO(data))
    others = ("Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan")
    for sheet in ("Activities", "Participants", "Recommendations", "Meetings"):
        header = [c.value for c in wb[sheet][1]]
        column = header.index("Country")
        countries = {row[column] for row in wb[sheet].iter_rows(min_row=2, values_only=True)}
        assert countries and countries <= {"Kazakhstan", "Regional", "Kazakhstan; Regional"}, (
            sheet, countries)
    summary = [row for row in wb["Summary"].iter_rows(values_only=True)]
    assert not any(str(r[0]).endswith(others) for r in summary)


def test_data_page_shows_history_and_rolls_back(monkeypatch, tmp_path):
    """a managed folder with two versions: the editor rolls back from the page."""
    from bomca_data import store
    from tests.sheets import ACTIVITY_HEADER, activity, write

    folder = tmp_path / "data"
    write(folder / "activities.xlsx", [ACTIVITY_HEADER, activity(1)])
    new = write(tmp_path / "up" / "activities.xlsx", [ACTIVITY_HEADER, activity(1), activity(2)])
    store.import_files(folder, [new], "alice")
    monkeypatch.setenv("BOMCA_DATA", str(folder))
    at = AppTest.from_file(APP, default_timeout=90)
    at.switch_page("pages/data.py")
    at.run()
    assert not at.exception and at.get("file_uploader")
    history = at.dataframe[-1].value
    assert list(history["Version"]) == ["v0002", "v0001"]
    at.selectbox(key="data_rollback_version").set_value("v0001")
    at.button(key="data_rollback").click()
    at.run()
    assert "Version v0001 is current again." in [s.body for s in at.success]
    assert [v.current for v in store.versions(folder)] == [True, False]


def _managed(tmp_path):
    from tests.sheets import ACTIVITY_HEADER, activity, write

    folder = tmp_path / "data"
    write(folder / "activities.xlsx", [ACTIVITY_HEADER, activity(1)])
    return folder


def _bytes(tmp_path, name: str, rows: list) -> bytes:
    from tests.sheets import write

    return write(tmp_path / "made" / name, rows).read_bytes()


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_data_page_checks_an_upload_before_anything_changes(monkeypatch, tmp_path):
    from tests.sheets import ACTIVITY_HEADER, activity

    folder = _managed(tmp_path)
    monkeypatch.setenv("BOMCA_DATA", str(folder))
    at = AppTest.from_file(APP, default_timeout=90)
    at.switch_page("pages/data.py")
    at.run()
    bad = _bytes(tmp_path, "activities.xlsx", [ACTIVITY_HEADER, activity(1),
                                               activity(2, component="C9")])
    at.file_uploader(key="data_upload").set_value(("activities.xlsx", bad, XLSX))
    at.run()
    assert not at.exception
    assert any("1 error found" in e.body for e in at.error)
    assert at.button(key="data_accept").disabled
    assert not (folder / "versions").exists()
    listed = at.dataframe[-1].value  # the message first, the code by its title
    assert list(listed.columns)[:2] == ["Message", "Issue"], list(listed.columns)
    assert set(listed["Issue"]) == {i18n.t("issue_title.vocabulary-error")}

    good = _bytes(tmp_path, "activities.xlsx", [ACTIVITY_HEADER, activity(1), activity(2)])
    at.file_uploader(key="data_upload").set_value(("activities.xlsx", good, XLSX))
    at.run()
    at.button(key="data_accept").click()
    at.run()
    assert "Accepted: version v0002 is now current." in [s.body for s in at.success]
    assert load_dataset(folder).stats["activities"].rows_read == 2
    assert not [b for b in at.button if b.key == "data_accept"]  # accepted once
    at.run()  # the files still in the uploader: checked again, never accepted again
    assert "Accepted: version v0002 is now current." in [s.body for s in at.success]
    assert sorted(p.name for p in (folder / "versions").iterdir()
                  if p.name.startswith("v")) == ["v0001", "v0002"]


def test_data_page_refuses_a_file_that_is_not_what_its_name_says(monkeypatch, tmp_path):
    monkeypatch.setenv("BOMCA_DATA", str(_managed(tmp_path)))
    at = AppTest.from_file(APP, default_timeout=90)
    at.switch_page("pages/data.py")
    at.run()
    at.file_uploader(key="data_upload").set_value(
        ("activities.xlsx", b"<html><body>export</body></html>", XLSX))
    at.run()
    assert [shown(e.body) for e in at.error] == [
        "activities.xlsx was refused: the file is a web page or XML text, not a real .xlsx "
        "workbook; open it in Excel and save it as an Excel workbook"]


def test_data_page_refuses_a_far_away_cell_with_the_limit_it_met(monkeypatch, tmp_path):
    """A 5 KB workbook whose one cell sits at XFD1048576 (it took the server down)."""
    from tests import hostile

    folder = _managed(tmp_path)
    monkeypatch.setenv("BOMCA_DATA", str(folder))
    far = hostile.far_cell(tmp_path / "made", "XFD1048576").read_bytes()
    at = AppTest.from_file(APP, default_timeout=90)
    at.switch_page("pages/data.py")
    at.run()
    at.file_uploader(key="data_upload").set_value(("activities.xlsx", far, XLSX))
    at.run()
    assert not at.exception
    assert next(shown(e.body) for e in at.error).startswith(
        "activities.xlsx was refused: sheet 'Sheet1' has cells up to column 16,384; the "
        "limit is 500 columns")
    assert not (folder / "versions").exists()


def test_an_upload_the_guards_miss_can_only_fail_its_check(monkeypatch, tmp_path):
    """The check runs in a child process under a memory cap: here a cap too small for
    any read, standing for a file that needs more than the cap. The page says so and
    the server (this process) goes on."""
    from tests.sheets import ACTIVITY_HEADER, activity

    folder = _managed(tmp_path)
    monkeypatch.setenv("BOMCA_DATA", str(folder))
    monkeypatch.setenv("BOMCA_CHECK_MEMORY_MB", "64")
    at = AppTest.from_file(APP, default_timeout=90)
    at.switch_page("pages/data.py")
    at.run()
    good = _bytes(tmp_path, "activities.xlsx", [ACTIVITY_HEADER, activity(1), activity(2)])
    at.file_uploader(key="data_upload").set_value(("activities.xlsx", good, XLSX))
    at.run()
    assert not at.exception
    assert [e.body for e in at.error] == [
        "The files could not be checked: checking the files needed more than 64 MB of memory "
        "or too much time, the limits; they were not accepted"]
    assert not at.button(key="data_accept") if at.get("button") else True
    assert not (folder / "versions").exists()


def test_a_removed_or_changed_user_loses_the_old_rights_at_the_next_run(monkeypatch, users):
    at = sign_in(app(monkeypatch, users), "alice", PASSWORDS["alice"])
    assert at.metric
    demoted = {**users, "alice": {**users["alice"], "role": "viewer"}}
    at.secrets["bomca_users"] = demoted
    at.run()
    # nothing of the data, and the session no longer signed in (AppTest reruns the
    # page alone; a server runs app.py, which then shows the sign-in form)
    assert not at.metric and not plotly_charts(at) and not at.dataframe
    assert auth.USER_KEY not in at.session_state
    at = sign_in(app(monkeypatch, users), "kz", PASSWORDS["kz"])
    at.secrets["bomca_users"] = {k: v for k, v in users.items() if k != "kz"}
    at.run()
    assert not at.metric and not plotly_charts(at) and not at.dataframe
    assert auth.USER_KEY not in at.session_state


def oidc_app(monkeypatch, email: str, roles: dict, access_settings: dict | None = None,
             claims: dict | None = None):
    monkeypatch.delenv("BOMCA_DATA", raising=False)
    at = AppTest.from_file(APP, default_timeout=90)
    at.secrets["auth"] = {"redirect_uri": "http://localhost/oauth2callback",
                          "cookie_secret": "x" * 32}
    at.secrets["bomca_roles"] = roles
    if access_settings:
        at.secrets["bomca_access"] = access_settings
    at.user = {"is_logged_in": True, "email": email, "email_verified": True, **(claims or {})}
    return at.run()


def test_an_unlisted_openid_identity_gets_no_access(monkeypatch):
    at = oidc_app(monkeypatch, "stranger@example.org", {"kz@example.org": {"countries": ["KZ"]}})
    assert not at.exception and not at.metric and not plotly_charts(at)
    assert [e.body for e in at.error] == [
        f"The account {plain('stranger@example.org')} has no access to this dashboard: ask "
        "its administrator to add it."]  # the address as text, never a mailto link


def test_openid_defaults_apply_only_when_the_settings_say_so(monkeypatch):
    at = oidc_app(monkeypatch, "stranger@example.org", {},
                  {"default_role": "viewer", "default_countries": ["UZ"]})
    assert not at.exception and at.metric
    shown = " ".join(e.value for e in at.caption)
    assert "Kazakhstan" not in json.dumps([json.loads(c.proto.spec)
                                           for c in plotly_charts(at)])
    del shown


def test_an_unverified_openid_email_is_never_given_the_listed_role(monkeypatch):
    """A provider that lets anyone claim any e-mail (unverified) got the role of the
    listed user with that e-mail."""
    roles = {"editor@example.org": {"role": "editor"}}
    at = oidc_app(monkeypatch, "editor@example.org", roles, claims={"email_verified": False})
    assert not at.exception and not at.metric and not plotly_charts(at)
    at = oidc_app(monkeypatch, "editor@example.org", roles, claims={"email_verified": None})
    assert not at.metric
    assert oidc_app(monkeypatch, "editor@example.org", roles).metric  # verified: in


def test_a_setting_names_the_claim_for_providers_without_email_verified(monkeypatch):
    roles = {"subject-42": {"countries": ["UZ"]}}
    settings = {"identity_claim": "sub"}
    at = oidc_app(monkeypatch, "someone@example.org", roles, settings,
                  claims={"email_verified": None, "sub": "subject-42"})
    assert not at.exception and at.metric
    assert auth.oidc_identity({"sub": "x", "email": "a@b.c"}, {}) is None  # no verification
    assert auth.oidc_identity({"email": "a@b.c", "email_verified": "true"}, {}) == "a@b.c"


def _countries_source(tmp_path):
    """activities and participants of three countries, each country with bad rows
    whose values name it ("UZ-SECRET-..."): an access fixture with issues in several
    countries."""
    from tests.sheets import ACTIVITY_HEADER, activity, write

    folder = tmp_path / "countries"
    write(folder / "activities.xlsx", [
        ACTIVITY_HEADER,
        activity(1, country="KZ"), activity(2, country="KZ", start_date="KZ-OWN-DATE"),
        activity(3, country="UZ"), activity(4, country="UZ", start_date="UZ-SECRET-DATE"),
        activity(5, country="TJ", component="TJ-SECRET-COMPONENT"),
        activity(6, country="RG"), activity(7, country="Atlantis")])
    write(folder / "participants.csv", [
        ["activity_id", "count", "gender", "country"],
        ["A1", 3, "F", "KZ"], ["A3", 2, "UZ-SECRET-GENDER", "UZ"], ["A1", 1, "F", "UZ"],
        ["A1", "x", "F", "KZ"]])
    return folder


def test_a_restricted_view_narrows_issues_and_row_counts(tmp_path):
    ds = load_dataset(_countries_source(tmp_path))
    kz = access.restrict(ds, ("KZ",))
    # independent count over the rows written above: KZ rows 1, 2; RG row 6
    assert (kz.stats["activities"].rows_read, kz.stats["activities"].rows_excluded) == (3, 1)
    assert (kz.stats["participants"].rows_read, kz.stats["participants"].rows_excluded) == (2, 1)
    assert {(i.table, i.row) for i in kz.issues if i.severity == "error"} == {
        ("activities", 3), ("participants", 5)}
    assert all(i.country for i in kz.issues)  # no issue of no row: unrestricted users only
    assert "SECRET" not in json.dumps([i.as_dict() for i in kz.issues])
    assert kz.rows_excluded == 2
    assert ds.stats["activities"].rows_read == 7 and ds.rows_excluded == 6


def test_a_country_user_sees_only_their_countries_issues_and_counts(monkeypatch, users, tmp_path):
    from bomca_data.outputs import tabular

    monkeypatch.setenv("BOMCA_DATA", str(_countries_source(tmp_path)))
    at = AppTest.from_file(APP, default_timeout=90)
    at.secrets["bomca_users"] = users
    at.session_state[auth.USER_KEY] = signed(users, "kz")
    at.switch_page("pages/data_quality.py")
    at.run()
    assert not at.exception
    shown = " ".join(str(d.value.to_dict()) for d in at.dataframe)
    shown += " ".join(m.label + m.value for m in at.metric)
    shown += " ".join(e.body for e in (*at.warning, *at.info, *at.caption, *at.markdown))
    shown += json.dumps([json.loads(c.proto.spec) for c in plotly_charts(at)])
    assert "SECRET" not in shown and "Atlantis" not in shown
    assert "KZ-OWN-DATE" in shown  # the user's own row is listed
    assert {m.label: m.value for m in at.metric}["Rows read"] == "5"
    assert "2 rows were excluded" in " ".join(w.body for w in at.warning)
    csv_text = tabular.issues_frame(access.restrict(load_dataset(_countries_source(tmp_path)),
                                                   ("KZ",))).to_csv()
    assert "SECRET" not in csv_text


def test_every_table_is_narrowed_by_its_declared_access_rule():
    """each table by the rule declared with its scope, computed here row by row: rows
    naming KZ or the region; rows naming no country gone; followers follow."""
    from bomca_data import contract

    full = load_dataset(DEMO_DIR)
    seen = access.restrict(full, ("KZ",))
    for name, frame in full.tables.items():
        scope = contract.TABLES[name].scope
        if scope.country is None:
            kept_keys = set(seen.tables[scope.follows][scope.key])
            expected = [k for k in frame[scope.key] if k in kept_keys]
            assert list(seen.tables[name][scope.key]) == expected, name
            continue
        expected = [i for i, v in zip(frame.index, frame[scope.country].astype(object), strict=True)
                    if isinstance(v, str) and {"KZ", "RG"} & set(v.split(";"))]
        assert list(seen.tables[name].index) == expected, name
        assert all(set(v.split(";")) <= {"KZ", "RG"}
                   for v in seen.tables[name][scope.country].astype(str)), name
    assert "recommendation_updates" in seen.tables
