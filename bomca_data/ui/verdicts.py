"""Overview's answer to "is it on track?": the verdicts for the scope in view, and the
matrices of countries and components by indicator, each row a link to its view."""

from __future__ import annotations

import streamlit as st

from bomca_data import i18n
from bomca_data import verdicts as rule
from bomca_data.ui import widgets
from bomca_data.ui.state import View


def scope_row(view: View) -> None:
    """One card per indicator: its verdict for the scope in view, and what it compares."""
    chosen = view.filters
    cards = st.columns(len(rule.INDICATORS))
    for card, indicator in zip(cards, rule.INDICATORS, strict=True):
        found = rule.verdict(view.data, view.as_of, indicator, chosen.countries,
                             chosen.components)
        with card.container(border=True):
            st.caption(i18n.term("indicator", indicator, view.lang))
            st.badge(rule.label(found.verdict, found.ratio, view.lang),
                     color=rule.BADGES[found.verdict])
            if found.due is not None and found.actual is not None:
                share = indicator == rule.SHARE
                st.caption(view.t("verdict.detail", actual=widgets.fmt(
                    found.actual, view.lang, percent=share), due=widgets.fmt(
                    found.due, view.lang, percent=share)))
    st.caption(view.t("verdict.rule"))


def _link(view: View, scope: dict[str, str]) -> str:
    query = {**scope, "as_of": view.as_of.isoformat(), "lang": view.lang}
    return "?" + "&".join(f"{k}={v}" for k, v in query.items())


def matrices(view: View) -> None:
    """Countries x indicators and components x indicators, over the whole data the
    user may see (not the filters): which country or component lags, in one glance."""
    programme = view.dataset.programme
    for by, keys, url_key in (("country", programme.countries, "country"),
                              ("component", programme.components, "component")):
        frame = rule.matrix(view.dataset, view.as_of, by)
        links = {key: _link(view, {url_key: key}) for key in keys}
        table = rule.matrix_table(frame, by, view.lang, links)
        styled = table.style.map(lambda text: "background-color: " + rule.COLOURS[
            rule.verdict_of_text(text)], subset=list(table.columns[1:]))
        st.dataframe(styled, hide_index=True, width="stretch", column_config={
            table.columns[0]: st.column_config.LinkColumn(display_text=r"#(.*)$")})


def has_targets(view: View) -> bool:
    targets = view.dataset.table("targets")
    return targets is not None and len(targets) > 0


def target_chart(view: View, indicator: str, value_title: str, name: str) -> None:
    """An indicator against its targets, per programme year, for the scope in view
    (its own targets; a sentence when it has none). Future years show the target alone."""
    from bomca_data import charts

    chosen = view.filters
    rows = rule.progress(view.data, view.as_of, indicator, chosen.countries, chosen.components)
    if rows["target"].isna().all():
        st.info(view.t("targets.none_for"))
    title = view.t("verdict.against", indicator=i18n.term("indicator", indicator, view.lang))
    widgets.chart(view, charts.actual_vs_target(
        rows[["year", "actual", "target", "due", "verdict"]], view.lang, title, view.subtitle,
        value_title, percent=indicator == rule.SHARE), rows, name)
