"""Tidy frames -> plotly figures. Pure: a chart is ``frame -> Figure``.

One fixed colour per country, component and status on every chart, from
colour-blind-safe palettes (Okabe-Ito for countries, Paul Tol's for the rest);
fonts sized for a projector; titles carry the as-of date and the filters.

Every chart takes its frame, then keyword arguments only: the columns it draws (a
column name, or ``(column, vocabulary)`` when the column's name is not its
vocabulary's: ``("status", "rec_status")``) and ``text``, a ``Text``: the language,
title, context line and value axis's title, and whether it is drawn in half the page.
"""

from bomca_data.charts.bars import actual_vs_target, bars, paired, stacked
from bomca_data.charts.base import (
    ACTUAL,
    COLOURS,
    FONT,
    HALF_TITLE_WIDTH,
    LEGEND_ROW,
    NEUTRAL,
    TARGET,
    TITLE_LINE,
    TITLE_WIDTH,
    Text,
    colour,
    count_step,
    legend_rows,
    name,
    plain,
)
from bomca_data.charts.geo import country_map
from bomca_data.charts.time import cumulative, gantt, lines, programme_clock

__all__ = ["ACTUAL", "COLOURS", "FONT", "HALF_TITLE_WIDTH", "LEGEND_ROW", "NEUTRAL", "TARGET",
           "TITLE_LINE", "TITLE_WIDTH", "Text", "actual_vs_target", "bars", "colour",
           "count_step", "country_map", "cumulative", "gantt", "legend_rows", "lines", "name",
           "paired", "plain", "programme_clock", "stacked"]
