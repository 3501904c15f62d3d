"""The verdicts in words, symbols and colour (figures.targets computes them): "✓ On
track (104 %)", and the countries x indicators matrix as one Markdown table."""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from bomca_data import contract, i18n
from bomca_data.figures.targets import INDICATORS

SYMBOLS = {"on_track": "✓", "at_risk": "!", "behind": "✗", "no_target": "–"}
# Streamlit's badge colours; the symbol and the words say the verdict too
BADGES = {"on_track": "green", "at_risk": "orange", "behind": "red", "no_target": "gray"}


def label(found: str, ratio: float | None, lang: str) -> str:
    """"✓ On track (104 %)": symbol, words and the share of what was due."""
    words = f"{SYMBOLS[found]} {i18n.t(f'verdict.{found}', lang)}"
    if ratio is None or pd.isna(ratio):
        return words
    return f"{words} ({i18n.percent(ratio, lang, digits=0)})"


def badge(found: str, ratio: float | None, lang: str) -> str:
    """The verdict as a coloured Markdown badge (its symbol and words say it too)."""
    return f":{BADGES[found]}-badge[{label(found, ratio, lang)}]"


class ScopeVerdict(NamedTuple):
    name: str  # the indicator's
    verdict: str
    ratio: float | None
    detail: str  # "12 of 10 due", blank when nothing is due


def scope_verdicts(view) -> list[ScopeVerdict]:
    """Each indicator's verdict for the scope of ``view`` (a ``bomca_data.view.View``),
    and what it compares."""
    from bomca_data.figures import targets

    chosen, found = view.filters, []
    for indicator in INDICATORS:
        v = targets.verdict(view.data, view.as_of, indicator, chosen.countries,
                            chosen.components)
        share = targets.is_share(indicator)
        found.append(ScopeVerdict(
            i18n.name("indicator", indicator, view.lang), v.verdict, v.ratio,
            view.t("verdict.detail", actual=view.number(v.actual, share),
                   due=view.number(v.due, share))
            if v.due is not None and v.actual is not None else ""))
    return found


def matrix_markdown(frame: pd.DataFrame, by: str, lang: str, link: dict[str, str]) -> str:
    """The matrix as one Markdown table: each row's name a link to its filtered view,
    each cell the verdict's badge (one element on the page, cheap to redraw)."""
    header = [i18n.t(f"verdict.by_{by}", lang),
              *(i18n.name("indicator", i, lang) for i in INDICATORS)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    cells = {(k, i): (v, r) for k, i, v, r in zip(frame[by], frame["indicator"],
                                                  frame["verdict"], frame["ratio"],
                                                  strict=True)}
    for key in dict.fromkeys(frame[by]):
        name = i18n.name(by, key, lang)
        row = [f"[{name}]({link[key]})",
               *(badge(*cells[(key, i)], lang) for i in INDICATORS)]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


PUBLISHED_SYMBOLS = {"agrees": "✓", "disagrees": "✗", "not_computable": "–"}
PUBLISHED = {i.code: i for i in contract.PUBLISHED_INDICATORS}


def published_verdict(found: str, lang: str) -> str:
    return f"{PUBLISHED_SYMBOLS[found]} {i18n.t(f'published.{found}', lang)}"


def _figure_value(value: float, indicator: str, lang: str) -> str:
    if PUBLISHED[indicator].share:
        return i18n.percent(value, lang)
    return i18n.number(value, lang)


def published_figure(statement, lang: str) -> str:
    """"Events held in the year (2024)": the indicator's name and the statement's scope."""
    return f"{i18n.name('published_indicator', statement.indicator, lang)} " \
           f"({published_scope(statement, lang)})"


def published_scope(statement, lang: str) -> str:
    """"Kazakhstan, 2024", or "whole programme": what a statement counts over."""
    scope = [i18n.name("country", statement.country, lang)
             if isinstance(statement.country, str) else "",
             i18n.component_short(statement.component, lang)
             if isinstance(statement.component, str) else "",
             "" if pd.isna(statement.year) else str(int(statement.year))]
    return ", ".join(s for s in scope if s) or i18n.t("published.whole", lang)


def published_table(found: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The checked statements (figures.published.register) as the reader sees them:
    dates, names, published wording and value, the figure from the data, the verdict."""
    rows = []
    for r in found.itertuples():
        computed = (i18n.t(f"published.reason.{r.reason}", lang) if r.computed is None
                    or pd.isna(r.computed) else _figure_value(r.computed, r.indicator, lang))
        rows.append({
            "statement_id": r.statement_id, "date": i18n.date(r.date.date(), lang),
            "source": r.source,
            "figure": i18n.name("published_indicator", r.indicator, lang),
            "scope": published_scope(r, lang),
            "published": f"{i18n.name('comparison', r.comparison, lang)} "
                         f"{_figure_value(r.value, r.indicator, lang)}",
            "computed": computed, "verdict": published_verdict(r.verdict, lang),
            "quote": r.quote if isinstance(r.quote, str) else ""})
    # the verdict within reach on a laptop's screen; where it was published after it
    frame = pd.DataFrame(rows, columns=["figure", "scope", "published", "computed", "verdict",
                                        "date", "source", "quote", "statement_id"])
    return frame.rename(columns={c: i18n.t(f"col.{c}", lang) for c in frame.columns})


def published_quotes(dataset, as_of, lang: str, escape=str) -> list[tuple[str, list[str]]]:
    """What the programme published on D about the whole programme, each checked, said
    once per source: ("As published on 2022-09-05 (NSG press release):", ["93 activities
    implemented. ✓ Agrees with the data.", ...]). ``escape`` makes the data's text safe
    where it is shown (Markdown)."""
    from bomca_data.figures import published

    groups: dict[tuple, list[str]] = {}
    for r in published.quoted(dataset, as_of).itertuples():
        quote = escape(r.quote) if isinstance(r.quote, str) else \
            f"{i18n.name('published_indicator', r.indicator, lang)} {r.value:g}"
        groups.setdefault((r.date.date(), r.source), []).append(i18n.t(
            "published.quote", lang, quote=quote, verdict=published_verdict(r.verdict, lang)))
    return [(i18n.t("published.as_published", lang, date=i18n.date(day, lang),
                    source=escape(source)), lines) for (day, source), lines in groups.items()]
