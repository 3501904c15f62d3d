"""Tidy frames -> plotly figures. Pure: a chart is ``frame -> Figure``.

One fixed colour per country, component and status on every chart, from
colour-blind-safe palettes (Okabe-Ito for countries, Paul Tol's for the rest);
fonts sized for a projector; titles carry the as-of date and the filters.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path

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
                   "implemented": "#228833", "declined": "#EE6677"},
    "activity_type": {"training": "#332288", "workshop": "#88CCEE", "study_visit": "#44AA99",
                      "conference": "#117733", "assessment": "#999933",
                      "expert_mission": "#DDCC77", "equipment": "#CC6677", "other": "#AA4499"},
    "agency_type": {"border": "#004488", "customs": "#DDAA33", "veterinary_phytosanitary":
                    "#228833", "other_state": "#BB5566", "civil_society": "#AA3377",
                    "international": "#66CCEE", "other": "#BBBBBB", "unknown": "#DDDDDD"},
    "output_type": {"recommendation": "#4477AA", "guideline": "#66CCEE", "sop": "#228833",
                    "training_manual": "#CCBB44", "legal_draft": "#EE6677", "other": "#BBBBBB"},
}
ACTUAL, TARGET, NEUTRAL = "#1F4E79", "#D55E00", "#9E9E9E"
FONT = 16
GEOMETRY = Path(__file__).resolve().parent / "geo" / "central_asia.json"
# where each country's name sits on the map (lon, lat), clear of its neighbours'
MAP_LABELS = {"KZ": (67.5, 48.5), "UZ": (63.0, 42.2), "TM": (58.8, 39.2), "KG": (76.5, 42.6),
              "TJ": (71.0, 38.7)}


def name(kind: str | None, code: object, lang: str) -> str:
    """The label of a category: a vocabulary term, a year, or the value itself."""
    if kind == "year":
        return i18n.year_name(str(code), lang)
    if kind and code == "unknown":
        return i18n.t("label.unknown", lang)
    if kind == "component":
        return i18n.component_short(str(code), lang)
    return i18n.term(kind, str(code), lang) if kind else str(code)


def colour(kind: str | None, code: object) -> str:
    return COLOURS.get(kind or "", {}).get(str(code), ACTUAL)


def _style(fig: go.Figure, lang: str, title: str, subtitle: str, x_title: str = "",
           y_title: str = "", height: int = 420, legend: bool = True) -> go.Figure:
    fig.update_layout(
        title={"text": title, "subtitle": {"text": subtitle, "font": {"size": FONT - 3}},
               "font": {"size": FONT + 4}, "x": 0, "xanchor": "left"},
        font={"size": FONT}, height=height, template="plotly_white",
        margin={"l": 10, "r": 10, "t": 90, "b": 10}, showlegend=legend,
        legend={"orientation": "h", "yanchor": "top", "y": -0.14, "x": 0, "xanchor": "left",
                "title": None},
        hoverlabel={"font_size": FONT}, separators=i18n.plotly_separators(lang),
    )
    fig.update_xaxes(title_text=x_title, automargin=True)
    fig.update_yaxes(title_text=y_title, automargin=True)
    return fig


def bars(frame: pd.DataFrame, key: str, value: str, kind: str | None, lang: str, title: str,
         subtitle: str, value_title: str, horizontal: bool = False,
         percent: bool = False) -> go.Figure:
    """One bar per key, in the key's fixed colour, its value written on it."""
    labels = [name(kind, k, lang) for k in frame[key]]
    values = frame[value]
    fmt = "%{value:.1%}" if percent else "%{value:,.0f}"
    bar = go.Bar(
        x=values if horizontal else labels, y=labels if horizontal else values,
        orientation="h" if horizontal else "v",
        marker_color=[colour(kind, k) for k in frame[key]],
        texttemplate=fmt.replace("value", "x" if horizontal else "y"), textposition="outside",
        textangle=0, cliponaxis=False,
        hovertemplate=("%{y}: %{x" if horizontal else "%{x}: %{y") +
        (":.1%}" if percent else ":,}") + "<extra></extra>")
    fig = go.Figure(bar)
    _room_for_labels(fig, values, horizontal)
    if horizontal:
        fig.update_yaxes(autorange="reversed")
    height = max(360, 60 + 38 * len(frame)) if horizontal else 420
    return _style(fig, lang, title, subtitle, value_title if horizontal else "",
                  "" if horizontal else value_title, height=height, legend=False)


def _room_for_labels(fig: go.Figure, values, horizontal: bool) -> None:
    """Leave space past the longest bar for the value written outside it."""
    top = max([v for v in values if v == v] or [0])
    if top > 0:
        (fig.update_xaxes if horizontal else fig.update_yaxes)(range=[0, top * 1.18])


def stacked(frame: pd.DataFrame, x: str, x_kind: str | None, colour_by: str,
            colour_kind: str, value: str, lang: str, title: str, subtitle: str,
            value_title: str, horizontal: bool = False) -> go.Figure:
    """Stacked bars: ``x`` categories, one segment per ``colour_by`` value."""
    fig = go.Figure()
    order = list(dict.fromkeys(frame[x]))
    labels = [name(x_kind, k, lang) for k in order]
    for code, part in frame.groupby(colour_by, sort=False):
        part = part.set_index(x).reindex(order)
        label = name(colour_kind, code, lang)
        values = part[value].fillna(0)
        fig.add_bar(x=values if horizontal else labels, y=labels if horizontal else values,
                    orientation="h" if horizontal else "v", name=label,
                    marker_color=colour(colour_kind, code),
                    hovertemplate=f"{label}<br>%{{{'y' if horizontal else 'x'}}}: "
                                  f"%{{{'x' if horizontal else 'y'}:,}}<extra></extra>")
    fig.update_layout(barmode="stack")
    if horizontal:
        fig.update_yaxes(autorange="reversed")
    return _style(fig, lang, title, subtitle, value_title if horizontal else "",
                  "" if horizontal else value_title)


def actual_vs_target(frame: pd.DataFrame, lang: str, title: str, subtitle: str,
                     value_title: str, percent: bool = False) -> go.Figure:
    """Bars of the actual figure per year, the target as a marked line."""
    labels = [name("year", y, lang) for y in frame["year"]]
    fmt = ":.1%" if percent else ":,.0f"
    fig = go.Figure()
    fig.add_bar(x=labels, y=frame["actual"], name=i18n.t("chart.actual", lang),
                marker_color=ACTUAL, texttemplate=f"%{{y{fmt}}}", textposition="outside",
                textangle=0, cliponaxis=False,
                hovertemplate=f"%{{x}}: %{{y{fmt}}}<extra></extra>")
    if frame["target"].notna().any():
        fig.add_scatter(x=labels, y=frame["target"], name=i18n.t("chart.target", lang),
                        mode="lines+markers", line={"color": TARGET, "width": 3, "dash": "dash"},
                        marker={"size": 12, "symbol": "diamond"},
                        hovertemplate=f"%{{x}}: %{{y{fmt}}}<extra></extra>")
    if percent:
        fig.update_yaxes(tickformat=".0%", rangemode="tozero")
    return _style(fig, lang, title, subtitle, "", value_title)


def programme_clock(elapsed: dict, as_of: dt.date, year_ends: list[dt.date], lang: str,
                    title: str, subtitle: str) -> go.Figure:
    """The programme's months as one bar: time elapsed, the as-of date marked."""
    start, end = pd.Timestamp(elapsed["start"]), pd.Timestamp(elapsed["end"]) + pd.Timedelta(days=1)
    now = min(max(pd.Timestamp(as_of), start), end)
    fig = go.Figure()
    fig.add_bar(y=[""], x=[(end - start).total_seconds() * 1000], base=[start], orientation="h",
                marker_color="#E8E8E8", hoverinfo="skip", showlegend=False)
    fig.add_bar(y=[""], x=[(now - start).total_seconds() * 1000], base=[start], orientation="h",
                marker_color=ACTUAL, showlegend=False,
                hovertemplate=i18n.t("chart.elapsed", lang, share=i18n.percent(
                    elapsed["share"], lang)) + "<extra></extra>")
    year_start = start
    for n, year_end in enumerate(year_ends, start=1):
        stop = pd.Timestamp(year_end) + pd.Timedelta(days=1)
        if n < len(year_ends):
            fig.add_vline(x=stop, line_color="white", line_width=2)
        fig.add_annotation(x=year_start + (stop - year_start) / 2, y=0, showarrow=False,
                           text=name("year", f"Y{n}", lang),
                           font={"color": "white" if year_start < now else "#555"})
        year_start = stop
    fig.add_vline(x=now, line_color=TARGET, line_width=4)
    fig.add_annotation(x=now, y=1.25, yref="paper", showarrow=False, font={"color": TARGET},
                       text=f"{i18n.t('sidebar.as_of', lang)} {i18n.date(as_of, lang)}")
    fig.update_layout(barmode="overlay", bargap=0.1)
    fig.update_xaxes(type="date", range=[start, end], showgrid=False)
    fig.update_yaxes(showticklabels=False)
    return _style(fig, lang, title, subtitle, height=200, legend=False)


@lru_cache(maxsize=1)
def _geometry() -> dict:
    return json.loads(GEOMETRY.read_text(encoding="utf-8"))


def country_map(frame: pd.DataFrame, lang: str, title: str, subtitle: str,
                value_title: str) -> go.Figure:
    """Central Asia drawn from the shipped Natural Earth outlines (no tiles, no
    network), each country shaded by its value on a colour-blind-safe scale."""
    geo = _geometry()
    values = dict(zip(frame["country"], frame["activities"], strict=True))
    top = max([v for k, v in values.items() if k != "RG"] or [1]) or 1
    scale = ("#FDE725", "#5EC962", "#21918C", "#3B528B", "#440154")  # viridis, light to dark
    fig = go.Figure()
    for ring in geo["neighbours"]:
        lon, lat = zip(*ring, strict=True)
        fig.add_scatter(x=lon, y=lat, fill="toself", fillcolor="#F2F2F2", mode="lines",
                        line={"color": "#D0D0D0", "width": 1}, hoverinfo="skip", showlegend=False)
    for code, rings in geo["countries"].items():
        value = values.get(code, 0)
        shade = scale[min(int(value / top * (len(scale) - 1) + 0.5), len(scale) - 1)]
        label = f"{name('country', code, lang)}: {i18n.number(value, lang)}"
        for i, ring in enumerate(rings):
            lon, lat = zip(*ring, strict=True)
            fig.add_scatter(x=lon, y=lat, fill="toself", fillcolor=shade, mode="lines",
                            line={"color": "white", "width": 1.5}, name=label,
                            legendgroup=code, showlegend=False, hoveron="fills",
                            hovertemplate=label + "<extra></extra>", text=label)
            if i == max(range(len(rings)), key=lambda j: len(rings[j])):
                lon_c, lat_c = MAP_LABELS.get(code, (sum(lon) / len(lon), sum(lat) / len(lat)))
                dark = scale.index(shade) >= 2
                fig.add_annotation(x=lon_c, y=lat_c, showarrow=False,
                                   text=f"<b>{name('country', code, lang)}</b><br>"
                                        f"{i18n.number(value, lang)}",
                                   font={"size": FONT, "color": "white" if dark else "#222"})
    lon0, lat0, lon1, lat1 = 46, 35, 88, 56
    fig.update_xaxes(range=[lon0, lon1], visible=False)
    fig.update_yaxes(range=[lat0, lat1], visible=False, scaleanchor="x", scaleratio=1.3)
    if "RG" in values:
        fig.add_annotation(x=0, y=0, xref="paper", yref="paper", showarrow=False, xanchor="left",
                           text=f"{name('country', 'RG', lang)}: {i18n.number(values['RG'], lang)}"
                                f" ({value_title})", font={"size": FONT - 2})
    return _style(fig, lang, title, subtitle, height=520, legend=False)


def lines(frame: pd.DataFrame, x: str, y: str, lang: str, title: str, subtitle: str,
          value_title: str, percent: bool = False, x_kind: str | None = None,
          target: float | None = None) -> go.Figure:
    labels = [name(x_kind, k, lang) for k in frame[x]] if x_kind else frame[x]
    fmt = ":.1%" if percent else ":,.0f"
    fig = go.Figure(go.Scatter(x=labels, y=frame[y], mode="lines+markers+text",
                               line={"color": ACTUAL, "width": 4}, marker={"size": 12},
                               texttemplate=f"%{{y{fmt}}}", textposition="top center",
                               hovertemplate=f"%{{x}}: %{{y{fmt}}}<extra></extra>",
                               name=i18n.t("chart.actual", lang)))
    if percent:
        top = frame[y].max() if len(frame) else 1
        fig.update_yaxes(tickformat=".0%", range=[0, (top if top == top else 1) * 1.25])
    return _style(fig, lang, title, subtitle, "", value_title, legend=False)


def _mark_meetings(fig: go.Figure, meetings: pd.DataFrame | None, lang: str) -> None:
    if meetings is None:
        return
    for _, m in meetings.iterrows():
        regional = m["meeting_type"] == "RSG"
        fig.add_vline(x=m["start_date"], line_dash="dot", line_width=2 if regional else 1,
                      line_color=TARGET if regional else NEUTRAL)
    if len(meetings):
        fig.add_scatter(x=meetings["start_date"], y=[0] * len(meetings), mode="markers",
                        marker={"symbol": "triangle-up", "size": 14,
                                "color": [TARGET if t == "RSG" else NEUTRAL
                                          for t in meetings["meeting_type"]]},
                        name=i18n.t("chart.meetings", lang),
                        text=[f"{m.meeting_type} {name('country', m.country, lang)} "
                              f"{i18n.date(m.start_date.date(), lang)}"
                              for m in meetings.itertuples()],
                        hovertemplate="%{text}<extra></extra>")


def cumulative(frame: pd.DataFrame, target: pd.DataFrame, meetings: pd.DataFrame | None,
               lang: str, title: str, subtitle: str, value_title: str) -> go.Figure:
    fig = go.Figure()
    fig.add_scatter(x=frame["month"], y=frame["completed"], mode="lines",
                    line={"color": ACTUAL, "width": 4}, name=i18n.t("chart.completed_cum", lang),
                    hovertemplate="%{x|%m.%Y}: %{y:,}<extra></extra>")
    if len(target):
        fig.add_scatter(x=target["month"], y=target["target"], mode="lines+markers",
                        line={"color": TARGET, "width": 3, "dash": "dash", "shape": "linear"},
                        marker={"size": 11, "symbol": "diamond"},
                        name=i18n.t("chart.target_cum", lang),
                        hovertemplate="%{x|%m.%Y}: %{y:,}<extra></extra>")
    _mark_meetings(fig, meetings, lang)
    return _style(fig, lang, title, subtitle, "", value_title, height=460)


def gantt(frame: pd.DataFrame, meetings: pd.DataFrame | None, as_of: dt.date, lang: str,
          title: str, subtitle: str) -> go.Figure:
    """One bar per activity from start to end, coloured by component."""
    fig = go.Figure()
    for code, part in frame.groupby("component", sort=True):
        label = name("component", code, lang)
        fig.add_bar(y=part["activity_id"], base=part["start"],
                    x=(part["finish"] - part["start"]).dt.total_seconds() * 1000,
                    orientation="h", name=f"{code} {label}", marker_color=colour("component", code),
                    customdata=part[["title"]], hovertemplate="%{y}: %{customdata[0]}<br>"
                    "%{base|%d.%m.%Y}<extra></extra>")
    fig.add_vline(x=pd.Timestamp(as_of), line_color=TARGET, line_width=3)
    _mark_meetings(fig, meetings, lang)
    fig.update_yaxes(showticklabels=False, autorange="reversed", title_text="")
    fig.update_xaxes(type="date")
    fig.update_layout(barmode="overlay", bargap=0.2)
    return _style(fig, lang, title, subtitle, height=max(420, min(1400, 120 + 4 * len(frame))))


def paired(frame: pd.DataFrame, key: str, kind: str | None, lang: str, title: str,
           subtitle: str, value_title: str, horizontal: bool = False) -> go.Figure:
    """Attendances and unique people side by side for each key."""
    labels = [name(kind, k, lang) for k in frame[key]]
    fig = go.Figure()
    for series, tint in (("attendances", ACTUAL), ("unique_people", "#66CCEE")):
        if series not in frame or frame[series].isna().all():
            continue
        label = i18n.t(f"series.{series}", lang)
        values = frame[series]
        fig.add_bar(x=values if horizontal else labels, y=labels if horizontal else values,
                    orientation="h" if horizontal else "v", name=label, marker_color=tint,
                    texttemplate="%{" + ("x" if horizontal else "y") + ":,}",
                    textposition="outside", textangle=0, cliponaxis=False,
                    textfont={"size": FONT - 3},
                    hovertemplate=f"{label}<br>%{{{'y' if horizontal else 'x'}}}: "
                                  f"%{{{'x' if horizontal else 'y'}:,}}<extra></extra>")
    fig.update_layout(barmode="group")
    _room_for_labels(fig, frame.get("attendances", []), horizontal)
    if horizontal:
        fig.update_yaxes(autorange="reversed")
    height = max(380, 80 + 60 * len(frame)) if horizontal else 420
    return _style(fig, lang, title, subtitle, value_title if horizontal else "",
                  "" if horizontal else value_title, height=height)
