"""The data contract as a document (docs/data-contract.md), written from the code that
defines it: the tables, columns and vocabularies of ``contract``, the issue catalogue,
and the rules of the figures from the docstrings of the functions that apply them. A
rule is written once, where it is applied; a test fails when the committed document
differs from what this module writes (``python -m bomca_data contract --out
docs/data-contract.md`` writes it again).
"""

from __future__ import annotations

import inspect
import re
from dataclasses import fields

from bomca_data import contract, filters, i18n, model
from bomca_data.contract import issues, labels, wording
from bomca_data.figures import (
    activities,
    asof,
    by_year,
    meeting_brief,
    published,
    recommendations,
    targets,
)

PATH = "docs/data-contract.md"


def _doc(obj) -> str:
    """A docstring as Markdown: ``code`` becomes `code`, each paragraph and each list
    item on one line."""
    text = (inspect.getdoc(obj) or "").replace("``", "`")
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines: list[str] = []
        for line in block.splitlines():
            line = line.strip()
            if line.startswith("- ") or not lines:
                lines.append(line)
            else:
                lines[-1] += " " + line
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|")


def _tables() -> list[str]:
    out = ["## Tables", "",
           "A source is a folder (one file per table, or one workbook with a sheet per "
           "table) or a workbook. Accepted files: "
           + ", ".join(f"`{s}`" for s in contract.ACCEPTED_SUFFIXES) + ". Headers are "
           "matched by name, alias or label, in any case, with spaces, hyphens and "
           "underscores alike; columns naming or reaching a person are dropped as the file "
           "is read. The labels are the headers of the dashboard's exports in English and "
           "Russian (and a sheet or file may be named by its table's label): an exported "
           "workbook, corrected, is an upload.", ""]
    for table in contract.TABLES.values():
        titles = ", ".join(dict.fromkeys(labels.table_label(table.name, lang)
                                         for lang in i18n.LANGUAGES))
        out += [f"### `{table.name}`", "", f"Sheet or file also named: {titles}.", ""]
        if table.id_column:
            out += [f"Identified by `{table.id_column}` (unique).", ""]
        out += ["| column | kind | required | rule | aliases | labels (en, ru) |",
                "|---|---|---|---|---|---|"]
        for col in table.columns:
            rule = "; ".join(wording.column_rules(table, col, "en"))
            out.append(f"| `{col.name}` | {col.kind} | {'yes' if col.required else ''} | "
                       f"{_cell(rule)} | {_cell(', '.join(col.aliases))} | "
                       f"{_cell(', '.join(labels.labels(col.name)))} |")
        out += ["", f"Scope: {_scope_sentence(table)}", ""]
    return out


def _scope_sentence(table: contract.Table) -> str:
    scope = table.scope
    parts = []
    if scope.follows:
        parts.append(f"follows `{scope.follows}` through `{scope.key}`")
    if scope.country:
        parts.append(f"countries from `{scope.country}`"
                     + (" (regional rows under any country)" if scope.regional else ""))
    if scope.component:
        parts.append(f"component from `{scope.component}`")
    if scope.date:
        parts.append(f"year from `{scope.date}`")
    if scope.blank_kept:
        parts.append("rows naming no country or component kept by filters")
    return "; ".join(parts) + "."


def _vocabularies() -> list[str]:
    out = ["## Vocabularies", "",
           "A value may be written as its code, its English or Russian name, or one of "
           "the listed spellings.", ""]
    for kind, terms in contract.VOCABULARIES.items():
        if kind == "country_list":
            continue
        out += [f"### {kind}", "", "| code | English | Russian |", "|---|---|---|"]
        out += [f"| `{t.code}` | {_cell(t.en)} | {_cell(t.ru)} |" for t in terms]
        out.append("")
    out += ["A `country_list` holds one or more country codes separated by `;` "
            "(\"KZ;UZ\"), or `RG` for the region.", ""]
    return out


def _figures() -> list[str]:
    rules = (model.Dataset.data_date, model.Dataset.default_as_of, asof.activity_status,
             asof.completed_by, activities.activity_summary,
             activities.planned_implemented_share, asof.people_count,
             asof.recommendation_status, recommendations.recommendations_view, meeting_brief,
             meeting_brief.planned)
    out = ["## Figures at a date", "",
           "Every figure is a function of (data, as-of date D, scope): D is the sidebar's "
           "date, `?as_of=` in a link, or `--as-of` on the command line.", ""]
    for rule in rules:
        out += [_doc(rule), ""]
    return out


def _scope() -> list[str]:
    beyond = _doc(filters).split("\n\n", 1)[1]  # after the module's one-line summary
    return ["## Scope: filters and access", "", _doc(contract.Scope), "", beyond, "",
            "Each table's declaration is under its table above.", ""]


def _limits() -> list[str]:
    out = ["## Limits", "", _doc(contract.Limits), "", "| limit | value |", "|---|---|"]
    for f in fields(contract.Limits):
        value = getattr(contract.LIMITS, f.name)
        shown = f"{value // 2**20:,} MB" if f.name.endswith("_bytes") else f"{value:,}"
        out.append(f"| `{f.name}` | {shown} |")
    return [*out, ""]


def _issues() -> list[str]:
    """Each code with its severity, its title and its messages in both languages, as
    the translation catalogues hold them (``{name}``: filled in from the row)."""
    out = ["## Issue codes", "", issues.__doc__.split("\n\n")[1].replace("\n", " "), "",
           "| code | severity | title | messages |", "|---|---|---|---|"]
    for code, severity in issues.CATALOGUE.items():
        title = " / ".join(i18n.t(f"issue_title.{code}", lang) for lang in i18n.LANGUAGES)
        messages = "<br>".join(" / ".join(_template(key, lang) for lang in i18n.LANGUAGES)
                               for key in sorted(i18n.message_keys())
                               if key.startswith(f"issue.{code}."))
        out.append(f"| `{code}` | {severity} | {_cell(title)} | {_cell(messages)} |")
    return [*out, ""]


def _template(key: str, lang: str) -> str:
    """A message as written, its plural forms as the "other" (or "many") one."""
    message = i18n.catalogue(lang).get(key)
    text = message.string[-1] if isinstance(message.string, tuple) else message.string
    return f"`{text}`"


def _indicators() -> list[str]:
    """Each indicator as declared (contract.INDICATORS), with its figure's rule."""
    out = ["### Indicators", "", "| indicator | English | Russian | unit | reads | "
           "actual per year |", "|---|---|---|---|---|---|"]
    rules = []
    for i in contract.INDICATORS:
        out.append(f"| `{i.code}` | {i.en} | {i.ru} | {i.unit} | `{i.reads[0]}.{i.reads[1]}` "
                   f"| `figures.by_year.{i.figure}` |")
        rules += [f"- `{i.code}`: {_doc(getattr(by_year, i.figure))}"]
        if i.share:
            rules += [f"  Over the whole period: {_doc(getattr(by_year, i.overall))}"]
    return [*out, "", *rules, ""]


def document() -> str:
    lines = ["# Data contract", "",
             "<!-- Written by bomca_data/contract/document.py from the code: do not edit; run "
             "`python -m bomca_data contract --out docs/data-contract.md`. -->", "",
             _doc(contract).split("\n\n")[0], "",
             *_tables(), *_vocabularies(), *_figures(), *_scope(),
             "## Targets and verdicts", "", _doc(targets), "", *_indicators(),
             "## Published figures", "", _doc(published), "",
             *_limits(), *_issues()]
    return "\n".join(lines).rstrip() + "\n"
