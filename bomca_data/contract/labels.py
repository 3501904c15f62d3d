"""The names a reader sees for the contract's tables and columns, in both languages (the
interface catalogue's ``table.<name>`` and ``col.<name>``: the same words as the pages),
and the look-ups that recognise them: a workbook exported in Russian, with a sheet
"Мероприятия" and a header "Название", is read back as the activities and their titles.
Canonical names and the declared aliases come first; a label only adds a spelling."""

from __future__ import annotations

from functools import cache

from bomca_data import contract, i18n


def table_label(table: str, lang: str) -> str:
    """ "Activities", "Мероприятия": a table's name as sheets and files are titled."""
    name = i18n.t(f"table.{table}", lang)
    return name[:1].upper() + name[1:]


def column_label(column: str, lang: str) -> str:
    """A column's header as the reader sees it ("Title", "Название"); its canonical name
    when the catalogue has none."""
    key = f"col.{column}"
    return i18n.t(key, lang) if i18n.has(key) else column


def labels(column: str) -> tuple[str, ...]:
    """A column's headers in every language."""
    return tuple(dict.fromkeys(column_label(column, lang) for lang in i18n.LANGUAGES))


@cache
def _tables() -> dict[str, str]:
    found = {name: name for name in contract.TABLES}
    for name in contract.TABLES:
        for lang in i18n.LANGUAGES:
            found.setdefault(contract.header_key(table_label(name, lang)), name)
    return found


def table_for_name(name: str) -> str | None:
    """The table a sheet or file is named after: "activities", "Activities",
    "Мероприятия.csv"'s stem; None for any other name."""
    return _tables().get(contract.header_key(name))


@cache
def header_lookup(table: str) -> dict[str, str]:
    """Normalised header -> column: the canonical names and aliases
    (``Table.header_lookup``), then each column's labels in both languages."""
    lookup = contract.TABLES[table].header_lookup()
    for column in contract.TABLES[table].columns:
        for label in labels(column.name):
            lookup.setdefault(contract.header_key(label), column.name)
    return lookup
