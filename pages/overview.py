"""Overview: is the programme on track against its timeline and targets?"""

import streamlit as st

from bomca_data import charts, figures
from bomca_data.ui import banners, state, verdicts, widgets

view = state.current_view()
if view is not None:
    banners.page_header(view, "page.overview", "overview.intro")
    data, lang, t, as_of = view.data, view.lang, view.t, view.as_of
    headline = figures.summary(data, as_of)
    acts, parts = headline["activities"], headline["participants"]
    recs, status = headline["recommendations"], headline["activities"]["by_status"]
    clock = data.programme.elapsed(as_of)
    done = figures.completed_activities(data, as_of)
    reach = figures.coverage(done, data.programme)
    widgets.kpi_row([
        (t("kpi.completed"), widgets.fmt(acts["completed"], lang),
         t("kpi.of", n=widgets.fmt(acts["total"], lang))),
        (t("kpi.ongoing"), widgets.fmt(status["ongoing"], lang), None),
        (t("kpi.planned"), widgets.fmt(status["planned"], lang), None),
        (t("kpi.countries"), f"{reach['countries']} / {len(data.programme.countries)}", None),
        (t("kpi.elapsed"), widgets.fmt(clock["share"], lang, percent=True),
         t("kpi.months", m=clock["months"], n=clock["of_months"])),
    ])
    widgets.kpi_row([
        (t("kpi.attendances"), widgets.fmt(parts["attendances"], lang), t("rule.people")),
        (t("kpi.unique"), widgets.fmt(parts["unique_persons"], lang), t("rule.people")),
        (t("kpi.women"), widgets.fmt(parts["women_share"], lang, percent=True), None),
        (t("kpi.recs_implemented"), widgets.fmt(recs["implemented_share"], lang, percent=True),
         t("kpi.of", n=widgets.fmt(recs["total"], lang))),
    ])
    widgets.published_quotes(view)

    if verdicts.has_targets(view):
        st.subheader(t("verdict.title"))
        verdicts.scope_row(view)

    programme = data.programme
    year_ends = [programme.year_end(n) for n in programme.year_numbers()]
    fig = charts.programme_clock(clock, as_of, year_ends, lang, t(
        "overview.clock", start=widgets.fmt_date(programme.start, lang),
        end=widgets.fmt_date(programme.end, lang)), view.subtitle)
    widgets.chart(view, fig, programme.years_frame(as_of), "timeline-clock")

    if not widgets.nothing_matches(view, done):
        left, right = st.columns(2)
        with left:
            rows = figures.count_by(done, "component", programme.components)
            widgets.chart(view, charts.bars(rows, "component", "activities", "component", lang,
                                            t("overview.by_component"), view.subtitle,
                                            t("axis.activities"), horizontal=True), rows,
                          "completed-by-component", half=True)
        with right:
            rows = figures.count_by(done, "country", (*programme.countries, "RG"), explode=True)
            widgets.chart(view, charts.bars(rows, "country", "activities", "country", lang,
                                            t("overview.by_country"), view.subtitle,
                                            t("axis.activities")), rows, "completed-by-country", half=True)
            widgets.multi_country_note(view, done, rows)

    if not widgets.missing_table(view, "targets"):
        verdicts.target_chart(view, "activities_completed", t("axis.activities"), "targets")
        widgets.years_note(view)
        st.subheader(t("verdict.matrix"))
        verdicts.matrices(view)
