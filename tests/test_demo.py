"""The bundled demonstration data: it agrees with the published figures, validates
cleanly, says it is a demo, and is exactly what its seeded generator writes."""

import datetime as dt

import pandas as pd
import pytest

from bomca_data import demo, figures
from bomca_data.model import load_dataset
from bomca_data.source.location import DEMO_DIR, resolve_source

PUBLISHED = dt.date(2022, 9, 5)


@pytest.fixture(scope="module")
def ds():
    return load_dataset(DEMO_DIR)


def test_demo_is_the_default_source(monkeypatch):
    monkeypatch.delenv("BOMCA_DATA", raising=False)
    assert resolve_source() == DEMO_DIR


def test_demo_validates_without_any_issue(ds):
    assert ds.issues == []
    assert set(ds.tables) == {"activities", "participants", "recommendations",
                              "recommendation_updates", "meetings", "targets", "published"}


def test_demo_updates_end_at_each_recommendations_recorded_status(ds):
    """The demo's steps of each recommendation end at its recorded status, on its status
    date; most recommendations were reviewed at a steering-group meeting."""
    updates = ds.tables["recommendation_updates"].sort_values(["rec_id", "date"],
                                                                kind="stable")
    last = updates.drop_duplicates("rec_id", keep="last").set_index("rec_id")
    recs = ds.tables["recommendations"].set_index("rec_id")
    moved = recs[recs["status"] != "proposed"]
    assert (last.loc[moved.index, "status"] == moved["status"]).all()
    assert (last.loc[moved.index, "date"] == moved["status_date"]).all()
    reviewed = updates.groupby("rec_id")["meeting_id"].apply(lambda m: m.notna().any())
    assert reviewed.mean() > 0.5


def test_demo_is_marked_as_demonstration_data(ds):
    assert ds.programme.demo is True
    assert "DEMONSTRATION" in (DEMO_DIR / "README.md").read_text(encoding="utf-8").upper()


def test_exactly_93_activities_completed_by_5_september_2022(ds):
    acts = figures.summary(ds, PUBLISHED)["activities"]
    assert acts["completed"] == 93
    assert all(acts["completed_by_component"][c] > 0 for c in ("C1", "C2", "C3", "C4"))
    assert all(acts["completed_by_country"][c] > 0 for c in ("KZ", "KG", "TJ", "TM", "UZ"))


def test_over_1400_unique_participants_by_then(ds):
    parts = figures.summary(ds, PUBLISHED)["participants"]
    assert 1401 <= parts["unique_persons"] <= 1699
    assert 0.15 < parts["women_share"] < 0.45


def test_published_steering_group_meetings(ds):
    meetings = ds.tables["meetings"].set_index("meeting_id")
    kz = meetings.loc["NSG-KZ-2022"]
    assert (kz["start_date"], kz["end_date"], kz["location"]) == (
        pd.Timestamp("2022-09-05"), pd.Timestamp("2022-09-06"), "Nur-Sultan")
    nsg_2022 = meetings[(meetings["meeting_type"] == "NSG")
                        & (meetings["start_date"].dt.year == 2022)].sort_values("start_date")
    assert list(nsg_2022["country"]) == ["KZ", "UZ", "KG", "TJ", "TM"]
    assert nsg_2022["start_date"].max() < pd.Timestamp("2022-11-01")
    astana = meetings.loc["NSG-KZ-2023"]
    assert (astana["start_date"], astana["location"]) == (pd.Timestamp("2023-09-11"), "Astana")
    rsg_2023 = meetings[(meetings["meeting_type"] == "RSG")
                        & (meetings["start_date"].dt.year == 2023)]
    assert list(rsg_2023["start_date"].dt.month) == [11]


def test_demo_covers_the_whole_programme(ds):
    acts = ds.tables["activities"]
    assert acts["start_date"].min() < pd.Timestamp("2021-06-01")
    assert acts["end_date"].max() > pd.Timestamp("2025-08-01")
    # recorded on the programme's last day: every activity held, cancelled or postponed
    assert set(acts["status"]) == {"completed", "postponed", "cancelled"}
    assert set(acts["activity_type"]) == {"training", "workshop", "study_visit", "conference",
                                          "assessment", "expert_mission", "equipment",
                                          "coordination_meeting", "other"}
    assert set(acts["delivery"].dropna()) == {"in_person", "online", "hybrid"}
    assert acts["country"].str.contains(";").any() and (acts["country"] == "RG").any()


def test_people_attend_several_activities(ds):
    per_person = ds.tables["participants"].groupby("person_id")["activity_id"].nunique()
    assert (per_person > 1).sum() > 100
    assert set(ds.tables["participants"]["agency_type"]) >= {"border", "customs",
                                                             "veterinary_phytosanitary"}


def test_recommendations_follow_up_has_every_status(ds):
    recs = ds.tables["recommendations"]
    assert set(recs["status"]) == {"proposed", "accepted", "in_progress", "implemented",
                                   "declined"}
    assert recs["reviewed_at"].notna().any()


def test_committed_workbook_is_what_the_generator_writes(tmp_path):
    """Byte for byte (the generator fixes the times a workbook states), so every table,
    cell and note is compared: a stale demo workbook fails here."""
    demo.write_demo(tmp_path)
    same = (tmp_path / demo.WORKBOOK).read_bytes() == (DEMO_DIR / demo.WORKBOOK).read_bytes()
    assert same, ("data/bomca10-demo.xlsx is not what the generator writes: run `make data` "
                  "and commit data/ (a new random draw goes after the existing ones: see "
                  "CONTRIBUTING.md, 'The demo data')")
    settings = (tmp_path / "programme.toml").read_text(encoding="utf-8")
    assert settings == (DEMO_DIR / "programme.toml").read_text(encoding="utf-8"), \
        "data/programme.toml is not what the generator writes: run `make data`"
