"""The five questions a reviewer brings to the dashboard, each asked in a real browser
at a 1366x768 laptop in both languages and answered from what is on the screen (never
a tooltip), within a stated number of clicks; every figure read is checked against
the oracle (tests/oracle.py: plain Python over the rows)."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlparse

import pytest

from bomca_data import filters, i18n
from bomca_data.model import load_dataset
from bomca_data.outputs import verdict_words
from bomca_data.source.location import DEMO_DIR
from tests import oracle
from tests.test_browser import browser, server, settle  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser
LAPTOP = {"width": 1366, "height": 768}
FEBRUARY = dt.date(2025, 2, 20)  # the 4th Regional Steering Group, and what it published


@pytest.fixture(scope="module")
def ds():
    return load_dataset(DEMO_DIR)


class Reviewer:
    """A person at a laptop: opens links, clicks (counted), types, and reads the page as
    it shows (visible text: a tooltip is never read)."""

    def __init__(self, browser, lang: str) -> None:  # noqa: F811
        self.context = browser.new_context(viewport=LAPTOP)
        self.page = self.context.new_page()
        self.lang, self.clicks = lang, 0

    def t(self, key: str, **values) -> str:
        return i18n.t(key, self.lang, **values)

    def open(self, url: str, charts: int = 1) -> None:
        self.page.goto(url)
        settle(self.page, charts)

    def click(self, locator, charts: int = 1) -> None:
        """A click; a link the page opens in a new tab is followed there."""
        pages = len(self.context.pages)
        locator.click()
        self.clicks += 1
        self.page.wait_for_timeout(300)
        if len(self.context.pages) > pages:  # Markdown links open a new tab
            self.page = self.context.pages[-1]
        self.page.wait_for_timeout(300)
        settle(self.page, charts)

    def choose(self, label: str, option: str) -> None:
        """A sidebar filter: its box, then the option (two clicks)."""
        box = self.page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]',
                                has_text=label)
        box.locator("input").click()
        self.page.keyboard.type(option[:4])  # the list is long: narrow it as people do
        self.page.get_by_role("option", name=option, exact=True).click()
        self.page.keyboard.press("Escape")
        self.clicks += 2
        self.page.wait_for_timeout(500)
        settle(self.page, 1)

    def main(self) -> str:
        return self.page.inner_text('[data-testid="stMain"]')

    def card(self, label: str) -> tuple[str, str]:
        """A card's value and the note written under it."""
        box = self.page.locator('[data-testid="stMetric"]', has_text=label).first
        note = box.locator('[data-testid="stMetricDelta"]')
        return (box.locator('[data-testid="stMetricValue"]').inner_text().strip(),
                note.inner_text().strip() if note.count() else "")

    def close(self) -> None:
        self.context.close()


def _n(value: float, lang: str) -> str:
    return i18n.number(value, lang)


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_is_the_programme_on_track(server, browser, ds, lang):  # noqa: F811
    """Zero clicks: the link opens Overview, whose verdict row says, per indicator, the
    verdict and what was achieved against what was due."""
    url, _ = server
    r = Reviewer(browser, lang)
    r.open(f"{url}/?lang={lang}", 4)
    found = oracle.summary(ds, ds.programme.as_of)
    text = r.main()
    assert r.t("verdict.title") in text
    verdicts = [r.t(f"verdict.{v}") for v in ("on_track", "at_risk", "behind", "no_target")]
    row = text[text.index(r.t("verdict.title")):]
    assert sum(row.count(v) for v in verdicts) >= 4  # a verdict for each indicator
    completed = _n(found["activities"]["completed"], lang)
    assert r.card(r.t("kpi.completed"))[0] == completed
    for achieved in (completed, _n(found["participants"]["attendances"], lang)):
        detail = r.t("verdict.detail", actual=achieved, due="DUE")  # "375 achieved, 375 due"
        assert re.search(re.escape(detail).replace("DUE", r"\S+"), row), (detail, row)
    assert r.clicks == 0
    r.close()


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_which_country_lags_and_on_what(server, browser, ds, lang):  # noqa: F811
    """One click: the matrix on Overview names the country behind or at risk, and on
    which indicator; its name opens that country's view, which says the same."""
    url, _ = server
    r = Reviewer(browser, lang)
    r.open(f"{url}/?lang={lang}&as_of={FEBRUARY}", 4)
    lagging = [i18n.name("country", c, lang) for c in ds.programme.countries
               if re.search(re.escape(i18n.name("country", c, lang)) + r"\s+\S*\s*(" +
                            "|".join(re.escape(r.t(f"verdict.{v}")) for v in
                                     ("at_risk", "behind")) + ")", r.main())]
    assert lagging == [i18n.name("country", "UZ", lang)]  # the demo's: Uzbekistan, at risk
    r.click(r.page.get_by_role("link", name=lagging[0], exact=True), 4)
    query = parse_qs(urlparse(r.page.url).query)
    assert query["country"] == ["UZ"] and query["as_of"] == [FEBRUARY.isoformat()]
    text = r.main()
    assert f"{r.t('filters.countries')}: {lagging[0]}" in text
    assert r.t("verdict.at_risk") in text[text.index(r.t("verdict.title")):]
    chosen = filters.Filters(countries=("UZ",))
    expected = oracle.filtered_summary(ds, FEBRUARY, chosen)["activities"]["completed"]
    assert r.card(r.t("kpi.completed"))[0] == _n(expected, lang)
    assert r.clicks == 1
    r.close()


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_what_kazakhstan_did_since_its_last_meeting_and_what_is_overdue(
        server, browser, ds, lang):  # noqa: F811
    """Three clicks: the menu's Meeting brief, then Kazakhstan in its list; the cards
    say, in plain sight, what was done in the period and how many are overdue."""
    url, _ = server
    r = Reviewer(browser, lang)
    r.open(f"{url}/?lang={lang}&as_of={FEBRUARY}", 4)
    r.click(r.page.locator('[data-testid="stSidebarNav"]').get_by_text(
        r.t("page.meeting"), exact=True))
    r.click(r.page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').first)
    r.click(r.page.get_by_role("option", name=i18n.name("country", "KZ", lang), exact=True))
    meetings = [m for m in oracle._rows(ds, "meetings") if m["meeting_type"] == "NSG"
                and m["country"] == "KZ" and m["start_date"] < FEBRUARY]
    start = max(m["start_date"] for m in meetings)
    done = [a for a in oracle._rows(ds, "activities") if "KZ" in a["country"].split(";")
            and oracle.status_on(a, FEBRUARY) == "completed"
            and start <= (a["end_date"] or a["start_date"]) <= FEBRUARY]
    text = r.main()
    period = f"{i18n.date(start, lang)} - {i18n.date(FEBRUARY, lang)}"
    assert r.t("brief.results", period=period) in text
    value, note = r.card(r.t("kpi.completed"))
    assert note == r.t("pack.in_period", n=_n(len(done), lang))
    overdue = oracle.follow_up(ds, FEBRUARY, filters.Filters(countries=("KZ",)))
    value, note = r.card(r.t("kpi.recs_open"))
    assert (value, note) == (_n(overdue["open"], lang),
                             r.t("pack.overdue", n=_n(overdue["overdue"], lang)))
    assert r.clicks == 3
    r.close()


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_what_the_programme_had_done_by_a_date_and_whether_it_matches_what_it_published(
        server, browser, ds, lang):  # noqa: F811
    """One click and a typed date: Overview at 2025-02-20 shows the completed count,
    and what was published that day with its check, said once."""
    url, _ = server
    r = Reviewer(browser, lang)
    r.open(f"{url}/?lang={lang}", 4)
    field = r.page.locator('[data-testid="stSidebar"] [data-testid="stTextInput"] input')
    field.click()
    r.clicks += 1
    field.press("Control+a")
    field.press_sequentially(i18n.date(FEBRUARY, lang), delay=20)
    field.press("Enter")
    r.page.wait_for_function("() => new URL(location.href).searchParams.get('as_of') "
                             f"=== '{FEBRUARY}'", timeout=60_000)
    settle(r.page, 4)
    completed = oracle.summary(ds, FEBRUARY)["activities"]["completed"]
    assert r.card(r.t("kpi.completed"))[0] == _n(completed, lang)
    text = r.main()
    heading = r.t("published.as_published", date=i18n.date(FEBRUARY, lang), source="")
    assert text.count(heading.split("(")[0].strip()) == 1  # the source said once
    agrees = verdict_words.published_verdict("agrees", lang)  # "✓ Agrees"
    assert text.count(agrees) == 6 and f"{completed} " in text  # "306 events ...": agrees
    assert r.clicks == 1
    r.close()


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_share_the_view_of_uzbekistan_c2_2022(server, browser, ds, lang):  # noqa: F811
    """Seven clicks: Uzbekistan, C2, calendar years, 2022; the link, opened by someone
    else, shows the same view and the same figures."""
    url, log = server
    r = Reviewer(browser, lang)
    r.open(f"{url}/?lang={lang}", 4)
    r.choose(r.t("filters.countries"), i18n.name("country", "UZ", lang))
    r.choose(r.t("filters.components"), i18n.name("component", "C2", lang))
    r.click(r.page.locator('[data-testid="stSidebar"] [data-testid="stRadio"]').get_by_text(
        r.t("filters.year_kind.calendar"), exact=True))
    r.choose(r.t("filters.years"), "2022")
    chosen = filters.Filters(countries=("UZ",), components=("C2",), years=("2022",),
                             year_kind="calendar")
    expected = oracle.filtered_summary(ds, ds.programme.as_of, chosen)["activities"]
    context = chosen.describe(ds.programme.as_of, lang)
    assert context in r.main()
    assert r.card(r.t("kpi.completed"))[0] == _n(expected["completed"], lang)
    shared = r.page.url
    assert r.clicks == 7
    r.close()
    other = Reviewer(browser, lang)
    other.open(shared, 1)
    assert context in other.main()
    assert other.card(other.t("kpi.completed"))[0] == _n(expected["completed"], lang)
    other.close()
    assert "Traceback" not in log.read_text()


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_the_sidebar_exports_the_view_on_screen_and_names_its_source(
        server, browser, ds, lang):  # noqa: F811
    """The export and the source's description are made only once their panel is opened
    (a rerun): Kazakhstan chosen, the panel opened, the workbook is of Kazakhstan; the
    source panel gives every table's valid rows of those read."""
    import io
    from pathlib import Path

    import openpyxl

    url, log = server
    r = Reviewer(browser, lang)
    r.open(f"{url}/?lang={lang}", 4)
    r.choose(r.t("filters.countries"), i18n.name("country", "KZ", lang))
    side = r.page.locator('[data-testid="stSidebar"]')
    # nothing of the export is sent before it is asked for
    assert side.locator('[data-testid="stDownloadButton"]').count() == 0
    xlsx = r.page.get_by_role("button", name=r.t("export.xlsx"))
    r.click(side.locator('[data-testid="stExpander"] summary', has_text=r.t("export.title")))
    with r.page.expect_download(timeout=60_000) as got:
        xlsx.click()
    book = openpyxl.load_workbook(io.BytesIO(Path(got.value.path()).read_bytes()))
    cells = [str(c) for row in book.worksheets[0].iter_rows(values_only=True) for c in row]
    assert filters.Filters(countries=("KZ",)).describe(ds.programme.as_of, lang) in cells
    r.click(side.locator('[data-testid="stExpander"] summary', has_text=r.t("sidebar.source")))
    text = side.inner_text()
    for name, stats in ds.stats.items():
        assert (f"{r.t('table.' + name)}: {i18n.number(stats.rows_valid, lang)} / "
                f"{i18n.number(stats.rows_read, lang)}") in text
    r.close()
    assert "Traceback" not in log.read_text()
