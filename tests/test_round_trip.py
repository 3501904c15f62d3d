"""An export is an upload: the workbook (or CSV zip) of any view, in either language,
read back as a source, shows the same figures under the same filters; its sheets and
headers are the reader's, recognised in both languages."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bomca_data import figures, filters, i18n
from bomca_data.model import load_dataset
from bomca_data.outputs import export
from tests.test_oracle import CHOSEN, _close, _filters_of, demo, generated, source  # noqa: F401

SLOW = dict(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                   HealthCheck.too_slow])


def _back(dataset, data: bytes, folder, name: str):
    """``data`` saved as the only data file of a new folder (with the programme's
    settings, as a managed folder keeps them), then read as a source."""
    folder.mkdir(exist_ok=True)
    settings_file = dataset.source / "programme.toml" if dataset.source.is_dir() else None
    if settings_file is not None and settings_file.is_file():
        shutil.copy(settings_file, folder)
    if name.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            zf.extractall(folder)
    else:
        (folder / name).write_bytes(data)
    return load_dataset(folder)


def _same_figures(dataset, data: bytes, folder, name: str, view, day, lang) -> None:
    back = _back(dataset, data, folder, name)
    assert not back.has_errors, [i.message.text("en") for i in back.issues][:5]
    assert _close(figures.summary(filters.apply(back, view, day), day),
                  figures.summary(filters.apply(dataset, view, day), day)), (view, lang)


VIEWS = dict(day=st.dates(dt.date(2021, 6, 1), dt.date(2026, 6, 30)), chosen=CHOSEN,
             lang=st.sampled_from(i18n.LANGUAGES))


@settings(max_examples=6, **SLOW)
@given(**VIEWS)
def test_an_exported_workbook_uploaded_unchanged_shows_the_same_figures(
        source, tmp_path_factory, day, chosen, lang):  # noqa: F811
    view = _filters_of(source, chosen)
    _same_figures(source, export.workbook_bytes(source, view, day, lang),
                  tmp_path_factory.mktemp("back"), f"bomca-{lang}.xlsx", view, day, lang)


@settings(max_examples=3, **SLOW)
@given(**VIEWS)
def test_an_exported_csv_zip_uploaded_unchanged_shows_the_same_figures(
        demo, tmp_path_factory, day, chosen, lang):  # noqa: F811
    view = _filters_of(demo, chosen)
    _same_figures(demo, export.csv_zip_bytes(demo, view, day, lang),
                  tmp_path_factory.mktemp("back"), "export.zip", view, day, lang)


def test_the_whole_programme_comes_back_row_for_row(demo, tmp_path):  # noqa: F811
    """The unfiltered Russian export holds every valid row, and they read back as they
    were recorded (an activity's own status, not the one resolved for the as-of date)."""
    back = _back(demo, export.workbook_bytes(demo, filters.Filters(), demo.programme.as_of,
                                             "ru"), tmp_path / "back", "bomca.xlsx")
    for name in export.EXPORT_TABLES:
        assert back.stats[name].rows_valid == demo.stats[name].rows_valid, name
    mine, theirs = (d.tables["activities"].set_index("activity_id")["status"]
                    for d in (back, demo))
    assert mine.sort_index().equals(theirs.sort_index())
