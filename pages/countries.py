"""Countries: where activities took place, by component and year."""

import streamlit as st

from bomca_data import charts, figures
from bomca_data.ui import page, widgets

view = page.start("page.countries", "countries.intro")
data, lang, t, as_of = view.data, view.lang, view.t, view.as_of
programme = data.programme
keys = programme.scopes
done = figures.completed_activities(data, as_of, view.filters.year_kind)
if not widgets.nothing_matches(view, done):
    rows = figures.count_by(done, "country", keys, explode=True)
    reach = figures.coverage(done, view.countries)
    widgets.kpi_row([
        (t("kpi.completed"), view.number(len(done)), None),
        (t("kpi.countries"), f"{reach['countries']} / {len(view.countries)}", None),
        (t("kpi.regional"), view.number(reach["regional"]), None),
        (t("kpi.multi_country"), view.number(reach["multi_country"]), None,
         t("rule.multi_country")),
    ])
    widgets.chart(view, charts.country_map(
        rows, text=view.text("countries.map", "axis.activities")), rows, "country-map")
    st.caption(t("countries.map_source"))
    widgets.multi_country_note(view, done, rows)
    left, right = st.columns(2)
    with left:
        rows = figures.cross_count(done, "country", "component", keys, programme.components,
                                   explode=True)
        widgets.chart(view, charts.stacked(
            rows, x="country", colour_by="component", value="activities", horizontal=True,
            text=view.text("countries.by_component", "axis.activities", half=True)),
            rows, "country-by-component")
    with right:
        years = programme.year_keys(view.filters.year_kind)
        rows = figures.cross_count(done.dropna(subset=["year"]), "country", "year", keys,
                                   years, explode=True)
        widgets.chart(view, charts.stacked(
            rows, x="year", colour_by="country", value="activities",
            text=view.text("countries.by_year", "axis.activities", half=True)),
            rows, "country-by-year")
        widgets.years_note(view)
