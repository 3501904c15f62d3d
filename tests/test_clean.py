"""Every issue code of the contract, on the smallest file that shows it."""

import datetime as dt

from bomca_data.contract.issues import CATALOGUE
from bomca_data.model import load_dataset
from tests.sheets import ACTIVITY_HEADER, activity, write

MEETING_HEADER = ["meeting_id", "meeting_type", "country", "start_date", "end_date"]
REC_HEADER = ["rec_id", "title", "country", "date_proposed", "status", "activity_id",
              "component", "status_date", "reviewed_at"]


def found(ds):
    """The issues as a flat, comparable list: (table, row, column, code)."""
    return [(i.table, i.row, i.column, i.code) for i in ds.issues]


def source(tmp_path, **tables):
    for name, rows in tables.items():
        write(tmp_path / f"{name}.xlsx", rows)
    return load_dataset(tmp_path)


def test_missing_table(tmp_path):
    """a folder with participants but no activities."""
    ds = source(tmp_path, participants=[["activity_id"], ["A1"]])
    assert ("activities", None, None, "missing-table") in found(ds)


def test_missing_column_makes_the_table_unusable(tmp_path):
    """activities without a start date column."""
    ds = source(tmp_path, activities=[ACTIVITY_HEADER[:4], ["A1", "t", "C1", "KZ"]])
    assert found(ds) == [("activities", None, "start_date", "missing-column")]
    assert "activities" not in ds.tables and ds.stats["activities"].rows_read == 0


def test_missing_value(tmp_path):
    """activities with a blank title in row 3."""
    ds = source(tmp_path, activities=[ACTIVITY_HEADER, activity(1), activity(2, title=None)])
    assert found(ds) == [("activities", 3, "title", "missing-value")]
    assert ds.stats["activities"].rows_excluded == 1


def test_type_errors_on_dates_and_numbers(tmp_path):
    """activities with an impossible date and a budget that is not a number."""
    ds = source(tmp_path, activities=[
        ACTIVITY_HEADER + ["Budget (EUR)"], activity(1) + ["1 234,50"],
        activity(2, end_date="30.02.2022") + ["twelve"]])
    assert found(ds) == [("activities", 3, "end_date", "type-error"),
                         ("activities", 3, "Budget (EUR)", "type-error")]
    assert ds.tables["activities"].loc[0, "budget_eur"] == 1234.5


def test_vocabulary_error_lists_the_accepted_values(tmp_path):
    """activities with an unknown status."""
    ds = source(tmp_path, activities=[ACTIVITY_HEADER, activity(1, status="almost")])
    (issue,) = ds.issues
    assert issue.code == "vocabulary-error" and issue.value == "almost"
    assert "planned, ongoing, completed, postponed, cancelled" in issue.message


def test_duplicate_id_keeps_the_first(tmp_path):
    """activities where A1 appears twice."""
    ds = source(tmp_path, activities=[ACTIVITY_HEADER, activity(1), activity(2),
                                      activity(1, title="again")])
    assert found(ds) == [("activities", 4, "activity_id", "duplicate-id")]
    assert "row 2" in ds.issues[0].message
    assert list(ds.tables["activities"]["title"]) == ["Training 1", "Training 2"]


def test_unknown_reference(tmp_path):
    """participants naming an activity that does not exist."""
    ds = source(tmp_path, activities=[ACTIVITY_HEADER, activity(1)],
                participants=[["activity_id"], ["A1"], ["A7"]])
    assert found(ds) == [("participants", 3, "activity_id", "unknown-reference")]


def test_date_order_is_reported_on_the_end_date(tmp_path):
    """activities ending before they start."""
    ds = source(tmp_path, activities=[ACTIVITY_HEADER, activity(
        1, start_date=dt.date(2022, 3, 10), end_date=dt.date(2022, 3, 9))])
    assert found(ds) == [("activities", 2, "end_date", "date-order")]


def test_range_errors(tmp_path):
    """a negative budget, a participant count of 0 and a women's share over 1."""
    ds = source(
        tmp_path,
        activities=[ACTIVITY_HEADER + ["budget"], activity(1) + [-1]],
        participants=[["activity_id", "count"], ["A1", 0]],
        targets=[["indicator", "year", "target"], ["women_share", 2, 1.3],
                 ["women_share", 3, 0.3]])
    assert sorted(found(ds)) == [("activities", 2, "budget", "range-error"),
                                 # its activity is excluded: it attaches to nothing, said so
                                 ("participants", 2, "activity_id", "unknown-reference"),
                                 ("participants", 2, "count", "range-error"),
                                 ("targets", 2, "target", "range-error")]


def test_workplan_year_outside_the_programme(tmp_path):
    """activities with workplan years 3, 2023 and 2031."""
    ds = source(tmp_path, activities=[
        ACTIVITY_HEADER + ["workplan_year"], activity(1) + [3], activity(2) + [2023],
        activity(3) + [2031]])
    assert found(ds) == [("activities", 4, "workplan_year", "range-error")]


def test_personal_data_dropped_is_a_warning(tmp_path):
    ds = source(tmp_path, activities=[ACTIVITY_HEADER + ["email"], activity(1) + ["a@b.c"]])
    assert found(ds) == [("activities", None, None, "personal-data-dropped")]
    assert not ds.has_errors


def test_derived_status_is_one_info_per_table(tmp_path):
    """activities with two blank statuses."""
    ds = source(tmp_path, activities=[ACTIVITY_HEADER, activity(1, status=None),
                                      activity(2, status=None), activity(3)])
    (issue,) = ds.issues
    assert issue.code == "derived-status" and "blank in 2 rows" in issue.message


def test_participant_country_defaults_to_the_activity_country(tmp_path):
    """participants without a country, of a national and of a regional activity."""
    ds = source(tmp_path, activities=[ACTIVITY_HEADER, activity(1, country="Uzbekistan"),
                                      activity(2, country="RG")],
                participants=[["activity_id", "country"], ["A1", None], ["A2", None],
                              ["A2", "TJ"]])
    assert [c if isinstance(c, str) else "-" for c in ds.tables["participants"]["country"]] == [
        "UZ", "-", "TJ"]


def test_participant_country_cannot_be_regional(tmp_path):
    ds = source(tmp_path, activities=[ACTIVITY_HEADER, activity(1)],
                participants=[["activity_id", "country"], ["A1", "RG"]])
    assert found(ds) == [("participants", 2, "country", "vocabulary-error")]


def test_recommendation_rules(tmp_path):
    """recommendations: unknown activity, status date before proposal, unknown meeting,
    and a blank component taken from the linked activity."""
    ds = source(
        tmp_path,
        activities=[ACTIVITY_HEADER, activity(1, component="C3")],
        meetings=[MEETING_HEADER, ["M1", "NSG", "KZ", "05.09.2022", "06.09.2022"]],
        recommendations=[
            REC_HEADER,
            ["R1", "ok", "KZ", "01.04.2022", "accepted", "A1", None, "01.05.2022", "M1"],
            ["R2", "x", "KZ", "01.04.2022", "accepted", "A9", None, None, None],
            ["R3", "x", "KZ", "01.04.2022", "accepted", None, "C1", "01.03.2022", None],
            ["R4", "x", "KZ", "01.04.2022", "accepted", None, "C1", None, "M7"],
        ])
    assert found(ds) == [("recommendations", 3, "activity_id", "unknown-reference"),
                         ("recommendations", 4, "status_date", "date-order"),
                         ("recommendations", 5, "reviewed_at", "unknown-reference")]
    recs = ds.tables["recommendations"]
    assert recs.loc[0, "component"] == "C3" and recs.loc[0, "output_type"] == "recommendation"


def test_meeting_rules(tmp_path):
    """meetings: a duplicate id and an end before the start."""
    ds = source(tmp_path, activities=[ACTIVITY_HEADER, activity(1)], meetings=[
        MEETING_HEADER, ["M1", "NSG", "KZ", "05.09.2022", "04.09.2022"],
        ["M1", "RSG", "RG", "05.11.2023", None]])
    assert found(ds) == [("meetings", 2, "end_date", "date-order"),
                         ("meetings", 3, "meeting_id", "duplicate-id")]


def test_rows_read_valid_and_excluded_add_up(tmp_path):
    ds = source(tmp_path, activities=[ACTIVITY_HEADER, activity(1), activity(2, component="C7"),
                                      activity(3, country="Mars", status="?")])
    stats = ds.stats["activities"]
    assert (stats.rows_read, stats.rows_valid, stats.rows_excluded) == (3, 1, 2)


def test_raised_codes_are_recorded_for_the_end_of_the_run(tmp_path):
    """conftest records every code raised while the suite runs and fails a whole run in
    which a code of the catalogue was never raised (it replaces a grep of the tests)."""
    from tests.conftest import RAISED_CODES

    RAISED_CODES.discard("duplicate-id")
    source(tmp_path, activities=[ACTIVITY_HEADER, activity(1), activity(1)])
    assert "duplicate-id" in RAISED_CODES and set(RAISED_CODES) <= set(CATALOGUE)


def test_a_whole_run_that_never_raised_a_code_fails():
    from types import SimpleNamespace

    import pytest

    from tests import conftest

    lines = []
    reporter = SimpleNamespace(write_line=lambda text, **_: lines.append(text))
    option = SimpleNamespace(keyword="", markexpr="")
    config = SimpleNamespace(option=option, pluginmanager=SimpleNamespace(
        get_plugin=lambda name: reporter))
    session = SimpleNamespace(config=config, testscollected=500, exitstatus=0)
    saved = set(conftest.RAISED_CODES)
    try:
        conftest.RAISED_CODES.clear()
        conftest.RAISED_CODES.update(set(CATALOGUE) - {"total-row-skipped"})
        conftest.pytest_sessionfinish(session, 0)
        assert session.exitstatus == pytest.ExitCode.TESTS_FAILED
        assert "total-row-skipped" in lines[0]
        conftest.RAISED_CODES.add("total-row-skipped")
        session.exitstatus = 0
        conftest.pytest_sessionfinish(session, 0)
        assert session.exitstatus == 0
    finally:
        conftest.RAISED_CODES.clear()
        conftest.RAISED_CODES.update(saved)
