"""Summary semantics of the contract, on a small source whose figures are worked by hand."""

import datetime as dt

import pandas as pd

from bomca_data import figures, filters
from bomca_data.model import load_dataset
from bomca_data.programme import Programme
from tests.sheets import ACTIVITY_HEADER, activity, write

D = dt.date(2022, 9, 5)


def hand_source(tmp_path):
    """Six activities around 5 September 2022, participants and recommendations."""
    write(tmp_path / "activities.xlsx", [
        ACTIVITY_HEADER,
        # completed within Y1 (2021-04-01..2022-03-31), in KZ and UZ
        activity(1, country="KZ; UZ", component="C4", start_date=dt.date(2022, 3, 30),
                 end_date=dt.date(2022, 3, 31)),
        # completed in Y2, exactly on D
        activity(2, country="KG", component="C2", start_date=dt.date(2022, 9, 1),
                 end_date=D),
        # recorded completed but ends after D: on D it was ongoing (its people count)
        activity(3, country="TJ", start_date=dt.date(2022, 9, 4),
                 end_date=dt.date(2022, 9, 8)),
        # ongoing, started before D
        activity(4, country="RG", status="ongoing", start_date=dt.date(2022, 8, 1),
                 end_date=dt.date(2022, 12, 1)),
        # blank status, ended before D: derived completed; no end date
        activity(5, country="TM", component="C3", status=None,
                 start_date=dt.date(2021, 12, 20), end_date=None),
        # starts after D: planned on D
        activity(6, country="KZ", status="planned", start_date=dt.date(2022, 10, 1),
                 end_date=None),
    ])
    write(tmp_path / "participants.xlsx", [
        ["activity_id", "count", "person_id", "gender", "country", "agency_type"],
        ["A1", 1, "p1", "F", "KZ", "customs"],
        ["A1", 1, "p2", "M", "UZ", "border"],
        ["A2", 3, None, "female", None, "border"],   # country from the activity: KG
        ["A2", 1, "p1", "ж", "KZ", "customs"],
        ["A3", 5, "p9", "F", "TJ", "border"],        # counted: A3 was ongoing on D
        ["A4", 2, "p3", None, "TJ", None],           # ongoing: counted, gender unknown
        ["A6", 4, "p4", "M", "KZ", "border"],        # planned: not counted
    ])
    write(tmp_path / "recommendations.xlsx", [
        ["rec_id", "title", "country", "date_proposed", "status"],
        ["R1", "a", "KZ", dt.date(2022, 1, 1), "implemented"],
        ["R2", "b", "KG", dt.date(2022, 6, 1), "accepted"],
        ["R3", "c", "UZ", dt.date(2022, 9, 5), "in progress"],
        ["R4", "d", "TJ", dt.date(2022, 9, 6), "implemented"],  # after D
    ])
    return load_dataset(tmp_path)


def test_summary_matches_figures_worked_by_hand(tmp_path):
    found = figures.summary(hand_source(tmp_path), D)
    acts = found["activities"]
    assert acts["total"] == 6  # every activity of the plan
    assert acts["by_status"] == {"planned": 1, "ongoing": 2, "completed": 3, "postponed": 0,
                                 "cancelled": 0}  # on D: A6 planned, A3 and A4 ongoing
    assert acts["completed"] == 3  # A1, A2, A5 (A3 ends after D)
    assert acts["completed_by_country"] == {"KZ": 1, "KG": 1, "TJ": 0, "TM": 1, "UZ": 1,
                                            "RG": 0}
    assert acts["completed_by_component"] == {"C1": 0, "C2": 1, "C3": 1, "C4": 1}
    assert acts["completed_by_year"] == {"2021": 1, "2022": 2, "2023": 0, "2024": 0, "2025": 0}
    assert acts["completed_by_programme_year"] == {"Y1": 2, "Y2": 1, "Y3": 0, "Y4": 0, "Y5": 0}

    parts = found["participants"]
    assert parts["attendances"] == 1 + 1 + 3 + 1 + 5 + 2
    assert parts["unique_persons"] == 4  # p1, p2, p9, p3
    assert parts["women_share"] == (1 + 3 + 1 + 5) / (1 + 1 + 3 + 1 + 5)  # unknown left out
    assert parts["by_country"] == {"KZ": 2, "KG": 3, "TJ": 7, "TM": 0, "UZ": 1}
    assert parts["by_agency_type"] == {"customs": 2, "border": 9, "unknown": 2}

    recs = found["recommendations"]
    assert recs["total"] == 3
    assert recs["by_status"] == {"proposed": 0, "accepted": 1, "in_progress": 1,
                                 "implemented": 1, "declined": 0, "unrecorded": 0}
    assert recs["implemented_share"] == 1 / 3


def test_unique_persons_is_null_without_person_ids(tmp_path):
    write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, activity(1)])
    write(tmp_path / "participants.xlsx", [["activity_id", "count"], ["A1", 12]])
    found = figures.summary(load_dataset(tmp_path), D)
    assert found["participants"]["unique_persons"] is None
    assert found["participants"]["attendances"] == 12
    assert found["participants"]["women_share"] is None
    assert found["recommendations"]["implemented_share"] is None


def test_programme_years_run_april_to_march():
    dates = pd.Series(pd.to_datetime(["2021-03-31", "2021-04-01", "2022-03-31", "2022-04-01",
                                      "2025-04-01", "2025-09-30", "2025-10-01"]))
    years = Programme().year_labels(dates).fillna("-").tolist()
    assert years == ["-", "Y1", "Y1", "Y2", "Y5", "Y5", "-"]


def test_calendar_years_of_dates_in_and_outside_the_programme():
    dates = pd.Series(pd.to_datetime(["2019-12-31", "2021-04-01", None, "2025-12-31",
                                      "2030-01-01"]))
    years = Programme().year_labels(dates, "calendar")
    assert years.fillna("-").tolist() == ["2019", "2021", "-", "2025", "2030"]
    assert Programme().year_labels(dates.iloc[:0], "calendar").tolist() == []


def test_participant_breakdowns_by_year_worked_by_hand(tmp_path):
    ds = hand_source(tmp_path)
    # counted by D: A1 in Y1 (p1 F, p2 M); A2 in Y2 (3 F without id, p1 F); A3 (p9, 5 F)
    # and A4 ongoing on D, counted on their end dates (Y2)
    by_year = figures.participation_by(ds, D, "year", ["Y1", "Y2", "Y3"]).set_index("year")
    assert by_year["attendances"].to_dict() == {"Y1": 2, "Y2": 11, "Y3": 0}
    assert by_year["unique_people"].to_dict() == {"Y1": 2, "Y2": 3, "Y3": 0}
    women = figures.women_share_over_time(ds, D).set_index("year")
    assert women["women_share"].to_dict() == {"Y1": 0.5, "Y2": 1.0}  # A4's gender unknown
    assert women["attendances"].to_dict() == {"Y1": 2, "Y2": 11}


def test_repeat_attendance_counts_each_activity_of_a_person_once(tmp_path):
    ds = hand_source(tmp_path)  # p1 in A1 and A2; p2, p3, p9 once; A2's 3 without an id
    assert figures.repeat_attendance(ds, D)["people"].tolist() == [3, 1, 0, 0, 0]
    write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER] + [activity(n) for n in range(1, 8)])
    write(tmp_path / "participants.xlsx", [
        ["activity_id", "person_id"], *[[f"A{n}", "p1"] for n in range(1, 8)],
        ["A1", "p1"], ["A1", "p2"], ["A2", "p2"], ["A3", None]])
    ds = load_dataset(tmp_path)
    repeat = figures.repeat_attendance(ds, D)
    assert repeat["people"].tolist() == [0, 1, 0, 0, 1]  # p2: 2 activities; p1: 7 (5+)


def test_status_is_derived_from_dates_and_as_of():
    frame = pd.DataFrame({
        "status": [None, None, None, "cancelled"],
        "start_date": pd.to_datetime(["2022-10-01", "2022-08-01", "2022-08-01", "2020-01-01"]),
        "end_date": pd.to_datetime([None, "2022-08-02", "2022-12-01", None])})
    assert figures.activity_status(frame, D).tolist() == ["planned", "completed", "ongoing",
                                                          "cancelled"]


def test_programme_end_is_54_months_after_start():
    assert Programme().end == dt.date(2025, 9, 30)
    assert Programme().year_numbers() == [1, 2, 3, 4, 5]


def test_cumulative_completed_by_month_worked_by_hand(tmp_path):
    ds = hand_source(tmp_path)  # completed by D: A5 in Dec 2021, A1 in Mar 2022, A2 on D
    frame, _ = figures.cumulative_completed(ds, D)
    assert len(frame) == 18  # April 2021 to September 2022
    assert frame["month"].iloc[0] == pd.Timestamp("2021-04-30")
    assert frame["month"].iloc[-1] == pd.Timestamp("2022-09-30")
    by_month = dict(zip(frame["month"].dt.strftime("%Y-%m"), frame["completed"], strict=True))
    assert (by_month["2021-11"], by_month["2021-12"], by_month["2022-02"]) == (0, 1, 1)
    assert (by_month["2022-03"], by_month["2022-08"], by_month["2022-09"]) == (2, 2, 3)


def test_gantt_keeps_the_activities_nearest_the_as_of_date():
    from bomca_data.source.location import DEMO_DIR

    ds = load_dataset(DEMO_DIR)
    rows = figures.gantt(ds, dt.date(2023, 11, 30), limit=10)
    assert len(rows) == 10
    gap = (rows["start"] - pd.Timestamp("2023-11-30")).abs().max()
    everything = (ds.tables["activities"]["start_date"] - pd.Timestamp("2023-11-30")).abs()
    assert gap <= everything.sort_values().iloc[9]


def test_participations_are_narrowed_by_activity_rows():
    acts = pd.DataFrame({"activity_id": ["A", "B", "C"]})
    parts = pd.DataFrame({"activity_id": ["B", "X", "C", "A", "B"]})
    from bomca_data.clean import activity_rows

    parts["_activity"] = activity_rows(parts, acts)
    assert parts["_activity"].tolist() == [1, -1, 2, 0, 1]
    keep = figures.of_activities(parts, acts.iloc[[1, 2]])
    assert keep.tolist() == [True, False, True, False, True]
    by_id = figures.of_activities(parts.drop(columns="_activity"), acts.iloc[[0]])
    assert by_id.tolist() == [False, False, False, True, False]


def test_coverage_and_recommendation_figures(tmp_path):
    ds = hand_source(tmp_path)
    reach = figures.coverage(figures.completed_activities(ds, D), ds.programme.countries)
    assert reach == {"countries": 4, "regional": 0, "multi_country": 1}  # KZ, UZ, KG, TM
    found = figures.recommendation_figures(figures.recommendations_view(ds, D))
    assert found == {"total": 3, "implemented": 1, "implemented_share": 1 / 3, "open": 2,
                       "overdue": 0}
    planned = figures.summary(ds, D)["activities"]["by_status"]["planned"]
    assert planned == 1  # A6, after D, still counted here
    repeat = pd.DataFrame({"activities_attended": ["1", "2", "3", "4", "5+"],
                           "people": [9, 3, 2, 0, 1]})
    assert figures.attended_several(repeat) == 6


def test_status_on_a_date_is_what_was_true_that_day():
    """The contract's rule, row by row: recorded cancelled/postponed once started;
    planned before the start; ongoing between start and end; after the end, completed
    when recorded completed or blank, else the recorded (late) status."""
    frame = pd.DataFrame({
        "status": ["completed", "completed", "completed", "ongoing", "planned", "cancelled",
                   "postponed", None],
        "start_date": pd.to_datetime(["2022-10-01", "2022-09-01", "2022-08-01", "2022-08-01",
                                      "2022-08-01", "2022-10-01", "2022-09-01", "2022-09-05"]),
        "end_date": pd.to_datetime(["2022-10-02", "2022-09-30", "2022-08-02", "2022-08-02",
                                    "2022-08-02", None, "2022-09-02", None])})
    assert figures.activity_status(frame, D).tolist() == [
        "planned", "ongoing", "completed", "ongoing", "planned", "planned", "postponed",
        "completed"]


def test_recommendations_count_the_status_recorded_by_the_date(tmp_path):
    """A status dated after D was not yet true on D: open, "not recorded on that day";
    its status date is not shown; a meeting after D has not reviewed anything."""
    write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, activity(1)])
    write(tmp_path / "meetings.xlsx", [
        ["meeting_id", "meeting_type", "country", "start_date"],
        ["M1", "NSG", "KZ", dt.date(2022, 6, 1)], ["M2", "NSG", "KZ", dt.date(2022, 11, 1)]])
    write(tmp_path / "recommendations.xlsx", [
        ["rec_id", "title", "country", "date_proposed", "status", "status_date", "reviewed_at"],
        ["R1", "a", "KZ", dt.date(2022, 1, 1), "implemented", dt.date(2022, 5, 1), "M1"],
        ["R2", "b", "KZ", dt.date(2022, 1, 1), "implemented", dt.date(2022, 10, 1), "M2"],
        ["R3", "c", "KZ", dt.date(2022, 2, 1), "declined", None, None],
        ["R4", "d", "KZ", dt.date(2022, 12, 1), "proposed", None, None]])
    ds = load_dataset(tmp_path)
    view = figures.recommendations_view(ds, D).set_index("rec_id")
    assert view["status"].to_dict() == {"R1": "implemented", "R2": "unrecorded",
                                        "R3": "declined"}
    assert view["status_date"].isna().to_dict() == {"R1": False, "R2": True, "R3": True}
    assert view["reviewed_at"].fillna("-").to_dict() == {"R1": "M1", "R2": "-", "R3": "-"}
    found = figures.summary(ds, D)["recommendations"]
    assert found["total"] == 3 and found["implemented_share"] == 1 / 3
    assert figures.summary(ds, dt.date(2022, 12, 31))["recommendations"][
        "implemented_share"] == 2 / 4


def test_the_memory_of_a_shared_dataset_stays_bounded():
    """every as-of date anyone picks leaves figures behind on the dataset all sessions
    share: the oldest are forgotten past the bound, the latest still remembered."""
    from bomca_data.figures import counting
    from bomca_data.source.location import DEMO_DIR

    ds = load_dataset(DEMO_DIR)
    days = [D + dt.timedelta(days=i) for i in range(counting.MEMO_SIZE + 50)]
    for day in days:
        figures.statuses_on(ds, day)
    assert len(ds.memo) == counting.MEMO_SIZE
    assert ("statuses_on", days[-1]) in ds.memo and ("statuses_on", days[0]) not in ds.memo
    assert figures.statuses_on(ds, days[-1]) is ds.memo[("statuses_on", days[-1])]


def test_what_was_not_done_and_why_is_shown_where_the_activity_is(monkeypatch):
    """The recorded reason of a cancelled or postponed activity was read and shown on no
    page: Components, the brief's period and Timeline's rows now carry it."""
    from bomca_data.source.location import DEMO_DIR
    from tests.test_pages import open_page

    demo = load_dataset(DEMO_DIR)
    day = dt.date(2025, 9, 30)
    view = filters.apply(demo, filters.Filters(), day)
    rows = figures.not_done(view.tables["activities"])
    acts = demo.tables["activities"]
    expected = {r.activity_id: r.status_reason for r in acts.itertuples()
                if r.status in ("cancelled", "postponed") and r.start_date.date() <= day}
    assert dict(zip(rows["activity_id"], rows["status_reason"], strict=True)) == expected
    assert expected and all(isinstance(v, str) and v for v in expected.values())
    gantt = figures.gantt(view, day, limit=10_000)
    reasons = gantt.dropna(subset=["status_reason"])
    assert set(reasons["activity_id"]) == set(expected)
    at = open_page(monkeypatch, "pages/overview.py")
    at.switch_page("pages/components.py").run()
    assert "Not done, and why" in [s.value for s in at.subheader]
    shown = next(d.value for d in at.dataframe if "Reason recorded" in d.value.columns)
    assert set(shown["Reason recorded"]) == set(expected.values())
