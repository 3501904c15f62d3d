"""The programme's own words: kinds of events, joint events, delivery, the share of
planned activities implemented, and published figures checked against the data (the
register, its page and its command), on small sources made here and on the demo."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

from bomca_data import cli, filters, i18n
from bomca_data.figures import published
from bomca_data.model import load_dataset
from bomca_data.source.location import DEMO_DIR
from tests import oracle
from tests.sheets import write

ACTS = ["activity_id", "title", "component", "country", "start_date", "end_date", "status",
        "activity_type", "kind", "joint_with", "delivery"]
PUBLISHED = ["statement_id", "date", "source", "indicator", "country", "year", "comparison",
             "value"]


def act(n: int, start: dt.date, status: str = "completed", kind_of: str = "training",
        kind=None, joint=None, delivery=None, country: str = "KZ") -> list:
    return [f"A{n}", f"Activity {n}", "C1", country, start, start + dt.timedelta(days=1),
            status, kind_of, kind, joint, delivery]


def source(tmp_path: Path, statements: list[list], people: bool = True) -> Path:
    """Five activities in 2024 (one cancelled, one a coordination meeting, two joint)
    and one in 2025; three people at each held activity (two of them new each time)."""
    rows = [act(1, dt.date(2024, 2, 1), joint="OSCE, UNODC; OSCE"),
            act(2, dt.date(2024, 3, 1), kind_of="coordination_meeting"),
            act(3, dt.date(2024, 4, 1), status="cancelled"),
            act(4, dt.date(2024, 5, 1), joint="IOM", country="UZ"),
            act(5, dt.date(2024, 6, 1), kind="coordination", delivery="online"),
            act(6, dt.date(2025, 3, 1))]
    write(tmp_path / "activities.xlsx", [ACTS, *rows])
    if people:
        parts = [["activity_id", "person_id", "gender", "country"]]
        for n in (1, 2, 4, 5, 6):
            parts += [[f"A{n}", "P0", "female", "KZ"], [f"A{n}", f"P{n}a", "male", "KZ"],
                      [f"A{n}", f"P{n}b", "female", "UZ"]]
        write(tmp_path / "participants.xlsx", parts)
    write(tmp_path / "published.xlsx", [PUBLISHED, *statements])
    (tmp_path / "programme.toml").write_text('[programme]\nas_of = "2025-09-30"\n')
    return tmp_path


def statement(sid: str, indicator: str, value: float, comparison: str | None = None,
              day: dt.date = dt.date(2024, 12, 31), country=None, year=None) -> list:
    return [sid, day, "Press release", indicator, country, year, comparison, value]


def verdicts(path: Path) -> dict[str, tuple]:
    found = published.register(load_dataset(path))
    return {r.statement_id: (r.verdict, r.computed) for r in found.itertuples()}


def test_kinds_partners_and_delivery_are_read_by_their_rules(tmp_path):
    ds = load_dataset(source(tmp_path, []))
    acts = ds.table("activities").set_index("activity_id")
    assert acts["kind"].to_dict() == {"A1": "thematic", "A2": "coordination", "A3": "thematic",
                                      "A4": "thematic", "A5": "coordination", "A6": "thematic"}
    assert acts.loc["A1", "joint_with"] == "OSCE;UNODC"  # separated like countries, once each
    assert acts.loc["A5", "delivery"] == "online"
    assert not ds.issues


@pytest.mark.parametrize(("column", "value", "code"), [
    ("kind", "festive", "vocabulary-error"), ("delivery", "by pigeon", "vocabulary-error")])
def test_an_unknown_kind_or_delivery_is_an_error_of_its_row(tmp_path, column, value, code):
    row = act(1, dt.date(2024, 2, 1))
    row[ACTS.index(column)] = value
    write(tmp_path / "activities.xlsx", [ACTS, row])
    issues = [i for i in load_dataset(tmp_path).issues if i.severity == "error"]
    assert [(i.code, i.column, i.row) for i in issues] == [(code, column, 2)]
    assert value in issues[0].message


def test_a_statement_naming_an_unknown_indicator_or_year_is_an_error(tmp_path):
    ds = load_dataset(source(tmp_path, [statement("S1", "happiness", 1),
                                        statement("S2", "events", 1, year=1999)]))
    found = {(i.code, i.column) for i in ds.issues if i.table == "published"}
    assert found == {("vocabulary-error", "indicator"), ("range-error", "year")}


def test_the_share_of_planned_activities_implemented(tmp_path):
    """by 31.12.2024: four held of the five planned to end by then (one cancelled)."""
    found = verdicts(source(tmp_path, [
        statement("S1", "planned_implemented_share", 0.8, "="),
        statement("S2", "planned_implemented_share", 0.78, "about"),  # within 5 %
        statement("S3", "planned_implemented_share", 0.75, "about")]))  # 6.7 % off
    assert found["S1"] == ("agrees", 0.8)
    assert found["S2"][0] == "agrees" and found["S3"][0] == "disagrees"


def test_events_by_kind_joint_year_and_people(tmp_path):
    found = verdicts(source(tmp_path, [
        statement("S1", "events", 4), statement("S2", "thematic_events", 2),
        statement("S3", "coordination_events", 2), statement("S4", "joint_events", 2),
        statement("S5", "events_in_year", 4, year=2024, day=dt.date(2025, 9, 30)),
        statement("S6", "participants_unique", 8, ">="),
        statement("S7", "participants_unique", 9, ">"),
        statement("S8", "events", 2, country="KZ"),  # A1, A2 and A5 list KZ: 3
        statement("S9", "attendances", 12, "<=")]))
    assert {k: v[0] for k, v in found.items()} == {
        "S1": "agrees", "S2": "agrees", "S3": "agrees", "S4": "agrees", "S5": "agrees",
        "S6": "agrees", "S7": "disagrees", "S8": "disagrees", "S9": "agrees"}
    assert found["S6"][1] == 9 and found["S8"][1] == 3


def test_what_the_data_cannot_give_is_not_computable(tmp_path):
    found = published.register(load_dataset(source(tmp_path, [
        statement("S1", "events_in_year", 4),  # no year
        statement("S2", "events", 5, day=dt.date(2026, 1, 1)),  # after the data's date
        statement("S3", "participants_unique", 9)], people=False)))
    assert found.set_index("statement_id")["reason"].to_dict() == {
        "S1": "no_year", "S2": "after_data", "S3": "no_table"}
    assert set(found["verdict"]) == {"not_computable"}


def test_the_command_line_exits_1_when_a_statement_disagrees(tmp_path, capsys):
    folder = source(tmp_path, [statement("S1", "events", 4), statement("S2", "events", 9)])
    assert cli.main(["published", str(folder), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["disagree"] == 1
    first = report["statements"][0]
    assert first == {"statement_id": "S1", "date": "2024-12-31", "source": "Press release",
                     "link": None, "indicator": "events",
                     "scope": {"country": None, "component": None, "year": None},
                     "comparison": "=", "published": 4.0, "computed": 4.0,
                     "verdict": "agrees", "reason": None}
    (tmp_path / "published.xlsx").unlink()
    write(tmp_path / "published.xlsx", [PUBLISHED, statement("S1", "events", 4)])
    assert cli.main(["published", str(folder)]) == 0
    assert "S1 2024-12-31 events = 4: computed 4, agrees" in capsys.readouterr().out
    assert cli.main(["published", str(tmp_path / "nothing-here")]) == 2


@pytest.fixture(scope="module")
def demo():
    return load_dataset(DEMO_DIR)


def _oracle_figure(demo, row) -> float | None:
    """The statement's figure by the tests' own plain-Python computation."""
    chosen = filters.Filters(years=() if pd.isna(row.year) else (str(int(row.year)),),
                             year_kind="calendar")
    figures = oracle.filtered_summary(demo, row.date.date(), chosen)
    acts, people = figures["activities"], figures["participants"]
    return {"activities_completed": acts["completed"], "events": acts["completed"],
            "events_in_year": acts["completed"],
            "thematic_events": acts["completed_by_kind"]["thematic"],
            "joint_events": acts["completed_joint"],
            "participants_unique": people["unique_persons"],
            "planned_implemented_share": acts["planned_implemented_share"]}[row.indicator]


def test_the_demo_agrees_with_every_published_statement(demo):
    statements = demo.table("published")
    assert len(statements) == 8
    ranges = {"NSG-2022-PR-2": (1401, 1699), "RSG4-4": (6001, 6999),
              "RSG4-5": (0.88, 0.92)}
    for row in statements.itertuples():
        expected = _oracle_figure(demo, row)
        low, high = ranges.get(row.statement_id, (row.value, row.value))
        assert low <= expected <= high, (row.statement_id, expected)
    found = published.register(demo)
    assert set(found["verdict"]) == {"agrees"}


def test_the_demo_covers_the_whole_programme_with_its_meetings(demo):
    acts, meetings = demo.table("activities"), demo.table("meetings")
    assert demo.programme.as_of == dt.date(2025, 9, 30)
    assert acts["end_date"].max().date() <= dt.date(2025, 9, 30)
    assert acts["start_date"].min().date() >= dt.date(2021, 4, 1)
    nsg = meetings[meetings["meeting_type"] == "NSG"]
    years = nsg["start_date"].dt.year
    for country in demo.programme.countries:
        assert set(years[nsg["country"] == country]) == {2021, 2022, 2023, 2024, 2025}
    fourth = meetings[meetings["meeting_type"] == "RSG"].sort_values("start_date").iloc[3]
    assert (fourth["start_date"].date(), fourth["location"]) == (dt.date(2025, 2, 20),
                                                                 "Ashgabat")
    kickoff = acts[acts["title"].str.contains("kick-off")].iloc[0]
    assert (kickoff["start_date"].date(), kickoff["location"]) == (dt.date(2021, 12, 9),
                                                                   "Bishkek")


@pytest.mark.parametrize(("lang", "agrees"), [("en", "Agrees"), ("ru", "Согласуется")])
def test_the_published_figures_page_shows_every_statement_agreeing(monkeypatch, lang, agrees):
    from tests.test_pages import open_page

    at = open_page(monkeypatch, "pages/published.py", lang=lang)
    assert {m.label: m.value for m in at.metric}[agrees] == "8"
    table = at.dataframe[0].value
    verdict, scope = (i18n.t(f"col.{c}", lang) for c in ("verdict", "scope"))
    assert len(table) == 8 and all(v.endswith(agrees) for v in table[verdict])
    assert "2024" in set(table[scope])  # the year of "77 events in 2024"
    if lang != "en":  # AppTest reruns a page without app.py's language picker
        return
    closed = len(at.dataframe)
    at.session_state["rows_published-RSG4-6"] = True  # open what "77 joint events" counts
    at.run()
    assert len(at.dataframe) == closed + 1 and len(at.dataframe[-1].value) == 77


def shown(markdown: str) -> str:
    """The text a reader sees of Markdown written by plaintext.plain (escapes and
    invisible joiners gone)."""
    import re

    from bomca_data.ui.plaintext import WORD_JOINER

    return re.sub(r"\\(.)", r"\1", markdown).replace(WORD_JOINER, "")


def test_overview_quotes_what_was_published_on_its_date(monkeypatch):
    from tests.test_pages import open_page

    at = open_page(monkeypatch, "pages/overview.py", as_of="2022-09-05")
    quotes = [shown(c.value) for c in at.caption if c.value.startswith("As published on")]
    assert quotes == [  # the source said once, each statement under it
        "As published on 2022-09-05 (NSG press release (September 2022)):\n"
        "- 93 activities implemented. ✓ Agrees with the data.\n"
        "- over 1,400 participants. ✓ Agrees with the data."]
    filtered = open_page(monkeypatch, "pages/overview.py", as_of="2022-09-05", country="KZ")
    assert not [c for c in filtered.caption if c.value.startswith("As published on")]


def test_the_regions_pack_quotes_what_was_published_on_its_date(demo):
    import io

    from pptx import Presentation

    from bomca_data.figures import meeting_brief
    from bomca_data.outputs import meeting_pack

    def headline_text(day: dt.date) -> str:
        deck = Presentation(io.BytesIO(meeting_pack.meeting_pack(meeting_brief.build(demo, "RG", day), "en",
                                                         "demo")))
        return " ".join(s.text_frame.text for slide in deck.slides for s in slide.shapes
                        if s.has_text_frame)

    text = headline_text(dt.date(2022, 9, 5))
    assert "As published on 2022-09-05 (NSG press release (September 2022)):\n• 93 " \
           "activities implemented. ✓ Agrees with the data.\n• over 1,400" in text
    assert "As published" not in headline_text(dt.date(2022, 9, 6))


def test_a_statements_text_is_never_markup_where_it_is_quoted(tmp_path):
    """a source or wording that is a link, a bare address or HTML is shown as text"""
    import re

    from bomca_data.outputs import verdict_words
    from bomca_data.ui import widgets

    evil = "[click](http://evil.example) www.evil.example <b>x</b> *y*"
    folder = source(tmp_path, [])
    write(tmp_path / "published.xlsx", [[*PUBLISHED, "quote"],
                                        ["S1", dt.date(2024, 12, 31), evil, "events", None,
                                         None, "=", 4, evil]])
    lines = verdict_words.published_quotes(load_dataset(folder), dt.date(2024, 12, 31), "en",
                                      widgets.plain)
    assert len(lines) == 1 and len(lines[0][1]) == 1
    line = " ".join([lines[0][0], *lines[0][1]])
    assert re.search(r"(?<!\\)[\[\]<>*]|https?:|www\.", line.replace("2024-12-31", ""))\
        is None, line
