"""The map of Central Asia, from the shipped Natural Earth outlines (no tiles, no
network)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from bomca_data import contract, i18n
from bomca_data.charts.base import FONT, Text, _figure, name

GEOMETRY = Path(__file__).resolve().parent.parent / "geo" / "central_asia.json"
# where each country's name sits on the map (lon, lat), clear of its neighbours'


MAP_LABELS = {"KZ": (67.5, 48.5), "UZ": (63.0, 42.2), "TM": (58.8, 39.2), "KG": (75.8, 41.8),
              "TJ": (71.0, 38.7)}
# countries too small for their name and value: the label sits here, on the light
# neighbours, in dark text, with an arrow to the country's point above


MAP_CALLOUTS = {"TJ": (79.5, 36.9)}


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


def _legend(scale: tuple[str, ...], top: float, text: Text) -> dict:
    """The shading's key: a colour bar of the same steps, each labelled with the value
    it stands for (an invisible point carries it: scatter fills have no colour scale)."""
    last = len(scale) - 1
    stops = []
    for i, shade in enumerate(scale):  # a value rounds to the nearest step
        stops += [[max(0.0, (i - 0.5) / last), shade], [min(1.0, (i + 0.5) / last), shade]]
    ticks = [top * i / last for i in range(len(scale))]
    return {"type": "scatter", "x": [None], "y": [None], "mode": "markers", "hoverinfo": "skip",
            "showlegend": False, "marker": {
                "color": [0], "cmin": 0, "cmax": top, "colorscale": stops, "showscale": True,
                "colorbar": {"title": {"text": text.axis + "<br>", "side": "top"},  # a line
                             # between the title and the top value
                             "tickvals": ticks,
                             "ticktext": [i18n.number(round(t), text.lang) for t in ticks],
                             "thickness": 18, "len": 0.6, "outlinewidth": 0,
                             "tickfont": {"size": FONT}}}}


def country_map(frame: pd.DataFrame, *, text: Text) -> go.Figure:
    """Central Asia drawn from the shipped Natural Earth outlines (no tiles, no
    network), each country shaded by its value on a colour-blind-safe scale."""
    geo, lang = _geometry(), text.lang
    values = dict(zip(frame["country"], frame["activities"], strict=True))
    top = max([v for k, v in values.items() if k != contract.REGION] or [1]) or 1
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
    if contract.REGION in values:
        notes.append({"x": 0, "y": 0, "xref": "paper", "yref": "paper", "showarrow": False,
                      "xanchor": "left", "font": {"size": FONT},
                      "text": f"{name('country', contract.REGION, lang)}: "
                              f"{i18n.number(values[contract.REGION], lang)} ({text.axis})"})
    traces.append(_legend(scale, top, text))
    return _figure(traces, text, x={"range": [46, 88], "visible": False},
                   y={"range": [35, 56], "visible": False, "scaleanchor": "x", "scaleratio": 1.3},
                   legend=None, height=520, annotations=notes)

