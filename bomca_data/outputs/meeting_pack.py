"""The meeting pack: a PowerPoint file (python-pptx) with native, editable charts.

A title slide, then a slide per section of the brief (more where a table continues;
one function each, in ``SLIDES``); every slide carries the programme's and the EU's wording, the as-of date
and the source. Where things sit is named below, with ``Box`` and ``Style`` (and the
tables continued over slides) from ``slide_tables``.
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
from pptx.util import Inches, Pt

from bomca_data import figures, i18n
from bomca_data.charts import TARGET, name
from bomca_data.charts.base import count_step
from bomca_data.figures import meeting_brief as briefing
from bomca_data.outputs import verdict_words
from bomca_data.outputs.slide_tables import Box, Style, count_format, layout
from bomca_data.outputs.xlsx import printable

WIDE, HIGH = Inches(13.333), Inches(7.5)
BLUE = RGBColor(0x1F, 0x4E, 0x79)
GREY = RGBColor(0x55, 0x55, 0x55)
ORANGE = RGBColor.from_string(TARGET.lstrip("#"))
SHORT_NUMBER = re.compile(r"(?<=\w) (?=\d{1,3}\b(?![.,]\d))")  # "BOMCA 10", not "на 12.09"
CHART_TEXT = 14  # what a room reads from the back: no text under 14 pt, footers 12 pt


# every slide
TITLE, FOOTER = Box(0.5, 0.25, 12.3, 0.8), Box(0.5, 7.0, 12.3, 0.35)
HEADING, SMALL = Style(26, True, BLUE), Style(12, False, GREY)
# the title slide (room for three lines at 40 pt: the Russian title takes them)
PROGRAMME, MEETING = Box(0.8, 0.9, 11.7, 0.8), Box(0.8, 1.8, 11.7, 2.4)
FACTS, DEMO, FUNDED = Box(0.8, 4.2, 11.7, 1.6), Box(0.8, 5.8, 11.7, 0.7), Box(0.8, 6.6, 11.7, 0.5)
# the headline figures: the period's and the programme's side by side, a row each
FIGURE_ROWS, FIGURE_ROW = Box(0.5, 1.2, 12.3, 0.55), 0.62
FIGURE_COLUMNS = ((0.5, 5.1), (5.7, 3.8), (9.6, 3.2))  # label, period, to date: x, w
OPEN_RECS, SCOPE = Box(0.5, 4.35, 12.3, 0.5), Box(0.5, 5.2, 12.3, 1.2)
QUOTES = Box(0.6, 1.3, 12.1, 5.4)  # the published statements: a slide of their own
# charts and tables; a table ends at 5.85 in: its "and N more" line and a note follow
LEFT, RIGHT, ACROSS = Box(0.4, 1.2, 6.2, 5.6), Box(6.8, 1.2, 6.2, 5.6), Box(0.6, 1.2, 12.0, 5.6)
LEFT_SHORT, AGENCIES = Box(0.4, 1.2, 6.2, 5.0), Box(6.9, 1.3, 6.0, 4.55)
RECS, PLAN = Box(0.4, 1.2, 12.5, 5.6), Box(0.4, 1.2, 12.5, 5.0)
ACROSS_TABLE = Box(0.4, 1.2, 12.5, 5.6)
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
    """The dashboard's Meeting brief for the pack's country, as-of date and language, at
    the dashboard's public address; None without one (an address only the presenter's
    machine answers is no link for the room)."""
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
        self.where = briefing.scope_name(b.country, lang)
        self.period = briefing.period_text(b.start, b.as_of, lang)
        self.as_of = i18n.t("context.as_of", lang, date=i18n.date(b.as_of, lang))

    def blank(self):
        return self.prs.slides.add_slide(self.prs.slide_layouts[6])

    def slide(self, title: str):
        """A slide with its title (on one line: smaller when long, as a continued
        table's is) and the footer every slide carries."""
        s = self.blank()
        fits = int(TITLE.w * 72 / (HEADING.size * 0.7))  # characters on one line (Cyrillic too)
        size = HEADING.size if len(title) <= fits else max(
            18, int(HEADING.size * fits / len(title)))
        self.text(s, title, TITLE, Style(size, HEADING.bold, HEADING.colour))
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
        values = frame[list(series)].fillna(0).to_numpy() if len(frame) else None
        if values is None or not values.any():
            self.text(slide, chart.title, Box(box.x, box.y, box.w, 0.6), Style(16, True, GREY))
            self.text(slide, self.t("pack.nothing"), Box(box.x, box.y + 0.7, box.w, 1.0),
                      Style(18))
            return
        data = CategoryChartData(number_format=count_format(self.lang))
        data.categories = [printable(name(chart.key, k, self.lang)) for k in frame[chart.key]]
        for column, label in series.items():
            data.add_series(label, [None if v != v else float(v) for v in frame[column]])
        kind = XL_CHART_TYPE.BAR_CLUSTERED if chart.horizontal else XL_CHART_TYPE.COLUMN_CLUSTERED
        drawn = slide.shapes.add_chart(kind, *box.emu(), data).chart
        drawn.has_title = True
        drawn.chart_title.text_frame.text = chart.title
        drawn.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(16)
        drawn.font.size = Pt(CHART_TEXT)
        drawn.has_legend = len(series) > 1
        if drawn.has_legend:
            drawn.legend.position, drawn.legend.include_in_layout = XL_LEGEND_POSITION.BOTTOM, False
        plot = drawn.plots[0]
        plot.has_data_labels = True
        plot.data_labels.font.size = Pt(CHART_TEXT)
        plot.data_labels.number_format = count_format(self.lang)
        plot.data_labels.number_format_is_linked = False
        counts = drawn.value_axis  # counts: whole-number steps, written the language's way
        counts.major_unit = count_step(float(values.max()) * 1.1)  # whole: never 0.5
        counts.minimum_scale = 0
        counts.tick_labels.number_format = count_format(self.lang)
        counts.tick_labels.number_format_is_linked = False
        if chart.horizontal:
            drawn.category_axis.reverse_order = True
        for i, s in enumerate(plot.series):
            s.format.fill.solid()
            s.format.fill.fore_color.rgb = BLUE if i == 0 else ORANGE

    def tables(self, title: str, frame: pd.DataFrame, headers: list[str], box: Box,
               wide: str | None = None, after=None) -> None:
        """Every row of ``frame`` as a native table under ``title``, over as many slides
        as it takes ("continued, 2 of 3"), the header on each; ``after(slide)`` adds what
        follows the table on the last one."""
        laid = layout(frame, headers, box, wide, self.lang)
        for k, rows in enumerate(laid.pages, start=1):
            titled = title if len(laid.pages) == 1 else self.t(
                "pack.part" if k == 1 else "pack.continued", title=title, k=k,
                n=len(laid.pages))
            slide = self.slide(titled)
            laid.draw(slide, rows, box)
            if after is not None and k == len(laid.pages):
                after(slide)

    def table(self, slide, frame: pd.DataFrame, headers: list[str], box: Box,
              wide: str | None = None) -> None:
        """A table in part of one slide (the agencies beside a chart): the rows that
        fit, then a line counting the others."""
        laid = layout(frame, headers, box, wide, self.lang)
        rows = laid.pages[0]
        height = laid.draw(slide, rows, box)
        if (left := len(frame) - len(rows)) > 0:
            self.text(slide, self.t("pack.more_rows", n=left),
                      Box(box.x, box.y + height + 0.05, box.w, 0.3), Style(14, False, GREY))


def _number_kept(text: str) -> str:
    """A short number stays on the line of the word before it ("BOMCA 10)" never
    leaves "10)" alone on the next line): a no-break space between them."""
    return SHORT_NUMBER.sub("\u00a0", text)


def _title_slide(deck: _Deck) -> None:
    b, t, s = deck.b, deck.t, deck.blank()
    deck.text(s, t("pack.programme_long"), PROGRAMME, Style(22, False, GREY))
    deck.text(s, t("pack.title_rsg" if b.regional else "pack.title_nsg", country=deck.where),
              MEETING, Style(40, True, BLUE))
    facts = [f"{t('pack.period')}: {deck.period}", deck.as_of,
             t("pack.source", source=deck.source)]
    if deck.link:  # only a public address: the room can open it too
        facts.append(t("pack.dashboard", link=deck.link))
    deck.text(s, "\n".join(facts), FACTS, BODY)
    if deck.link:
        s.shapes[-1].text_frame.paragraphs[-1].runs[0].hyperlink.address = deck.link
    deck.text(s, t("pack.eu"), FUNDED, Style(16, True, BLUE))
    if b.data.programme.demo:
        deck.text(s, t("banner.demo"), DEMO, Style(14, False, ORANGE))


def _headline_slide(deck: _Deck) -> None:
    """The period's figures and the programme's to date, side by side in one table of
    figures; the open recommendations under it."""
    b, t, lang = deck.b, deck.t, deck.lang
    found = briefing.headline(b)
    s = deck.slide(t("pack.headline", country=deck.where))
    number = lambda key: i18n.number(found[key], lang)  # noqa: E731
    rows = [
        ("", f"{t('pack.in_the_period')}\n{deck.period}", t("pack.to_date")),
        (t("kpi.completed"), number("completed_in_period"), number("completed")),
        (t("kpi.attendances"), number("attendances_in_period"), number("attendances")),
        (t("kpi.women"), i18n.percent(found["women_share_in_period"], lang),
         i18n.percent(found["women_share"], lang)),
        (t("kpi.recs_proposed"), number("recommendations_in_period"),
         number("recommendations")),
    ]
    for r, row in enumerate(rows):
        y = FIGURE_ROWS.y + r * FIGURE_ROW + (0 if r == 0 else 0.15)
        for c, (text, (x, w)) in enumerate(zip(row, FIGURE_COLUMNS, strict=True)):
            style = (Style(16, True, GREY) if r == 0 else Style(20) if c == 0
                     else Style(28, True, BLUE))
            deck.text(s, text, Box(x, y, w, FIGURE_ROWS.h), style)
    deck.text(s, t("pack.open_overdue", open=number("recommendations_open"),
                   overdue=number("overdue")), OPEN_RECS, STRONG)
    deck.text(s, t(briefing.scope_rule(b.country)), SCOPE, Style(14, False, GREY))


def _published_slide(deck: _Deck) -> None:
    """What the programme published on the date (the region's pack), each statement
    checked against the data: a slide of its own, a line each."""
    if not deck.b.regional:
        return
    quotes = verdict_words.published_quotes(deck.b.data, deck.b.as_of, deck.lang)
    if quotes:
        lines = [line for heading, said in quotes for line in (heading, *(
            f"\u2022 {one}" for one in said))]
        deck.text(deck.slide(deck.t("page.published")), "\n".join(lines), QUOTES, BODY)


def _results_slide(deck: _Deck) -> None:
    t = deck.t
    s = deck.slide(t("brief.results", period=deck.period))
    by_component, by_type = briefing.period_results(deck.b)
    series = {"activities": t("axis.activities")}
    deck.bar_chart(s, Chart(by_component, "component", series, t("brief.by_component")), LEFT)
    deck.bar_chart(s, Chart(by_type, "activity_type", series,
                            t("brief.by_type")), RIGHT)


NOT_DONE_COLUMNS = ("title", "component", "start_date", "status", "status_reason")


def _not_done_slides(deck: _Deck) -> None:
    """What was meant for the period and cancelled or postponed, with the reason
    recorded ("Postponed: the agency asked for a later date"); no slide when none was."""
    rows = briefing.period_not_done(deck.b)
    if not len(rows):
        return
    lang = deck.lang
    shown = rows.assign(status=[i18n.name("activity_status", v, lang) for v in rows["status"]],
                        component=[i18n.name("component", v, lang) for v in rows["component"]])
    deck.tables(deck.t("brief.not_done"), shown[list(NOT_DONE_COLUMNS)],
                [deck.t(f"col.{c}") for c in NOT_DONE_COLUMNS], ACROSS_TABLE, wide="title")


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
    t, lang = deck.t, deck.lang
    s = deck.slide(t("brief.participants", period=deck.period))
    by_type, agencies, share = briefing.period_participants(deck.b)
    deck.bar_chart(s, Chart(by_type, "agency_type", {"attendances": t("axis.attendances")},
                            t("participants.by_agency_type")), LEFT_SHORT)
    deck.table(s, agencies, [t("col.agency"), t("col.attendances")], AGENCIES, wide="agency")
    to_date = briefing.headline(deck.b)["women_share"]
    deck.text(s, t("pack.women_side_by_side", period=i18n.percent(share, lang),
                   to_date=i18n.percent(to_date, lang)), NOTE, STRONG)


REC_COLUMNS = ("title", "status", "due_date", "overdue", "status_date", "reviewed_at")
PLAN_COLUMNS = ("title", "component", "activity_type", "start_date", "location")


def _recommendations_slides(deck: _Deck) -> None:
    """Every open recommendation, overdue ones first, over as many slides as it takes."""
    t, lang = deck.t, deck.lang
    recs = briefing.open_recommendations(deck.b)
    if not len(recs):
        deck.text(deck.slide(t("brief.recommendations")), t("brief.no_open"), NOTHING, BODY)
        return
    shown = recs.assign(
        status=[i18n.name("rec_status", v, lang) for v in recs["status"]],
        overdue=[t("col.overdue") if v else "" for v in recs["overdue"]],
        reviewed_at=figures.reviewing_meetings(deck.b.data, recs["reviewed_at"], lang))
    deck.tables(t("brief.recommendations"), shown[list(REC_COLUMNS)],
                [t(f"col.{c}") for c in REC_COLUMNS], RECS, wide="title")


def _plan_slides(deck: _Deck) -> None:
    """Every activity of the next period's plan, by start date, over as many slides as
    it takes; the next meeting under the last."""
    t, lang = deck.t, deck.lang
    plan = briefing.planned(deck.b)
    upcoming = deck.b.upcoming
    next_meeting = f"{t('kpi.next_meeting')}: " + (i18n.meeting(
        upcoming["meeting_type"], upcoming["country"], upcoming["start_date"].date(), lang,
        upcoming.get("location") or "") if upcoming is not None else t("kpi.none"))

    def after(slide) -> None:
        deck.text(slide, next_meeting, NOTE, STRONG)

    if not len(plan):
        slide = deck.slide(t("brief.planned"))
        deck.text(slide, t("brief.no_planned"), NOTHING, BODY)
        after(slide)
        return
    shown = plan.assign(
        activity_type=[i18n.name("activity_type", v, lang) for v in plan["activity_type"]],
        component=[i18n.name("component", v, lang) for v in plan["component"]])
    deck.tables(t("brief.planned"), shown[list(PLAN_COLUMNS)],
                [t(f"col.{c}") for c in PLAN_COLUMNS], PLAN, wide="title", after=after)


DECISION_COLUMNS = ("title", "decided", "note", "due_date")


def decided_rows(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """briefing.decisions_at() in the reader's words: statuses by their names."""
    return rows.assign(decided=[i18n.name("rec_status", v, lang) for v in rows["decided"]],
                       status=[i18n.name("rec_status", v, lang) for v in rows["status"]],
                       note=rows["note"].fillna(""))


def _decisions_slides(deck: _Deck) -> None:
    """What the room decided at the meeting held on the pack's day, as recorded in it:
    each recommendation's new status, the note and its due date; no slide when none
    was recorded."""
    held = briefing.this_meeting(deck.b)
    rows = briefing.decisions_at(deck.b, None if held is None else held["meeting_id"])
    if not len(rows):
        return
    deck.tables(deck.t("brief.decisions_here"), decided_rows(rows, deck.lang)[
        list(DECISION_COLUMNS)], [deck.t(f"col.{c}") for c in DECISION_COLUMNS], RECS,
        wide="title")


SLIDES = (_title_slide, _headline_slide, _published_slide, _results_slide, _not_done_slides,
          _targets_slide, _participants_slide, _recommendations_slides, _decisions_slides,
          _plan_slides)


def meeting_pack(b: briefing.Brief, lang: str, source: str, base_url: str | None = None
                 ) -> bytes:
    """The meeting pack as .pptx bytes. With the dashboard's public address
    (``base_url``, else the programme's ``dashboard_url``) the title slide links to the
    brief on the dashboard; without one, no link."""
    deck = _Deck(b, lang, source, view_link(base_url or b.data.programme.dashboard_url, b, lang))
    for make in SLIDES:
        make(deck)
    buffer = io.BytesIO()
    deck.prs.save(buffer)
    return buffer.getvalue()
