"""AppTest of every page, on the demo data and on sources with problems."""

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bomca_data import i18n, metrics
from bomca_data.model import DEMO_DIR, load_dataset
from tests.sheets import ACTIVITY_HEADER, activity, write

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def run_app(monkeypatch, source: Path | None = None, **query) -> AppTest:
    if source is None:
        monkeypatch.delenv("BOMCA_DATA", raising=False)
    else:
        monkeypatch.setenv("BOMCA_DATA", str(source))
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def metrics_shown(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_home_on_demo_data(monkeypatch):
    at = run_app(monkeypatch)
    assert not at.exception
    ds = load_dataset(DEMO_DIR)
    figures = metrics.summary(ds, ds.programme.as_of)
    shown = metrics_shown(at)
    assert shown["Activities completed"] == i18n.number(figures["activities"]["completed"])
    assert shown["Unique people"] == i18n.number(figures["participants"]["unique_persons"])
    assert any("Demonstration data" in i.body for i in at.info)
    assert any("No errors" in s.body for s in at.success)
    assert not at.warning


def test_home_follows_the_as_of_date(monkeypatch):
    at = run_app(monkeypatch)
    at.date_input(key="as_of").set_value(dt.date(2022, 9, 5)).run()
    assert metrics_shown(at)["Activities completed"] == "93"


def test_home_in_russian(monkeypatch):
    at = run_app(monkeypatch, lang="ru")
    assert not at.exception
    assert "Завершено мероприятий" in metrics_shown(at)
    assert at.title[0].value == i18n.t("app.title", "ru")


def test_home_on_a_source_with_errors(monkeypatch, tmp_path):
    write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, activity(1),
                                         activity(2, start_date="32.01.2022")])
    at = run_app(monkeypatch, tmp_path)
    assert not at.exception
    assert metrics_shown(at)["Activities completed"] == "1"
    assert any("1 row(s) were excluded" in w.body for w in at.warning)
    assert any("1 error(s) found" in e.body for e in at.error)
    issues = at.dataframe[-1].value
    assert list(issues["Row"]) == [3] and list(issues["Code"]) == ["type-error"]
    assert not at.info  # not the demo: no demo banner


def test_home_with_only_an_activities_table(monkeypatch, tmp_path):
    write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, activity(1)])
    at = run_app(monkeypatch, tmp_path)
    assert not at.exception
    shown = metrics_shown(at)
    assert shown["Attendances"] == "0" and shown["Unique people"] == "n/a"


def test_home_on_an_unreadable_source(monkeypatch, tmp_path):
    at = run_app(monkeypatch, tmp_path / "missing")
    assert not at.exception
    assert "cannot be read" in at.error[0].body


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_navigation_titles_come_from_i18n(monkeypatch, lang):
    at = run_app(monkeypatch, lang=lang)
    assert not at.exception
