"""Overview's answer to "is it on track?": the verdicts for the scope in view, and the
matrices of countries and components by indicator, each row a link to its view."""

from __future__ import annotations

import streamlit as st

from bomca_data import i18n
from bomca_data.figures import targets
from bomca_data.figures.counting import once_per_dataset
from bomca_data.outputs import verdict_words as words
from bomca_data.ui import widgets
from bomca_data.ui.state import View


def scope_row(view: View) -> None:
    """The verdict of each indicator for the scope in view, and what it compares: one
    Markdown table (one element: cheap to redraw on every filter change)."""
    rows = words.scope_verdicts(view)
    names = [row.name for row in rows]
    badges = [words.badge(row.verdict, row.ratio, view.lang) for row in rows]
    details = [row.detail for row in rows]
    st.markdown("\n".join(["| " + " | ".join(names) + " |", "|" + "---|" * len(names),
                           "| " + " | ".join(badges) + " |",
                           "| " + " | ".join(details) + " |"]))
    st.caption(view.t("verdict.rule"))


def _link(view: View, scope: dict[str, str]) -> str:
    query = {**scope, "as_of": view.as_of.isoformat(), "lang": view.lang}
    return "?" + "&".join(f"{k}={v}" for k, v in query.items())


def matrices(view: View) -> None:
    """Countries x indicators and components x indicators, over the whole data the
    user may see (not the filters): which country or component lags, in one glance;
    each row's name a link to its filtered view."""
    programme = view.dataset.programme
    for by, keys in (("country", programme.countries), ("component", programme.components)):
        links = tuple((key, _link(view, {by: key})) for key in keys)
        st.markdown(_table(view.dataset, view.as_of, by, view.lang, links))


@once_per_dataset
def _table(dataset, as_of, by: str, lang: str, links: tuple) -> str:
    """The matrix's Markdown, made once per dataset, date and language."""
    return words.matrix_markdown(targets.matrix(dataset, as_of, by), by, lang, dict(links))


def has_targets(view: View) -> bool:
    targets = view.dataset.table("targets")
    return targets is not None and len(targets) > 0


def target_chart(view: View, indicator: str, axis: str, name: str,
                 half: bool = False) -> None:
    """An indicator against its targets, per programme year, for the scope in view
    (its own targets; a sentence instead when it has none). Future years show the
    target alone."""
    from bomca_data import panels

    panel = panels.target(view, indicator, axis, half)
    if panel is None:  # the sentence alone: never another scope's target against this one
        st.info(view.t("verdict.none_for", indicator=i18n.name("indicator", indicator,
                                                              view.lang)))
        return
    widgets.chart(view, *panel, name)
