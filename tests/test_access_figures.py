"""Figures first, then access: a user limited to a country sees, for that country,
exactly what an unrestricted user sees for it (the people rule included), on every
card of every page and in the meeting pack."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pptx import Presentation

from bomca_data import access
from bomca_data.figures import meeting_brief
from bomca_data.model import load_dataset
from bomca_data.outputs import meeting_pack
from bomca_data.source.location import DEMO_DIR
from bomca_data.ui import auth
from tests.test_access import app, signed, users  # noqa: F401  (the users fixture)
from tests.test_pages import PAGES

DATES = ("2023-09-11", "2025-02-20")


def cards(monkeypatch, users, name: str, page: str, as_of: str) -> list[tuple]:  # noqa: F811
    at = app(monkeypatch, users)
    at.session_state[auth.USER_KEY] = signed(users, name)
    at.query_params.update({"lang": "en", "country": "KZ", "as_of": as_of})
    at.run()  # the link is read on the first page, then the filters hold across pages
    if page != PAGES[0]:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return [(m.label, m.value, m.delta, m.proto.help) for m in at.metric]


# Not compared: Data (editors' files), Published figures (statements about the whole
# programme are for unrestricted users; a country filter does not narrow them) and Data
# quality (the files' rows and issues: a country filter does not narrow them either,
# while a restricted user sees only their countries' rows, tests/test_access.py).
FIGURE_PAGES = [p for p in PAGES if not p.endswith(("/data.py", "/published.py",
                                                   "/data_quality.py"))]


@pytest.mark.parametrize("as_of", DATES)
@pytest.mark.parametrize("page", FIGURE_PAGES)
def test_a_country_user_sees_the_cards_an_unrestricted_user_sees_for_that_country(
        monkeypatch, users, page, as_of):  # noqa: F811
    """A Kazakh user's brief said 2 attendances in the period where an unrestricted
    user's Kazakhstan brief said 7: a Kazakh officer at another country's activity was
    lost once the data was narrowed before the figures were made."""
    mine = cards(monkeypatch, users, "kz", page, as_of)
    theirs = cards(monkeypatch, users, "viktor", page, as_of)
    assert mine and mine == theirs


def _slides(deck: bytes) -> list[str]:
    shown = []
    for slide in Presentation(io.BytesIO(deck)).slides:
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        for shape in slide.shapes:
            if shape.has_table:
                texts += [c.text for row in shape.table.rows for c in row.cells]
            if shape.has_chart:
                plot = shape.chart.plots[0]
                texts += [f"{s.name}={list(s.values)}" for s in plot.series]
                texts += [str(list(plot.categories))]
        shown.append("\n".join(texts))
    return shown


@pytest.mark.parametrize("as_of", DATES)
def test_a_country_users_pack_is_the_unrestricted_users_pack_for_that_country(as_of):
    demo = load_dataset(DEMO_DIR)
    day = dt.date.fromisoformat(as_of)
    theirs = meeting_brief.build(demo, "KZ", day)
    mine = meeting_brief.build(access.restrict(demo, ("KZ",)), "KZ", day)
    assert meeting_brief.headline(mine) == meeting_brief.headline(theirs)
    for part in (meeting_brief.period_participants, meeting_brief.period_results):
        assert str(part(mine)) == str(part(theirs))
    assert _slides(meeting_pack.meeting_pack(mine, "en", "demo")) == _slides(
        meeting_pack.meeting_pack(theirs, "en", "demo"))
