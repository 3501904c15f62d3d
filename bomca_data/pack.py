"""The meeting pack: a PowerPoint file (python-pptx) with native, editable charts.

A title slide, then one slide per section of the brief; every slide carries the
programme's and the EU's wording, the as-of date and the source.
"""

from __future__ import annotations

import io
from urllib.parse import urlencode

import pandas as pd
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.util import Emu, Inches, Pt

from bomca_data import brief as briefing
from bomca_data import i18n, verdicts
from bomca_data.charts import ACTUAL, TARGET, name
from bomca_data.write import printable

WIDE, HIGH = Inches(13.333), Inches(7.5)
BLUE = RGBColor(0x1F, 0x4E, 0x79)
GREY = RGBColor(0x55, 0x55, 0x55)
MAX_TABLE_ROWS = 8  # more rows than this do not fit a slide; the rest are counted
TABLE_BOTTOM = Inches(5.85)  # a table ends here: its "and N more" line and a note follow


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#"))


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

    def where(self) -> str:
        return i18n.term("country", self.b.country, self.lang)

    def slide(self, title: str):
        s = self.prs.slides.add_slide(self.prs.slide_layouts[6])  # blank
        self.text(s, title, Inches(0.5), Inches(0.25), Inches(12.3), Inches(0.8), 26, True, BLUE)
        footer = (f"{self.t('pack.programme')} · {self.t('pack.eu')} · "
                  f"{i18n.t('context.as_of', self.lang, date=i18n.date(self.b.as_of, self.lang))}"
                  f" · {self.t('pack.source', source=self.source)}")
        self.text(s, footer, Inches(0.5), Inches(7.0), Inches(12.3), Inches(0.35), 11, False, GREY)
        return s

    @staticmethod
    def text(slide, text: str, x, y, w, h, size: int, bold: bool = False,
             colour: RGBColor | None = None) -> None:
        frame = slide.shapes.add_textbox(x, y, w, h).text_frame
        frame.word_wrap = True
        for i, line in enumerate(text.split("\n")):
            para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            run = para.add_run()
            run.text = printable(line)
            run.font.size, run.font.bold = Pt(size), bold
            if colour is not None:
                run.font.color.rgb = colour

    def bar_chart(self, slide, frame: pd.DataFrame, key: str, kind: str | None, series: dict,
                  x, y, w, h, title: str, horizontal: bool = True) -> None:
        """A native chart: categories from ``key``, one series per ``series`` column;
        a sentence instead when the period has nothing to chart (PowerPoint has no
        chart without categories)."""
        if not len(frame) or not frame[list(series)].fillna(0).to_numpy().any():
            self.text(slide, title, x, y, w, Inches(0.6), 16, True, GREY)
            self.text(slide, self.t("pack.nothing"), x, y + Inches(0.7), w, Inches(1.0), 18)
            return
        data = CategoryChartData()
        data.categories = [printable(name(kind, k, self.lang)) for k in frame[key]]
        for column, label in series.items():
            data.add_series(label, [None if v != v else float(v) for v in frame[column]])
        kind_of = XL_CHART_TYPE.BAR_CLUSTERED if horizontal else XL_CHART_TYPE.COLUMN_CLUSTERED
        chart = slide.shapes.add_chart(kind_of, x, y, w, h, data).chart
        chart.has_title = True
        chart.chart_title.text_frame.text = title
        chart.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(16)
        chart.font.size = Pt(13)
        chart.has_legend = len(series) > 1
        if chart.has_legend:
            chart.legend.position, chart.legend.include_in_layout = XL_LEGEND_POSITION.BOTTOM, False
        plot = chart.plots[0]
        plot.has_data_labels = True
        plot.data_labels.font.size = Pt(12)
        if horizontal:
            chart.category_axis.reverse_order = True
        for i, s in enumerate(plot.series):
            s.format.fill.solid()
            s.format.fill.fore_color.rgb = _rgb(ACTUAL if i == 0 else TARGET)

    def table(self, slide, frame: pd.DataFrame, headers: list[str], x, y, w,
              size: int = 12, wide: str | None = None, bottom: int = 0) -> None:
        """A native table; the column named ``wide`` (a title) gets what the other
        columns' longest words leave. As many rows as fit above ``bottom`` (each as
        tall as its longest cell wraps), then a line counting the rest."""
        texts = [[_cell(v, self.lang) for v in record]
                 for record in frame.head(MAX_TABLE_ROWS).itertuples(index=False)]
        columns = [[headers[c], *(row[c] for row in texts)] for c in range(len(headers))]
        wide_at = list(frame.columns).index(wide) if wide in frame.columns else None
        widths = _widths(columns, size, w, wide_at)
        heights = [_row_height(row, widths, size) for row in [headers, *texts]]
        bottom = bottom or TABLE_BOTTOM
        fitting = 1
        while fitting < len(heights) and y + sum(heights[:fitting + 1]) <= bottom:
            fitting += 1
        texts, heights = texts[:fitting - 1], heights[:fitting]
        table = slide.shapes.add_table(fitting, len(headers), x, y, w,
                                       Emu(sum(heights))).table
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        for row, height in zip(table.rows, heights, strict=True):
            row.height = height
        for c, header in enumerate(headers):
            table.cell(0, c).text = header
        for r, row in enumerate(texts, start=1):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        for row in table.rows:
            for cell in row.cells:
                for para in cell.text_frame.paragraphs:
                    for run in para.runs:
                        run.font.size = Pt(size)
        if len(frame) > len(texts):
            self.more_rows(slide, len(frame) - len(texts), x, y + sum(heights) + Inches(0.05), w)

    def more_rows(self, slide, n: int, x, y, w) -> None:
        """"... and the remaining N rows are in the dashboard", with the link to them."""
        key = "pack.more_rows_at" if self.link else "pack.more_rows"
        self.text(slide, self.t(key, n=n), x, y, w, Inches(0.3), 11, False, GREY)
        if self.link:
            para = slide.shapes[-1].text_frame.add_paragraph()
            run = para.add_run()
            run.text = self.link
            run.hyperlink.address = self.link
            run.font.size = Pt(11)


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


def meeting_pack(b: briefing.Brief, lang: str, source: str, base_url: str | None = None
                 ) -> bytes:
    """The meeting pack as .pptx bytes; with the dashboard's ``base_url`` (else the
    programme's ``dashboard_url``), a table cut short links to the page listing it all."""
    deck = _Deck(b, lang, source, view_link(base_url or b.data.programme.dashboard_url, b, lang))
    t, where = deck.t, deck.where()
    figures = briefing.headline(b)
    period = (f"{i18n.date(b.start, lang)} - {i18n.date(b.as_of, lang)}")

    # title
    s = deck.prs.slides.add_slide(deck.prs.slide_layouts[6])
    kind = "pack.title_rsg" if b.regional else "pack.title_nsg"
    deck.text(s, t("pack.programme_long"), Inches(0.8), Inches(0.9), Inches(11.7), Inches(0.8),
              22, False, GREY)
    # room for three lines at 40 pt: the Russian title takes them
    deck.text(s, t(kind, country=where), Inches(0.8), Inches(1.8), Inches(11.7), Inches(2.4),
              40, True, BLUE)
    deck.text(s, f"{t('pack.period')}: {period}\n"
                 f"{i18n.t('context.as_of', lang, date=i18n.date(b.as_of, lang))}\n"
                 f"{t('pack.source', source=source)}", Inches(0.8), Inches(4.4), Inches(11.7),
              Inches(1.5), 20)
    deck.text(s, t("pack.eu"), Inches(0.8), Inches(6.6), Inches(11.7), Inches(0.5), 16, True,
              BLUE)
    if b.data.programme.demo:
        deck.text(s, t("banner.demo"), Inches(0.8), Inches(5.8), Inches(11.7), Inches(0.7), 14,
                  False, _rgb(TARGET))

    # headline figures
    s = deck.slide(t("pack.headline", country=where))
    items = [
        (t("kpi.completed"), i18n.number(figures["completed"], lang),
         t("pack.in_period", n=i18n.number(figures["completed_in_period"], lang))),
        (t("kpi.attendances"), i18n.number(figures["attendances"], lang),
         t("pack.in_period", n=i18n.number(figures["attendances_in_period"], lang))),
        (t("kpi.women"), i18n.percent(figures["women_share"], lang), ""),
        (t("kpi.recs_open"), i18n.number(figures["recommendations_open"], lang),
         t("pack.overdue", n=i18n.number(figures["overdue"], lang))),
    ]
    for i, (label, value, note) in enumerate(items):
        x = Inches(0.5 + i * 3.1)
        deck.text(s, label, x, Inches(1.6), Inches(2.9), Inches(0.8), 18, False, GREY)
        deck.text(s, value, x, Inches(2.4), Inches(2.9), Inches(1.2), 48, True, BLUE)
        deck.text(s, note, x, Inches(3.7), Inches(2.9), Inches(0.6), 14, False, GREY)
    deck.text(s, t("pack.scope"), Inches(0.5), Inches(5.0), Inches(12.3), Inches(1.5), 13, False,
              GREY)
    if b.regional and (quotes := verdicts.published_quotes(b.data, b.as_of, lang)):
        deck.text(s, "\n".join(quotes), Inches(0.5), Inches(4.3), Inches(12.3), Inches(0.7), 12,
                  False, BLUE)

    # results of the period
    s = deck.slide(t("brief.results", period=period))
    by_component, by_type = briefing.period_results(b)
    deck.bar_chart(s, by_component, "component", "component", {"activities": t("axis.activities")},
                   Inches(0.4), Inches(1.2), Inches(6.2), Inches(5.6), t("brief.by_component"))
    deck.bar_chart(s, by_type[by_type["activities"] > 0], "activity_type", "activity_type",
                   {"activities": t("axis.activities")}, Inches(6.8), Inches(1.2), Inches(6.2),
                   Inches(5.6), t("brief.by_type"))

    # against targets
    s = deck.slide(t("brief.targets"))
    rows = briefing.target_row(b)
    series = {"actual": t("chart.actual")}
    if rows["target"].notna().any():
        series["target"] = t("chart.target")
    deck.bar_chart(s, rows, "year", "year", series, Inches(0.6), Inches(1.2), Inches(12.0),
                   Inches(5.6), t("overview.targets"), horizontal=False)

    # participants
    s = deck.slide(t("brief.participants", period=period))
    by_type, agencies, share = briefing.period_participants(b)
    deck.bar_chart(s, by_type, "agency_type", "agency_type", {"attendances": t("axis.attendances")},
                   Inches(0.4), Inches(1.2), Inches(6.2), Inches(5.0), t("participants.by_agency_type"))
    deck.table(s, agencies, [t("col.agency"), t("col.attendances")], Inches(6.9), Inches(1.3),
               Inches(6.0), wide="agency")
    deck.text(s, f"{t('kpi.women')}: {i18n.percent(share, lang)}", Inches(0.5), Inches(6.3),
              Inches(6.0), Inches(0.5), 18, True, BLUE)

    # recommendations to discuss
    s = deck.slide(t("brief.recommendations"))
    recs = briefing.open_recommendations(b)
    if len(recs):
        shown = recs.assign(status=[i18n.term("rec_status", v, lang) for v in recs["status"]],
                            overdue=[t("yes") if v else "" for v in recs["overdue"]])
        deck.table(s, shown[["rec_id", "title", "status", "date_proposed", "status_date",
                             "due_date", "reviewed_at", "overdue"]],
                   [t("col.rec_id"), t("col.title"), t("col.status"), t("col.date_proposed"),
                    t("col.status_date"), t("col.due_date"), t("col.reviewed_at"),
                    t("col.overdue")], Inches(0.4), Inches(1.35), Inches(12.5), size=11,
                   wide="title")
    else:
        deck.text(s, t("brief.no_open"), Inches(0.5), Inches(1.5), Inches(12), Inches(1), 20)

    # the next period
    s = deck.slide(t("brief.planned"))
    plan = briefing.planned(b)
    if len(plan):
        shown = plan.assign(component=plan["component"],
                            activity_type=[i18n.term("activity_type", v, lang)
                                           for v in plan["activity_type"]])
        deck.table(s, shown[["activity_id", "title", "component", "activity_type", "start_date",
                             "location"]],
                   [t("col.activity_id"), t("col.title"), t("col.component"),
                    t("col.activity_type"), t("col.start"), t("col.location")],
                   Inches(0.4), Inches(1.2), Inches(12.5), size=12, wide="title")
    else:
        deck.text(s, t("brief.no_planned"), Inches(0.5), Inches(1.5), Inches(12), Inches(1), 20)
    upcoming = b.upcoming
    deck.text(s, f"{t('kpi.next_meeting')}: " + (
        f"{i18n.date(upcoming['start_date'].date(), lang)}, {upcoming['location'] or ''}"
        if upcoming is not None else t("kpi.none")), Inches(0.5), Inches(6.3), Inches(12),
        Inches(0.5), 18, True, BLUE)

    buffer = io.BytesIO()
    deck.prs.save(buffer)
    return buffer.getvalue()
