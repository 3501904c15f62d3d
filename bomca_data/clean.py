"""Raw text tables -> typed, normalised frames plus the issues found.

Column rules run on whole columns at once; every issue names the spreadsheet row
(the ROW column), the header as written, and the value. A row with any error is
excluded from the frame that figures are computed from, and stays listed in the
issues.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from bomca_data import contract
from bomca_data.contract.issues import Issue, Message, table_name
from bomca_data.programme import Programme
from bomca_data.source import parse
from bomca_data.source.read import ROW, RawTable

_MAX_LISTED = 12  # cap listed accepted values so a message stays readable


def quoted(value: str | None) -> str:
    """A cell value as quoted in a message, or words standing for it where values may
    not be quoted (see ``Checked.quotes``)."""
    return Message("issue.this_value" if value is None else "issue.quoted", value=value)


@dataclass
class _Flag:
    """Rows found wrong by one rule, kept as arrays until the issues are made."""

    mask: np.ndarray
    code: str
    column: str
    message: str | None
    values: pd.Series | None
    describe: object


@dataclass
class Checked:
    """One table being cleaned: typed columns, per-row exclusion and issues."""

    raw: RawTable
    frame: pd.DataFrame
    excluded: np.ndarray
    issues: list[Issue] = field(default_factory=list)
    flags: list[_Flag] = field(default_factory=list)

    @property
    def quotes(self) -> bool:
        """Messages quote cell values, except a participants table's: a column of names
        under a header such as "Participants" (an alias of count) must not come back
        in a message, a report, a log or the cache."""
        return self.raw.table not in contract.UNQUOTED_TABLES

    def flag(self, mask: pd.Series | np.ndarray, code: str, column: str,
             message: str | None = None, values: pd.Series | None = None,
             describe=None) -> None:
        """Exclude the rows of ``mask``, each with an error for ``column``. The issues
        are made once the rows' countries are known (``issues_for``)."""
        mask = np.asarray(mask, dtype=bool)
        if not mask.any():
            return
        self.excluded |= mask
        self.flags.append(_Flag(mask, code, column, message, values, describe))

    def flagged_issues(self, scope: np.ndarray) -> list[Issue]:
        """The issues of every flag: each names its row, and its row's countries
        (``scope``: a country list per row, None when unknown). Past
        ``LIMITS.listed_issues`` rows of one rule, column and countries, one more
        issue counts the rest."""
        cap = contract.LIMITS.listed_issues
        out: list[Issue] = []
        rows = self.raw.frame[ROW].to_numpy()
        for flag in self.flags:
            header = self.raw.headers.get(flag.column, flag.column)
            shown = (flag.values if flag.values is not None else self.raw.frame[flag.column])
            where = np.flatnonzero(flag.mask)
            listed: dict[object, int] = {}
            for i in where:
                key = scope[i]
                listed[key] = listed.get(key, 0) + 1
                if listed[key] > cap:
                    continue
                value = shown.iloc[i]
                text = None if parse.is_blank(value) or not self.quotes else str(value)
                message = flag.describe(text) if flag.describe else flag.message
                out.append(Issue(flag.code, message, self.raw.table, self.raw.file,
                                 self.raw.sheet, int(rows[i]), header, text, key))
            for key, n in listed.items():
                if n > cap:
                    out.append(Issue(flag.code, Message("issue.more_rows", n=n - cap,
                                                        column=header, listed=cap),
                                     self.raw.table,
                                     self.raw.file, self.raw.sheet, None, header, None, key))
        return out


def accepted(kind: str) -> str:
    terms = contract.codes(contract.VOCABULARIES[kind])
    listed = ", ".join(terms[:_MAX_LISTED])
    return listed + (", ..." if len(terms) > _MAX_LISTED else "")


def clean_table(raw: RawTable, programme: Programme) -> Checked:
    spec = contract.TABLES[raw.table]
    text = raw.frame
    checked = Checked(raw, pd.DataFrame({ROW: text[ROW]}), np.zeros(len(text), dtype=bool))
    for col in spec.columns:
        values = text[col.name]
        blank = values.isna().to_numpy()
        if col.required:
            checked.flag(blank, "missing-value", col.name,
                         Message("issue.missing-value.blank", column=col.name))
        checked.frame[col.name] = _typed(checked, col, values, blank)
    return checked


def _typed(checked: Checked, col: contract.Column, values: pd.Series,
           blank: np.ndarray) -> pd.Series:
    kind, name = col.kind, col.name
    if kind == "text":
        return values.astype("str")
    if kind == "date":
        parsed = parse.map_distinct(values, parse.parse_date)
        checked.flag(~blank & parsed.isna().to_numpy(), "type-error", name, describe=lambda v: (
            Message("issue.type-error.date", value=quoted(v))))
        return parse.to_datetime(parsed)
    if kind in ("number", "integer"):
        parser = parse.parse_number if kind == "number" else parse.parse_integer
        parsed = pd.to_numeric(parse.map_distinct(values, parser), errors="coerce")
        checked.flag(~blank & parsed.isna().to_numpy(), "type-error", name,
                     describe=lambda v: Message(f"issue.type-error.{kind}", value=quoted(v)))
        below = pd.Series(False, index=parsed.index)
        if col.minimum is not None:
            below = parsed < col.minimum
            checked.flag(below.to_numpy(), "range-error", name,
                         describe=lambda v: Message("issue.range-error.minimum",
                                                    value=quoted(v), minimum=col.minimum))
        above = pd.Series(False, index=parsed.index)
        if col.maximum is not None:
            above = parsed > col.maximum
            checked.flag(above.to_numpy(), "range-error", name,
                         describe=lambda v: Message("issue.range-error.maximum",
                                                    value=quoted(v), maximum=col.maximum))
        # a value out of bounds is an excluded row's: blank in the frame, so that the typed
        # column cannot overflow (its rows never count)
        return parsed.mask(below | above).astype("Int64" if kind == "integer" else "float64")
    if kind == "text_list":
        return parse.map_distinct(values, parse.parse_text_list).astype("str")
    if kind == "country_list":
        parsed = parse.map_distinct(values, parse.parse_country_list)
        checked.flag(~blank & parsed.isna().to_numpy(), "vocabulary-error", name,
                     describe=lambda v: Message(
                         "issue.vocabulary-error.country", accepted=accepted("country"),
                         unknown=", ".join(map(repr, parse.bad_country_parts(v))) if v
                         else Message("issue.this_value")))
        return parsed.astype("str")
    parsed = parse.map_distinct(values, lambda v: parse.parse_term(v, kind))
    checked.flag(~blank & parsed.isna().to_numpy(), "vocabulary-error", name,
                 describe=lambda v: Message("issue.vocabulary-error.term", value=quoted(v),
                                            column=name, accepted=accepted(kind)))
    if kind == "gender":  # a blank gender is a known unknown, not an error
        parsed = parsed.where(~pd.Series(blank, index=parsed.index), "unknown")
    return parsed.astype("str")


# --- rules across rows and tables -------------------------------------------------


def check_unique(checked: Checked, column: str) -> dict[str, int]:
    """Flag each id seen in an earlier row (the same id once normalised: ``parse.id_key``);
    {id key: position of its first row, or -3 for an id written on several rows}."""
    keys = parse.map_distinct(checked.frame[column], parse.id_key)
    named = keys.notna().to_numpy()
    dup = named & keys.duplicated(keep="first").to_numpy()
    positions = np.flatnonzero(named & ~dup)
    first = dict(zip(keys.to_numpy()[positions], positions.tolist(), strict=True))
    rows = checked.frame[ROW].to_numpy()
    checked.flag(dup, "duplicate-id", column, describe=lambda v: Message(
        "issue.duplicate-id.again", column=column, value=quoted(v),
        first=str(rows[first[parse.id_key(v)]]) if v is not None else "?"))
    return {**first, **dict.fromkeys(keys[dup], AMBIGUOUS)}


AMBIGUOUS = -3  # an id on several rows: which one a reference means cannot be told


def check_order(checked: Checked, start: str, end: str) -> None:
    frame = checked.frame
    bad = (frame[end] < frame[start]).fillna(False).to_numpy()
    header_start = checked.raw.headers.get(start, start)
    checked.flag(bad, "date-order", end, describe=lambda v: Message(
        "issue.date-order.before", value=quoted(v), start=header_start))


def check_reference(checked: Checked, column: str, target: Checked, first: dict[str, int],
                    name: str) -> None:
    """A reference names a row of table ``name`` by its id, matched as the id check
    matches (``parse.id_key``: spaces, letter case, Unicode form), and is written as
    that row writes it. One that names no row, a row excluded for its errors (it would
    attach to nothing) or an id written on several rows (which one is meant cannot be
    told: another country's note must not attach itself to the first) is an error."""
    values = checked.frame[column]
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    row_of = np.array([first.get(parse.id_key(u), -1) for u in uniques] + [-2], dtype=np.int64)
    found = row_of[codes]  # code -1 (a blank) takes the last slot: -2
    unknown = found == -1
    gone = np.zeros(len(found), dtype=bool)
    named = found >= 0
    gone[named] = target.excluded[found[named]]
    checked.flag(unknown, "unknown-reference", column,
                 describe=lambda v: Message("issue.unknown-reference.none", value=quoted(v),
                                            target=table_name(name)))
    checked.flag(gone, "unknown-reference", column,
                 describe=lambda v: Message("issue.unknown-reference.excluded",
                                            value=quoted(v), target=table_name(name)))
    checked.flag(found == AMBIGUOUS, "unknown-reference", column,
                 describe=lambda v: Message("issue.unknown-reference.ambiguous",
                                            value=quoted(v), target=table_name(name)))
    # written as the row it names writes its id (" r-1" -> "R-1"), when any is not
    spelled = target.frame[contract.TABLES[name].id_column].to_numpy(dtype=object)
    written = values.to_numpy(dtype=object)
    if (written[named] != spelled[found[named]]).any():
        written = written.copy()
        written[named] = spelled[found[named]]
        checked.frame[column] = pd.Series(written, index=values.index, dtype=values.dtype)


def check_years(checked: Checked, column: str, programme: Programme, kind: str) -> None:
    """An implementation year (1..N) or a calendar year of the programme; only the
    latter for ``kind`` "calendar"."""
    years, calendar = checked.frame[column], programme.calendar_years()
    ok = years.isin(calendar) | (years.isin(programme.year_numbers()) if kind != "calendar"
                                 else False)
    bad = (years.notna() & ~ok.fillna(False)).to_numpy()
    first, last = str(calendar[0]), str(calendar[-1])
    checked.flag(bad, "range-error", column, describe=lambda v: Message(
        "issue.range-error.calendar_year", value=quoted(v), first=first, last=last)
        if kind == "calendar" else Message(
        "issue.range-error.year", value=quoted(v), years=str(len(programme.year_numbers())),
        first=first, last=last))


def check_single_country(checked: Checked, column: str) -> None:
    checked.flag(checked.frame[column].eq(contract.REGION).fillna(False).to_numpy(),
                 "vocabulary-error", column, Message("issue.vocabulary-error.regional"))


def check_rules(checked: Checked, spec: contract.Table, programme: Programme) -> None:
    """The rules each column declares (``contract.Column``) within its table: a date
    after another, a year of the programme, one country."""
    for col in spec.columns:
        if col.after:
            check_order(checked, col.after, col.name)
        if col.years:
            check_years(checked, col.name, programme, col.years)
        if not col.regional:
            check_single_country(checked, col.name)


def check_references(checked: dict[str, Checked], firsts: dict[str, dict]) -> None:
    """Every reference to another table's rows (when that table was read), table by
    table in the contract's order, so that a row excluded for its own reference
    excludes, in turn, the rows that name it (an update of an excluded recommendation)."""
    for name in contract.TABLES:
        if name not in checked:
            continue
        for col in contract.TABLES[name].columns:
            if col.references and col.references in firsts:
                check_reference(checked[name], col.name, checked[col.references],
                                firsts[col.references], col.references)


def _fill_blanks(checked: dict[str, Checked]) -> None:
    """What a blank means where the contract says (``rule.blank.*`` in the catalogues):
    an activity's kind from its type, and its status from the dates (said once); a
    participant's country from a one-country activity, and a count of 1; a
    recommendation's component from its activity, and its type "recommendation"; a
    published comparison "="; and a women's share target is a fraction."""
    acts = checked.get("activities")
    if acts:
        frame = acts.frame
        frame["kind"] = frame["kind"].fillna(pd.Series(np.where(
            frame["activity_type"].isin(contract.COORDINATION_TYPES), "coordination",
            "thematic"), index=frame.index)).astype("str")
        derived = frame["status"].isna() & ~acts.excluded
        if derived.any():
            acts.issues.append(Issue(
                "derived-status", Message("issue.derived-status.rows", n=int(derived.sum())),
                "activities", acts.raw.file, acts.raw.sheet))
    if parts := checked.get("participants"):
        if acts:
            parts.frame["country"] = parts.frame["country"].fillna(
                parts.frame["activity_id"].map(_single_country(acts.frame)))
        parts.frame["count"] = parts.frame["count"].fillna(1)
    if recs := checked.get("recommendations"):
        if acts:
            linked = recs.frame["activity_id"].map(
                acts.frame.drop_duplicates("activity_id").set_index("activity_id")["component"])
            recs.frame["component"] = recs.frame["component"].fillna(linked)
        recs.frame["output_type"] = recs.frame["output_type"].fillna("recommendation")
    if published := checked.get("published"):
        published.frame["comparison"] = published.frame["comparison"].fillna("=")
    if targets := checked.get("targets"):
        shares = [i.code for i in contract.INDICATORS if i.share]  # a level: a fraction
        share = targets.frame["indicator"].isin(shares) & targets.frame["target"].gt(1)
        targets.flag(share.fillna(False).to_numpy(), "range-error", "target",
                     describe=lambda v: Message("issue.range-error.share", value=quoted(v)))


# --- the tables together ------------------------------------------------------------


def clean_tables(raws: dict[str, RawTable], programme: Programme
                 ) -> tuple[dict[str, pd.DataFrame], list[Issue], dict[str, dict]]:
    """Every usable raw table -> its valid rows, every issue found, and each table's
    rows read and excluded per country list (``row_scopes``)."""
    checked = {name: clean_table(raw, programme) for name, raw in raws.items()
               if raw.frame is not None}
    firsts = {}  # each table's ids, once normalised: the references of the others need them
    for name, c in checked.items():
        if column := contract.TABLES[name].id_column:
            firsts[name] = check_unique(c, column)
        check_rules(c, contract.TABLES[name], programme)
    check_references(checked, firsts)
    _fill_blanks(checked)
    frames, issues, scopes = {}, [], {}
    for name, c in checked.items():
        scope = row_scope(c.frame)
        frames[name] = c.frame[~c.excluded].reset_index(drop=True)
        issues += c.issues + c.flagged_issues(scope)
        scopes[name] = scope_counts(scope, c.excluded)
    if "participants" in frames:
        frames["participants"] = as_categories(frames["participants"])
        if "activities" in frames:
            frames["participants"][ACTIVITY_ROW] = activity_rows(frames["participants"],
                                                                 frames["activities"])
    return frames, issues, scopes


def row_scope(frame: pd.DataFrame) -> np.ndarray:
    """Each row's country list ("KZ;UZ"), the row's place in the access rule; None
    when the row names no readable country (only unrestricted users see it)."""
    if "country" not in frame:
        return np.full(len(frame), None, dtype=object)
    country = frame["country"].astype("object")
    return country.where(country.notna() & country.ne(""), None).to_numpy(dtype=object)


def scope_counts(scope: np.ndarray, excluded: np.ndarray) -> dict[str, list[int]]:
    """{country list ("" for none): [rows read, rows excluded]}."""
    keys = pd.Series(scope, dtype="object").fillna("")
    read = keys.value_counts()
    dropped = keys[excluded].value_counts()
    return {str(k): [int(n), int(dropped.get(k, 0))] for k, n in read.items()}


# Participants' columns with few distinct values (vocabularies, agencies, positions).
# Ids stay text: as categories, hundreds of thousands of distinct values would make
# reading the Parquet cache four times slower.
CATEGORY_COLUMNS = ("gender", "country", "agency", "agency_type", "position")


def as_categories(parts: pd.DataFrame) -> pd.DataFrame:
    """Participants' repetitive text columns as categories: each value stored once and
    each row a small integer, so narrowing the largest table to a selection is an array
    lookup (twenty times faster than taking text rows), and it takes less memory."""
    return parts.astype({c: "category" for c in CATEGORY_COLUMNS if c in parts})


ACTIVITY_ROW = "_activity"  # a participation's activity, as its row in the activities frame


def activity_rows(parts: pd.DataFrame, activities: pd.DataFrame) -> np.ndarray:
    """For each participation, the position of its activity (-1: none), so that
    narrowing participants to some activities is an array lookup, not a string search."""
    position = pd.Index(activities["activity_id"]).get_indexer(parts["activity_id"])
    return position.astype("int64")


def _single_country(activities: pd.DataFrame) -> pd.Series:
    """activity_id -> its country, for activities in exactly one national country."""
    single = activities[activities["country"].isin(contract.NATIONAL_COUNTRIES)]
    return single.drop_duplicates("activity_id").set_index("activity_id")["country"]
