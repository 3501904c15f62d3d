"""Overview: is the programme on track against its timeline and targets?"""

import streamlit as st

from bomca_data import charts, figures
from bomca_data.ui import page, verdicts, widgets

view = page.start("page.overview", "overview.intro")
data, lang, t, as_of = view.data, view.lang, view.t, view.as_of
headline = figures.summary(data, as_of)
acts, parts = headline["activities"], headline["participants"]
recs, status = headline["recommendations"], headline["activities"]["by_status"]
clock = data.programme.elapsed(as_of)
done = figures.completed_activities(data, as_of)
reach = figures.coverage(done, view.countries)
widgets.kpi_row([
    (t("kpi.completed"), view.number(acts["completed"]),
     t("kpi.of", n=view.number(acts["total"]))),
    (t("kpi.ongoing"), view.number(status["ongoing"]), None),
    (t("kpi.planned"), view.number(status["planned"]), None),
    (t("kpi.countries"), f"{reach['countries']} / {len(view.countries)}", None),
    (t("kpi.elapsed"), view.number(clock["share"], percent=True),
     t("kpi.months", m=clock["months"], n=clock["of_months"])),
])
widgets.kpi_row([
    (t("kpi.attendances"), view.number(parts["attendances"]), None, t("rule.people")),
    (t("kpi.unique"), view.number(parts["unique_persons"]), None, t("rule.people")),
    (t("kpi.women"), view.number(parts["women_share"], percent=True), None),
    (t("kpi.recs_implemented"), view.number(recs["implemented_share"], percent=True),
     t("kpi.of", n=view.number(recs["total"]))),
])
widgets.published_quotes(view)

if verdicts.has_targets(view):
    st.subheader(t("verdict.title"))
    verdicts.scope_row(view)

programme = data.programme
year_ends = [programme.year_end(n) for n in programme.year_numbers()]
fig = charts.programme_clock(clock, as_of, year_ends, text=view.text(
    "overview.clock", start=view.date(programme.start),
    end=view.date(programme.end)))
widgets.chart(view, fig, programme.years_frame(as_of), "timeline-clock")

if not widgets.nothing_matches(view, done):
    left, right = st.columns(2)
    with left:
        rows = figures.count_by(done, "component", programme.components)
        widgets.chart(view, charts.bars(
            rows, key="component", value="activities", horizontal=True,
            text=view.text("overview.by_component", "axis.activities", half=True)),
            rows, "completed-by-component")
    with right:
        rows = figures.count_by(done, "country", programme.scopes, explode=True)
        widgets.chart(view, charts.bars(
            rows, key="country", value="activities", horizontal=True,
            text=view.text("overview.by_country", "axis.activities", half=True)),
            rows, "completed-by-country")
        widgets.multi_country_note(view, done, rows)

if not widgets.missing_table(view, "targets"):
    verdicts.target_chart(view, "activities_completed", "axis.activities", "targets")
    widgets.years_note(view)
    st.subheader(t("verdict.matrix"))
    verdicts.matrices(view)
