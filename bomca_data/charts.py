"""Tidy frames -> plotly figures. Pure: a chart is ``frame -> Figure``.

One fixed colour per country, component and status on every chart, from
colour-blind-safe palettes (Okabe-Ito for countries, Paul Tol's for the rest);
fonts sized for a projector; titles carry the as-of date and the filters.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import textwrap
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from bomca_data import i18n

COLOURS: dict[str, dict[str, str]] = {
    "country": {"KZ": "#0072B2", "KG": "#D55E00", "TJ": "#009E73", "TM": "#CC79A7",
                "UZ": "#E69F00", "RG": "#6E6E6E"},
    "component": {"C1": "#4477AA", "C2": "#EE6677", "C3": "#228833", "C4": "#CCBB44"},
    "activity_status": {"planned": "#BBBBBB", "ongoing": "#66CCEE", "completed": "#228833",
                        "postponed": "#CCBB44", "cancelled": "#EE6677"},
    "rec_status": {"proposed": "#BBBBBB", "accepted": "#66CCEE", "in_progress": "#4477AA",
                   "implemented": "#228833", "declined": "#EE6677",
                   "unrecorded": "#DDDDDD"},
    "activity_type": {"training": "#332288", "workshop": "#88CCEE", "study_visit": "#44AA99",
                      "conference": "#117733", "assessment": "#999933",
                      "expert_mission": "#DDCC77", "equipment": "#CC6677", "other": "#AA4499"},
    "agency_type": {"border": "#004488", "customs": "#DDAA33", "veterinary_phytosanitary":
                    "#228833", "other_state": "#BB5566", "civil_society": "#AA3377",
                    "international": "#66CCEE", "other": "#BBBBBB", "unknown": "#DDDDDD"},
    "rows": {"valid": "#228833", "excluded": "#EE6677"},
    "output_type": {"recommendation": "#4477AA", "guideline": "#66CCEE", "sop": "#228833",
                    "training_manual": "#CCBB44", "legal_draft": "#EE6677", "other": "#BBBBBB"},
}
ACTUAL, TARGET, NEUTRAL = "#1F4E79", "#D55E00", "#9E9E9E"
FONT = 16
GEOMETRY = Path(__file__).resolve().parent / "geo" / "central_asia.json"
# where each country's name sits on the map (lon, lat), clear of its neighbours'
MAP_LABELS = {"KZ": (67.5, 48.5), "UZ": (63.0, 42.2), "TM": (58.8, 39.2), "KG": (75.8, 41.8),
              "TJ": (71.0, 38.7)}
# countries too small for their name and value: the label sits here, on the light
# neighbours, in dark text, with an arrow to the country's point above
MAP_CALLOUTS = {"TJ": (79.5, 36.9)}


def plain(text: object) -> str:
    """Data text as plotly shows it: plotly renders a subset of HTML in labels, hovers
    and titles (links, styles, line breaks), so ``<``, ``>`` and ``&`` of a cell must
    reach it as entities, which it draws as the characters themselves."""
    return html.escape(str(text), quote=False)


def name(kind: str | None, code: object, lang: str) -> str:
    """The label of a category: a vocabulary term, a year, or the value itself (as
    plain text: see ``plain``)."""
    if kind == "year":
        return i18n.year_name(str(code), lang)
    if kind == "quarter":
        return i18n.quarter_name(str(code), lang)
    if kind == "table":
        return i18n.t(f"table.{code}", lang)
    if kind and code == "unknown":
        return i18n.t("label.unknown", lang)
    if kind == "component":
        return i18n.component_short(str(code), lang)
    if kind == "rows":
        return i18n.t(f"series.rows_{code}", lang)
    return i18n.term(kind, str(code), lang) if kind else plain(code)


def colour(kind: str | None, code: object) -> str:
    return COLOURS.get(kind or "", {}).get(str(code), ACTUAL)


LEGEND_ROW = 28  # px above the plot per row of a legend placed there
# a title wraps between words at this many characters: a chart across the page at
# 1366 px holds about 85 of its 20 px characters (Cyrillic ones are wider), a chart in
# half of it about 42 (``fit_title``); each line adds TITLE_LINE px above the plot
TITLE_WIDTH, HALF_TITLE_WIDTH, TITLE_LINE = 80, 40, 26
HALF_WIDTH = 380  # px a half-width chart's legend has, on a 1280 px wide screen


def legend_rows(labels: list[str], beside: list[str] = ()) -> int:
    """Rows a legend of these labels fills above a half-width plot. Plotly lays a
    horizontal legend out in columns as wide as its longest entry, within the plot's
    width: the half width less the axis labels ``beside`` the plot (a horizontal
    chart's categories) or the value axis (estimated: a character about 0.55 em, a
    swatch and gaps 40 px)."""
    if not labels:
        return 0
    width = HALF_WIDTH - (_text_px(max(beside, key=len)) + 10 if beside else 60)
    per_row = max(1, int(width // (40 + _text_px(max(labels, key=len)))))
    return -(-len(labels) // per_row)


def _text_px(text: str) -> float:
    return 0.55 * FONT * len(text)


def _legend(rows: int) -> dict:
    """Beside the plot, top right; or, given ``rows``, in that many rows above it (a
    half-width chart with a few series keeps its width for the data)."""
    if rows:
        return {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "xanchor": "left",
                "traceorder": "normal"}
    return {"orientation": "v", "yanchor": "top", "y": 1, "x": 1.01, "xanchor": "left",
            "traceorder": "normal"}


def _figure(data: list[dict], lang: str, title: str, subtitle: str, x_title: str = "",
            y_title: str = "", height: int = 420, legend: bool = True, legend_rows: int = 0,
            xaxis: dict | None = None, yaxis: dict | None = None, **layout) -> go.Figure:
    """The figure, built in one pass from plain dicts.

    Not checked property by property at run time (``_validate=False``: ten times
    faster, and on every rerun): the tests check every chart of every page against
    plotly's schema instead (tests/test_pages.py)."""
    lines, heading = _wrap(subtitle), textwrap.wrap(title, TITLE_WIDTH) or [""]
    axes = {"automargin": True, "gridcolor": "#EBEBEB", "zerolinecolor": "#D0D0D0",
            "linecolor": "#D0D0D0"}
    x = {**axes, "title": {"text": x_title}, **(xaxis or {})}
    if lang == "ru" and x.get("type") == "date":  # plotly's month names are English
        x["tickformat"] = "%m.%Y"
    extra = 18 * (len(lines) - 1) + TITLE_LINE * (len(heading) - 1)
    return go.Figure({"data": data, "layout": {
        "title": {"text": "<br>".join(heading), "subtitle": {"text": "<br>".join(lines),
                                              "font": {"size": FONT - 3}},
                  "font": {"size": FONT + 4}, "x": 0, "xanchor": "left",
                  # at the top, not centred in the top margin: a legend row goes below it
                  "y": 1, "yref": "container", "yanchor": "top", "pad": {"t": 14}},
        "font": {"size": FONT}, "height": height + extra + LEGEND_ROW * max(legend_rows - 1, 0),
        # plain white by hand: a named template is deep-copied into every figure (slow)
        "paper_bgcolor": "white", "plot_bgcolor": "white",
        "margin": {"l": 10, "r": 10, "t": 90 + extra + LEGEND_ROW * legend_rows, "b": 10},
        "showlegend": legend, "legend": _legend(legend_rows),
        "hoverlabel": {"font": {"size": FONT}}, "separators": i18n.plotly_separators(lang),
        "xaxis": x, "yaxis": {**axes, "title": {"text": y_title}, **(yaxis or {})}, **layout}},
        _validate=False)


def fit_title(fig: go.Figure, width: int = HALF_TITLE_WIDTH) -> go.Figure:
    """The figure's title wrapped again, for a chart drawn in ``width`` characters (half
    the page); the plot moves down by the lines it gains."""
    before = fig.layout.title.text.split("<br>")
    lines = textwrap.wrap(" ".join(before), width) or [""]
    added = TITLE_LINE * (len(lines) - len(before))
    fig.update_layout(title_text="<br>".join(lines), height=fig.layout.height + added,
                      margin_t=fig.layout.margin.t + added)
    return fig


def _vline(x, colour: str, width: float = 2, dash: str = "solid") -> dict:
    """A vertical line across the plot, as a layout shape."""
    return {"type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x, "y0": 0, "y1": 1,
            "line": {"color": colour, "width": width, "dash": dash}}


def _wrap(subtitle: str, width: int = 60) -> list[str]:
    """The context line split at its ' · ' so a half-width chart shows all of it."""
    lines: list[str] = []
    for part in subtitle.split(" · "):
        if lines and len(lines[-1]) + len(part) + 3 <= width:
            lines[-1] += " · " + part
        else:
            lines.append(part)
    return lines


def _values(series) -> list:
    return [None if pd.isna(v) else v for v in series]  # NaN, NA -> a gap


def _value_axis(values, horizontal: bool, percent: bool = False) -> tuple[dict, dict]:
    """(x axis, y axis) extras: room past the longest bar for its label; categories
    top to bottom in a horizontal chart."""
    top = max([v for v in values if v is not None and v == v] or [0])
    value = {"range": [0, top * 1.18]} if top > 0 else {}
    if percent:
        value["tickformat"] = ".0%"
    elif top > 0:  # a count: whole-number ticks only (never 0.5, 1.5)
        value.update(tick0=0, dtick=count_step(top * 1.18))
    # categories are names, even "1", "2", "5+" (never a numeric axis with 0.5 ticks)
    category = {"autorange": "reversed", "type": "category"} if horizontal else {
        "type": "category"}
    return (value, category) if horizontal else (category, value)


def count_step(top: float, ticks: int = 6) -> int:
    """A whole, round step (1, 2, 5, 10, 20, 50...) giving about ``ticks`` ticks up to
    ``top``."""
    step = 1
    while top / step > ticks:
        for factor in (2, 5 / 2, 2):  # 1 -> 2 -> 5 -> 10 -> 20 -> 50 ...
            step = int(step * factor)
            if top / step <= ticks:
                break
    return step


def _written(values: list, percent: bool, lang: str) -> list[str]:
    """Each value as the cards write it ("26,7 %" in Russian, "1,234"): plotly's own
    formats would write "26,7%" beside a card's "26,7 %"."""
    return ["" if v is None else i18n.percent(v, lang) if percent else i18n.number(v, lang)
            for v in values]


def bars(frame: pd.DataFrame, key: str, value: str, kind: str | None, lang: str, title: str,
         subtitle: str, value_title: str, horizontal: bool = False,
         percent: bool = False) -> go.Figure:
    """One bar per key, in the key's fixed colour, its value written on it."""
    labels = [name(kind, k, lang) for k in frame[key]]
    values = _values(frame[value])
    v, c = ("x", "y") if horizontal else ("y", "x")
    bar = {"type": "bar", v: values, c: labels, "orientation": "h" if horizontal else "v",
           "marker": {"color": [colour(kind, k) for k in frame[key]]},
           "text": _written(values, percent, lang), "texttemplate": "%{text}",
           "textposition": "outside", "textangle": 0, "cliponaxis": False,
           "hovertemplate": f"%{{{c}}}: %{{text}}<extra></extra>"}
    xaxis, yaxis = _value_axis(values, horizontal, percent)
    height = max(360, 60 + 38 * len(frame)) if horizontal else 420
    return _figure([bar], lang, title, subtitle, value_title if horizontal else "",
                   "" if horizontal else value_title, height=height, legend=False,
                   xaxis=xaxis, yaxis=yaxis)


def stacked(frame: pd.DataFrame, x: str, x_kind: str | None, colour_by: str,
            colour_kind: str, value: str, lang: str, title: str, subtitle: str,
            value_title: str, horizontal: bool = False, half: bool = False) -> go.Figure:
    """Stacked bars: ``x`` categories, one segment per ``colour_by`` value. A ``half``
    width chart has its legend above the plot, so the bars keep the width."""
    order = list(dict.fromkeys(frame[x]))
    labels = [name(x_kind, k, lang) for k in order]
    v, c = ("x", "y") if horizontal else ("y", "x")
    data = []
    known = list(COLOURS.get(colour_kind, {}))  # legend in the vocabulary's order
    cells = {(code, key): n for key, code, n in zip(frame[x], frame[colour_by], frame[value],
                                                    strict=True) if not pd.isna(code)}
    codes = sorted(dict.fromkeys(code for code, _ in cells), key=lambda code: (
        known.index(code) if code in known else len(known)))
    for code in codes:
        label = name(colour_kind, code, lang)
        segment = [cells.get((code, key), 0) for key in order]
        data.append({"type": "bar", c: labels, v: [0 if n != n else n for n in segment],
                     "orientation": "h" if horizontal else "v", "name": label,
                     "marker": {"color": colour(colour_kind, code)},
                     "hovertemplate": f"{label}<br>%{{{c}}}: %{{{v}:,}}<extra></extra>"})
    category = {"autorange": "reversed"} if horizontal else {}
    top = max((sum(cells.get((code, key), 0) for code in codes) for key in order), default=0)
    value = {"tick0": 0, "dtick": count_step(top * 1.05)} if top and top == top else {}
    rows = legend_rows([d["name"] for d in data], labels if horizontal else []) if half else 0
    return _figure(data, lang, title, subtitle, value_title if horizontal else "",
                   "" if horizontal else value_title, barmode="stack", legend_rows=rows,
                   xaxis=value if horizontal else {}, yaxis=category if horizontal else value)


def actual_vs_target(frame: pd.DataFrame, lang: str, title: str, subtitle: str,
                     value_title: str, percent: bool = False) -> go.Figure:
    """Bars of the actual figure per year, the target as a marked line."""
    labels = [name("year", y, lang) for y in frame["year"]]
    actual, target = _values(frame["actual"]), _values(frame["target"])
    data = [{"type": "bar", "x": labels, "y": actual,
             "name": i18n.t("chart.actual", lang), "marker": {"color": ACTUAL},
             # the value at the bar's foot: on top, the target's marker could hide it
             "text": _written(actual, percent, lang), "texttemplate": "%{text}",
             "textposition": "inside", "insidetextanchor": "start", "textangle": 0,
             "insidetextfont": {"color": "white"},
             "hovertemplate": "%{x}: %{text}<extra></extra>"}]
    if frame["target"].notna().any():
        data.append({"type": "scatter", "x": labels, "y": target,
                     "name": i18n.t("chart.target", lang), "mode": "lines+markers",
                     "line": {"color": TARGET, "width": 3, "dash": "dash"},
                     "marker": {"size": 12, "symbol": "diamond"},
                     "text": _written(target, percent, lang),
                     "hovertemplate": "%{x}: %{text}<extra></extra>"})
    top = [*_values(frame["actual"]), *_values(frame["target"])]
    _, yaxis = _value_axis(top, False, percent)
    return _figure(data, lang, title, subtitle, "", value_title, legend_rows=1, yaxis=yaxis)


def programme_clock(elapsed: dict, as_of: dt.date, year_ends: list[dt.date], lang: str,
                    title: str, subtitle: str) -> go.Figure:
    """The programme's months as one bar: time elapsed, the as-of date marked."""
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
    notes.append({"x": now, "y": 1.25, "yref": "paper", "showarrow": False,
                  "font": {"color": TARGET},
                  "text": f"{i18n.t('sidebar.as_of', lang)} {i18n.date(as_of, lang)}"})
    return _figure(data, lang, title, subtitle, height=200, legend=False, barmode="overlay",
                   bargap=0.1, shapes=shapes, annotations=notes,
                   xaxis={"type": "date", "range": [start, end], "showgrid": False},
                   yaxis={"showticklabels": False})


@lru_cache(maxsize=1)
def _geometry() -> dict:
    return json.loads(GEOMETRY.read_text(encoding="utf-8"))


@lru_cache(maxsize=16)
def _rings(key: str) -> tuple[np.ndarray, np.ndarray]:
    """A country's (or the neighbours') rings as one trace's coordinates, separated by
    NaN gaps; numpy arrays, which plotly takes without checking each number, in 32-bit
    floats (a metre's precision; half the bytes sent)."""
    geo = _geometry()
    rings = geo["neighbours"] if key == "neighbours" else geo["countries"][key]
    parts = []
    for ring in rings:
        parts += [np.asarray(ring, dtype=np.float32), np.full((1, 2), np.nan, dtype=np.float32)]
    points = np.concatenate(parts[:-1])
    return points[:, 0], points[:, 1]


def country_map(frame: pd.DataFrame, lang: str, title: str, subtitle: str,
                value_title: str) -> go.Figure:
    """Central Asia drawn from the shipped Natural Earth outlines (no tiles, no
    network), each country shaded by its value on a colour-blind-safe scale."""
    geo = _geometry()
    values = dict(zip(frame["country"], frame["activities"], strict=True))
    top = max([v for k, v in values.items() if k != "RG"] or [1]) or 1
    scale = ("#FDE725", "#5EC962", "#21918C", "#3B528B", "#440154")  # viridis, light to dark
    lon, lat = _rings("neighbours")
    traces = [{"type": "scatter", "x": lon, "y": lat, "fill": "toself", "fillcolor": "#F2F2F2",
               "mode": "lines", "line": {"color": "#D0D0D0", "width": 1}, "hoverinfo": "skip"}]
    notes = []
    for code in geo["countries"]:
        if code not in values:  # a country the viewer may not see: an outline only
            lon, lat = _rings(code)
            traces.append({"type": "scatter", "x": lon, "y": lat, "fill": "toself",
                           "fillcolor": "#F2F2F2", "mode": "lines", "hoverinfo": "skip",
                           "line": {"color": "#D0D0D0", "width": 1}})
            continue
        value = values[code]
        step = min(int(value / top * (len(scale) - 1) + 0.5), len(scale) - 1)
        shade = scale[step]
        label = f"{name('country', code, lang)}: {i18n.number(value, lang)}"
        lon, lat = _rings(code)
        traces.append({"type": "scatter", "x": lon, "y": lat, "fill": "toself",
                       "fillcolor": shade, "mode": "lines", "name": label,
                       "line": {"color": "white", "width": 1.5}, "hoveron": "fills",
                       "hovertemplate": label + "<extra></extra>"})
        on_fill = code not in MAP_CALLOUTS  # a callout's text sits on the light neighbours
        note = {"x": MAP_LABELS[code][0], "y": MAP_LABELS[code][1], "showarrow": False,
                "text": f"<b>{name('country', code, lang)}</b><br>{i18n.number(value, lang)}",
                "font": {"size": FONT, "color": "white" if on_fill and step >= 2 else "#222"}}
        if not on_fill:
            note.update(showarrow=True, arrowhead=0, arrowwidth=1.5, arrowcolor="#444",
                        axref="x", ayref="y", ax=MAP_CALLOUTS[code][0],
                        ay=MAP_CALLOUTS[code][1])
        notes.append(note)
    if "RG" in values:
        notes.append({"x": 0, "y": 0, "xref": "paper", "yref": "paper", "showarrow": False,
                      "xanchor": "left", "font": {"size": FONT - 2},
                      "text": f"{name('country', 'RG', lang)}: "
                              f"{i18n.number(values['RG'], lang)} ({value_title})"})
    return _figure(traces, lang, title, subtitle, height=520, legend=False, annotations=notes,
                  xaxis={"range": [46, 88], "visible": False},
                  yaxis={"range": [35, 56], "visible": False, "scaleanchor": "x",
                         "scaleratio": 1.3})


def lines(frame: pd.DataFrame, x: str, y: str, lang: str, title: str, subtitle: str,
          value_title: str, percent: bool = False, x_kind: str | None = None) -> go.Figure:
    labels = [name(x_kind, k, lang) for k in frame[x]]
    values = _values(frame[y])
    data = [{"type": "scatter", "x": labels, "y": values, "mode": "lines+markers+text",
             "line": {"color": ACTUAL, "width": 4}, "marker": {"size": 12},
             "text": _written(values, percent, lang), "texttemplate": "%{text}",
             "textposition": "top center", "hovertemplate": "%{x}: %{text}<extra></extra>",
             "name": i18n.t("chart.actual", lang)}]
    top = max([v for v in values if v is not None] or [1])
    yaxis = {"range": [0, top * 1.25]}
    if percent:
        yaxis["tickformat"] = ".0%"
    return _figure(data, lang, title, subtitle, "", value_title, legend=False, yaxis=yaxis)


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
             "text": [f"{m.meeting_type} {name('country', m.country, lang)} "
                      f"{i18n.date(m.start_date.date(), lang)}" for m in meetings.itertuples()],
             "hovertemplate": "%{text}<extra></extra>"}
    return [trace], shapes


def cumulative(frame: pd.DataFrame, target: pd.DataFrame, meetings: pd.DataFrame | None,
               lang: str, title: str, subtitle: str, value_title: str) -> go.Figure:
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
    return _figure(data + marks, lang, title, subtitle, "", value_title, height=460,
                   shapes=shapes, xaxis={"type": "date"})


def gantt(frame: pd.DataFrame, meetings: pd.DataFrame | None, as_of: dt.date, lang: str,
          title: str, subtitle: str) -> go.Figure:
    """The plan at a glance, at any size: one lane per component, each activity a bar
    from its start to its end on its component's lane (its id, title and start on
    hover), the steering-group meetings on a lane of their own, the as-of date marked."""
    data = []
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
    return _figure(data + marks, lang, title, subtitle, height=170 + 70 * lanes,
                   barmode="overlay", bargap=0.3, legend=False,
                   shapes=[_vline(pd.Timestamp(as_of), TARGET, 3), *shapes],
                   xaxis={"type": "date"}, yaxis={"type": "category", "autorange": "reversed"})


def paired(frame: pd.DataFrame, key: str, kind: str | None, lang: str, title: str,
           subtitle: str, value_title: str, horizontal: bool = False) -> go.Figure:
    """Attendances and unique people side by side for each key."""
    labels = [name(kind, k, lang) for k in frame[key]]
    v, c = ("x", "y") if horizontal else ("y", "x")
    data = []
    for series, tint in (("attendances", ACTUAL), ("unique_people", "#66CCEE")):
        if series not in frame or frame[series].isna().all():
            continue
        label = i18n.t(f"series.{series}", lang)
        data.append({"type": "bar", c: labels, v: _values(frame[series]), "name": label,
                     "orientation": "h" if horizontal else "v", "marker": {"color": tint},
                     "texttemplate": f"%{{{v}:,}}", "textposition": "outside", "textangle": 0,
                     "cliponaxis": False, "textfont": {"size": FONT - 3},
                     "hovertemplate": f"{label}<br>%{{{c}}}: %{{{v}:,}}<extra></extra>"})
    xaxis, yaxis = _value_axis(_values(frame.get("attendances", [])), horizontal)
    height = max(380, 80 + 60 * len(frame)) if horizontal else 420
    rows = legend_rows([d["name"] for d in data], labels if horizontal else [])
    return _figure(data, lang, title, subtitle, value_title if horizontal else "",
                   "" if horizontal else value_title, height=height, barmode="group",
                   legend_rows=rows, xaxis=xaxis, yaxis=yaxis)
