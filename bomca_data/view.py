"""The view: what a page, a report or an export shows (the whole dataset the reader
may see, the filtered one, the filters, the language and the as-of date), and how it
words its figures. Pure: the pages get theirs from ``ui.state``, the report builds its
own the same way."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from bomca_data import charts, i18n
from bomca_data import filters as flt
from bomca_data.figures.counting import remember
from bomca_data.model import Dataset


@dataclass(frozen=True)
class View:
    """What a page shows: the whole dataset, the filtered one, and the choices made."""

    dataset: Dataset
    data: Dataset  # filtered
    filters: flt.Filters
    lang: str
    as_of: dt.date

    @classmethod
    def of(cls, dataset: Dataset, chosen: flt.Filters, as_of: dt.date, lang: str) -> View:
        """The view of ``dataset`` (what the reader may see) through ``chosen``."""
        return cls(dataset, narrowed(dataset, chosen, as_of), chosen, lang, as_of)

    def t(self, key: str, **values: object) -> str:
        return i18n.t(key, self.lang, **values)

    @property
    def countries(self) -> tuple[str, ...]:
        """The countries in view: those chosen, else the programme's (a restricted
        user's own)."""
        return self.filters.countries or self.dataset.programme.countries

    def number(self, value: float | None, percent: bool = False) -> str:
        """A figure as a card writes it: "1 234", "26,7 %" in Russian; "n/a" for none."""
        if value is None or pd.isna(value):
            return self.t("kpi.none")
        return i18n.percent(value, self.lang) if percent else i18n.number(value, self.lang)

    def date(self, day: dt.date) -> str:
        return i18n.date(day, self.lang)

    @property
    def subtitle(self) -> str:
        """The as-of date and the filters: every chart and download carries it."""
        return self.filters.describe(self.as_of, self.lang)

    def text(self, title: str, axis: str = "", half: bool = False,
             subtitle: str | None = None, **values: object) -> charts.Text:
        """A chart's text: the title of key ``title`` (its ``values`` filled in), the
        context line (this view's, unless ``subtitle``), the value axis of key ``axis``;
        ``half``: drawn in half the page."""
        return charts.Text(self.lang, self.t(title, **values), subtitle or self.subtitle,
                           self.t(axis) if axis else "", half)


VIEWS_KEPT = 8  # filtered datasets remembered per dataset, the oldest forgotten first


def narrowed(dataset: Dataset, chosen: flt.Filters, as_of: dt.date) -> Dataset:
    """``filters.apply(dataset, chosen, as_of)``, made once per dataset object and view:
    every rerun and every session showing the same view shares the filtered dataset,
    and with it every figure it remembers (``figures.counting.once_per_dataset``). Thirty
    people opening the same link cost the server one computation. Kept apart from the
    figures (``Dataset.derived``), fewer of them (each holds its rows). Shared: never
    changed in place."""
    return remember(dataset.derived.setdefault("views", {}), (chosen, as_of),
                    lambda: flt.apply(dataset, chosen, as_of), VIEWS_KEPT)
