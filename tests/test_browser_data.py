"""The Data page in Chromium at 1366x768, in both languages: an export corrected and
uploaded again, its check read from the screen (the sentence first, issue titles, no
sideways scrolling), accepted once."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from benchmarks import serve
from bomca_data import filters, i18n, store
from bomca_data.model import load_dataset
from bomca_data.outputs import export
from bomca_data.source.location import DEMO_DIR
from tests.test_browser import TABLE_WIDTHS, browser, settle  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def managed(tmp_path_factory):
    """A data folder of the demo's tables, made managed by a first import."""
    folder = tmp_path_factory.mktemp("managed")
    shutil.copy(DEMO_DIR / "programme.toml", folder)
    shutil.copy(next(DEMO_DIR.glob("*.xlsx")), folder / "bomca.xlsx")
    with serve.server(folder, tmp_path_factory.mktemp("log") / "streamlit.log") as (
            url, _, log):
        yield folder, url, log


def _upload_and_accept(page, made: Path, lang: str) -> None:
    """In a fresh page: the file into the upload box, then Accept, until it is done."""
    page.reload()
    settle(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(made))
    accept = page.get_by_role("button", name=i18n.t("data.accept", lang))
    accept.wait_for(timeout=120_000)
    accept.click()
    page.wait_for_selector('[data-testid="stAlertContentSuccess"]', timeout=120_000)
    settle(page)


def _versions(folder: Path) -> list[str]:
    return [v.name for v in store.versions(folder)]


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_an_export_corrected_and_uploaded_is_checked_and_accepted_once(
        managed, browser, tmp_path, lang):  # noqa: F811
    import openpyxl

    folder, url, log = managed
    dataset = load_dataset(folder)
    day = dataset.programme.as_of or dt.date(2025, 9, 30)
    made = tmp_path / f"bomca-{lang}.xlsx"
    made.write_bytes(export.workbook_bytes(dataset, filters.Filters(), day, lang))
    book = openpyxl.load_workbook(made)  # an editor's slip: a date out of order
    sheet = book[book.sheetnames[1]]
    header = [c.value for c in sheet[1]]
    end = header.index(i18n.t("col.end_date", lang))
    original = sheet.cell(row=2, column=end + 1).value
    sheet.cell(row=2, column=end + 1, value=dt.datetime(2000, 1, 1))
    book.save(made)
    before = _versions(folder)

    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(f"{url}/data?lang={lang}")
    settle(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(made))
    page.wait_for_selector('[data-testid="stAlertContentError"]', timeout=120_000)
    settle(page)
    main = page.inner_text('[data-testid="stMain"]')
    said = i18n.nt("validation.errors", 12, lang)  # the date, and the rows naming the row
    assert said in main, main  # the banner, above the list it speaks of
    assert [f for f in page.evaluate(TABLE_WIDTHS) if f[1] > f[2] + 1] == []  # no scrolling
    grids = page.locator('[data-testid="stMain"] [data-testid="stDataFrame"]')
    message = i18n.t("col.message", lang)
    grids.locator('[role="columnheader"]', has_text=message).first.wait_for(
        state="attached", timeout=30_000)  # the grid writes its headers after it settles
    headers = [grids.nth(i).locator('[role="columnheader"]').all_inner_texts()
               for i in range(grids.count())]
    assert [i18n.t("col.code", lang)] in [h[1:2] for h in headers if h[:1] == [message]]
    assert _versions(folder) == before  # nothing changed by a check

    book = openpyxl.load_workbook(made)  # corrected
    sheet = book[book.sheetnames[1]]
    sheet.cell(row=2, column=end + 1, value=original)
    book.save(made)
    _upload_and_accept(page, made, lang)  # a fresh page: the corrected file alone
    made_now = _versions(folder)
    assert len(made_now) == len(before) + (1 if before else 2)  # (+ the folder as it was)
    assert page.get_by_role("button", name=i18n.t("data.accept", lang)).count() == 0
    _upload_and_accept(page, made, lang)  # the same files, a new session: no new version
    assert i18n.t("data.already_current", lang, version=made_now[-1]).split(":")[0] in \
        page.inner_text('[data-testid="stMain"]')
    assert _versions(folder) == made_now
    context.close()
    assert "Traceback" not in log.read_text()
