"""The contract is the one schema: every rule a column declares is applied by the
cleaner (cases generated from the declarations, so a new rule is tested the day it is
declared), and the template, the Data quality page and the document say the same words."""

from __future__ import annotations

import pytest

from bomca_data import contract, i18n
from bomca_data.contract import template, wording
from bomca_data.model import load_dataset
from tests.sheets import write_csv

VALID = {  # one valid row per table, the rows referring to each other
    "activities": {"activity_id": "A1", "title": "T", "component": "C1", "country": "KZ",
                   "start_date": "2022-03-01", "end_date": "2022-03-02",
                   "status": "completed", "workplan_year": "1", "budget_eur": "100"},
    "participants": {"activity_id": "A1", "count": "2", "country": "KZ"},
    "recommendations": {"rec_id": "R1", "title": "T", "country": "KZ",
                        "date_proposed": "2022-03-01", "status": "accepted",
                        "activity_id": "A1", "status_date": "2022-04-01",
                        "reviewed_at": "M1"},
    "recommendation_updates": {"rec_id": "R1", "date": "2022-05-01", "status": "implemented",
                               "meeting_id": "M1"},
    "meetings": {"meeting_id": "M1", "meeting_type": "NSG", "country": "KZ",
                 "start_date": "2022-06-01", "end_date": "2022-06-02"},
    "published": {"statement_id": "S1", "date": "2022-09-05", "source": "X",
                  "indicator": "activities_completed", "year": "2022", "value": "1"},
    "targets": {"indicator": "activities_completed", "year": "1", "target": "5"},
}


def _cases() -> list[tuple[str, str, str, str, str]]:
    """(table, column, rule, bad value, the code it raises) for every declared rule."""
    cases = []
    for table in contract.TABLES.values():
        if table.id_column:
            cases.append((table.name, table.id_column, "unique", "", "duplicate-id"))
        for col in table.columns:
            if col.after:
                cases.append((table.name, col.name, "after", "2020-01-01", "date-order"))
            if col.references:
                cases.append((table.name, col.name, "references", "NOPE", "unknown-reference"))
            if col.years:
                cases.append((table.name, col.name, "years", "99", "range-error"))
            if not col.regional:
                cases.append((table.name, col.name, "regional", contract.REGION,
                              "vocabulary-error"))
            if col.minimum is not None:
                cases.append((table.name, col.name, "minimum", f"{col.minimum - 1:g}",
                              "range-error"))
            if col.maximum is not None:
                cases.append((table.name, col.name, "maximum", f"{col.maximum * 10:g}",
                              "range-error"))
    return cases


def test_every_kind_of_rule_is_declared_somewhere():
    assert {c[2] for c in _cases()} >= {"unique", "after", "references", "years", "regional",
                                        "minimum"}
    assert set(VALID) == set(contract.TABLES)


@pytest.mark.parametrize(("table", "column", "rule", "bad", "code"), _cases(),
                         ids=lambda v: str(v))
def test_the_cleaner_applies_each_declared_rule(tmp_path, table, column, rule, bad, code):
    for name, row in VALID.items():
        rows = [list(row.values())]
        if name == table:
            broken = dict(row)
            if rule != "unique":  # a row of its own (a new id), wrong in one column
                if id_column := contract.TABLES[table].id_column:
                    broken[id_column] += "b"
                broken[column] = bad
            rows.append(list(broken.values()))
        write_csv(tmp_path / f"{name}.csv", [list(row), *rows])
    dataset = load_dataset(tmp_path, use_cache=False)
    found = [(i.table, i.row, i.column, i.code) for i in dataset.issues
             if i.severity == "error"]
    if rule == "unique":  # the rows naming a repeated id cannot tell which one they mean
        others = [i.message.key for i in dataset.issues if i.severity == "error"
                  and i.table != table]
        assert set(others) <= {"issue.unknown-reference.ambiguous",
                               "issue.unknown-reference.excluded"}, others
        found = [f for f in found if f[0] == table]
    assert found == [(table, 3, column, code)], found


def test_the_template_the_page_and_the_document_say_the_rules_in_the_same_words():
    book = template.build_template()
    guide = list(book["instructions"].values)
    header = guide.index(("table", "column", "required", "type / accepted values", "rule",
                          "also accepted headers"))
    said = {(r[0], r[1]): r[4] or "" for r in guide[header + 1:] if r[0]}
    from bomca_data.contract import document

    document = document.document()
    for table in contract.TABLES.values():
        shown = wording.table_rules(table, "en").set_index("column")["rules"]
        for col in table.columns:
            words = "; ".join(wording.column_rules(table, col, "en"))
            assert said[(table.name, col.name)] == words == shown[col.name]
            if words:
                assert words.replace("|", "\\|") in document
    russian = wording.table_rules(contract.TABLES["participants"], "ru").set_index("column")
    assert russian.loc["country", "rules"] == "одна страна, не RG; пусто: " + i18n.t(
        "rule.blank.participants.country", "ru")
