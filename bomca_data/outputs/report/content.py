"""What a report says, section by section, as plain values (cards, charts, tables,
sentences) in its reader's language: the same figure functions, panels and words as
the pages, never a second computation. ``render`` turns it into a file."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from bomca_data import figures, i18n, panels
from bomca_data import filters as flt
from bomca_data.figures import published, targets
from bomca_data.model import Dataset
from bomca_data.outputs import export, tabular
from bomca_data.outputs import verdict_words as words
from bomca_data.view import View


@dataclass(frozen=True)
class Cards:
    items: list[tuple]  # (label, value, note[, how it is counted])
    kind: str = "cards"


@dataclass(frozen=True)
class Chart:
    figure: go.Figure
    half: bool
    kind: str = "chart"


@dataclass(frozen=True)
class Table:
    """Cells as the reader reads them (text); ``wide``: the columns that take the room
    left (titles, reasons); ``marked``: a column whose non-blank cells stand out."""

    frame: pd.DataFrame
    wide: tuple[str, ...] = ()
    marked: str | None = None
    kind: str = "table"


@dataclass(frozen=True)
class Text:
    text: str
    tone: str = "note"  # "note": grey, under what it explains; "info": a sentence boxed
    kind: str = "text"


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    blocks: list = field(default_factory=list)


@dataclass(frozen=True)
class Report:
    lang: str
    title: str
    scope: str  # the as-of date and the filters
    source: str
    made: str
    demo: str | None  # the demonstration data's notice
    sections: list[Section]
    final: bool = False


SECTIONS = ("headline", "activities", "years", "plan", "participants", "recommendations",
            "published", "rules", "quality")  # in this order in every report


def final_as_of(dataset: Dataset) -> dt.date:
    """The phase's results are as of its last day, or of the data's date if earlier."""
    end = dataset.programme.end
    return min(end, dataset.data_date() or end)


def build(dataset: Dataset, chosen: flt.Filters, as_of: dt.date, lang: str,
          final: bool = False, today: dt.date | None = None) -> Report:
    """The report of the view (``dataset``: what its reader may see); ``final``: the
    phase's results report (the whole programme, to its end or the data's date)."""
    if final:
        chosen, as_of = flt.Filters(), final_as_of(dataset)
    view = View.of(dataset, chosen, as_of, lang)
    programme = dataset.programme
    name = i18n.t("pack.programme", lang)
    title = (i18n.t("report.final_title", lang, programme=name,
                    start=i18n.date(programme.start, lang), end=i18n.date(as_of, lang))
             if final else i18n.t("report.title", lang, programme=name))
    sections = [Section(key, i18n.t(f"report.section.{key}", lang), BUILDERS[key](view))
                for key in SECTIONS]
    return Report(lang, title, view.subtitle, dataset.source_name(),
                  i18n.date(today or dt.date.today(), lang),
                  i18n.t("banner.demo", lang) if programme.demo else None, sections, final)


def _table(view: View, rows: pd.DataFrame, fit: tabular.Fit | None = None,
           status_kind: str = "activity_status", marked: str | None = None) -> Table:
    """A table in the reader's words: the ``fit``'s main columns, as the pages show them."""
    if fit is not None:
        rows = rows[[c for c in fit.main if c in rows]]
    shown = tabular.localised(rows, view.lang, status_kind)
    label = {c: view.t(f"col.{c}") if i18n.has(f"col.{c}") else c for c in rows.columns}
    return Table(shown, tuple(label[c] for c in (fit.wide if fit else ()) if c in label),
                 label.get(marked) if marked else None)


def _charts(*panels_: panels.Panel | None, half: bool = False) -> list[Chart]:
    """The panels' figures (a scope without targets has none), in half the width
    (two side by side) or the whole."""
    return [Chart(p[0], half) for p in panels_ if p is not None]


def _in_brief(view: View) -> str:
    """The view's results in two sentences, from the summary's figures."""
    found = figures.summary(view.data, view.as_of)
    acts, people, recs = found["activities"], found["participants"], found["recommendations"]
    return view.t("report.in_brief", date=view.date(view.as_of),
                  completed=view.number(acts["completed"]), total=view.number(acts["total"]),
                  planned=view.number(acts["planned_implemented_share"], percent=True),
                  attendances=view.number(people["attendances"]),
                  unique=view.number(people["unique_persons"]),
                  women=view.number(people["women_share"], percent=True),
                  recs=view.number(recs["total"]),
                  implemented=view.number(recs["implemented_share"], percent=True))


def _headline(view: View) -> list:
    blocks = [Text(_in_brief(view), "lead"), *(Cards(row) for row in panels.headline_cards(view))]
    if view.dataset.table("targets") is not None:
        found = words.scope_verdicts(view)
        frame = pd.DataFrame({view.t("report.indicator"): [f.name for f in found],
                              view.t("report.verdict"): [words.label(f.verdict, f.ratio,
                                                                     view.lang) for f in found],
                              view.t("report.compared"): [f.detail for f in found]})
        judged = Counter(f.verdict for f in found if f.verdict != "no_target")
        blocks += [Text(view.t("report.verdicts", **{v: view.number(judged.get(v, 0)) for v in
                                                     ("on_track", "at_risk", "behind")}),
                        "lead"), Table(frame), Text(view.t("verdict.rule"))]
    blocks += [Text(" ".join(quotes), "info") for _, quotes in
               words.published_quotes(view.dataset, view.as_of, view.lang)]
    return blocks


def _activities(view: View) -> list:
    done = figures.completed_activities(view.data, view.as_of, view.filters.year_kind)
    if not len(done):
        return [Text(view.t("report.none_completed"), "info")]
    blocks = [*_charts(panels.completed_by(view, done, "component"),
                       panels.completed_by(view, done, "country"), half=True),
              *_charts(panels.components_by_year(view, done),
                       panels.target(view, "activities_completed", "axis.activities"))]
    if view.dataset.table("targets") is not None:
        for by in ("country", "component"):
            blocks.append(_matrix(view, by))
        blocks.append(Text(view.t("report.matrix_scope")))
    return blocks


def _matrix(view: View, by: str) -> Table:
    """Every country (or component) by indicator, each cell its verdict, over the whole
    data the reader may see (not the filters), as Overview's matrix."""
    found = targets.matrix(view.dataset, view.as_of, by)
    cells = {(k, i): words.label(v, r, view.lang) for k, i, v, r in zip(
        found[by], found["indicator"], found["verdict"], found["ratio"], strict=True)}
    keys = list(dict.fromkeys(found[by]))
    frame = pd.DataFrame({view.t(f"verdict.by_{by}"): [i18n.name(by, k, view.lang)
                                                       for k in keys],
                          **{i18n.name("indicator", i, view.lang): [cells[(k, i)] for k in keys]
                             for i in targets.INDICATORS}})
    return Table(frame)


def _years(view: View) -> list:
    """Each indicator with targets, its programme years side by side: what was done
    (to the as-of date), the year's target, the verdict."""
    chosen, rows = view.filters, {}
    for indicator in targets.INDICATORS:
        if not targets.has_target(view.data, indicator, chosen.countries, chosen.components):
            continue
        found = targets.progress(view.data, view.as_of, indicator, chosen.countries,
                                 chosen.components)
        share = targets.is_share(indicator)
        rows[i18n.name("indicator", indicator, view.lang)] = {
            i18n.name("year", r.year, view.lang): "\n".join(filter(None, (view.t(
                "report.year_cell", actual=view.number(r.actual, share),
                target=view.number(r.target, share)),
                words.label(r.verdict, None, view.lang) if isinstance(r.verdict, str)
                else "")))
            for r in found.itertuples()}
    if not rows:
        return [Text(view.t("report.no_targets"), "info")]
    frame = pd.DataFrame(rows).T.fillna("")
    frame.insert(0, view.t("report.indicator"), frame.index)
    return [Table(frame.reset_index(drop=True)), Text(view.t("report.years_rule"))]


def _plan(view: View) -> list:
    """Every activity of the plan by component and status on the date, then what was
    not done, with the reason recorded for each."""
    acts = view.data.table("activities")
    if acts is None or not len(acts):
        return [Text(view.t("report.no_activities"), "info")]
    from bomca_data.contract import ACTIVITY_STATUSES, codes

    programme = view.data.programme
    counts = figures.cross_count(acts, "component", "status", programme.components,
                                 codes(ACTIVITY_STATUSES))
    wide = counts.pivot(index="component", columns="status", values="activities")
    wide = wide.reindex(columns=list(codes(ACTIVITY_STATUSES)), fill_value=0)
    frame = pd.DataFrame({view.t("col.component"): [i18n.name("component", c, view.lang)
                                                    for c in wide.index]})
    for status in wide.columns:
        frame[i18n.name("activity_status", status, view.lang)] = [
            view.number(v) for v in wide[status]]
    frame[view.t("report.total")] = [view.number(v) for v in wide.sum(axis=1)]
    blocks = [Table(frame), Text(view.t("rule.status"))]
    stopped = figures.not_done(acts)
    blocks.append(Text(view.t("report.not_done", n=view.number(len(stopped))), "info"))
    if len(stopped):
        blocks.append(_table(view, stopped, tabular.NOT_DONE))
    return blocks


def _participants(view: View) -> list:
    if not len(figures.counted_participation(view.data, view.as_of)):
        return [Text(view.t("report.no_participants"), "info")]
    return [Cards(panels.people_cards(view)), Text(view.t("rule.people")),
            *_charts(panels.people_by(view, "country"), panels.people_by(view, "agency_type"),
                     panels.people_by(view, "year"), panels.women_share(view),
                     panels.target(view, "participants", "axis.attendances", half=True),
                     panels.target(view, "women_share", "axis.share", half=True),
                     half=True)]


def _recommendations(view: View) -> list:
    recs = figures.recommendations_view(view.data, view.as_of)
    if not len(recs):
        return [Text(view.t("report.no_recommendations"), "info")]
    blocks = [Cards(panels.recs_cards(view, recs)), Text(view.t("followup.overdue_rule")),
              *_charts(panels.recs_by_status(view, recs), panels.recs_by(view, recs, "country"),
                       half=True),
              *_charts(panels.target(view, "recommendations_implemented",
                                     "axis.recommendations"))]
    uptake = figures.uptake_by_country(recs, view.data.programme.scopes)
    frame = tabular.localised(uptake, view.lang)
    blocks += [Text(view.t("report.uptake"), "info"), Table(frame)]
    still_open = recs[recs["status"].isin(figures.REC_OPEN)]
    blocks.append(Text(view.t("report.open", n=view.number(len(still_open))), "info"))
    if len(still_open):
        blocks.append(_table(view, tabular.recommendation_rows(view.dataset, still_open,
                                                               view.lang),
                             tabular.REC_LIST, "rec_status", marked="overdue"))
    return blocks


def _published(view: View) -> list:
    if view.dataset.table("published") is None:
        return [Text(view.t("report.no_published"), "info")]
    found = published.register(view.dataset)
    counts = found["verdict"].value_counts()
    table = words.published_table(found, view.lang)
    keep = [view.t(f"col.{c}") for c in ("figure", "scope", "published", "computed",
                                          "verdict", "date", "source")]
    return [Cards([(view.t(f"published.{v}"), view.number(int(counts.get(v, 0))), None)
                   for v in published.VERDICTS]),
            Text(view.t("published.rule")),
            Table(table[keep], (view.t("col.figure"), view.t("col.source")))]


def _rules(view: View) -> list:
    return [Text(line, "rule") for line in export.definitions(view.lang)[1:]]


def _quality(view: View) -> list:
    ds = view.dataset
    tables, issues = tabular.tables_frame(ds), tabular.issues_frame(ds, view.lang)
    counts = tabular.totals(tables, issues)
    blocks = [Cards([(view.t(f"kpi.{key}"), view.number(n), None) for key, n in counts.items()]),
              _table(view, tables, tabular.READ)]
    if issues.empty:
        return [*blocks, Text(view.t("quality.no_issues"), "info")]
    by_code = tabular.issue_counts(issues)
    return [*blocks, Table(tabular.localised(by_code, view.lang)),
            Text(view.t("report.issues_where"))]


BUILDERS = {"headline": _headline, "activities": _activities, "years": _years,
            "plan": _plan, "participants": _participants,
            "recommendations": _recommendations, "published": _published, "rules": _rules,
            "quality": _quality}
