"""docs/data-contract.md is written from the code that defines the contract: it must
be what the code writes today, and hold every table, column and rule."""

from __future__ import annotations

from pathlib import Path

from bomca_data import cli, contract
from bomca_data.contract import document, issues

ROOT = Path(__file__).resolve().parent.parent


def test_the_committed_document_is_up_to_date():
    committed = (ROOT / document.PATH).read_text(encoding="utf-8")
    assert committed == document.document(), (
        "docs/data-contract.md is out of date: run "
        "`python -m bomca_data contract --out docs/data-contract.md`")


def test_it_holds_every_table_column_code_and_rule():
    text = document.document()
    for table in contract.TABLES.values():
        assert f"### `{table.name}`" in text
        assert all(f"| `{c.name}` |" in text for c in table.columns)
    assert all(f"| `{code}` |" in text for code in issues.CATALOGUE)
    for rule in ("Each activity's status on D", "the last update on or before D",
                 "on track at 90 % or more", "rows naming no country are for unrestricted",
                 "The people rule"):
        assert rule in text


def test_the_command_line_writes_it(tmp_path, capsys):
    assert cli.main(["contract", "--out", str(tmp_path / "c.md")]) == 0
    assert (tmp_path / "c.md").read_text(encoding="utf-8") == document.document()
    assert cli.main(["contract"]) == 0
    assert capsys.readouterr().out.endswith(document.document())


def test_every_label_reads_back_as_its_own_table_and_column():
    """An export's sheet and header names, in either language, are recognised as the
    table and column they name: no label is another column's alias."""
    from bomca_data import contract, i18n
    from bomca_data.contract import labels

    for table, spec in contract.TABLES.items():
        for lang in i18n.LANGUAGES:
            assert labels.table_for_name(labels.table_label(table, lang)) == table
            lookup = labels.header_lookup(table)
            for col in spec.columns:
                label = labels.column_label(col.name, lang)
                assert lookup[contract.header_key(label)] == col.name, (table, label)
                assert not contract.is_personal(label), label  # it would be dropped
