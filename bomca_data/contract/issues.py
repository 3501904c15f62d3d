"""The issue catalogue: every code with its severity, and the Issue record.

An issue's title ("issue_title.<code>") and messages ("issue.<code>.<case>") are message
templates in the translation catalogues (``locales/``), in English and Russian; an
issue carries its code and its message's key and parameters, and is written in the
reader's language when it is shown (pages, ``validate --lang ru``). Reports, CLI lines
and the data-quality page all render from here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass
from typing import Literal

from bomca_data import i18n

Severity = Literal["error", "warning", "info"]

class Message(str):
    """A message: its English text (the string itself, for logs and tests) and what it
    takes to write it in another language, its catalogue key and parameters."""

    key: str
    params: dict

    def __new__(cls, key: str, **params: object) -> Message:
        message = super().__new__(cls, _render(key, params, i18n.DEFAULT_LANGUAGE))
        message.key, message.params = key, params
        return message

    def text(self, lang: str, escape=None) -> str:
        """The message in ``lang``; ``escape`` (when given) applied to each text
        parameter (a value, a file name), never to the catalogue's own words."""
        return _render(self.key, self.params, lang, escape)

    def __reduce__(self):  # copies and pickles (Streamlit's caches) keep key and parameters
        return _message, (self.key, self.params)

    def as_json(self) -> dict:
        return {"key": self.key, "params": {name: value.as_json() if isinstance(
            value, Message) else value for name, value in self.params.items()}}

    @classmethod
    def from_json(cls, data: dict) -> Message:
        return cls(data["key"], **{name: cls.from_json(value) if isinstance(value, dict)
                                   else value for name, value in data["params"].items()})


def _message(key: str, params: dict) -> Message:
    return Message(key, **params)


def _render(key: str, params: dict, lang: str, escape=None) -> str:
    """Numbers and dates written the language's way ("1 000", "05.09.2022" in Russian);
    a message given as a parameter (the reason a file is unreadable) in the same
    language."""
    def written(name: str, value: object) -> object:
        if name == "n" and plural:  # gettext picks the form from the number itself
            return value
        if isinstance(value, Message):
            return value.text(lang, escape)
        if isinstance(value, str) and ISO_DATE.fullmatch(value) and (day := _day(value)):
            return i18n.date(day, lang)  # a date the reader's way
        if isinstance(value, bool) or not isinstance(value, int | float):
            return escape(value) if escape and isinstance(value, str) else value
        return i18n.number(value, lang, digits=0 if float(value).is_integer() else 1)
    plural = i18n.is_plural(key)
    return i18n.t(key, lang, **{name: written(name, value) for name, value in params.items()})


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def table_name(table: str) -> Message:
    """A table's name ("activities": "Мероприятия" in Russian) in a message."""
    return Message(f"table.{table}")


def text(message: str, lang: str, escape=None) -> str:
    """A message in ``lang``; a plain string (from outside the catalogue) as it is, or
    through ``escape`` when given (see Message.text)."""
    if isinstance(message, Message):
        return message.text(lang, escape)
    return escape(message) if escape else message


# each code's severity; its title is "issue_title.<code>" and its messages
# "issue.<code>.<case>" in the translation catalogues (docs/data-contract.md lists them)
CATALOGUE: dict[str, Severity] = {
    "unreadable-file": "error",
    "missing-table": "error",
    "missing-column": "error",
    "missing-value": "error",
    "type-error": "error",
    "vocabulary-error": "error",
    "duplicate-id": "error",
    "unknown-reference": "error",
    "date-order": "error",
    "range-error": "error",
    "personal-data-dropped": "warning",
    "ambiguous-source": "warning",
    "unknown-column": "info",
    "derived-status": "info",
    "total-row-skipped": "info",
}

SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Issue:
    code: str
    message: str
    table: str | None = None
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None
    country: str | None = None  # the row's countries ("KZ;UZ"): who may see the issue

    @property
    def severity(self) -> Severity:
        return CATALOGUE[self.code]

    def title(self, lang: str = i18n.DEFAULT_LANGUAGE) -> str:
        return i18n.t(f"issue_title.{self.code}", lang)

    def as_dict(self, lang: str = i18n.DEFAULT_LANGUAGE) -> dict:
        return {"severity": self.severity, **asdict(self), "message": text(self.message, lang)}

    def as_json(self, lang: str = i18n.DEFAULT_LANGUAGE) -> dict:
        """``as_dict`` with the message's key and parameters: what it takes to rebuild the
        issue in another language (``from_json``)."""
        entry = self.as_dict(lang)
        if isinstance(self.message, Message):
            entry["template"] = self.message.as_json()
        return entry

    @classmethod
    def from_json(cls, entry: dict) -> Issue:
        fields = {k: v for k, v in entry.items() if k not in ("severity", "template")}
        if "template" in entry:
            fields["message"] = Message.from_json(entry["template"])
        return cls(**fields)

    def as_line(self, lang: str = i18n.DEFAULT_LANGUAGE) -> str:
        """`SEVERITY code file[:sheet]:row:column: message`, as the contract says."""
        where = self.file or "-"
        if self.sheet:
            where += f":{self.sheet}"
        row = "" if self.row is None else str(self.row)
        return (f"{self.severity.upper()} {self.code} {where}:{row}:{self.column or ''}: "
                f"{text(self.message, lang)}")


def has_errors(issues: list[Issue]) -> bool:
    return any(i.severity == "error" for i in issues)


def sort_key(issue: Issue) -> tuple:
    return (issue.file or "", issue.sheet or "", issue.row or 0, SEVERITY_ORDER[issue.severity])
