"""An editor limited to countries: sees the Data page narrowed like every other page,
may add, change or delete only rows that name their countries alone, and cannot roll
back (README, Security)."""

from __future__ import annotations

import dataclasses

import pytest
from streamlit.testing.v1 import AppTest

from bomca_data import access, store
from bomca_data.model import load_dataset
from bomca_data.ui import auth
from tests.sheets import ACTIVITY_HEADER, activity, write
from tests.test_pages import APP

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
USERS = {"kz-editor": {"password_hash": access.hash_password("x"), "role": "editor",
                       "countries": ["KZ"]},
         "editor": {"password_hash": access.hash_password("y"), "role": "editor"}}
ROWS = [activity(1), activity(2, country="UZ", title="UZ-SECRET plan"),
        activity(3, country="RG"), activity(4, country="KZ; UZ"),
        activity(5, country="UZ", component="C9", title="UZ-SECRET bad")]  # row 6: an error


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("BOMCA_CACHE", str(tmp_path / "cache"))
    data = tmp_path / "data"
    write(data / "activities.xlsx", [ACTIVITY_HEADER, *ROWS])
    # a first import makes it managed, with its rows recorded by country
    again = write(tmp_path / "first" / "activities.xlsx", [ACTIVITY_HEADER, *ROWS])
    store.import_files(data, [again], "editor", allow_errors=True)
    monkeypatch.setenv("BOMCA_DATA", str(data))
    return data


def data_page(name: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.secrets["bomca_users"] = USERS
    at.session_state[auth.USER_KEY] = (name, access.entry_digest(USERS[name]))
    at.switch_page("pages/data.py")
    return at.run()


def upload(at: AppTest, tmp_path, rows: list) -> AppTest:
    path = write(tmp_path / "up" / "activities.xlsx", [ACTIVITY_HEADER, *rows])
    at.file_uploader(key="data_upload").set_value(("activities.xlsx", path.read_bytes(), XLSX))
    return at.run()


def shown(at: AppTest) -> str:
    return " ".join([*(str(d.value.to_dict()) for d in at.dataframe),
                     *(e.body for e in at.error), *(c.value for c in at.caption)])


def test_the_editing_rule():
    assert access.edits("KZ", ("KZ",)) and access.edits("KZ;TJ", ("KZ", "TJ"))
    assert not access.edits("KZ;UZ", ("KZ",))  # shared with another country
    assert not access.edits("RG", ("KZ",)) and not access.edits(None, ("KZ",))
    assert access.edits("UZ", ()) and access.edits(None, ())  # unrestricted


def test_an_upload_that_changes_another_countrys_rows_is_refused(folder, tmp_path):
    versions = len(store.versions(folder))
    at = data_page("kz-editor")
    changed = [activity(1), activity(2, country="UZ", title="changed"), *ROWS[2:]]
    at = upload(at, tmp_path, changed[:3] + changed[4:])  # and the shared row deleted
    assert not at.exception
    errors = [e.body for e in at.error]
    assert errors == ["Refused: this upload would add, change or delete 2 rows that are not "
                      "yours alone to edit (Kazakhstan; Uzbekistan: 1, Uzbekistan: 1). You "
                      "may change rows that name only your countries; an editor for every "
                      "country can upload the rest."], errors
    assert not at.button(key="data_accept") if at.get("button") else True
    with pytest.raises(store.OthersRows) as refused:  # and the store itself refuses
        store.import_files(folder, [tmp_path / "up" / "activities.xlsx"], "kz-editor",
                           True, ("KZ",))
    assert refused.value.changes == {"UZ": 1, "KZ;UZ": 1}
    assert len(store.versions(folder)) == versions


def test_a_restricted_editor_changes_their_own_rows_and_sees_only_theirs(folder, tmp_path):
    at = data_page("kz-editor")
    assert not at.exception
    assert "UZ-SECRET" not in shown(at)
    history = at.dataframe[-1].value
    assert list(history["Rows"]) == ["activities 3",  # KZ, RG, KZ;UZ: not UZ's two
                                     "not recorded by country"]  # the first, adopted
    assert not at.get("selectbox") or "data_rollback_version" not in [
        s.key for s in at.selectbox]  # no rollback control
    mine = [activity(1, title="Renamed"), *ROWS[1:], activity(6), activity(7, component="C9")]
    at = upload(at, tmp_path, mine)
    assert not at.exception and not [e for e in at.error if "Refused" in e.body]
    assert "UZ-SECRET" not in shown(at)  # the preview's counts and issues: theirs only
    issues = at.dataframe[1].value
    assert len(issues) == 1 and issues.iloc[0]["Row"] == 8 and issues.iloc[0]["Value"] == "C9"
    at.checkbox(key="data_allow_errors").check().run()
    at.button(key="data_accept").click().run()
    assert [s.body for s in at.success] == ["Accepted: version v0003 is now current."]
    titles = set(load_dataset(folder).tables["activities"]["title"])
    assert "Renamed" in titles and "UZ-SECRET plan" in titles
    with pytest.raises(store.RestrictedRollback):
        store.rollback(folder, "v0001", "kz-editor", ("KZ",))


def test_an_unrestricted_editor_sees_and_changes_everything(folder, tmp_path):
    at = data_page("editor")
    assert list(at.dataframe[-1].value["Rows"]) == ["activities 5", ""]
    at = upload(at, tmp_path, [activity(1), activity(2, country="UZ", title="changed")])
    assert not at.exception and not at.error
    assert at.selectbox(key="data_rollback_version")


def test_an_upload_name_the_file_system_cannot_hold_is_handled(folder, tmp_path):
    """A long Cyrillic file name (160 characters, which Windows allows) or a name with
    NUL failed the page with the generic error."""
    path = write(tmp_path / "up" / "activities.xlsx", [ACTIVITY_HEADER, *ROWS[:2]])
    for name in ["мероприятия " + "Ж" * 160 + ".xlsx", "activ\x00ities.xlsx",
                 "../../etc/activities.xlsx", "$x^2$ www.evil.example.org.xlsx"]:
        at = data_page("editor")
        at.file_uploader(key="data_upload").set_value((name, path.read_bytes(), XLSX))
        at.run()
        assert not at.exception, name
        assert at.dataframe, name  # the preview is there
        said = [c.value for c in at.caption if "is kept as" in c.value]
        assert len(said) == 1 and "www.evil" not in said[0], said  # the name as text


def test_an_accept_refused_meanwhile_says_so(folder, tmp_path, monkeypatch):
    """When the accept step was refused (another editor rolled back meanwhile), the page
    said "Accepted: version None is now current.\""""
    at = data_page("editor")
    at = upload(at, tmp_path, ROWS[:2])
    checked = store.check_upload

    def checked_then_changed(*args, **kwargs):  # another editor publishes meanwhile
        found = checked(*args, **kwargs)
        return dataclasses.replace(found, basis="v0001")
    monkeypatch.setattr(store, "check_upload", checked_then_changed)
    versions = len(store.versions(folder))
    at.button(key="data_accept").click().run()
    assert not at.success and len(store.versions(folder)) == versions
    assert [e.body for e in at.error][-1].startswith("Not accepted: the data changed")
