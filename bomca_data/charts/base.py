"""What every chart shares: colours, the text it carries (``Text``), category names,
the figure's frame (title, context line, legend, axes) and value axes."""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from bomca_data import contract, i18n


@dataclass(frozen=True)
class Text:
    """What a chart says, in its reader's language: the title, the context line under
    it (the as-of date and the filters), the value axis's title; ``half``: drawn in
    half the page's width (its title wraps sooner, its legend goes above the plot)."""

    lang: str
    title: str
    subtitle: str = ""
    axis: str = ""
    half: bool = False


# a chart's column: its name, the vocabulary naming its values being the one of the
# same name; or (name, vocabulary), e.g. ("status", "rec_status"); (name, None): as is
Column = str | tuple[str, str | None]
NAMED = {"year", "quarter", "table", "rows", "issue"}  # besides the contract's vocabularies


def column(spec: Column) -> tuple[str, str | None]:
    """(column name, the vocabulary of its values or None)."""
    if isinstance(spec, tuple):
        return spec
    return spec, spec if spec in NAMED or spec in contract.VOCABULARIES else None


COLOURS: dict[str, dict[str, str]] = {
    "country": {"KZ": "#0072B2", "KG": "#D55E00", "TJ": "#009E73", "TM": "#CC79A7",
                "UZ": "#E69F00", contract.REGION: "#6E6E6E"},
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


def plain(text: object) -> str:
    """Data text as plotly shows it: plotly renders a subset of HTML in labels, hovers
    and titles (links, styles, line breaks), so ``<``, ``>`` and ``&`` of a cell must
    reach it as entities, which it draws as the characters themselves."""
    return html.escape(str(text), quote=False)


def name(kind: str | None, code: object, lang: str) -> str:
    """The label of a category: the one name of the value (``i18n.name``: a code's name,
    or free text as it is), escaped once here, where it meets plotly (``plain``)."""
    return plain(i18n.name(kind, code, lang))


def categories(kind: str | None, keys, text: Text, horizontal: bool = False) -> list[str]:
    """The names along a chart's category axis (``name``). Beside horizontal bars in
    half the page a long name wraps between words: at 1366 px an agency's full name
    ran out of the chart on the left."""
    labels = [name(kind, k, text.lang) for k in keys]
    if kind == "quarter" and not horizontal:  # "Q1<br>2021", "2 кв.<br>2021": flat
        labels = ["<br>".join(label.rsplit(" ", 1)) for label in labels]
    if horizontal and text.half:
        labels = ["<br>".join(textwrap.wrap(label, HALF_LABEL_WIDTH, break_long_words=False,
                                            break_on_hyphens=False)) or label
                  for label in labels]
    return labels


def year_ticks(kind: str | None, keys: list, labels: list[str]) -> dict:
    """Quarters along an axis, written flat: a label at each year's first quarter (and
    the first shown); twenty quarters side by side would not fit without turning."""
    if kind != "quarter":
        return {}
    return {"tickvals": [label for i, (key, label) in enumerate(zip(keys, labels, strict=True))
                         if i == 0 or str(key).endswith("Q1")]}


def colour(kind: str | None, code: object) -> str:
    return COLOURS.get(kind or "", {}).get(str(code), ACTUAL)


LEGEND_ROW = 28  # px above the plot per row of a legend placed there
# a title wraps between words at this many characters: a chart across the page at
# 1366 px holds about 85 of its 20 px characters (Cyrillic ones are wider), a chart in
# half of it (``Text.half``) about 42; each line adds TITLE_LINE px above the plot
TITLE_WIDTH, HALF_TITLE_WIDTH, TITLE_LINE = 80, 40, 26
HALF_WIDTH = 380  # px a half-width chart's legend has, on a 1280 px wide screen
HALF_LABEL_WIDTH = 36  # characters of a category's name beside bars in half the page


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


def _text_px(text: str, em: float = 0.55) -> float:
    """Its width at the charts' font size, ``em`` of the size a character."""
    return em * FONT * len(text)


def _legend(rows: int) -> dict:
    """Beside the plot, top right; or, given ``rows``, in that many rows above it (a
    half-width chart with a few series keeps its width for the data)."""
    if rows:
        return {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "xanchor": "left",
                "traceorder": "normal"}
    return {"orientation": "v", "yanchor": "top", "y": 1, "x": 1.01, "xanchor": "left",
            "traceorder": "normal"}


def _figure(data: list[dict], text: Text, *, x: dict | None = None, y: dict | None = None,
            legend: int | None = 0, **layout) -> go.Figure:
    """The figure, built in one pass from plain dicts: ``x`` and ``y`` are the axes'
    settings, ``legend`` None (none), 0 (beside the plot) or the rows it takes above the
    plot; ``layout`` the rest (``height``: the plot's, 420 px by default).

    Not checked property by property at run time (``_validate=False``: ten times
    faster, and on every rerun): the tests check every chart of every page against
    plotly's schema instead (tests/test_pages.py)."""
    lines = _wrap(text.subtitle, HALF_SUBTITLE_WIDTH if text.half else SUBTITLE_WIDTH)
    heading = textwrap.wrap(text.title, HALF_TITLE_WIDTH if text.half else TITLE_WIDTH) or [""]
    # nothing turned on its side: a projector's reader never tilts their head (a chart
    # whose names would not fit flat is drawn with horizontal bars)
    axes = {"automargin": True, "gridcolor": "#EBEBEB", "zerolinecolor": "#D0D0D0",
            "linecolor": "#D0D0D0", "tickangle": 0}
    x = {**axes, **(x or {})}
    if text.lang == "ru" and x.get("type") == "date":  # plotly's month names are English
        x["tickformat"] = "%m.%Y"
    rows = legend or 0
    extra = 18 * (len(lines) - 1) + TITLE_LINE * (len(heading) - 1)
    height = layout.pop("height", 420)
    return go.Figure({"data": data, "layout": {
        "title": {"text": "<br>".join(heading), "subtitle": {"text": "<br>".join(lines),
                                                               "font": {"size": FONT}},
                  "font": {"size": FONT + 4}, "x": 0, "xanchor": "left",
                  # at the top, not centred in the top margin: a legend row goes below it
                  "y": 1, "yref": "container", "yanchor": "top", "pad": {"t": 14}},
        "font": {"size": FONT}, "height": height + extra + LEGEND_ROW * max(rows - 1, 0),
        # plain white by hand: a named template is deep-copied into every figure (slow)
        "paper_bgcolor": "white", "plot_bgcolor": "white",
        "margin": {**_room(data, x, y, legend), "t": 90 + extra + LEGEND_ROW * rows},
        "showlegend": legend is not None, "legend": _legend(rows),
        "hoverlabel": {"font": {"size": FONT}},
        "separators": i18n.plotly_separators(text.lang),
        "xaxis": x, "yaxis": {**axes, **(y or {})}, **layout}}, _validate=False)


def _room(data: list[dict], x: dict, y: dict, legend: int | None) -> dict:
    """The left, right and bottom margins the axes' labels, titles and a legend beside
    the plot will take, estimated a little generously from their text. Plotly's
    ``automargin`` would find them too, but only by drawing the chart a second time
    (on every filter change, for every chart); given room enough, it draws once."""
    def widest(texts) -> float:  # names: about half an em a character on average
        return max((_text_px(line, 0.5) for t in texts for line in str(t).split("<br>")),
                   default=0.0)

    def room(letter: str, axis: dict) -> tuple[float, int]:
        """(the widest tick label's px, its lines) along axis ``letter``."""
        if axis.get("visible") is False:
            return 0.0, 0
        if axis.get("type") == "category":
            labels = [v for trace in data for v in trace.get(letter) or () if isinstance(v, str)]
            return widest(labels), max((str(v).count("<br>") + 1 for v in labels), default=1)
        if "ticktext" in axis:
            return widest(axis["ticktext"]), 1
        top = (axis.get("range") or [0, 0])[-1]
        return (_text_px(f"{top:,.0f}") if isinstance(top, int | float) else 50.0), 1

    def title(axis: dict) -> int:
        return 30 if (axis.get("title") or {}).get("text") else 0

    left, _ = room("y", y)
    _, lines = room("x", x)
    names = [trace.get("name", "") for trace in data if trace.get("showlegend", True)]
    right = 40 + widest(names) if legend == 0 and any(names) else 10
    return {"l": int(16 + left + title(y)), "r": int(right),
            "b": int(10 + 22 * lines + title(x))}


def titled(axis: dict, text: Text) -> dict:
    """A value axis with the chart's value title."""
    return {**axis, "title": {"text": text.axis}}


def _vline(x, colour: str, width: float = 2, dash: str = "solid") -> dict:
    """A vertical line across the plot, as a layout shape."""
    return {"type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x, "y0": 0, "y1": 1,
            "line": {"color": colour, "width": width, "dash": dash}}


SUBTITLE_WIDTH, HALF_SUBTITLE_WIDTH = 90, 44  # characters of the 16 px context line


def _wrap(subtitle: str, width: int = SUBTITLE_WIDTH) -> list[str]:
    """The context line split at its ' · ', and a part longer than a line between its
    words, so a half-width chart shows all of it ("Components: C2 Detection
    capacities, C4 Cross-border cooperation" was cut at the chart's edge)."""
    lines: list[str] = []
    for part in subtitle.split(" · "):
        if lines and len(lines[-1]) + len(part) + 3 <= width:
            lines[-1] += " · " + part
        else:
            lines += textwrap.wrap(part, width, break_long_words=False) or [part]
    return lines


def _values(series) -> list:
    return [None if pd.isna(v) else v for v in series]  # NaN, NA -> a gap


def _value_axis(values, horizontal: bool, percent: bool = False, lang: str = "en",
                half: bool = False) -> tuple[dict, dict]:
    """(x axis, y axis) extras: room past the longest bar for its label; categories
    top to bottom in a horizontal chart; ticks written as the labels are (fewer across
    half the page: flat, they need the room)."""
    top = max([v for v in values if v is not None and v == v] or [0])
    value = {"range": [0, top * 1.18]} if top > 0 else {}
    value.update(value_ticks(top * 1.18, percent, lang, 4 if half and horizontal else 6))
    # categories are names, even "1", "2", "5+" (never a numeric axis with 0.5 ticks)
    category = {"autorange": "reversed", "type": "category"} if horizontal else {
        "type": "category"}
    return (value, category) if horizontal else (category, value)


def value_ticks(top: float, percent: bool, lang: str, ticks: int = 6) -> dict:
    """A value axis's ticks up to ``top``, written the language's way as every label
    and card is: counts in whole steps with thousands separated ("2 500", never "2.5k"
    or "0.5"), shares in round steps ("35 %" in Russian, "35%" in English)."""
    if not top or top != top:
        return {"tickformat": ",d"} if not percent else {}
    if not percent:
        return {"tick0": 0, "dtick": count_step(top, ticks), "tickformat": ",d"}
    step = next((s for s in (0.05, 0.1, 0.2, 0.25, 0.5, 1.0) if top / s <= ticks), 1.0)
    ticks = [round(i * step, 4) for i in range(int(top / step + 1e-9) + 1)]
    return {"tickvals": ticks, "ticktext": [i18n.percent(t, lang, digits=0) for t in ticks]}


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
