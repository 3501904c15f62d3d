"""The meeting pack: a PowerPoint file (python-pptx) with native, editable charts.

A title slide, then one slide per section of the brief (one function each, in
``SLIDES``); every slide carries the programme's and the EU's wording, the as-of date
and the source. Where things sit and how text looks are named below (``Box``, ``Style``).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pandas as pd
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.util import Emu, Inches, Pt

from bomca_data import i18n
from bomca_data.charts import TARGET, name
from bomca_data.figures import meeting_brief as briefing
from bomca_data.outputs import verdict_words
from bomca_data.outputs.xlsx import printable

WIDE, HIGH = Inches(13.333), Inches(7.5)
BLUE = RGBColor(0x1F, 0x4E, 0x79)
GREY = RGBColor(0x55, 0x55, 0x55)
ORANGE = RGBColor.from_string(TARGET.lstrip("#"))
SHORT_NUMBER = re.compile(r"(?<=\w) (?=\d{1,3}\b(?![.,]\d))")  # "BOMCA 10", not "на 12.09"
MAX_TABLE_ROWS = 8  # more rows than this do not fit a slide; the rest are counted


@dataclass(frozen=True)
class Box:
    """Where a shape sits on a 13.33 x 7.5 in slide, in inches."""

    x: float
    y: float
    w: float
    h: float

    def emu(self) -> tuple[int, int, int, int]:
        return Inches(self.x), Inches(self.y), Inches(self.w), Inches(self.h)

    def below(self, gap: float, h: float) -> Box:
        return Box(self.x, self.y + self.h + gap, self.w, h)


@dataclass(frozen=True)
class Style:
    size: int
    bold: bool = False
    colour: RGBColor | None = None


# every slide
TITLE, FOOTER = Box(0.5, 0.25, 12.3, 0.8), Box(0.5, 7.0, 12.3, 0.35)
HEADING, SMALL = Style(26, True, BLUE), Style(11, False, GREY)
# the title slide (room for three lines at 40 pt: the Russian title takes them)
PROGRAMME, MEETING = Box(0.8, 0.9, 11.7, 0.8), Box(0.8, 1.8, 11.7, 2.4)
FACTS, DEMO, FUNDED = Box(0.8, 4.4, 11.7, 1.5), Box(0.8, 5.8, 11.7, 0.7), Box(0.8, 6.6, 11.7, 0.5)
# the headline figures: four cards in a row, then the scope and published quotes
CARD_STEP, CARD = 3.1, (Box(0.5, 1.6, 2.9, 0.8), Box(0.5, 2.4, 2.9, 1.2), Box(0.5, 3.7, 2.9, 0.6))
CARD_STYLES = (Style(18, False, GREY), Style(48, True, BLUE), Style(14, False, GREY))
SCOPE, QUOTES = Box(0.5, 5.0, 12.3, 1.5), Box(0.5, 4.3, 12.3, 0.7)
# charts and tables; a table ends at 5.85 in: its "and N more" line and a note follow
LEFT, RIGHT, ACROSS = Box(0.4, 1.2, 6.2, 5.6), Box(6.8, 1.2, 6.2, 5.6), Box(0.6, 1.2, 12.0, 5.6)
LEFT_SHORT, AGENCIES = Box(0.4, 1.2, 6.2, 5.0), Box(6.9, 1.3, 6.0, 4.55)
RECS, PLAN = Box(0.4, 1.35, 12.5, 4.5), Box(0.4, 1.2, 12.5, 4.65)
NOTE, NOTE_LEFT, NOTHING = Box(0.5, 6.3, 12.0, 0.5), Box(0.5, 6.3, 6.0, 0.5), Box(0.5, 1.5, 12, 1)
STRONG, BODY = Style(18, True, BLUE), Style(20)


@dataclass(frozen=True)
class Chart:
    """A native bar chart: a category per row of ``key`` (a vocabulary: its names), a
    series per column of ``series`` (column -> label)."""

    frame: pd.DataFrame
    key: str
    series: dict = field(default_factory=dict)
    title: str = ""
    horizontal: bool = True


def view_link(base: str | None, b: briefing.Brief, lang: str) -> str | None:
    """The dashboard's Meeting brief for the pack's country, as-of date and language
    (the page lists every row a slide has no room for); None without a base URL."""
    if not base:
        return None
    query = {"lang": lang, "as_of": b.as_of.isoformat()}
    if not b.regional:
        query["country"] = b.country
    return f"{base.rstrip('/')}/meeting?{urlencode(query)}"


class _Deck:
    def __init__(self, b: briefing.Brief, lang: str, source: str, link: str | None) -> None:
        self.b, self.lang, self.source, self.link = b, lang, source, link
        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = WIDE, HIGH
        self.t = lambda key, **kw: i18n.t(key, lang, **kw)
        self.where = i18n.name("country", b.country, lang)
        self.period = briefing.period_text(b.start, b.as_of, lang)
        self.as_of = i18n.t("context.as_of", lang, date=i18n.date(b.as_of, lang))

    def blank(self):
        return self.prs.slides.add_slide(self.prs.slide_layouts[6])

    def slide(self, title: str):
        """A slide with its title and the footer every slide carries."""
        s = self.blank()
        self.text(s, title, TITLE, HEADING)
        footer = " · ".join((self.t("pack.programme"), self.t("pack.eu"), self.as_of,
                             self.t("pack.source", source=self.source)))
        self.text(s, footer, FOOTER, SMALL)
        return s

    @staticmethod
    def text(slide, text: str, box: Box, style: Style) -> None:
        frame = slide.shapes.add_textbox(*box.emu()).text_frame
        frame.word_wrap = True
        for i, line in enumerate(text.split("\n")):
            para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            run = para.add_run()
            run.text = printable(_number_kept(line))
            run.font.size, run.font.bold = Pt(style.size), style.bold
            if style.colour is not None:
                run.font.color.rgb = style.colour

    def bar_chart(self, slide, chart: Chart, box: Box) -> None:
        """A native chart; a sentence instead when the period has nothing to chart
        (PowerPoint has no chart without categories)."""
        frame, series = chart.frame, chart.series
        if not len(frame) or not frame[list(series)].fillna(0).to_numpy().any():
            self.text(slide, chart.title, Box(box.x, box.y, box.w, 0.6), Style(16, True, GREY))
            self.text(slide, self.t("pack.nothing"), Box(box.x, box.y + 0.7, box.w, 1.0),
                      Style(18))
            return
        data = CategoryChartData()
        data.categories = [printable(name(chart.key, k, self.lang)) for k in frame[chart.key]]
        for column, label in series.items():
            data.add_series(label, [None if v != v else float(v) for v in frame[column]])
        kind = XL_CHART_TYPE.BAR_CLUSTERED if chart.horizontal else XL_CHART_TYPE.COLUMN_CLUSTERED
        drawn = slide.shapes.add_chart(kind, *box.emu(), data).chart
        drawn.has_title = True
        drawn.chart_title.text_frame.text = chart.title
        drawn.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(16)
        drawn.font.size = Pt(13)
        drawn.has_legend = len(series) > 1
        if drawn.has_legend:
            drawn.legend.position, drawn.legend.include_in_layout = XL_LEGEND_POSITION.BOTTOM, False
        plot = drawn.plots[0]
        plot.has_data_labels = True
        plot.data_labels.font.size = Pt(12)
        if chart.horizontal:
            drawn.category_axis.reverse_order = True
        for i, s in enumerate(plot.series):
            s.format.fill.solid()
            s.format.fill.fore_color.rgb = BLUE if i == 0 else ORANGE

    def table(self, slide, frame: pd.DataFrame, headers: list[str], box: Box, size: int = 12,
              wide: str | None = None) -> None:
        """A native table in ``box``; the column named ``wide`` (a title) gets what the
        other columns' longest words leave. As many rows as fit in the box (each as
        tall as its longest cell wraps), then a line counting the rest."""
        texts = [[_cell(v, self.lang) for v in record]
                 for record in frame.head(MAX_TABLE_ROWS).itertuples(index=False)]
        columns = [[headers[c], *(row[c] for row in texts)] for c in range(len(headers))]
        wide_at = list(frame.columns).index(wide) if wide in frame.columns else None
        x, y, w, h = box.emu()
        widths = _widths(columns, size, w, wide_at)
        heights = [_row_height(row, widths, size) for row in [headers, *texts]]
        fitting = 1
        while fitting < len(heights) and sum(heights[:fitting + 1]) <= h:
            fitting += 1
        texts, heights = texts[:fitting - 1], heights[:fitting]
        table = slide.shapes.add_table(fitting, len(headers), x, y, w, Emu(sum(heights))).table
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        for row, height in zip(table.rows, heights, strict=True):
            row.height = height
        for r, row in enumerate([headers, *texts]):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        for row in table.rows:
            for cell in row.cells:
                for para in cell.text_frame.paragraphs:
                    for run in para.runs:
                        run.font.size = Pt(size)
        if len(frame) > len(texts):
            self.more_rows(slide, len(frame) - len(texts),
                           Box(box.x, box.y + sum(heights) / Inches(1) + 0.05, box.w, 0.3))

    def more_rows(self, slide, n: int, box: Box) -> None:
        """"... and the remaining N rows are in the dashboard", with the link to them."""
        key = "pack.more_rows_at" if self.link else "pack.more_rows"
        self.text(slide, self.t(key, n=n), box, SMALL)
        if self.link:
            para = slide.shapes[-1].text_frame.add_paragraph()
            run = para.add_run()
            run.text = self.link
            run.hyperlink.address = self.link
            run.font.size = Pt(SMALL.size)


def _number_kept(text: str) -> str:
    """A short number stays on the line of the word before it ("BOMCA 10)" never
    leaves "10)" alone on the next line): a no-break space between them."""
    return SHORT_NUMBER.sub("\u00a0", text)


def _row_height(texts: list[str], widths: list[int], size: int) -> int:
    """A row's height: its cell wrapping to most lines (words kept whole), estimated
    with the same character width as the columns."""
    char = Pt(size * CHAR_WIDTH)
    lines = 1
    for text, width in zip(texts, widths, strict=True):
        room = max(int((width - CELL_MARGINS) / char), 1)
        count, used = 1, 0
        for word in text.split():
            if used and used + 1 + len(word) > room:
                count, used = count + 1, len(word)
            else:
                used += len(word) + (1 if used else 0)
        lines = max(lines, count)
    return int(Pt(size * 1.25) * lines + Inches(0.12))


CHAR_WIDTH = 0.72  # a character's width at 1 pt, in points: wide fonts (DejaVu) included
CELL_MARGINS = Inches(0.3)  # the cell's insets, left and right, and a little room


def _widths(columns: list[list[str]], size: int, total: int, wide: int | None) -> list[int]:
    """Each column as wide as its longest word (header or cell: a word is never broken,
    lines wrap between words only); what is left goes to the ``wide`` column (else to
    all alike). When even the words do not fit, every column shrinks alike."""
    need = []
    for texts in columns:
        longest = max((len(word) for text in texts for word in text.split()), default=1)
        need.append(int(Pt(longest * size * CHAR_WIDTH)) + CELL_MARGINS)
    spare = total - sum(need)
    if spare < 0:
        return [int(n * total / sum(need)) for n in need]
    if wide is not None:
        need[wide] += spare
        return need
    return [n + spare // len(need) for n in need]


def _cell(value: object, lang: str) -> str:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
        return ""
    if isinstance(value, pd.Timestamp):
        return i18n.date(value.date(), lang)
    if isinstance(value, float):
        return i18n.number(value, lang)
    return printable(str(value))


def _title_slide(deck: _Deck) -> None:
    b, t, s = deck.b, deck.t, deck.blank()
    deck.text(s, t("pack.programme_long"), PROGRAMME, Style(22, False, GREY))
    deck.text(s, t("pack.title_rsg" if b.regional else "pack.title_nsg", country=deck.where),
              MEETING, Style(40, True, BLUE))
    deck.text(s, "\n".join((f"{t('pack.period')}: {deck.period}", deck.as_of,
                            t("pack.source", source=deck.source))), FACTS, BODY)
    deck.text(s, t("pack.eu"), FUNDED, Style(16, True, BLUE))
    if b.data.programme.demo:
        deck.text(s, t("banner.demo"), DEMO, Style(14, False, ORANGE))


def _headline_slide(deck: _Deck) -> None:
    b, t, lang = deck.b, deck.t, deck.lang
    figures = briefing.headline(b)
    s = deck.slide(t("pack.headline", country=deck.where))
    cards = [
        (t("kpi.completed"), i18n.number(figures["completed"], lang),
         t("pack.in_period", n=i18n.number(figures["completed_in_period"], lang))),
        (t("kpi.attendances"), i18n.number(figures["attendances"], lang),
         t("pack.in_period", n=i18n.number(figures["attendances_in_period"], lang))),
        (t("kpi.women"), i18n.percent(figures["women_share"], lang), ""),
        (t("kpi.recs_open"), i18n.number(figures["recommendations_open"], lang),
         t("pack.overdue", n=i18n.number(figures["overdue"], lang))),
    ]
    for i, card in enumerate(cards):
        for text, box, style in zip(card, CARD, CARD_STYLES, strict=True):
            deck.text(s, text, Box(box.x + i * CARD_STEP, box.y, box.w, box.h), style)
    deck.text(s, t("pack.scope"), SCOPE, Style(13, False, GREY))
    if b.regional and (quotes := verdict_words.published_quotes(b.data, b.as_of, lang)):
        deck.text(s, "\n".join(quotes), QUOTES, Style(12, False, BLUE))


def _results_slide(deck: _Deck) -> None:
    t = deck.t
    s = deck.slide(t("brief.results", period=deck.period))
    by_component, by_type = briefing.period_results(deck.b)
    series = {"activities": t("axis.activities")}
    deck.bar_chart(s, Chart(by_component, "component", series, t("brief.by_component")), LEFT)
    deck.bar_chart(s, Chart(by_type, "activity_type", series,
                            t("brief.by_type")), RIGHT)


def _targets_slide(deck: _Deck) -> None:
    t = deck.t
    s = deck.slide(t("brief.targets"))
    rows = briefing.target_row(deck.b)
    series = {"actual": t("chart.actual")}
    if rows["target"].notna().any():
        series["target"] = t("chart.target")
    deck.bar_chart(s, Chart(rows, "year", series, t("overview.targets"), horizontal=False),
                   ACROSS)


def _participants_slide(deck: _Deck) -> None:
    t = deck.t
    s = deck.slide(t("brief.participants", period=deck.period))
    by_type, agencies, share = briefing.period_participants(deck.b)
    deck.bar_chart(s, Chart(by_type, "agency_type", {"attendances": t("axis.attendances")},
                            t("participants.by_agency_type")), LEFT_SHORT)
    deck.table(s, agencies, [t("col.agency"), t("col.attendances")], AGENCIES, wide="agency")
    deck.text(s, f"{t('kpi.women')}: {i18n.percent(share, deck.lang)}", NOTE_LEFT, STRONG)


REC_COLUMNS = ("rec_id", "title", "status", "date_proposed", "status_date", "due_date",
               "reviewed_at", "overdue")
PLAN_COLUMNS = ("activity_id", "title", "component", "activity_type", "start_date", "location")
PLAN_HEADERS = ("activity_id", "title", "component", "activity_type", "start", "location")


def _recommendations_slide(deck: _Deck) -> None:
    t = deck.t
    s = deck.slide(t("brief.recommendations"))
    recs = briefing.open_recommendations(deck.b)
    if not len(recs):
        deck.text(s, t("brief.no_open"), NOTHING, BODY)
        return
    shown = recs.assign(status=[i18n.name("rec_status", v, deck.lang) for v in recs["status"]],
                        overdue=[t("yes") if v else "" for v in recs["overdue"]])
    deck.table(s, shown[list(REC_COLUMNS)], [t(f"col.{c}") for c in REC_COLUMNS], RECS,
               size=11, wide="title")


def _plan_slide(deck: _Deck) -> None:
    t, lang = deck.t, deck.lang
    s = deck.slide(t("brief.planned"))
    plan = briefing.planned(deck.b)
    if len(plan):
        shown = plan.assign(activity_type=[i18n.name("activity_type", v, lang)
                                           for v in plan["activity_type"]])
        deck.table(s, shown[list(PLAN_COLUMNS)], [t(f"col.{c}") for c in PLAN_HEADERS], PLAN,
                   wide="title")
    else:
        deck.text(s, t("brief.no_planned"), NOTHING, BODY)
    upcoming = deck.b.upcoming
    deck.text(s, f"{t('kpi.next_meeting')}: " + (
        f"{i18n.date(upcoming['start_date'].date(), lang)}, {upcoming['location'] or ''}"
        if upcoming is not None else t("kpi.none")), NOTE, STRONG)


SLIDES = (_title_slide, _headline_slide, _results_slide, _targets_slide, _participants_slide,
          _recommendations_slide, _plan_slide)


def meeting_pack(b: briefing.Brief, lang: str, source: str, base_url: str | None = None
                 ) -> bytes:
    """The meeting pack as .pptx bytes; with the dashboard's ``base_url`` (else the
    programme's ``dashboard_url``), a table cut short links to the page listing it all."""
    deck = _Deck(b, lang, source, view_link(base_url or b.data.programme.dashboard_url, b, lang))
    for make in SLIDES:
        make(deck)
    buffer = io.BytesIO()
    deck.prs.save(buffer)
    return buffer.getvalue()
