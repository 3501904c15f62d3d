"""Direct tests of three functions every page leans on, on sources small enough to count
by hand: the targets by programme year (``figures.target_progress``), the filters
(``filters.apply``) and the validation report's frames (``report``)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from bomca_data import figures, filters
from bomca_data.model import load_dataset
from bomca_data.outputs import tabular
from tests.sheets import ACTIVITY_HEADER, activity, write

TARGET_HEADER = ["indicator", "year", "country", "component", "target"]
D = dt.date(2022, 9, 30)  # Y2 (April 2022 - March 2023) half gone


@pytest.fixture
def source(tmp_path):
    """Four activities: completed in Y1 (KZ, C1), Y2 (KZ;UZ, C2), Y2 (RG, C1), and one
    in Y3 not begun on D; targets for the programme, for KZ and for C1."""
    write(tmp_path / "activities.xlsx", [
        ACTIVITY_HEADER,
        activity(1, start_date=dt.date(2021, 6, 1), end_date=dt.date(2021, 6, 3)),
        activity(2, country="KZ;UZ", component="C2", start_date=dt.date(2022, 5, 2),
                 end_date=dt.date(2022, 5, 4)),
        activity(3, country="RG", start_date=dt.date(2022, 7, 1), end_date=dt.date(2022, 7, 1)),
        activity(4, start_date=dt.date(2023, 6, 1), end_date=dt.date(2023, 6, 2),
                 status="planned")])
    write(tmp_path / "targets.xlsx", [
        TARGET_HEADER,
        ["activities_completed", 1, None, None, 2], ["activities_completed", 2, None, None, 4],
        ["activities_completed", 2023, None, None, 6],  # a calendar year: Y3 starts in it
        ["activities_completed", 2, "KZ", None, 3], ["activities_completed", 2, None, "C1", 1],
        ["women_share", 1, None, None, 0.3], ["women_share", 1, "UZ", None, 0.5]])
    return load_dataset(tmp_path)


def test_target_progress_per_programme_year(source):
    rows = figures.target_progress(source, D, "activities_completed").set_index("year")
    assert list(rows.index) == ["Y1", "Y2", "Y3", "Y4", "Y5"]
    assert list(rows["actual"]) == [1, 2, 0, 0, 0]  # activity 4 is not completed on D
    assert rows.loc["Y1", "target"] == 2 and rows.loc["Y2", "target"] == 4
    assert rows.loc["Y3", "target"] == 6  # calendar 2023 -> the year starting in it
    assert rows["target"].isna().tolist() == [False, False, False, True, True]


def test_target_progress_of_a_selection_uses_only_its_own_targets(source):
    kz = figures.target_progress(source, D, "activities_completed", ("KZ",)).set_index("year")
    assert kz.loc["Y2", "target"] == 3 and pd.isna(kz.loc["Y1", "target"])
    c1 = figures.target_progress(source, D, "activities_completed", (), ("C1",))
    assert c1.set_index("year").loc["Y2", "target"] == 1
    nobody = figures.target_progress(source, D, "activities_completed", ("TJ",))
    assert nobody["target"].isna().all()  # never another scope's target
    share = figures.target_progress(source, D, "women_share").set_index("year")
    assert share.loc["Y1", "target"] == 0.3  # the programme's, not UZ's


def _ids(dataset, table="activities") -> list[str]:
    return sorted(dataset.table(table)["activity_id"])


def test_filters_apply_by_country_component_year_and_status(source):
    everything = filters.apply(source, filters.Filters(), D)
    assert _ids(everything) == ["A1", "A2", "A3", "A4"]
    # a multi-country activity is each of its countries'; a regional one stays
    kz = filters.apply(source, filters.Filters(countries=("UZ",)), D)
    assert _ids(kz) == ["A2"]
    region = filters.apply(source, filters.Filters(countries=("RG",)), D)
    assert _ids(region) == ["A3"]
    c1 = filters.apply(source, filters.Filters(components=("C1",)), D)
    assert _ids(c1) == ["A1", "A3", "A4"]
    y2 = filters.apply(source, filters.Filters(years=("Y2",)), D)
    assert _ids(y2) == ["A2", "A3"]
    calendar = filters.apply(source, filters.Filters(years=("2021",), year_kind="calendar"), D)
    assert _ids(calendar) == ["A1"]
    planned = filters.apply(source, filters.Filters(statuses=("planned",)), D)
    assert _ids(planned) == ["A4"]
    # the status is the one on D: on 2021-06-02 activity 1 was ongoing
    early = filters.apply(source, filters.Filters(statuses=("ongoing",)), dt.date(2021, 6, 2))
    assert _ids(early) == ["A1"]


def test_filters_apply_keeps_the_targets_and_never_widens(source):
    chosen = filters.Filters(countries=("KZ",), components=("C2",))
    narrowed = filters.apply(source, chosen, D)
    assert _ids(narrowed) == ["A2"]
    assert len(narrowed.table("targets")) <= len(source.table("targets"))
    assert narrowed.issues == source.issues and narrowed.programme == source.programme


def test_report_frames_count_rows_and_issues(tmp_path):
    write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, activity(1), activity(2),
                                         activity(3, country="Mars"),
                                         activity(4, component="C9")])
    dataset = load_dataset(tmp_path)
    tables = tabular.tables_frame(dataset)
    assert tables.to_dict("records") == [{
        "table": "activities", "file": "activities.xlsx", "sheet": "Sheet1", "rows_read": 4,
        "rows_valid": 2, "rows_excluded": 2}]
    issues = tabular.issues_frame(dataset)
    assert list(issues["code"]) == ["vocabulary-error", "vocabulary-error"]
    assert list(issues["row"]) == [4, 5] and list(issues["severity"]) == ["error", "error"]
    assert tabular.totals(tables, issues) == {"rows_read": 4, "rows_excluded": 2, "errors": 2,
                                             "warnings": 0}
    counts = tabular.issue_counts(issues)
    assert counts.to_dict("records") == [{"code": "vocabulary-error", "issues": 2}]
    long = tabular.rows_long(tables)
    assert dict(zip(long["validity"], long["rows"], strict=True)) == {"valid": 2,
                                                                       "excluded": 2}


def test_report_localised_writes_names_dates_shares_and_blanks():
    frame = pd.DataFrame({"country": ["KZ;UZ", None], "women_share": [0.25, None],
                          "date": pd.to_datetime(["2022-03-05", None]),
                          "status": ["completed", "planned"], "_row": [1, 2]})
    ru = tabular.localised(frame, "ru")
    assert list(ru.columns) == ["Страна", "Доля женщин", "Дата", "Статус"]
    assert ru.iloc[0].tolist() == ["Казахстан; Узбекистан", "25,0\u00a0%", "05.03.2022",
                                   "Завершено"]
    assert ru.iloc[1].tolist() == ["", "", "", "Запланировано"]
