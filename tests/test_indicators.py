"""One declaration per indicator (contract.INDICATORS): targets, verdicts, cleaning,
the document and the pages read it, and an indicator whose figure is missing stops the
package from loading instead of falling through to another indicator's figure."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from bomca_data import contract
from bomca_data.contract.document import document
from bomca_data.figures import targets
from bomca_data.model import load_dataset
from bomca_data.source.location import DEMO_DIR


def test_an_indicator_without_its_figure_is_an_error_when_the_package_loads():
    """A new indicator without its branch fell through to "recommendations implemented"
    (141 due 390, "behind") with every test passing."""
    new = contract.Indicator("example_without_figure", "Example", "Пример "
                             "показателя", reads=("activities", "status"),
                             figure="no_such_function")
    with pytest.raises(ImportError, match=r"example_without_figure.*CONTRIBUTING"):
        targets.figure_functions((*contract.INDICATORS, new))
    share = dataclasses.replace(new, unit="share", figure="completed_by_year")  # no overall
    with pytest.raises(ImportError, match="example_without_figure"):
        targets.figure_functions((share,))


def test_every_declared_indicator_is_judged_shown_and_documented():
    demo = load_dataset(DEMO_DIR)
    day = dt.date(2024, 9, 30)
    matrix = targets.matrix(demo, day, "country")
    assert list(dict.fromkeys(matrix["indicator"])) == [i.code for i in contract.INDICATORS]
    text = document()
    for indicator in contract.INDICATORS:
        assert f"`{indicator.code}`" in text and f"by_year.{indicator.figure}" in text
        rows = targets.progress(demo, day, indicator.code)
        assert rows["actual"].notna().any(), indicator.code
        assert targets.is_share(indicator.code) == (indicator.unit == "share")
    assert contract.VOCABULARIES["indicator"] == contract.INDICATORS  # the targets' column


def test_each_declared_figure_counts_what_it_says_against_the_rows():
    """The actual per year, against a count over the rows in plain Python."""
    demo = load_dataset(DEMO_DIR)
    day = dt.date(2023, 3, 31)  # the end of Y2
    prog = demo.programme
    acts = demo.tables["activities"]
    done = [r for r in acts.itertuples() if r.status == "completed"
            and (r.end_date if r.end_date == r.end_date else r.start_date).date() <= day]
    by_year = {}
    for r in done:
        when = (r.end_date if r.end_date == r.end_date else r.start_date).date()
        months = (when.year - prog.start.year) * 12 + when.month - prog.start.month
        key = f"Y{months // 12 + 1}"
        by_year[key] = by_year.get(key, 0) + 1
    rows = targets.progress(demo, day, "activities_completed").set_index("year")
    assert {k: int(v) for k, v in rows["actual"].dropna().items() if v} == by_year
