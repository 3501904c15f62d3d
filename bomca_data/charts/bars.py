"""Bar charts: one bar per category, stacked, actual against target, paired."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from bomca_data import i18n
from bomca_data.charts.base import (
    ACTUAL,
    COLOURS,
    FONT,
    TARGET,
    Column,
    Text,
    _figure,
    _value_axis,
    _values,
    _written,
    categories,
    colour,
    column,
    legend_rows,
    name,
    titled,
    value_ticks,
    year_ticks,
)


def _sides(horizontal: bool) -> tuple[str, str]:
    """(the value's axis, the categories' axis)."""
    return ("x", "y") if horizontal else ("y", "x")


def bars(frame: pd.DataFrame, *, key: Column, value: str, text: Text, horizontal: bool = False,
         percent: bool = False) -> go.Figure:
    """One bar per ``key``, in the key's fixed colour, its ``value`` written on it."""
    key, kind = column(key)
    labels = categories(kind, frame[key], text, horizontal)
    values = _values(frame[value])
    v, c = _sides(horizontal)
    bar = {"type": "bar", v: values, c: labels, "orientation": "h" if horizontal else "v",
           "marker": {"color": [colour(kind, k) for k in frame[key]]},
           "text": _written(values, percent, text.lang), "texttemplate": "%{text}",
           "textposition": "outside", "textangle": 0, "cliponaxis": False,
           "hovertemplate": f"%{{{c}}}: %{{text}}<extra></extra>"}
    axes = dict(zip("xy", _value_axis(values, horizontal, percent, text.lang, text.half),
                    strict=True))
    axes[v] = titled(axes[v], text)
    lines = max((label.count("<br>") + 1 for label in labels), default=1)  # wrapped names
    height = max(360, 60 + (38 + 18 * (lines - 1)) * len(frame)) if horizontal else 420
    return _figure([bar], text, **axes, legend=None, height=height)


def stacked(frame: pd.DataFrame, *, x: Column, colour_by: Column, value: str, text: Text,
            horizontal: bool = False) -> go.Figure:
    """Stacked bars: ``x`` categories, one segment per ``colour_by`` value. In half the
    page (``text.half``) the legend goes above the plot, so the bars keep the width."""
    (x, x_kind), (colour_by, colour_kind) = column(x), column(colour_by)
    order = list(dict.fromkeys(frame[x]))
    labels = categories(x_kind, order, text, horizontal)
    v, c = _sides(horizontal)
    data = []
    known = list(COLOURS.get(colour_kind or "", {}))  # legend in the vocabulary's order
    cells = {(code, key): n for key, code, n in zip(frame[x], frame[colour_by], frame[value],
                                                    strict=True) if not pd.isna(code)}
    codes = sorted(dict.fromkeys(code for code, _ in cells), key=lambda code: (
        known.index(code) if code in known else len(known)))
    for code in codes:
        label = name(colour_kind, code, text.lang)
        segment = [cells.get((code, key), 0) for key in order]
        data.append({"type": "bar", c: labels, v: [0 if n != n else n for n in segment],
                     "orientation": "h" if horizontal else "v", "name": label,
                     "marker": {"color": colour(colour_kind, code)},
                     "hovertemplate": f"{label}<br>%{{{c}}}: %{{{v}:,}}<extra></extra>"})
    top = max((sum(cells.get((code, key), 0) for code in codes) for key in order), default=0)
    counts = value_ticks(top * 1.05, False, text.lang, 4 if text.half and horizontal else 6)
    axes = {v: titled(counts, text), c: {"autorange": "reversed"} if horizontal else
            year_ticks(x_kind, order, labels)}
    rows = legend_rows([d["name"] for d in data], labels if horizontal else []) \
        if text.half else 0
    return _figure(data, text, **axes, legend=rows, barmode="stack")


def actual_vs_target(frame: pd.DataFrame, *, text: Text, percent: bool = False) -> go.Figure:
    """Bars of the actual figure per year, the target as a marked line."""
    lang = text.lang
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
    x, y = _value_axis([*actual, *target], False, percent, lang)
    return _figure(data, text, x=x, y=titled(y, text), legend=1)


def paired(frame: pd.DataFrame, *, key: Column, text: Text,
           horizontal: bool = False) -> go.Figure:
    """Attendances and unique people side by side for each ``key``."""
    key, kind = column(key)
    labels = categories(kind, frame[key], text, horizontal)
    v, c = _sides(horizontal)
    data = []
    for series, tint in (("attendances", ACTUAL), ("unique_people", "#66CCEE")):
        if series not in frame or frame[series].isna().all():
            continue
        label = i18n.t(f"series.{series}", text.lang)
        data.append({"type": "bar", c: labels, v: _values(frame[series]), "name": label,
                     "orientation": "h" if horizontal else "v", "marker": {"color": tint},
                     "texttemplate": f"%{{{v}:,}}", "textposition": "outside", "textangle": 0,
                     "cliponaxis": False, "textfont": {"size": FONT},
                     "hovertemplate": f"{label}<br>%{{{c}}}: %{{{v}:,}}<extra></extra>"})
    axes = dict(zip("xy", _value_axis(_values(frame.get("attendances", [])), horizontal,
                                      lang=text.lang, half=text.half), strict=True))
    axes[v] = titled(axes[v], text)
    height = max(380, 80 + 60 * len(frame)) if horizontal else 420
    rows = legend_rows([d["name"] for d in data], labels if horizontal else [])
    return _figure(data, text, **axes, legend=rows, height=height, barmode="group")
