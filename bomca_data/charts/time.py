"""Charts over time: the programme clock, lines by year, the cumulative count against
its target, the activity timeline, with the steering-group meetings marked."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from bomca_data import i18n
from bomca_data.charts.base import (
    ACTUAL,
    NEUTRAL,
    TARGET,
    Column,
    Text,
    _figure,
    _values,
    _vline,
    _written,
    colour,
    column,
    name,
    plain,
    titled,
    value_ticks,
)


def programme_clock(elapsed: dict, as_of: dt.date, year_ends: list[dt.date], *,
                    text: Text) -> go.Figure:
    """The programme's months as one bar: time elapsed, the as-of date marked."""
    lang = text.lang
    start = pd.Timestamp(elapsed["start"])
    end = pd.Timestamp(elapsed["end"]) + pd.Timedelta(days=1)
    now = min(max(pd.Timestamp(as_of), start), end)
    span = lambda a, b: (b - a).total_seconds() * 1000  # noqa: E731  (ms on a date axis)
    data = [
        {"type": "bar", "y": [""], "x": [span(start, end)], "base": [start], "orientation": "h",
         "marker": {"color": "#E8E8E8"}, "hoverinfo": "skip"},
        {"type": "bar", "y": [""], "x": [span(start, now)], "base": [start], "orientation": "h",
         "marker": {"color": ACTUAL}, "hovertemplate": i18n.t(
             "chart.elapsed", lang, share=i18n.percent(elapsed["share"], lang)) + "<extra></extra>"},
    ]
    year_start, shapes, notes = start, [], []
    for n, year_end in enumerate(year_ends, start=1):
        stop = pd.Timestamp(year_end) + pd.Timedelta(days=1)
        if n < len(year_ends):
            shapes.append(_vline(stop, "white"))
        middle = year_start + (stop - year_start) / 2
        # white on the elapsed (dark) part only: a label past "now" sits on light grey
        notes.append({"x": middle, "y": 0, "showarrow": False,
                      "text": name("year", f"Y{n}", lang),
                      "font": {"color": "white" if middle < now else "#555"}})
        year_start = stop
    shapes.append(_vline(now, TARGET, 4))
    # near either end, the label reaches inward from the marker instead of past the plot
    gone = (now - start) / (end - start)
    notes.append({"x": now, "y": 1.25, "yref": "paper", "showarrow": False,
                  "xanchor": "right" if gone > 0.85 else "left" if gone < 0.15 else "center",
                  "font": {"color": TARGET},
                  "text": f"{i18n.t('sidebar.as_of', lang)} {i18n.date(as_of, lang)}"})
    return _figure(data, text, x={"type": "date", "range": [start, end], "showgrid": False},
                   y={"showticklabels": False}, legend=None, height=200, barmode="overlay",
                   bargap=0.1, shapes=shapes, annotations=notes)


def lines(frame: pd.DataFrame, *, x: Column, y: str, text: Text,
          percent: bool = False) -> go.Figure:
    """One line through the values of ``y`` along ``x``, each value written above it."""
    (x, x_kind), lang = column(x), text.lang
    labels = [name(x_kind, k, lang) for k in frame[x]]
    values = _values(frame[y])
    data = [{"type": "scatter", "x": labels, "y": values, "mode": "lines+markers+text",
             "line": {"color": ACTUAL, "width": 4}, "marker": {"size": 12},
             "text": _written(values, percent, lang), "texttemplate": "%{text}",
             "textposition": "top center", "hovertemplate": "%{x}: %{text}<extra></extra>",
             "name": i18n.t("chart.actual", lang)}]
    top = max([v for v in values if v is not None] or [1])
    yaxis = {"range": [0, top * 1.25], **value_ticks(top * 1.25, percent, lang)}
    return _figure(data, text, y=titled(yaxis, text), legend=None)


def _meetings(meetings: pd.DataFrame | None, lang: str) -> tuple[list[dict], list[dict]]:
    """(traces, shapes) marking steering-group meetings: dotted lines and triangles."""
    if meetings is None or not len(meetings):
        return [], []
    tint = [TARGET if t == "RSG" else NEUTRAL for t in meetings["meeting_type"]]
    shapes = [_vline(m.start_date, TARGET if m.meeting_type == "RSG" else NEUTRAL,
                     2 if m.meeting_type == "RSG" else 1, "dot") for m in meetings.itertuples()]
    trace = {"type": "scatter", "x": list(meetings["start_date"]), "y": [0] * len(meetings),
             "mode": "markers", "marker": {"symbol": "triangle-up", "size": 14, "color": tint},
             "name": i18n.t("chart.meetings", lang),
             "text": [plain(i18n.meeting(m.meeting_type, m.country, m.start_date.date(), lang))
                      for m in meetings.itertuples()],
             "hovertemplate": "%{text}<extra></extra>"}
    return [trace], shapes


def cumulative(frame: pd.DataFrame, target: pd.DataFrame, meetings: pd.DataFrame | None, *,
               text: Text) -> go.Figure:
    """Activities completed month by month, summed, against the summed target; the
    steering-group meetings marked."""
    lang = text.lang
    data = [{"type": "scatter", "x": list(frame["month"]), "y": list(frame["completed"]),
             "mode": "lines", "line": {"color": ACTUAL, "width": 4},
             "name": i18n.t("chart.completed_cum", lang),
             "hovertemplate": "%{x|%m.%Y}: %{y:,}<extra></extra>"}]
    if len(target):
        data.append({"type": "scatter", "x": list(target["month"]), "y": list(target["target"]),
                     "mode": "lines+markers", "name": i18n.t("chart.target_cum", lang),
                     "line": {"color": TARGET, "width": 3, "dash": "dash"},
                     "marker": {"size": 11, "symbol": "diamond"},
                     "hovertemplate": "%{x|%m.%Y}: %{y:,}<extra></extra>"})
    marks, shapes = _meetings(meetings, lang)
    return _figure(data + marks, text, x={"type": "date"}, y=titled({"tickformat": ",d"}, text),
                   height=460,
                   shapes=shapes)


def gantt(frame: pd.DataFrame, meetings: pd.DataFrame | None, as_of: dt.date, *,
          text: Text) -> go.Figure:
    """The plan at a glance, at any size: one lane per component, each activity a bar
    from its start to its end on its component's lane (its id, title and start on
    hover), the steering-group meetings on a lane of their own, the as-of date marked."""
    data, lang = [], text.lang
    for code, part in frame.groupby("component", sort=True):
        lane = name("component", code, lang)
        starts = np.datetime_as_string(part["start"].to_numpy(), unit="m")  # ISO, not objects
        data.append({"type": "bar", "y": [lane] * len(part), "base": list(starts),
                     "x": list((part["finish"] - part["start"]).dt.total_seconds() * 1000),
                     "orientation": "h", "name": lane,
                     "marker": {"color": colour("component", code), "opacity": 0.6,
                                "line": {"color": "white", "width": 0.5}},
                     "customdata": [[plain(i), plain(t)] for i, t in
                                    zip(part["activity_id"], part["title"], strict=True)],
                     "hovertemplate": "%{customdata[0]}: %{customdata[1]}<br>"
                                      "%{base|%d.%m.%Y}<extra></extra>"})
    marks, shapes = _meetings(meetings, lang)
    for mark in marks:  # on their own lane, under the components
        mark["y"] = [i18n.t("chart.meetings", lang)] * len(mark["x"])
    lanes = len(data) + len(marks)
    return _figure(data + marks, text, x={"type": "date"},
                   y={"type": "category", "autorange": "reversed"}, legend=None,
                   height=170 + 70 * lanes, barmode="overlay", bargap=0.3,
                   shapes=[_vline(pd.Timestamp(as_of), TARGET, 3), *shapes])

