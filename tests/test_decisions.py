"""Decisions recorded in a meeting: kept as rows of recommendation_updates in a new
version (history says who recorded what at which meeting; rollback undoes it), two
editors merged or refused, never lost; a restricted editor records for their countries
only; the figures agree with the oracle before, at and after the meeting; the pack's
slide; and the whole flow on the Meeting brief (AppTest)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from benchmarks import serve
from bomca_data import figures, i18n, store
from bomca_data import filters as flt
from bomca_data.figures import meeting_brief
from bomca_data.model import load_dataset
from bomca_data.outputs import meeting_pack
from bomca_data.source.location import DEMO_DIR
from bomca_data.store import decisions as rec
from tests import oracle
from tests.test_browser import browser, settle  # noqa: F401  (a fixture)
from tests.test_pages import APP
from tests.test_store import tree_digest

MEETING, DAY = "NSG-KZ-2024", dt.date(2024, 9, 12)  # Kazakhstan's meeting in the demo


@pytest.fixture
def folder(tmp_path):
    """The demo's tables in a data folder of their own (unmanaged until a first save)."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(DEMO_DIR / "programme.toml", data)
    shutil.copy(next(DEMO_DIR.glob("*.xlsx")), data / "bomca.xlsx")
    return data


def minutes(meeting: str, *decisions: rec.Decision, new: tuple = ()) -> rec.Minutes:
    return rec.Minutes(meeting, decisions, new)


def open_kz(folder: Path) -> list[str]:
    """Open Kazakhstan recommendations on the meeting's day (ids)."""
    recs = figures.recommendations_view(load_dataset(folder), DAY)
    kz = recs[(recs["country"] == "KZ") & recs["status"].isin(figures.REC_OPEN)]
    return list(kz["rec_id"])


def test_a_save_is_a_new_version_that_keeps_every_row_and_rollback_undoes_it(folder):
    before = load_dataset(folder)
    first, second = open_kz(folder)[:2]
    done = rec.record(folder, minutes(
        MEETING, rec.Decision(first, "implemented", "Adopted by order"),
        rec.Decision(second, "in_progress", "", dt.date(2026, 3, 31)),
        new=(rec.NewRecommendation("Joint patrol SOP", "KZ", "sop", "Border Service", "C2",
                                   dt.date(2026, 6, 30)),)), None, "alice")
    after = load_dataset(folder)
    updates = before.table("recommendation_updates")
    assert len(after.table("recommendation_updates")) == len(updates) + 3  # two, and the new
    assert after.table("recommendations")["title"].eq("Joint patrol SOP").sum() == 1
    view = figures.recommendations_view(after, DAY).set_index("rec_id")
    assert view.loc[first, "status"] == "implemented"
    assert view.loc[first, "decided_at"] == MEETING
    assert view.loc[first, "decision_note"] == "Adopted by order"
    assert view.loc[second, "due_date"].date() == dt.date(2026, 3, 31)  # moved
    made = store.versions(folder)[-1]
    assert made.name == done.version and made.user == "alice"
    assert made.note == {"meeting": MEETING, "decisions": [first, second],
                         "new": list(done.new_ids), "merged": False}
    earlier = figures.recommendations_view(after, DAY - dt.timedelta(days=1)).set_index("rec_id")
    assert earlier.loc[first, "status"] != "implemented"  # nothing dated before the meeting
    store.rollback(folder, store.versions(folder)[0].name, "alice")
    back = figures.recommendations_view(load_dataset(folder), DAY).set_index("rec_id")
    assert back.loc[first, "status"] != "implemented" and "Joint patrol SOP" not in set(
        back["title"])


def test_two_editors_on_the_same_version_are_merged_or_refused_and_nothing_is_lost(folder):
    a, b = open_kz(folder)[:2]
    basis = rec.record(folder, minutes(MEETING, rec.Decision(a, "accepted")), None, "x").version
    mine = rec.record(folder, minutes(MEETING, rec.Decision(a, "in_progress", "first")), basis,
                      "alice")
    theirs = rec.record(folder, minutes(MEETING, rec.Decision(b, "declined", "other")), basis,
                        "bob")  # read before alice saved, on another recommendation
    assert theirs.merged and not mine.merged
    state = tree_digest(folder)
    with pytest.raises(rec.Conflict) as refused:
        rec.record(folder, minutes(MEETING, rec.Decision(a, "implemented")), basis, "carol")
    assert [(r["rec_id"], r["status"], r["note"]) for r in refused.value.theirs] == [
        (a, "in_progress", "first")]  # the other's decision, said
    assert tree_digest(folder) == state  # refused: no byte changed
    view = figures.recommendations_view(load_dataset(folder), DAY).set_index("rec_id")
    assert (view.loc[a, "status"], view.loc[b, "status"]) == ("in_progress", "declined")


def test_a_killed_save_leaves_the_folder_as_it_was(folder, monkeypatch):
    rec.record(folder, minutes(MEETING, rec.Decision(open_kz(folder)[0], "accepted")), None, "x")
    state = tree_digest(folder)

    def killed(*args, **kwargs):
        raise KeyboardInterrupt  # the process stopped between staging and the switch

    monkeypatch.setattr(store, "_point_current", killed)
    with pytest.raises(KeyboardInterrupt):
        rec.record(folder, minutes(MEETING, rec.Decision(open_kz(folder)[1], "accepted")),
                   store.current_version(folder), "y")
    monkeypatch.undo()
    assert store.current_version(folder) == "v0002"
    current = {k: v for k, v in tree_digest(folder).items() if not k.startswith(
        ("versions/.staging", "versions/v0003"))}
    assert current == state


def test_a_restricted_editor_records_for_their_countries_only(folder):
    kz = open_kz(folder)[0]
    recs = load_dataset(folder).table("recommendations")
    other = recs.loc[recs["country"] == "UZ", "rec_id"].iloc[0]
    with pytest.raises(store.OthersRows):
        rec.record(folder, minutes("NSG-UZ-2024", rec.Decision(other, "accepted")), None, "kz",
                   ("KZ",))
    assert rec.record(folder, minutes(MEETING, rec.Decision(kz, "accepted")), None, "kz",
                      ("KZ",)).version


@pytest.mark.parametrize("day", [DAY - dt.timedelta(days=1), DAY, dt.date(2026, 6, 1)])
def test_the_oracle_still_agrees_after_recorded_decisions(folder, day):
    ids = open_kz(folder)
    rec.record(folder, minutes(MEETING, rec.Decision(ids[0], "implemented"),
                                 rec.Decision(ids[1], "in_progress", "",
                                              dt.date(2026, 12, 31)),
                                 rec.Decision(ids[2], "declined", "no budget")), None, "x")
    ds = load_dataset(folder)
    for chosen in (flt.Filters(), flt.Filters(countries=("KZ",))):
        mine = figures.recommendation_figures(figures.recommendations_view(
            flt.apply(ds, chosen, day), day))
        theirs = oracle.follow_up(ds, day, chosen)
        assert {k: mine[k] for k in theirs} == theirs, (chosen, day)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_pack_has_a_slide_of_this_meetings_decisions(folder, lang):
    first = open_kz(folder)[0]
    rec.record(folder, minutes(MEETING, rec.Decision(first, "implemented", "Adopted by order")),
               None, "x")
    ds = load_dataset(folder)
    pack = Presentation(__import__("io").BytesIO(meeting_pack.meeting_pack(
        meeting_brief.build(ds, "KZ", DAY), lang, "demo")))
    title = i18n.t("brief.decisions_here", lang)
    slides = [s for s in pack.slides if any(sh.has_text_frame and title in sh.text_frame.text
                                            for sh in s.shapes)]
    assert slides, [sh.text_frame.text for s in pack.slides for sh in s.shapes
                    if sh.has_text_frame][:5]
    cells = [c.text for sh in slides[0].shapes if sh.has_table for row in sh.table.rows
             for c in row.cells]
    assert "Adopted by order" in cells and i18n.name("rec_status", "implemented", lang) in cells
    title_of = ds.table("recommendations").set_index("rec_id").loc[first, "title"]
    assert title_of in cells


# --- the page ---------------------------------------------------------------------------


def brief_page(monkeypatch, folder: Path) -> AppTest:
    monkeypatch.setenv("BOMCA_DATA", str(folder))
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in {"country": "KZ", "as_of": DAY.isoformat()}.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("pages/meeting.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def decide(at: AppTest, row: int, status: str, note: str = "") -> AppTest:
    at.session_state["decide_table"] = {"edited_rows": {row: {
        "decided": i18n.name("rec_status", status, "en"), "note": note}},
        "added_rows": [], "deleted_rows": []}
    at.run()
    at.button(key="decide_save").click()
    return at.run()


def test_record_in_the_brief_see_it_at_once_then_roll_it_back(monkeypatch, folder):
    at = brief_page(monkeypatch, folder)
    rec_id = meeting_brief.open_recommendations(meeting_brief.build(
        load_dataset(folder), "KZ", DAY))["rec_id"].iloc[0]  # the form's first row
    at = decide(at, 0, "implemented", "Signed at the meeting")
    assert not at.exception, [e.value for e in at.exception]
    said = " ".join(s.value for s in at.success)
    assert "Recorded at" in said, said
    view = figures.recommendations_view(load_dataset(folder), DAY).set_index("rec_id")
    assert view.loc[rec_id, "status"] == "implemented"
    assert view.loc[rec_id, "decision_note"] == "Signed at the meeting"
    store.rollback(folder, "v0001", "alice")
    view = figures.recommendations_view(load_dataset(folder), DAY).set_index("rec_id")
    assert view.loc[rec_id, "status"] != "implemented"


def test_two_sessions_in_the_same_meeting(monkeypatch, folder):
    first, second = brief_page(monkeypatch, folder), brief_page(monkeypatch, folder)
    decide(first, 0, "accepted")
    at = decide(second, 1, "declined")  # another recommendation: merged
    assert "both are kept" in " ".join(s.value for s in at.success)
    third = brief_page(monkeypatch, folder)
    fourth = brief_page(monkeypatch, folder)
    decide(third, 0, "in_progress")
    at = decide(fourth, 0, "implemented")  # the same one: refused, the other's said
    errors = " ".join(e.value for e in at.error)
    assert "another editor" in errors and "In progress" in errors, errors


def test_the_whole_flow_in_a_browser_at_1366(folder, browser):  # noqa: F811
    """An editor opens the brief of Kazakhstan's meeting, records a decision and a note
    in the grid, saves; the brief shows it under "Decisions of this meeting", a second
    browser (another viewer) sees it, and the Data page's history says who and where."""
    with serve.server(folder, folder.parent / "streamlit.log") as (url, _, log):
        context = browser.new_context(viewport={"width": 1366, "height": 768})
        page = context.new_page()
        page.goto(f"{url}/meeting?country=KZ&as_of={DAY.isoformat()}&lang=en")
        settle(page)
        page.get_by_text(i18n.t("decide.title", "en")).click()
        grid = page.locator('[data-testid="stExpander"] [data-testid="stDataFrame"]').first
        grid.scroll_into_view_if_needed()
        settle(page)
        box = grid.bounding_box()
        page.mouse.click(box["x"] + 20, box["y"] + 35 + 17)  # the first row's first cell
        page.wait_for_timeout(300)

        def cell(moves: tuple[str, ...], text: str) -> None:  # move, open the editor, type
            for key in moves:
                page.keyboard.press(key)
            page.keyboard.press("Enter")
            page.wait_for_timeout(500)
            page.keyboard.type(text)
            page.wait_for_timeout(200)
            page.keyboard.press("Enter")  # (and the selection moves a row down)
            page.wait_for_timeout(500)

        cell(("ArrowRight",) * 4, "Signed in the room")  # the note
        cell(("ArrowUp", "ArrowLeft"), i18n.name("rec_status", "implemented", "en"))
        page.wait_for_timeout(500)
        page.get_by_role("button", name=i18n.t("decide.save", "en")).click()
        page.wait_for_selector('[data-testid="stAlertContentSuccess"]', timeout=60_000)
        settle(page)
        first = meeting_brief.open_recommendations(meeting_brief.build(
            load_dataset(DEMO_DIR), "KZ", DAY)).iloc[0]
        main = page.inner_text('[data-testid="stMain"]')
        assert i18n.t("brief.decisions_here", "en") in main
        other = browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
        other.goto(f"{url}/meeting?country=KZ&as_of={DAY.isoformat()}&lang=en")
        settle(other)
        other.get_by_text(i18n.t("brief.decisions_here", "en")).scroll_into_view_if_needed()
        for text in ("Signed in the room", first["title"]):  # the grid's cells, once drawn
            other.locator('[role="gridcell"]', has_text=text).first.wait_for(
                state="attached", timeout=30_000)
        other.goto(f"{url}/data?lang=en")
        settle(other)
        named = i18n.meeting("NSG", "KZ", DAY, "en")
        other.locator('[role="gridcell"]', has_text=i18n.t(  # the history's line
            "data.recorded", "en", meeting=named, recs=first["rec_id"])).first.wait_for(
            state="attached", timeout=30_000)
        context.close()
        other.context.close()
        assert "Traceback" not in log.read_text()


def test_viewers_see_no_form_and_a_country_editor_records_for_their_own(monkeypatch, folder):
    from bomca_data import access
    from tests.test_access import sign_in

    users = {"viktor": {"password_hash": access.hash_password("v"), "role": "viewer"},
             "kz": {"password_hash": access.hash_password("k"), "role": "editor",
                    "countries": ["KZ"]}}
    monkeypatch.setenv("BOMCA_DATA", str(folder))
    for name, password, editor in (("viktor", "v", False), ("kz", "k", True)):
        at = AppTest.from_file(APP, default_timeout=90)
        at.secrets["bomca_users"] = users
        at.query_params["as_of"] = DAY.isoformat()
        sign_in(at, name, password)
        at.switch_page("pages/meeting.py").run()
        assert not at.exception, [e.value for e in at.exception]
        labels = [e.label for e in at.expander]
        assert (i18n.t("decide.title", "en") in labels) is editor, (name, labels)
        if editor:
            assert set(at.selectbox(key="meeting_country").options) <= {
                "Kazakhstan", i18n.t("brief.whole_programme", "en")}  # theirs (and the region)
            at.selectbox(key="meeting_country").set_value("KZ").run()
            at = decide(at, 0, "accepted", "by the KZ editor")
            assert not at.error, [e.value for e in at.error]
            recs = load_dataset(folder).table("recommendations").set_index("rec_id")
            mine = store.versions(folder)[-1].note["decisions"]
            assert all(recs.loc[r, "country"] == "KZ" for r in mine)


def test_a_meeting_entered_in_the_room_is_kept_with_its_decisions(folder):
    first = open_kz(folder)[0]
    day = dt.date(2025, 3, 12)
    done = rec.record(folder, rec.Minutes(None, (rec.Decision(first, "accepted", "agreed"),),
                                          new_meeting=rec.NewMeeting("NSG", "KZ", day,
                                                                     "Almaty")), None, "x")
    ds = load_dataset(folder)
    meetings = ds.table("meetings").set_index("meeting_id")
    assert meetings.loc["NSG-KZ-2025-03-12", "location"] == "Almaty"
    assert store.versions(folder)[-1].note["meeting"] == "NSG-KZ-2025-03-12" and done.version
    brief = meeting_brief.build(ds, "KZ", day)
    here = meeting_brief.decisions_at(brief, meeting_brief.this_meeting(brief)["meeting_id"])
    assert list(here["rec_id"]) == [first] and list(here["note"]) == ["agreed"]


def test_a_new_meeting_entered_on_the_brief(monkeypatch, folder):
    at = brief_page(monkeypatch, folder)
    at.selectbox(key="decide_meeting").set_value("+").run()
    at.text_input(key="decide_meeting_date").input("13.09.2024").run()  # Russian-style date
    at.text_input(key="decide_meeting_place").input("Astana").run()
    at = decide(at, 0, "accepted", "agreed in a session added on the day")
    assert not at.error, [e.value for e in at.error]
    meetings = load_dataset(folder).table("meetings").set_index("meeting_id")
    assert meetings.loc["NSG-KZ-2024-09-13", "location"] == "Astana"
