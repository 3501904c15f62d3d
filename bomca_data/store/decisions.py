"""Decisions recorded in a steering-group meeting: rows appended to the
``recommendation_updates`` table (and to ``recommendations`` for new ones) of a
managed folder, through the same versioned import as an upload (a new version, a
history entry saying who recorded what at which meeting, rollback that undoes it).

Rows are never rewritten: the table's rows are carried over as they were read (as
text, valid or not) and the new ones added after them, in a CSV file of the table
that the next version holds (a person can open it in Excel). Two editors recording at
once: a save made on an older version than the current one is merged when the other's
rows concern other recommendations, and refused (``Conflict``, the other's rows in
it) when they concern the same one."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from bomca_data import contract
from bomca_data.model import load_dataset
from bomca_data.source import read
from bomca_data.store import (
    VERSIONS,
    StoreError,
    _locations_of,
    _publish_upload,
    check_upload,
    current_version,
    locked,
    versions,
)

UPDATES, RECS = "recommendation_updates", "recommendations"


@dataclass(frozen=True)
class Decision:
    """What the room agreed for one recommendation: its new status, a note, and its
    new due date when it moves."""

    rec_id: str
    status: str
    note: str = ""
    due_date: dt.date | None = None


@dataclass(frozen=True)
class NewRecommendation:
    title: str
    country: str  # a code, or several joined by ";"
    output_type: str
    partner_agency: str = ""
    component: str | None = None
    due_date: dt.date | None = None


@dataclass(frozen=True)
class NewMeeting:
    """A steering-group meeting the meetings table does not hold yet."""

    meeting_type: str  # NSG or RSG
    country: str
    start_date: dt.date
    location: str = ""

    def id_among(self, taken: set[str]) -> str:
        """"NSG-KZ-2026-03-12" (with "-2", "-3"... if taken)."""
        base = f"{self.meeting_type}-{self.country}-{self.start_date.isoformat()}"
        return next(f"{base}{'' if n == 1 else f'-{n}'}" for n in range(1, len(taken) + 2)
                    if f"{base}{'' if n == 1 else f'-{n}'}" not in taken)


@dataclass(frozen=True)
class Minutes:
    """What one save records: the meeting (its id, or a new one), its decisions, new
    recommendations."""

    meeting_id: str | None
    decisions: tuple[Decision, ...] = ()
    new: tuple[NewRecommendation, ...] = ()
    new_meeting: NewMeeting | None = None


class Conflict(StoreError):
    """Another editor recorded for the same recommendations since this form was read:
    ``theirs`` holds their rows (rec_id, date, status, meeting_id, note)."""

    def __init__(self, theirs: list[dict]) -> None:
        super().__init__(theirs)
        self.theirs = theirs


class NotAMeeting(StoreError):
    """The meeting named is not in the meetings table."""


@dataclass(frozen=True)
class Recorded:
    version: str
    merged: bool  # another editor had saved meanwhile; their rows are kept too
    new_ids: tuple[str, ...]


def _update_rows(dataset) -> set[tuple]:
    frame = dataset.table(UPDATES)
    if frame is None:
        return set()
    return {tuple(str(v) for v in row) for row in frame[["rec_id", "date", "status",
                                                            "meeting_id", "note"]].itertuples(
        index=False)}


def theirs_since(folder: Path, basis: str | None, now=None) -> list[dict]:
    """The updates recorded in the current version (``now``: its data, when loaded
    already) that the version ``basis`` did not hold (what others saved since a form
    was read)."""
    if basis is None:  # read before the folder was managed: as its first version adopted it
        basis = next((v.name for v in versions(folder)), None)
    if basis is None or basis == current_version(folder):
        return []
    before = load_dataset(folder / VERSIONS / basis)
    added = _update_rows(now if now is not None else load_dataset(folder)) - _update_rows(before)
    keys = ("rec_id", "date", "status", "meeting_id", "note")
    return [dict(zip(keys, row, strict=True)) for row in sorted(added)]


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _next_ids(recs: pd.DataFrame | None, n: int) -> list[str]:
    """New recommendation ids after the highest "R-0042"-style one."""
    numbers = [int(m) for m in (recs["rec_id"].str.extract(r"(\d+)$")[0].dropna()
                                if recs is not None and len(recs) else [])]
    start = max(numbers, default=0) + 1
    return [f"R-{k:04d}" for k in range(start, start + n)]


def _table_file(folder: Path, table: str, added: list[dict], out: Path) -> Path:
    """The table as it is now (its rows as read, every column the contract knows),
    the ``added`` rows after them, as a CSV file in ``out``."""
    columns = [c.name for c in contract.TABLES[table].columns]
    where = {loc.table: loc for loc in _locations_of(folder)}
    rows = pd.DataFrame(columns=columns)
    if table in where:
        raw = read.read_table(where[table])
        if raw.frame is not None:
            rows = raw.frame.drop(columns=[c for c in raw.frame.columns if c not in columns])
    new = pd.DataFrame([{k: _text(v) for k, v in row.items()} for row in added],
                       columns=columns)
    path = out / f"{table}.csv"
    pd.concat([rows.reindex(columns=columns), new], ignore_index=True).fillna("").to_csv(
        path, index=False, encoding="utf-8-sig")
    return path


def record(folder: Path, minutes: Minutes, basis: str | None, user: str,
           countries: tuple[str, ...] = ()) -> Recorded:
    """Append the meeting's decisions (and new recommendations) as a new version of
    ``folder``. ``basis``: the version the form was read from. Refused with Conflict
    when another editor recorded for one of the same recommendations since; with
    OthersRows for an editor limited to ``countries`` touching another country's."""
    meeting_id, decisions, new = minutes.meeting_id, minutes.decisions, minutes.new
    if not decisions and not new:
        raise StoreError("nothing to record")
    with locked(folder):
        now = load_dataset(folder)
        meetings = now.table("meetings")
        added = []
        if minutes.new_meeting is not None:  # entered in the room: a row of its own
            m = minutes.new_meeting
            meeting_id = m.id_among(set(meetings["meeting_id"]) if meetings is not None
                                    else set())
            added, day = [{"meeting_id": meeting_id, "meeting_type": m.meeting_type,
                           "country": m.country, "start_date": m.start_date,
                           "location": m.location}], m.start_date
        else:
            held = meetings[meetings["meeting_id"] == meeting_id] if meetings is not None \
                else []
            if not len(held):
                raise NotAMeeting(meeting_id)
            day = held["start_date"].iloc[0].date()
        theirs = theirs_since(folder, basis, now)
        clash = {d.rec_id for d in decisions} & {row["rec_id"] for row in theirs}
        if clash:
            raise Conflict([row for row in theirs if row["rec_id"] in clash])
        ids = _next_ids(now.table(RECS), len(new))
        updates = [{"rec_id": d.rec_id, "date": day, "status": d.status,
                    "meeting_id": meeting_id, "note": d.note, "due_date": d.due_date}
                   for d in decisions]
        recs = [{"rec_id": rid, "title": r.title, "country": r.country, "date_proposed": day,
                 "status": "proposed", "output_type": r.output_type,
                 "component": r.component, "partner_agency": r.partner_agency,
                 "due_date": r.due_date, "reviewed_at": meeting_id}
                for rid, r in zip(ids, new, strict=True)]
        updates += [{"rec_id": rid, "date": day, "status": "proposed",
                     "meeting_id": meeting_id, "note": ""} for rid in ids]
        with tempfile.TemporaryDirectory(prefix="bomca-decisions-") as tmp:
            files = [_table_file(folder, UPDATES, updates, Path(tmp))]
            if recs:
                files.append(_table_file(folder, RECS, recs, Path(tmp)))
            if added:
                files.append(_table_file(folder, "meetings", added, Path(tmp)))
            upload = check_upload(folder, files, countries)
            before = {i.message for i in now.issues if i.severity == "error"}
            errors = [i for i in upload.dataset.issues if i.severity == "error"]
            if len(errors) > len(before):  # a decision the contract refuses: nothing saved
                raise StoreError(next((i.message for i in errors if i.message not in before),
                                      errors[-1].message))
            note = {"meeting": meeting_id, "decisions": [d.rec_id for d in decisions],
                    "new": ids, "merged": bool(theirs)}
            version = _publish_upload(upload, user, allow_errors=True, note=note)
        return Recorded(version, bool(theirs), tuple(ids))
