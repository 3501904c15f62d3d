"""The rules of the data contract in words, from what each column declares
(``contract.Column``: bounds, ``after``, ``references``, ``years``, ``regional``; a
table's unique id) and from the catalogues (what a blank means, notes), in the
reader's language: one source for the template's instructions, the Data quality page
and docs/data-contract.md, as the cleaner applies them."""

from __future__ import annotations

import pandas as pd

from bomca_data import contract, i18n
from bomca_data.programme import Programme


def column_rules(table: contract.Table, col: contract.Column, lang: str,
                 programme: Programme | None = None) -> list[str]:
    """What a value of ``col`` must be, and what its blank means."""
    programme = programme or Programme()
    t = lambda key, **values: i18n.t(key, lang, **values)  # noqa: E731
    rules = []
    if col.name == table.id_column:
        rules.append(t("rule.col.unique"))
    if col.after:
        rules.append(t("rule.col.after", column=col.after))
    if col.references:
        rules.append(t("rule.col.references", table=t(f"table.{col.references}"),
                       column=contract.TABLES[col.references].id_column))
    for key, bound in (("rule.col.minimum", col.minimum), ("rule.col.maximum", col.maximum)):
        if bound is not None:
            rules.append(t(key, n=i18n.number(bound, lang)))
    if col.years:
        years = programme.calendar_years()
        rules.append(t(f"rule.col.years_{col.years}", n=len(programme.year_numbers()),
                       first=years[0], last=years[-1]))
    if not col.regional:
        rules.append(t("rule.col.one_country", region=contract.REGION))
    for kind in ("note", "blank"):
        if i18n.has(key := f"rule.{kind}.{table.name}.{col.name}"):
            text = t(key)
            rules.append(t("rule.col.blank", meaning=text) if kind == "blank" else text)
    return rules


def table_rules(table: contract.Table, lang: str, programme: Programme | None = None
                ) -> pd.DataFrame:
    """[column, required, rules]: a table's columns and their rules, for a page."""
    rows = [(col.name, i18n.t("yes", lang) if col.required else "",
             "; ".join(column_rules(table, col, lang, programme))) for col in table.columns]
    return pd.DataFrame(rows, columns=["column", "required", "rules"])
