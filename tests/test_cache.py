"""The Parquet cache: unchanged files are not read again; a changed, added or removed
file is; a damaged entry is ignored and rebuilt."""

from __future__ import annotations

import pandas as pd
import pytest

from bomca_data.model import load_dataset
from bomca_data.source import cache, read
from tests.sheets import ACTIVITY_HEADER, activity, write


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("BOMCA_CACHE", str(folder))
    return folder


@pytest.fixture
def source(tmp_path):
    write(tmp_path / "src" / "activities.xlsx", [ACTIVITY_HEADER, activity(1),
                                                 activity(2, start_date="soon")])
    return tmp_path / "src"


def no_reading(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a spreadsheet was read")

    monkeypatch.setattr(read, "read_table", refuse)


def test_unchanged_files_come_from_the_cache(cache_dir, source, monkeypatch):
    first = load_dataset(source)
    assert len(list(cache_dir.iterdir())) == 1
    no_reading(monkeypatch)
    second = load_dataset(source)
    pd.testing.assert_frame_equal(first.tables["activities"], second.tables["activities"])
    assert second.issues == first.issues and second.stats == first.stats


@pytest.mark.parametrize("change", ["edit", "add", "remove"])
def test_a_changed_added_or_removed_file_is_read_again(cache_dir, source, change):
    load_dataset(source)
    if change == "edit":
        write(source / "activities.xlsx", [ACTIVITY_HEADER, activity(1)])
    elif change == "add":
        write(source / "participants.xlsx", [["activity_id"], ["A1"]])
    else:
        write(source / "participants.xlsx", [["activity_id"], ["A1"]])
        load_dataset(source)
        (source / "participants.xlsx").unlink()
    ds = load_dataset(source)
    expected = {"edit": (1, {"activities"}), "add": (1, {"activities", "participants"}),
                "remove": (1, {"activities"})}[change]
    assert (ds.stats["activities"].rows_valid, set(ds.stats)) == expected


def test_a_damaged_entry_is_ignored_and_rebuilt(cache_dir, source):
    load_dataset(source)
    (entry,) = cache_dir.iterdir()
    (entry / "activities.parquet").write_bytes(b"not parquet")
    ds = load_dataset(source)
    assert ds.stats["activities"].rows_valid == 1
    assert cache.load(entry.name) is not None  # rewritten whole


def test_an_unwritable_cache_is_not_an_error(tmp_path, source, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("BOMCA_CACHE", str(blocker / "cache"))
    assert load_dataset(source).stats["activities"].rows_valid == 1


def test_a_view_is_filtered_once_and_shared(monkeypatch):
    """Every rerun and session showing the same view shares one filtered dataset (and
    the figures it remembers); another view is another; at most VIEWS_KEPT are kept,
    the oldest dropped; the figures stay those of a fresh filtering."""
    import datetime as dt

    from bomca_data import figures, filters, view
    from bomca_data.source.location import DEMO_DIR

    ds = load_dataset(DEMO_DIR)
    day = ds.programme.as_of
    kz = filters.Filters(countries=("KZ",))
    first = view.View.of(ds, kz, day, "en")
    again = view.View.of(ds, kz, day, "ru")
    assert again.data is first.data
    assert view.View.of(ds, filters.Filters(), day, "en").data is not first.data
    expected = figures.summary(filters.apply(ds, kz, day), day)
    assert figures.summary(again.data, day) == expected
    # the headline figures are made once per view: the second page run shares them
    shared = figures.summary(first.data, day)
    assert all(shared[part] is figures.summary(again.data, day)[part]
               for part in ("activities", "participants", "recommendations"))
    assert shared == expected and shared is not figures.summary(again.data, day)
    for k in range(view.VIEWS_KEPT):  # eight other dates push KZ out
        view.View.of(ds, kz, day - dt.timedelta(days=k + 1), "en")
    assert len(ds.derived["views"]) == view.VIEWS_KEPT
    assert view.View.of(ds, kz, day, "en").data is not first.data


def test_a_country_limited_dataset_is_made_once_per_countries():
    """Every run of users limited to the same countries shares one restricted dataset
    (and the views and figures it remembers); it is the access rule's own."""
    from bomca_data import access, figures
    from bomca_data.source.location import DEMO_DIR

    ds = load_dataset(DEMO_DIR)
    kz = access.restricted(ds, ("KZ",))
    assert access.restricted(ds, ("KZ",)) is kz
    assert access.restricted(ds, ("UZ",)) is not kz
    assert access.restricted(ds, ()) is ds
    fresh = access.restrict(ds, ("KZ",))
    for name, frame in fresh.tables.items():
        pd.testing.assert_frame_equal(kz.tables[name], frame)
    day = ds.programme.as_of
    assert figures.summary(kz, day) == figures.summary(fresh, day)
