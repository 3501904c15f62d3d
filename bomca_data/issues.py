"""The issue catalogue: every code with its severity and title, and the Issue record.

Reports, CLI lines and the data-quality page all render from here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]

CATALOGUE: dict[str, tuple[Severity, str]] = {
    "unreadable-file": ("error", "File cannot be read"),
    "missing-table": ("error", "Required table missing"),
    "missing-column": ("error", "Required column missing"),
    "missing-value": ("error", "Required value blank"),
    "type-error": ("error", "Date or number cannot be read"),
    "vocabulary-error": ("error", "Value not in its list"),
    "duplicate-id": ("error", "Identifier used twice"),
    "unknown-reference": ("error", "Reference to nothing"),
    "date-order": ("error", "Date before its start"),
    "range-error": ("error", "Number out of range"),
    "personal-data-dropped": ("warning", "Personal data dropped"),
    "ambiguous-source": ("warning", "Table found in several places"),
    "unknown-column": ("info", "Columns ignored"),
    "derived-status": ("info", "Status derived from dates"),
    "total-row-skipped": ("info", "Totals row skipped"),
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
        return CATALOGUE[self.code][0]

    def as_dict(self) -> dict:
        return {"severity": self.severity, **asdict(self)}

    def as_line(self) -> str:
        """`SEVERITY code file[:sheet]:row:column: message`, as the contract says."""
        where = self.file or "-"
        if self.sheet:
            where += f":{self.sheet}"
        row = "" if self.row is None else str(self.row)
        return f"{self.severity.upper()} {self.code} {where}:{row}:{self.column or ''}: {self.message}"


def has_errors(issues: list[Issue]) -> bool:
    return any(i.severity == "error" for i in issues)


def sort_key(issue: Issue) -> tuple:
    return (issue.file or "", issue.sheet or "", issue.row or 0, SEVERITY_ORDER[issue.severity])
