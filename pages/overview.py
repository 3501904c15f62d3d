"""Overview: is the programme on track against its timeline and targets?"""

import streamlit as st

from bomca_data import charts, figures, panels
from bomca_data.ui import page, reports, verdicts, widgets

view = page.start("page.overview", "overview.intro")
data, lang, t, as_of = view.data, view.lang, view.t, view.as_of
for cards in panels.headline_cards(view):
    widgets.kpi_row(cards)
clock = data.programme.elapsed(as_of)
done = figures.completed_activities(data, as_of)
widgets.published_quotes(view)

if verdicts.has_targets(view):
    st.subheader(t("verdict.title"))
    verdicts.scope_row(view)

programme = data.programme
year_ends = [programme.year_end(n) for n in programme.year_numbers()]
# the programme's timeline is the same under any filter, and says so: the same figure
# on every filter change, which the browser then does not draw again
fig = charts.programme_clock(clock, as_of, year_ends, text=view.text(
    "overview.clock", start=view.date(programme.start), end=view.date(programme.end),
    subtitle=view.t("overview.clock_context", date=view.date(as_of))))
widgets.chart(view, fig, programme.years_frame(as_of), "timeline-clock")

if not widgets.nothing_matches(view, done):
    left, right = st.columns(2)
    with left:
        widgets.chart(view, *panels.completed_by(view, done, "component"),
                      "completed-by-component")
    with right:
        fig, rows = panels.completed_by(view, done, "country")
        widgets.chart(view, fig, rows, "completed-by-country")
        widgets.multi_country_note(view, done, rows)

if not widgets.missing_table(view, "targets"):
    verdicts.target_chart(view, "activities_completed", "axis.activities", "targets")
    widgets.years_note(view)
    st.subheader(t("verdict.matrix"))
    verdicts.matrices(view)

st.subheader(t("report.final_title_page"))
st.caption(t("report.final_intro", end=view.date(reports.final_as_of(view.dataset))))
reports.buttons(st, view.dataset, view.filters, as_of, lang, final=True)
