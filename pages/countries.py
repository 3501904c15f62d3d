"""Countries: where activities took place, by component and year."""

import streamlit as st

from bomca_data import charts, figures
from bomca_data.ui import banners, state, widgets

view = state.current_view()
if view is not None:
    banners.page_header(view, "page.countries", "countries.intro")
    data, lang, t, as_of = view.data, view.lang, view.t, view.as_of
    programme = data.programme
    keys = (*programme.countries, "RG")
    done = figures.completed_activities(data, as_of, view.filters.year_kind)
    if not widgets.nothing_matches(view, done):
        rows = figures.count_by(done, "country", keys, explode=True)
        reach = figures.coverage(done, programme)
        widgets.kpi_row([
            (t("kpi.completed"), widgets.fmt(len(done), lang), None),
            (t("kpi.countries"), f"{reach['countries']} / {len(programme.countries)}", None),
            (t("kpi.regional"), widgets.fmt(reach["regional"], lang), None),
            (t("kpi.multi_country"), widgets.fmt(reach["multi_country"], lang),
             t("rule.multi_country")),
        ])
        widgets.chart(view, charts.country_map(rows, lang, t("countries.map"), view.subtitle,
                                               t("axis.activities")), rows, "country-map")
        st.caption(t("countries.map_source"))
        widgets.multi_country_note(view, done, rows)
        left, right = st.columns(2)
        with left:
            rows = figures.cross_count(done, "country", "component", keys, programme.components,
                                       explode=True)
            widgets.chart(view, charts.stacked(rows, "country", "country", "component",
                                               "component", "activities", lang,
                                               t("countries.by_component"), view.subtitle,
                                               t("axis.activities"), horizontal=True, half=True),
                          rows, "country-by-component", half=True)
        with right:
            years = programme.year_keys(view.filters.year_kind)
            rows = figures.cross_count(done.dropna(subset=["year"]), "country", "year", keys,
                                       years, explode=True)
            widgets.chart(view, charts.stacked(rows, "year", "year", "country", "country",
                                               "activities", lang, t("countries.by_year"),
                                               view.subtitle, t("axis.activities"), half=True),
                          rows, "country-by-year", half=True)
            widgets.years_note(view)
