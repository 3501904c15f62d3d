"""AppTest of every page: on the demo data, a source with errors, a source with only
an activities table, and a filter that matches nothing. Each asserts what it shows."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from bomca_data import contract, figures, filters, i18n
from bomca_data.model import load_dataset
from bomca_data.source.location import DEMO_DIR
from bomca_data.ui import pages, theme, widgets
from tests.sheets import ACTIVITY_HEADER, activity, write

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")


PAGES = [p.path for p in pages.PAGES]  # every page, as declared once (ui/pages.py)
CHARTS_ON_DEMO = {p.path: p.charts_on_demo for p in pages.PAGES}


def page_downloads(at: AppTest) -> list:
    """The page's own download buttons: not the report of the view every page offers."""
    return [b for b in at.get("download_button") if not str(b.key).startswith("report.")]


def open_page(monkeypatch, page: str, source: Path | None = None, **query) -> AppTest:
    if source is None:
        monkeypatch.delenv("BOMCA_DATA", raising=False)
    else:
        monkeypatch.setenv("BOMCA_DATA", str(source))
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def plotly_charts(at: AppTest) -> list:
    """The page's charts (not the hidden blank one a cold server sends first so that
    the browser fetches the chart code early: bomca_data/ui/theme.py)."""
    return [c for c in at.get("plotly_chart") if not c.proto.id.endswith(theme.EARLY_KEY)]


def charts(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in plotly_charts(at)]


def values(field) -> list:
    """A trace's values: plotly sends numeric arrays as base64 ("bdata")."""
    if isinstance(field, dict) and "bdata" in field:
        import base64

        import numpy as np

        return np.frombuffer(base64.b64decode(field["bdata"]), dtype=field["dtype"]).tolist()
    return list(field)


def shown(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def texts(at: AppTest) -> str:
    parts = [e.body for kind in ("info", "warning", "error", "success") for e in getattr(at, kind)]
    parts += [c.value for c in at.caption] + [t.value for t in at.title]
    return "\n".join(parts)


@pytest.fixture
def errors_source(tmp_path):
    write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, activity(1), activity(2),
                                         activity(3, country="Mars")])
    write(tmp_path / "participants.xlsx", [["activity_id", "person_id", "gender"],
                                           ["A1", "p1", "F"], ["A1", "p2", "M"],
                                           ["A9", "p3", "F"]])
    write(tmp_path / "recommendations.xlsx", [
        ["rec_id", "title", "country", "date_proposed", "status", "due_date"],
        ["R1", "SOP", "KZ", "01.04.2022", "accepted", "01.05.2022"],
        ["R2", "SOP", "KZ", "01.04.2022", "almost", None]])
    return tmp_path


@pytest.fixture
def activities_only(tmp_path):
    write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, activity(1), activity(2, country="UZ")])
    return tmp_path


def test_every_page_file_is_declared_once():
    files = sorted(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py"))
    assert sorted(PAGES) == files, (
        "a page script must be declared in bomca_data/ui/pages.py (and a declared page "
        "must have its script): see CONTRIBUTING.md, 'A new page'")


def test_readmes_page_table_is_the_declaration():
    table = pages.readme_table(i18n.t)
    assert table in (ROOT / "README.md").read_text(encoding="utf-8"), (
        "README's page table differs from bomca_data/ui/pages.py: replace it with\n" + table)


@pytest.mark.parametrize("page", PAGES)
def test_page_on_demo_data(monkeypatch, page):
    at = open_page(monkeypatch, page)
    assert len(charts(at)) == CHARTS_ON_DEMO[page]
    assert "Demonstration data" in texts(at)
    assert "As of 2025-09-30" in texts(at)
    for fig in charts(at):  # every chart carries the as-of date and the filters
        go.Figure(fig)  # and passes plotly's schema (charts.py skips the check at run time)
        context = fig["layout"]["title"]["subtitle"]["text"]
        if page == "pages/meeting.py":  # the brief's own scope: the country and the period
            assert context.startswith("Whole programme (Regional Steering Group)")
            assert context.endswith("As of 2025-09-30")
        elif fig["layout"]["title"]["text"].startswith("Programme timeline"):  # no filter
            assert context.replace("<br>", " ") == i18n.t(  # applies to it, it says so
                "overview.clock_context", "en", date="2025-09-30")
        else:
            assert "As of 2025-09-30 · no filters" in context


@pytest.mark.parametrize("page", PAGES)
def test_page_on_a_source_with_errors(monkeypatch, page, errors_source):
    at = open_page(monkeypatch, page, errors_source)
    assert "3 rows were excluded by validation" in texts(at)
    assert "Demonstration data" not in texts(at)


@pytest.mark.parametrize("page", PAGES)
def test_page_with_only_activities(monkeypatch, page, activities_only):
    at = open_page(monkeypatch, page, activities_only)
    needs = pages.BY_PATH[page].needs
    if needs:
        assert f"needs the {i18n.t('table.' + needs)} table" in texts(at)
        assert charts(at) == []
    elif page == "pages/data_quality.py":  # the one table, read whole, and no issue
        (table,) = [f.value for f in at.dataframe if "Rows read" in f.value.columns]
        assert list(table["Rows read"]) == [2] and list(table["Excluded"]) == [0]
        assert i18n.t("quality.no_issues") in texts(at)
    elif page == "pages/data.py":  # a folder of files, not a managed one: the template
        assert [b.proto.label for b in page_downloads(at)] == [
            i18n.t("quality.template_download")]
    else:
        assert charts(at), page


@pytest.mark.parametrize("page", PAGES)
def test_page_with_a_filter_that_matches_nothing(monkeypatch, page):
    # Turkmenistan's activities in C4 include no study visit cancelled in programme year
    # 5, and it has no C4 recommendation of that year
    at = open_page(monkeypatch, page, country="TM", component="C4", type="study_visit",
                   status="cancelled", year="Y5")
    ignoring = ("pages/data_quality.py", "pages/meeting.py", "pages/data.py",
                "pages/published.py")  # those four do not use the sidebar filters
    if page not in ignoring:
        assert "Nothing matches the filters" in texts(at)
        assert charts(at) == [] or page == "pages/overview.py"  # (its programme clock)
        return
    assert "Nothing matches the filters" not in texts(at)
    if page == "pages/data_quality.py":  # every table of the source, whatever the filters
        assert len(at.dataframe[0].value) == 7
    elif page == "pages/meeting.py":  # the brief of its own scope, and it says so
        assert i18n.t("brief.filters_not_applied") in texts(at) and len(charts(at)) == 5
    elif page == "pages/published.py":
        assert i18n.t("brief.filters_not_applied") in texts(at)
        assert len(at.dataframe[0].value) == 8
    else:
        assert [b.proto.label for b in page_downloads(at)] == [
            i18n.t("quality.template_download")]


def test_rows_behind_a_chart_are_built_only_when_opened(monkeypatch):
    at = open_page(monkeypatch, "pages/participants.py")
    boxes = [k for k in at.session_state if str(k).startswith(widgets.ROWS_PREFIX)]
    assert len(boxes) == CHARTS_ON_DEMO["pages/participants.py"]
    assert not at.dataframe and not page_downloads(at)  # closed: nothing sent
    at.session_state[widgets.ROWS_PREFIX + "people-by-country"] = True
    at.run()
    assert len(at.dataframe) == 1 and len(page_downloads(at)) == 1
    assert list(at.dataframe[0].value["Country"])[:2] == ["Kazakhstan", "Kyrgyzstan"]
    assert page_downloads(at)[0].proto.label == "Download CSV"


def test_overview_figures_agree_with_summary(monkeypatch):
    at = open_page(monkeypatch, PAGES[0], country="KZ")
    ds = load_dataset(DEMO_DIR)
    narrowed = filters.apply(ds, filters.Filters(countries=("KZ",)), ds.programme.as_of)
    found = figures.summary(narrowed, ds.programme.as_of)
    values = shown(at)
    assert values["Activities completed"] == i18n.number(found["activities"]["completed"])
    assert values["Attendances"] == i18n.number(found["participants"]["attendances"])
    assert values["Unique people"] == i18n.number(found["participants"]["unique_persons"])
    assert values["Women's share"] == i18n.percent(found["participants"]["women_share"])
    fig = charts(at)[1]
    assert "Countries: Kazakhstan" in fig["layout"]["title"]["subtitle"]["text"]


def test_overview_without_filters_matches_the_cli_summary(monkeypatch):
    at = open_page(monkeypatch, PAGES[0])
    ds = load_dataset(DEMO_DIR)
    found = figures.summary(ds, ds.programme.as_of)
    assert shown(at)["Activities completed"] == i18n.number(found["activities"]["completed"])
    by_component = charts(at)[1]["data"][0]
    assert values(by_component["x"]) == list(found["activities"]["completed_by_component"]
                                              .values())


def test_filters_are_written_to_the_url(monkeypatch):
    # AppTest drops the sidebar's elements after a rerun of an app with a pages/
    # folder, so widget values are set through their keys before the first run.
    monkeypatch.delenv("BOMCA_DATA", raising=False)
    at = AppTest.from_file(APP, default_timeout=90)
    at.session_state["filter_year_kind"] = "calendar"
    at.session_state["filter_countries"] = ["KZ", "UZ"]
    at.session_state["filter_years"] = ["2022"]
    at.run()
    assert at.query_params["country"] == "KZ,UZ"
    assert at.query_params["year"] == "2022" and at.query_params["years_as"] == "calendar"
    assert "Years: 2022 (calendar years)" in charts(at)[1]["layout"]["title"]["subtitle"]["text"]


def test_filters_are_read_from_the_url_and_unknown_values_dropped(monkeypatch):
    at = open_page(monkeypatch, PAGES[0], country="KZ,XX", component="C9,C2")
    assert at.session_state["filter_countries"] == ["KZ"]
    assert at.session_state["filter_components"] == ["C2"]


def test_filters_hold_across_pages(monkeypatch):
    at = open_page(monkeypatch, PAGES[0], component="C3")
    at.switch_page("pages/timeline.py").run()
    assert "Components: C3 Trade facilitation" in charts(at)[0]["layout"]["title"]["subtitle"][
        "text"]


def test_countries_page_states_the_multi_country_rule(monkeypatch):
    at = open_page(monkeypatch, "pages/countries.py")
    assert "more than the" in texts(at) and "once for each listed country" in texts(at)


def test_data_quality_lists_and_filters_issues(monkeypatch, errors_source):
    at = open_page(monkeypatch, "pages/data_quality.py", errors_source)

    def issues():
        return next(f.value for f in at.dataframe if "Issue" in f.value.columns)

    titles = {code: i18n.t(f"issue_title.{code}") for code in ("unknown-reference",
                                                                "vocabulary-error")}
    assert sorted(issues()["Issue"]) == sorted([titles["unknown-reference"],
                                                *[titles["vocabulary-error"]] * 2])
    assert next(iter(issues().columns)) == "Message"  # the sentence first
    at.multiselect(key="quality_tables").set_value(["participants"]).run()
    assert list(issues()["Row"]) == [4]
    assert len(at.get("download_button")) >= 2  # the issues CSV and the template
    # the contract's rules, a table per table of the contract, in the same words
    ruled = [f.value for f in at.dataframe if "Rules" in f.value.columns]
    assert len(ruled) == len(contract.TABLES)
    assert "one country, not RG; blank: the activity's country" in set(
        ruled[list(contract.TABLES).index("participants")]["Rules"])


def test_followup_lists_overdue_first(monkeypatch):
    at = open_page(monkeypatch, "pages/followup.py")
    listed = at.dataframe[-1].value
    assert list(listed.columns[:2]) == ["Overdue", "Due"]  # within reach at 1366 px
    overdue = list(listed["Overdue"])
    assert overdue == sorted(overdue, key=lambda v: v != "⚠ Overdue")  # said in words
    assert shown(at)["Overdue"] == str(overdue.count("⚠ Overdue"))
    # then the open ones by due date, then the rest: implemented 2022 items came right
    # after the overdue ones, before 43 open ones
    status = list(listed["Status"])
    open_words = {i18n.name("rec_status", s) for s in ("proposed", "accepted", "in_progress")}
    rest = [s not in open_words for s in status[overdue.count("⚠ Overdue"):]]
    assert rest == sorted(rest), status


def test_a_link_carries_the_as_of_date(monkeypatch):
    """A copied link dropped the as-of date, and the figures silently changed in the new
    tab: the date is read from ?as_of= and written back whenever it is not the default."""
    at = open_page(monkeypatch, PAGES[0], as_of="2022-09-05", lang="en")
    assert at.text_input(key="as_of_text").value == "2022-09-05"
    assert {m.label: m.value for m in at.metric}["Activities completed"] == "93"
    assert at.query_params["as_of"] in ("2022-09-05", ["2022-09-05"])
    at = open_page(monkeypatch, PAGES[0], as_of="not-a-date", lang="en")
    default = load_dataset(DEMO_DIR).default_as_of()
    assert at.text_input(key="as_of_text").value == default.isoformat()


@pytest.mark.parametrize(("lang", "typed"), [("en", "2022-09-05"), ("ru", "05.09.2022"),
                                             ("ru", "2022-09-05"), ("en", "5/9/2022")])
def test_a_typed_date_applies(monkeypatch, lang, typed):
    """Typing a date and pressing Enter did nothing until the field lost focus. (AppTest
    reruns the page alone after a click: the sidebar's side, the link and a refused
    date, is walked in the browser, tests/test_browser.py.)"""
    at = open_page(monkeypatch, PAGES[0], lang=lang)
    at.text_input(key="as_of_text").input(typed).run()  # what Enter sends
    context = i18n.t("context.as_of", lang, date=i18n.date(dt.date(2022, 9, 5), lang))
    assert context in at.caption[0].value
    assert {m.label: m.value for m in at.metric}[i18n.t("kpi.completed", lang)] == "93"


def test_a_date_after_the_datas_own_date_is_said_to_be_a_forecast(monkeypatch):
    at = open_page(monkeypatch, PAGES[0], as_of="2026-06-30", lang="en")
    assert any("Figures after 2025-09-30, the data's own date, are forecasts" in i.body
               for i in at.info)
    assert any("Data as of 2025-09-30" in c.value for c in at.sidebar.caption)


def test_overview_answers_which_country_and_component_lag(monkeypatch):
    """A matrix of countries (and of components) by indicator, each cell a verdict and
    each row a link to its filtered view."""
    from bomca_data.figures import targets
    from bomca_data.outputs import verdict_words

    at = open_page(monkeypatch, PAGES[0], as_of="2022-09-05", lang="en")
    tables = [m.value for m in at.markdown if m.value.startswith("| Country")
              or m.value.startswith("| Component")]
    assert len(tables) == 2
    expected = targets.matrix(load_dataset(DEMO_DIR), dt.date(2022, 9, 5), "country")
    kz = expected[(expected["country"] == "KZ")
                  & (expected["indicator"] == "activities_completed")].iloc[0]
    row = next(r for r in tables[0].splitlines() if r.startswith("| [Kazakhstan]"))
    assert "(?country=KZ&as_of=2022-09-05&lang=en)" in row
    assert row.split(" | ")[1] == verdict_words.badge(kz["verdict"], kz["ratio"], "en")


def test_the_brief_never_states_filters_it_does_not_apply(monkeypatch):
    at = open_page(monkeypatch, "pages/meeting.py", country="KZ", component="C2", lang="en")
    header = at.caption[0].value
    assert "Components: C2" not in header
    assert "the sidebar's filters are not applied here" in header


def test_link_values_in_any_case_and_the_unknown_ones_said(monkeypatch):
    from tests.test_published import shown

    """`kz` is Kazakhstan; a value that names nothing is said once, not swallowed."""
    at = open_page(monkeypatch, PAGES[0], country="kz,XX", component="c2", lang="DE",
                   as_of="2022-13-45")
    assert "Countries: Kazakhstan · Components: C2 Detection capacities" in texts(at)
    warnings = [shown(w.body) for w in at.warning]
    assert warnings == ["Ignored in the link (names nothing known): lang=de, as_of=2022-13-45, "
                        "country=XX"], warnings


def test_the_figures_a_page_refers_to_are_visible_not_only_on_hover(monkeypatch):
    """The brief's "8 in the period", "0 overdue" and Overview's "of 412" sat behind a
    (?) icon, while the page says "the period's figures below each": a projector shows
    no tooltip."""
    at = open_page(monkeypatch, PAGES[0], as_of="2025-02-20")
    notes = {m.label: m.delta for m in at.metric}
    assert notes["Activities completed"].startswith("of ")
    assert notes["Recommendations implemented"].startswith("of ")
    brief = open_page(monkeypatch, PAGES[0], as_of="2025-02-20", country="KZ")
    brief.switch_page("pages/meeting.py").run()
    notes = {m.label: m.delta for m in brief.metric}
    assert notes["Activities completed"].endswith("in the period")
    assert notes["Attendances"].endswith("in the period")
    assert notes["Open recommendations"].endswith("overdue")
    assert all(not m.proto.help for m in brief.metric)  # nothing that matters hidden


def test_the_link_always_carries_the_as_of_date(monkeypatch):
    """A shared link left out the as-of date when it was the data's own: after new
    data was uploaded the same link showed other figures."""
    at = open_page(monkeypatch, PAGES[0])
    assert at.query_params["as_of"] == ["2025-09-30"] or at.query_params["as_of"] == \
        "2025-09-30"


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("page", PAGES)
def test_a_new_empty_data_folder_says_there_is_no_data_yet(monkeypatch, tmp_path, page, lang):
    from tests.test_published import shown

    """An empty folder greeted the user with "Nothing matches the filters" and an as-of
    date of today, and the Meeting brief failed. Every page says there is no data yet
    and what to do; no date is made up; the Data page still takes the first upload."""
    at = open_page(monkeypatch, page, tmp_path, lang=lang)
    said = i18n.t("empty.no_data", lang, source=tmp_path.name)
    assert [shown(i.body) for i in at.info] == [said]
    assert not at.sidebar.text_input and not at.sidebar.multiselect
    assert not plotly_charts(at) and not at.metric
    assert "as_of" not in at.query_params
    if page == "pages/data.py":
        assert at.get("file_uploader")
    else:
        assert i18n.t("empty.demo", lang) in [c.value for c in at.caption]


@pytest.mark.parametrize(("lang", "typed"), [("en", "2024-01-15"), ("ru", "15.01.2024")])
def test_the_briefs_period_start_is_typed_too(monkeypatch, lang, typed):
    """The brief's own date field had the as-of field's fault: Enter did nothing. (After
    a click AppTest reruns the page alone, without the sidebar's language: the headers
    are read in the language it shows.)"""
    at = open_page(monkeypatch, "pages/meeting.py", lang=lang, country="KZ",
                   as_of="2024-09-12")
    at.text_input(key="meeting_since_text").input(typed).run()
    heads = {i18n.t("brief.results", shown, period=f"{i18n.date(dt.date(2024, 1, 15), shown)}"
                    f" - {i18n.date(dt.date(2024, 9, 12), shown)}") for shown in i18n.LANGUAGES}
    assert heads & {h.value for h in at.header}
    at.text_input(key="meeting_since_text").input("2024-10-01").run()  # after the as-of date
    assert at.error and heads & {h.value for h in at.header}  # refused, said, period kept


def test_the_programme_timeline_is_the_same_figure_under_any_filter(monkeypatch):
    """Overview's timeline does not depend on the filters, and says so: the same figure
    (the browser then does not draw it again on a filter change); the charts that do
    depend on them change."""
    plain = charts(open_page(monkeypatch, PAGES[0]))
    narrowed = charts(open_page(monkeypatch, PAGES[0], country="KZ", component="C2"))
    assert plain[0]["layout"]["title"]["text"].startswith("Programme timeline")
    assert plain[0] == narrowed[0]
    assert plain[1] != narrowed[1] and plain[2] != narrowed[2]
