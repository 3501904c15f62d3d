"""Chart builders: pure frame -> figure, fixed colours, context line, gaps for NaN."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from bomca_data import charts
from bomca_data.charts import Text, geo

T = Text("en", "t", "s", "a")
RU = Text("ru", "t", "s", "a")


def test_bars_use_the_fixed_colour_of_each_key():
    frame = pd.DataFrame({"country": ["UZ", "KZ"], "activities": [3, 5]})
    fig = charts.bars(frame, key="country", value="activities", text=RU)
    bar = fig.data[0]
    assert list(bar.marker.color) == [charts.COLOURS["country"]["UZ"],
                                      charts.COLOURS["country"]["KZ"]]
    assert list(bar.x) == ["Узбекистан", "Казахстан"]
    assert fig.layout.separators == ",\u00a0"


def test_targets_with_gaps_draw():
    frame = pd.DataFrame({"year": ["Y1", "Y2"], "actual": [0.3, np.nan],
                          "target": [np.nan, 0.25]})
    fig = charts.actual_vs_target(frame, text=T, percent=True)
    assert list(fig.data[0].y) == [0.3, None]
    assert list(fig.layout.yaxis.ticktext) == ["0%", "10%", "20%", "30%"]


def test_axes_write_numbers_as_the_labels_do_in_either_language():
    """Russian axes said "35%", "2500" and "2k" beside labels saying "28,5 %"."""
    ru = charts.Text("ru", "t", "s", "a")
    shares = charts.actual_vs_target(pd.DataFrame({"year": ["Y1"], "actual": [0.285],
                                                   "target": [0.3]}), text=ru, percent=True)
    assert list(shares.layout.yaxis.ticktext) == ["0\u00a0%", "10\u00a0%", "20\u00a0%",
                                                  "30\u00a0%"]
    assert shares.data[0].text == ("28,5\u00a0%",)
    counts = charts.bars(pd.DataFrame({"country": ["KZ"], "n": [8200]}), key="country",
                         value="n", text=ru, horizontal=True)
    axis = counts.layout.xaxis
    assert axis.tickformat == ",d" and axis.dtick == 2000 and axis.dtick == int(axis.dtick)
    assert counts.layout.separators == ",\u00a0"  # "2 000": a space for thousands
    quarters = charts.stacked(pd.DataFrame({"quarter": ["2021Q1", "2021Q2"],
                                            "component": ["C1", "C1"], "n": [1, 2]}),
                              x="quarter", colour_by="component", value="n", text=ru)
    assert list(quarters.data[0].x) == ["1 кв.<br>2021", "2 кв.<br>2021"]
    assert quarters.layout.xaxis.tickangle == 0  # flat, a label per year
    assert list(quarters.layout.xaxis.tickvals) == ["1 кв.<br>2021"]


def test_a_half_width_legend_gets_the_rows_it_fills_above_the_plot():
    statuses = ["Proposed", "Accepted", "In progress", "Implemented", "Declined"]
    # beside country names, one status a row; under a value axis, two or three a row
    assert charts.legend_rows(statuses, ["Turkmenistan"]) == 5
    assert charts.legend_rows(statuses) == 3
    assert charts.legend_rows(["Attendances", "Unique people"]) == 1
    assert charts.legend_rows([]) == 0
    frame = pd.DataFrame({"country": ["KZ", "KZ", "UZ"], "status": ["proposed", "declined",
                                                                   "proposed"],
                          "n": [1, 2, 3]})
    wide = charts.stacked(frame, x="country", colour_by=("status", "rec_status"), value="n",
                          text=T, horizontal=True)
    half = charts.stacked(frame, x="country", colour_by=("status", "rec_status"), value="n",
                          text=Text("en", "t", "s", "a", half=True), horizontal=True)
    assert wide.layout.legend.orientation == "v" and half.layout.legend.orientation == "h"
    rows = charts.legend_rows(["Proposed", "Declined"], ["Kazakhstan", "Uzbekistan"])
    assert half.layout.margin.t - wide.layout.margin.t == charts.LEGEND_ROW * rows
    assert half.layout.height - wide.layout.height == charts.LEGEND_ROW * (rows - 1)


def test_context_line_wraps_for_half_width_charts():
    long = "As of 2023-11-30 · Countries: Kazakhstan, Kyrgyzstan · Components: C1, C2 · Years: Y1"
    fig = charts.bars(pd.DataFrame({"k": ["a"], "v": [1]}), key="k", value="v",
                      text=Text("en", "t", long, "a", half=True))
    assert fig.layout.title.subtitle.text.count("<br>") >= 1
    longer = "As of 2023-11-30 · Компоненты: C2 Потенциал выявления, C4 Трансграничное " \
             "сотрудничество"
    fig = charts.bars(pd.DataFrame({"k": ["a"], "v": [1]}), key="k", value="v",
                      text=Text("ru", "t", longer, "a", half=True))
    lines = fig.layout.title.subtitle.text.split("<br>")
    assert max(map(len, lines)) <= 44 and " ".join(lines).replace(" · ", " ") == \
        longer.replace(" · ", " ")  # every word kept, none cut at the chart's edge


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_map_shades_every_country_and_needs_no_network(lang):
    frame = pd.DataFrame({"country": ["KZ", "KG", "TJ", "TM", "UZ", "RG"],
                          "activities": [50, 0, 10, 5, 20, 4]})
    fig = charts.country_map(frame, text=Text(lang, "t", "s", "a"))
    assert not any(t.type.startswith(("scattergeo", "choropleth")) for t in fig.data)
    shades = {t.name.split(":")[0]: t.fillcolor for t in fig.data if t.name}
    assert len(shades) == 5 and len(set(shades.values())) >= 3


def test_a_small_country_is_labelled_beside_it_in_dark_text():
    """Tajikistan's name and value do not fit inside it: they sit on the light
    neighbours, clear of every country, with an arrow into Tajikistan."""
    frame = pd.DataFrame({"country": ["KZ", "TJ"], "activities": [50, 50]})
    fig = charts.country_map(frame, text=RU)
    note = next(a for a in fig.layout.annotations if "Таджикистан" in a.text)
    boxes = {}
    for code, rings in geo._geometry()["countries"].items():
        points = np.concatenate([np.asarray(r) for r in rings])
        boxes[code] = (*points.min(axis=0), *points.max(axis=0))
    lon0, lat0, lon1, lat1 = boxes["TJ"]
    assert note.showarrow and lon0 < note.x < lon1 and lat0 < note.y < lat1
    text_box = (note.ax - 4, note.ay - 1.2, note.ax + 4, note.ay + 1.2)  # two lines of text
    for box in boxes.values():
        assert (text_box[2] < box[0] or text_box[0] > box[2] or text_box[3] < box[1]
                or text_box[1] > box[3])
    assert note.font.color == "#222"


def test_clock_marks_the_as_of_date():
    elapsed = {"share": 0.5, "start": dt.date(2021, 4, 1), "end": dt.date(2025, 9, 30)}
    fig = charts.programme_clock(elapsed, dt.date(2023, 6, 1), [dt.date(2022, 3, 31)], text=T)
    assert any(s.line.color == charts.TARGET for s in fig.layout.shapes)


MARKUP = ['<a href="https://example.org">x</a>', '<span style="font-size:300px">BIG</span>',
          "<b>bold</b><br>next", "R&D <i>unit</i>"]


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


def test_data_text_reaches_plotly_as_text_never_as_markup():
    """An agency named <a href=...> became a link in a chart; <span style> drew giant
    text. Labels, hovers and legends now carry entities (plotly draws them as the
    characters themselves), never a tag."""
    frame = pd.DataFrame({"agency": MARKUP, "attendances": [4, 3, 2, 1]})
    figures = [
        charts.bars(frame, key="agency", value="attendances", text=T, horizontal=True),
        charts.stacked(frame.assign(validity="valid"), x="agency",
                       colour_by=("validity", "rows"),
                       value="attendances", text=T),
        charts.lines(frame, x="agency", y="attendances", text=T),
        charts.paired(frame.assign(unique_people=1), key="agency", text=T),
        charts.gantt(pd.DataFrame({"activity_id": MARKUP, "title": MARKUP, "component": "C1",
                                   "start": pd.to_datetime(["2022-01-01"] * 4),
                                   "finish": pd.to_datetime(["2022-02-01"] * 4)}),
                     None, dt.date(2022, 3, 1), text=T),
    ]
    for fig in figures:
        texts = [s for trace in fig.to_plotly_json()["data"] for s in _strings(trace)]
        assert not any(tag in s for s in texts for tag in ("<a ", "<span", "<b>", "<i>")), texts
        assert any("&lt;a href=" in s for s in texts)


def test_a_charts_labels_are_written_as_the_cards_write_them():
    """"26,7 %" on a Russian card and on the chart beside it (plotly would write 26,7%)."""
    from bomca_data import i18n

    frame = pd.DataFrame({"country": ["KZ", "UZ"], "women_share": [0.2671, None]})
    fig = charts.bars(frame, key="country", value="women_share", text=RU, percent=True)
    assert list(fig.data[0].text) == [i18n.percent(0.2671, "ru"), ""] == ["26,7\u00a0%", ""]
    counts = charts.bars(pd.DataFrame({"country": ["KZ"], "n": [12345]}), key="country",
                         value="n", text=RU)
    assert list(counts.data[0].text) == ["12\u00a0345"]


def test_count_axes_have_whole_number_ticks():
    small = pd.DataFrame({"country": ["KZ", "UZ"], "n": [1, 3]})
    axis = charts.bars(small, key="country", value="n", text=T).layout.yaxis
    assert (axis.tick0, axis.dtick) == (0, 1)
    repeat = pd.DataFrame({"times": ["1", "2", "3", "4", "5+"], "people": [9, 3, 2, 0, 1]})
    fig = charts.bars(repeat, key="times", value="people", text=T)
    assert fig.layout.xaxis.type == "category"  # "1".."5+" are names, not a number line
    stacked = charts.stacked(pd.DataFrame({"q": ["2021Q2", "2021Q2"], "c": ["C1", "C2"],
                                           "n": [40, 35]}), x=("q", "quarter"),
                             colour_by=("c", "component"), value="n", text=T)
    assert stacked.layout.yaxis.dtick == 20 and float(stacked.layout.yaxis.dtick).is_integer()
    assert [charts.count_step(t) for t in (3, 7, 40, 700)] == [1, 2, 10, 200]


def test_a_long_title_wraps_between_words_and_makes_room():
    title = ("Участники по типам ведомств и странам, по состоянию на дату отчёта, с учётом "
             "всех мероприятий")
    frame = pd.DataFrame({"k": ["a"], "v": [1]})
    one = charts.bars(frame, key="k", value="v", text=Text("ru", "Коротко", "s", "a"))
    two = charts.bars(frame, key="k", value="v", text=Text("ru", title, "s", "a"))
    lines = two.layout.title.text.split("<br>")
    assert len(lines) == 2 and " ".join(lines) == title
    assert all(len(line) <= charts.TITLE_WIDTH for line in lines)
    assert two.layout.margin.t - one.layout.margin.t == charts.TITLE_LINE
    half = charts.bars(frame, key="k", value="v", text=Text("ru", title, "s", "a", half=True))
    lines = half.layout.title.text.split("<br>")
    assert len(lines) == 3 and " ".join(lines) == title
    assert all(len(line) <= charts.HALF_TITLE_WIDTH for line in lines)
    assert half.layout.margin.t - one.layout.margin.t == 2 * charts.TITLE_LINE
    assert half.layout.height - one.layout.height == 2 * charts.TITLE_LINE


def test_a_long_name_beside_half_width_bars_wraps_between_words():
    """at 1366 px an agency's full name ran out of a half-width chart on the left."""
    name = "Border Service of the State Committee for National Security (KG)"
    others = [f"Customs ({n})" for n in range(9)]
    frame = pd.DataFrame({"k": [name, *others], "v": range(10, 0, -1)})
    text = Text("en", "Agencies", "s", "a")
    whole = charts.bars(frame, key="k", value="v", horizontal=True, text=text)
    assert list(whole.data[0].y) == [name, *others]  # across the page: room enough
    half = charts.bars(frame, key="k", value="v", horizontal=True,
                       text=Text("en", "Agencies", "s", "a", half=True))
    lines = half.data[0].y[0].split("<br>")
    assert len(lines) == 2 and " ".join(lines) == name
    assert max(map(len, lines)) <= 36 and list(half.data[0].y[1:]) == others
    assert half.layout.height > whole.layout.height  # each row has room for two lines
    upright = charts.bars(frame, key="k", value="v", text=Text("en", "A", "s", "a", half=True))
    assert list(upright.data[0].x) == [name, *others]


def test_every_chart_takes_its_columns_and_text_by_keyword():
    import inspect

    for name in ("bars", "stacked", "actual_vs_target", "paired", "lines", "country_map",
                 "programme_clock", "cumulative", "gantt"):
        params = inspect.signature(getattr(charts, name)).parameters.values()
        named = [p.name for p in params if p.kind is not p.KEYWORD_ONLY]
        assert "text" not in named and len(named) <= 3, (name, named)
        assert "text" in [p.name for p in params]


def test_a_column_is_named_by_its_vocabulary_unless_told():
    from bomca_data.charts.base import column

    assert column("country") == ("country", "country")
    assert column("year") == ("year", "year")
    assert column("agency") == ("agency", None)
    assert column(("status", "rec_status")) == ("status", "rec_status")


def test_the_clocks_as_of_label_stays_inside_at_either_end():
    elapsed = {"share": 1.0, "start": dt.date(2021, 4, 1), "end": dt.date(2025, 9, 30)}
    ends = [dt.date(2022, 3, 31)]
    anchor = {day: next(a.xanchor for a in charts.programme_clock(
        elapsed, day, ends, text=T).layout.annotations if a.text.startswith("As of"))
        for day in (dt.date(2025, 9, 30), dt.date(2021, 4, 2), dt.date(2023, 6, 1))}
    assert list(anchor.values()) == ["right", "left", "center"]
