"""Targets and verdicts: each scope against its own targets, the current year pro rata,
future years with their target alone, one rule for the verdict."""

from __future__ import annotations

import datetime as dt

import pytest

from bomca_data import filters
from bomca_data.figures import targets
from bomca_data.model import load_dataset
from bomca_data.outputs import verdict_words
from bomca_data.source.location import DEMO_DIR
from tests.sheets import ACTIVITY_HEADER, activity, write

D = dt.date(2022, 9, 30)  # Y2 (April 2022 - March 2023) is 183 of 365 days in


def source(tmp_path, y2_done: int):
    """Y1: 10 completed in KZ (target 10); Y2: ``y2_done`` completed by D (target 20,
    10.03 due by D); a KZ-only target; no participant."""
    rows = [activity(i, country="KZ", start_date=dt.date(2021, 6, 1),
                     end_date=dt.date(2021, 6, 2)) for i in range(1, 11)]
    rows += [activity(i, country="KZ", start_date=dt.date(2022, 5, 1),
                      end_date=dt.date(2022, 5, 2)) for i in range(11, 11 + y2_done)]
    write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, *rows])
    write(tmp_path / "targets.xlsx", [
        ["indicator", "year", "country", "target"],
        ["activities_completed", 1, None, 10], ["activities_completed", 2, None, 20],
        ["activities_completed", 3, None, 30], ["activities_completed", 1, "KZ", 10],
        ["women_share", 1, None, 0.3]])
    return load_dataset(tmp_path)


def test_the_current_year_is_due_pro_rata_and_a_future_year_shows_its_target_alone(tmp_path):
    rows = targets.progress(source(tmp_path, 10), D, "activities_completed").set_index("year")
    assert rows.loc["Y1", "due"] == 10
    assert rows.loc["Y2", "due"] == pytest.approx(20 * 183 / 365)
    assert rows.loc["Y3", "target"] == 30 and rows[["actual", "due"]].loc["Y3"].isna().all()


@pytest.mark.parametrize(("y2_done", "expected"), [(10, "on_track"), (8, "at_risk"),
                                                   (4, "behind")])
def test_one_rule_for_the_verdict(tmp_path, y2_done, expected):
    """Achieved by D over due by D: (10 + done) / (10 + 10.03)."""
    found = targets.verdict(source(tmp_path, y2_done), D, "activities_completed")
    due = 10 + 20 * 183 / 365
    assert found.due == pytest.approx(due) and found.actual == 10 + y2_done
    assert found.verdict == expected == targets.judge((10 + y2_done) / due)


def test_a_scope_is_judged_by_its_own_targets_or_not_at_all(tmp_path):
    ds = source(tmp_path, 10)
    kz = filters.apply(ds, filters.Filters(countries=("KZ",)), D)
    found = targets.verdict(kz, D, "activities_completed", ("KZ",))
    assert found.due == 10  # KZ's own Y1 target; Y2 has none for KZ
    assert targets.verdict(kz, D, "participants", ("KZ",)).verdict == "no_target"
    components = targets.verdict(ds, D, "activities_completed", (), ("C1",))
    assert components.verdict == "no_target"  # never the programme's total for one part


def test_the_demo_matrix_names_every_country_and_indicator():
    ds = load_dataset(DEMO_DIR)
    frame = targets.matrix(ds, dt.date(2022, 9, 5), "country")
    assert set(frame["country"]) == set(ds.programme.countries)
    assert set(frame["indicator"]) == set(targets.INDICATORS)
    assert set(frame["verdict"]) <= set(targets.VERDICTS)
    table = verdict_words.matrix_markdown(frame, "country", "ru", {c: f"?country={c}" for c in
                                                              ds.programme.countries})
    rows = table.splitlines()
    assert len(rows) == 2 + len(ds.programme.countries)
    assert rows[2].startswith("| [Казахстан](?country=KZ) | :")


def test_timeline_with_a_country_uses_that_countrys_targets(tmp_path):
    """Kazakhstan's 21 completed activities were set against the whole programme's
    cumulative target (140, rising to 330)."""
    from bomca_data import figures

    ds = load_dataset(DEMO_DIR)
    day = dt.date(2023, 11, 30)
    kz = filters.apply(ds, filters.Filters(countries=("KZ",)), day)
    _, everyone = figures.cumulative_completed(ds, day)
    _, own = figures.cumulative_completed(kz, day, ("KZ",))
    targets = ds.tables["targets"]
    mine = targets[(targets["country"] == "KZ") & targets["component"].isna()
                   & (targets["indicator"] == "activities_completed")]
    assert own["target"].iloc[-1] == mine["target"].sum() < everyone["target"].iloc[-1]
