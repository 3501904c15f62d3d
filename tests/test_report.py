"""The report of a view and the phase's results report: its figures against the
oracle, the HTML offline in Chromium (every chart drawn, no request, no error, no
markup from the data), the PDF as its readers see it (pdftotext, pdffonts), the
command line, and the buttons on every page. Chromium, pdftotext and pdffonts are
needed (`make test` installs them): without them these tests fail, never skip."""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest

from bomca_data import cli, figures, i18n
from bomca_data import filters as flt
from bomca_data.model import load_dataset
from bomca_data.outputs import report
from bomca_data.outputs.report import content, render
from bomca_data.source.location import DEMO_DIR
from tests import oracle
from tests.test_browser import TEXT_COLUMNS, _hostile_demo, browser  # noqa: F401 (a fixture)
from tests.test_pages import PAGES, open_page

SEED = 24


@pytest.fixture(scope="module")
def ds():
    return load_dataset(DEMO_DIR)


def random_views(ds, n: int) -> list[tuple[flt.Filters, dt.date]]:
    """Views as a reader makes them: a few countries, components, years, a date."""
    rng = random.Random(SEED)
    p, views = ds.programme, []
    for _ in range(n):
        chosen = flt.Filters(
            countries=tuple(rng.sample(p.scopes, rng.randint(0, 2))),
            components=tuple(rng.sample(p.components, rng.randint(0, 2))),
            years=tuple(rng.sample(p.year_keys("programme"), rng.randint(0, 2))))
        views.append((chosen, p.start + dt.timedelta(days=rng.randint(200, 1700))))
    return views


def expected_cards(ds, chosen: flt.Filters, as_of: dt.date, lang: str) -> dict[str, str]:
    """The headline cards as the oracle counts them, written as the reader reads them."""
    found = oracle.filtered_summary(ds, as_of, chosen)
    acts, people = found["activities"], found["participants"]
    return {i18n.t("kpi.completed", lang): i18n.number(acts["completed"], lang),
            i18n.t("kpi.planned", lang): i18n.number(acts["by_status"]["planned"], lang),
            i18n.t("kpi.attendances", lang): i18n.number(people["attendances"], lang),
            i18n.t("kpi.unique", lang): i18n.number(people["unique_persons"], lang)}


# --- what it says ---------------------------------------------------------------------


def test_every_section_in_order_and_the_final_report_covers_the_whole_phase(ds):
    final = content.build(ds, flt.Filters(countries=("KZ",)), dt.date(2022, 1, 1), "en",
                          final=True)
    assert [s.key for s in final.sections] == list(content.SECTIONS)
    assert final.scope == flt.Filters().describe(dt.date(2025, 9, 30), "en")  # no filter
    assert "01.04.2021" in final.title.replace("\u00a0", " ") or "2021" in final.title
    view = content.build(ds, flt.Filters(countries=("KZ",)), dt.date(2023, 5, 1), "ru")
    assert view.scope == flt.Filters(countries=("KZ",)).describe(dt.date(2023, 5, 1), "ru")
    assert view.demo == i18n.t("banner.demo", "ru")  # the demo says so
    assert all(s.blocks for s in view.sections)


def test_the_uptake_by_country_counts_as_plain_python_does(ds):
    as_of = dt.date(2024, 6, 30)
    recs = figures.recommendations_view(ds, as_of)
    found = figures.uptake_by_country(recs, ds.programme.scopes).set_index("country")
    rows = [r for r in oracle._rows(ds, "recommendations") if r["date_proposed"] <= as_of]
    statuses = oracle.statuses_of_recommendations(
        rows, oracle._rows(ds, "recommendation_updates"), as_of)
    for scope in ds.programme.scopes:
        mine = [s for r, s in zip(rows, statuses, strict=True)
                if scope in r["country"].split(";")]
        assert found.loc[scope, "recommendations"] == len(mine), scope
        assert found.loc[scope, "implemented"] == mine.count("implemented"), scope


def test_the_report_in_russian_speaks_russian(ds):
    text = report.html_bytes(ds, flt.Filters(), dt.date(2024, 1, 1), "ru").decode("utf-8")
    for key in content.SECTIONS:
        assert i18n.t(f"report.section.{key}", "ru") in text
    visible = re.sub(r"<script.*?</script>|<style.*?</style>|<[^>]+>", " ", text, flags=re.S)
    latin = set(re.findall(r"\b[A-Za-z]{4,}\b", visible)) - {"BOMCA", "Chromium", "validate",
                                                              "python", "bomca_data"}
    data_words = {w for t in ("activities", "recommendations", "published")
                  for col in TEXT_COLUMNS.get(t, ()) for v in ds.table(t)[col].dropna()
                  for w in re.findall(r"[A-Za-z]{4,}", str(v))}
    files = {w for f in ds.stats.values() for w in  # the files' and sheets' own names
             re.findall(r"[A-Za-z]{4,}", f"{f.file} {f.sheet}")}
    assert latin - data_words - files == set()


def test_text_can_never_end_a_style_or_a_script():
    assert "<" not in render.css_string("</style><script>x</script>")
    assert '"' not in render.css_string('a"b')[1:-1]
    assert "<" not in render.script_json({"t": "</script><b>"})


# --- the HTML in a browser, offline -----------------------------------------------------


def open_offline(browser, path: Path) -> tuple[object, list[str], list[str]]:  # noqa: F811
    """The file in a context whose network is cut: (page, requests that would have
    left it, console errors and dialogs)."""
    context = browser.new_context(viewport={"width": 1366, "height": 768}, offline=True)
    page, left, errors = context.new_page(), [], []
    page.on("request", lambda r: left.append(r.url) if urlparse(r.url).scheme not in (
        "file", "data", "blob", "about") else None)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (errors.append(f"dialog {d.message}"), d.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-drawn]", timeout=60_000)
    return page, left, errors


def test_the_html_report_draws_offline_and_its_figures_are_the_oracles(ds, browser,  # noqa: F811
                                                                        tmp_path):
    for i, (chosen, as_of) in enumerate(random_views(ds, 4)):
        lang = ("en", "ru")[i % 2]
        path = tmp_path / f"view-{i}.html"
        path.write_bytes(report.html_bytes(ds, chosen, as_of, lang))
        page, left, errors = open_offline(browser, path)
        charts = page.locator("figure.chart").count()
        drawn = page.locator("figure.chart .main-svg").count()
        assert charts >= 3 and drawn >= charts, (chosen, charts, drawn)
        assert left == [] and errors == [], (left, errors)
        cards = {}
        for card in page.locator(".card").all():
            cards.setdefault(card.locator(".label").inner_text().strip(),
                             card.locator(".value").inner_text().strip())
        for label, value in expected_cards(ds, chosen, as_of, lang).items():
            assert cards[label] == value, (chosen, as_of, label)
        assert chosen.describe(as_of, lang) in page.locator(".scope").inner_text()
        page.context.close()


def test_markup_from_the_data_stays_text_in_the_report(browser, tmp_path):  # noqa: F811
    hostile = load_dataset(_hostile_demo(tmp_path))
    path = tmp_path / "hostile.html"
    path.write_bytes(report.html_bytes(hostile, flt.Filters(), dt.date(2025, 9, 30), "en"))
    page, left, errors = open_offline(browser, path)
    links = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    assert all(link.startswith("#") for link in links), links  # the contents only
    assert page.locator("section a, section b, section strong").count() == 0
    assert "<a href='https://evil.example.org'>a</a>" in page.locator("body").inner_text()
    assert left == [] and errors == [], (left, errors)
    page.context.close()


# --- the PDF as its readers see it ------------------------------------------------------


def _poppler(tool: str) -> str:
    found = shutil.which(tool)
    assert found, "poppler-utils is needed: apt-get install -y poppler-utils"
    return found


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_pdf_has_every_section_the_figures_embedded_fonts_and_whole_words(ds, tmp_path,
                                                                              lang):
    as_of = content.final_as_of(ds)
    path = tmp_path / "final.pdf"
    path.write_bytes(report.pdf_bytes(ds, flt.Filters(), as_of, lang, final=True))
    text = subprocess.run([_poppler("pdftotext"), "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout.replace("\u00a0", " ")
    flat = " ".join(text.split())
    for key in content.SECTIONS:
        assert " ".join(i18n.t(f"report.section.{key}", lang).split()) in flat, key
    for label, value in expected_cards(ds, flt.Filters(), as_of, lang).items():
        assert value.replace("\u00a0", " ") in flat and label in flat, label
    pages = text.count("\f")
    assert 15 <= pages <= 35, pages  # the demo's phase: about 23 A4 pages
    assert f"{i18n.t('report.page', lang)} {pages} / {pages}" in flat  # numbered
    assert flat.count(flt.Filters().describe(as_of, lang).replace("\u00a0", " ")) >= pages
    fonts = subprocess.run([_poppler("pdffonts"), str(path)], check=True, capture_output=True,
                           text=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # embedded
    assert any("ReportSans" in line for line in fonts)
    built = content.build(ds, flt.Filters(), as_of, lang, final=True)
    words = {w.strip(".,:;()") for s in built.sections for b in s.blocks if b.kind == "table"
             for row in b.frame.astype(str).itertuples(index=False) for cell in row
             for w in cell.split()}
    words = {w for w in words if len(w) > 3 and w.isalpha()}
    assert len(words) > 100
    lines = text.splitlines()
    broken = [w for w in sorted(words) if not any(w in line for line in lines)]
    assert broken == [], broken


# --- the command line -------------------------------------------------------------------


def test_the_command_writes_either_kind_and_refuses_clearly(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("BOMCA_DATA", raising=False)
    out = tmp_path / "kz.html"
    assert cli.main(["report", "--country", "KZ", "--lang", "ru", "--as-of", "2024-06-30",
                     "--out", str(out)]) == 0
    assert flt.Filters(countries=("KZ",)).describe(dt.date(2024, 6, 30), "ru") in \
        out.read_text(encoding="utf-8")
    assert cli.main(["report", "--out", str(tmp_path / "x.docx")]) == 2
    assert "name a .html or a .pdf file" in capsys.readouterr().err
    monkeypatch.setenv("BOMCA_CHROMIUM", str(tmp_path / "no-such-browser"))
    assert cli.main(["report", "--final", "--out", str(tmp_path / "final.pdf")]) == 2
    said = capsys.readouterr().err.strip().splitlines()
    assert len(said) == 1 and "apt-get install chromium" in said[0], said
    assert not (tmp_path / "final.pdf").exists()


# --- the buttons ------------------------------------------------------------------------


@pytest.fixture
def deferred(monkeypatch):
    """Every file a download button would make on click: {file name: its maker}."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    made: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def add_deferred(self, data, mimetype, coordinates, file_name=None, **kw):
        made[file_name] = data
        return original(self, data, mimetype, coordinates, file_name=file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return made


@pytest.mark.parametrize("page", PAGES)
def test_the_button_on_every_page_gives_the_report_of_the_view_on_screen(
        monkeypatch, deferred, page):
    at = open_page(monkeypatch, page, lang="ru", country="KZ", as_of="2024-06-30")
    labels = [b.proto.label for b in at.get("download_button")]
    assert i18n.t("report.view_html", "ru") in labels and \
        i18n.t("report.view_pdf", "ru") in labels, labels
    html = deferred["bomca10-report-2024-06-30.html"]().decode("utf-8")
    assert flt.Filters(countries=("KZ",)).describe(dt.date(2024, 6, 30), "ru") in html
    assert i18n.t("report.title", "ru", programme=i18n.t("pack.programme", "ru")) in html
    if page == PAGES[0]:  # Overview offers the phase's results report too
        final = deferred["bomca10-results-2025-09-30.html"]().decode("utf-8")
        assert flt.Filters().describe(dt.date(2025, 9, 30), "ru") in final


def test_the_report_font_has_every_letter_of_both_languages_and_the_data():
    """Report Sans (inlined in the HTML, embedded in the PDF) draws every letter the
    catalogues and the demo's text use; only a few symbols come from the fallback."""
    from fontTools.ttLib import TTFont

    font = TTFont(render.HERE / "fonts" / render.FONTS["normal"])
    drawn = set(font.getBestCmap())
    texts = [Path(f"locales/{lang}/LC_MESSAGES/messages.po").read_text(encoding="utf-8")
             for lang in ("en", "ru")]
    texts.append(DEMO_DIR.joinpath("bomca10-demo.xlsx").name)
    used = {ord(c) for text in texts for c in text if c.isprintable()}
    assert {chr(c) for c in used - drawn} <= set("✓✗⚠⏳→↑↓…"), sorted(
        chr(c) for c in used - drawn)
