"""An independent computation of the headline figures: plain Python over the valid
rows (no pandas operation, no code of bomca_data's figures), written from the
contract's rules as stated in the README ("Figures at a date")."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter

from bomca_data import contract
from bomca_data.model import Dataset


def _rows(dataset: Dataset, name: str) -> list[dict]:
    frame = dataset.table(name)
    if frame is None:
        return []
    out = []
    for record in frame.to_dict("records"):
        row = {}
        for key, value in record.items():
            if value is None or (isinstance(value, float) and math.isnan(value)) or \
                    str(value) in ("NaT", "<NA>", "nan"):
                value = None
            elif hasattr(value, "date") and not isinstance(value, str):
                value = value.date()
            row[key] = value
        out.append(row)
    return out


def status_on(row: dict, d: dt.date) -> str:
    start = row["start_date"]
    end = row["end_date"] or start
    recorded = row["status"]
    if start > d:
        return "planned"
    if recorded in ("cancelled", "postponed"):
        return recorded
    if end > d:
        return "ongoing"
    return recorded or "completed"


def programme_year(day: dt.date, dataset: Dataset) -> str | None:
    p = dataset.programme
    if not p.start <= day <= p.end:
        return None
    n = 1
    while p.year_start(n + 1) <= day:
        n += 1
    return f"Y{n}"


def summary(dataset: Dataset, d: dt.date) -> dict:
    """summary() of the whole dataset."""
    has_updates = dataset.table("recommendation_updates") is not None
    return summary_of_rows(dataset, d, _rows(dataset, "activities"),
                           _rows(dataset, "participants"), _rows(dataset, "recommendations"),
                           _rows(dataset, "recommendation_updates") if has_updates else None,
                           _rows(dataset, "activities"))


def summary_of_rows(dataset: Dataset, d: dt.date, acts: list[dict], all_parts: list[dict],
                    all_recs: list[dict], updates: list[dict] | None,
                    people_acts: list[dict]) -> dict:
    """The figures of these rows; participations are counted against ``people_acts``
    (every activity their people may attend in the view)."""
    p = dataset.programme
    status = {a["activity_id"]: status_on(a, d) for a in acts}
    done = [a for a in acts if status[a["activity_id"]] == "completed"]
    when = {a["activity_id"]: a["end_date"] or a["start_date"] for a in acts}
    by_country = dict.fromkeys((*p.countries, "RG"), 0)
    for a in done:
        for code in a["country"].split(";"):
            by_country[code] = by_country.get(code, 0) + 1
    by_component = dict.fromkeys(p.components, 0)
    for a in done:
        by_component[a["component"]] = by_component.get(a["component"], 0) + 1
    by_year = {str(y): 0 for y in p.calendar_years()}
    by_pyear = {f"Y{n}": 0 for n in p.year_numbers()}
    for a in done:
        day = when[a["activity_id"]]
        by_year[str(day.year)] = by_year.get(str(day.year), 0) + 1
        if (label := programme_year(day, dataset)) is not None:
            by_pyear[label] += 1
    activities = {
        "total": len(acts),
        "by_status": {**dict.fromkeys(contract.codes(contract.ACTIVITY_STATUSES), 0),
                      **Counter(status.values())},
        "completed": len(done), "completed_by_country": by_country,
        "completed_by_component": by_component, "completed_by_year": by_year,
        "completed_by_programme_year": by_pyear,
        "completed_by_kind": {"thematic": sum(a["kind"] == "thematic" for a in done),
                              "coordination": sum(a["kind"] == "coordination" for a in done)},
        "completed_joint": sum(1 for a in done if a["joint_with"]),
        "planned_implemented_share": _share(len(done), [
            a for a in acts if (a["end_date"] or a["start_date"]) <= d])}

    counted_acts = {a["activity_id"] for a in people_acts if status_on(a, d) in
                    ("completed", "ongoing")}
    parts = [r for r in all_parts if r["activity_id"] in counted_acts]
    attendances = sum(int(r["count"]) for r in parts)
    ids = {r["person_id"] for r in parts if r["person_id"] is not None}
    any_id = any(r["person_id"] is not None for r in all_parts)
    known = sum(int(r["count"]) for r in parts if r["gender"] in ("female", "male", "other"))
    women = sum(int(r["count"]) for r in parts if r["gender"] == "female")
    people_by_country = dict.fromkeys(p.countries, 0)
    by_agency: Counter = Counter()
    for r in parts:
        if r["country"] is not None:
            people_by_country[r["country"]] = people_by_country.get(r["country"], 0) + int(
                r["count"])
        by_agency[r["agency_type"] or "unknown"] += int(r["count"])
    participants = {"attendances": attendances,
                    "unique_persons": len(ids) if any_id else None,
                    "women_share": women / known if known else None,
                    "by_country": people_by_country, "by_agency_type": dict(by_agency)}

    recs = [r for r in all_recs if r["date_proposed"] <= d]
    rec_status = statuses_of_recommendations(recs, updates, d)
    implemented = rec_status.count("implemented")
    recommendations = {
        "total": len(recs),
        "by_status": {**dict.fromkeys((*contract.codes(contract.REC_STATUSES), "unrecorded"),
                                      0), **Counter(rec_status)},
        "implemented_share": implemented / len(recs) if recs else None}
    return {"as_of": d.isoformat(), "activities": activities, "participants": participants,
            "recommendations": recommendations}


def _year_of(day: dt.date | None, dataset: Dataset, kind: str) -> str | None:
    if day is None:
        return None
    return programme_year(day, dataset) if kind == "programme" else str(day.year)


def filtered_summary(dataset: Dataset, d: dt.date, chosen) -> dict:
    """summary() of the view the filters give, by the filter rules written out row by
    row: an activity matches the countries when it lists one of them, its year is that
    of its end (else start) date, its status is its status on D; a country's people
    count at any activity the other filters keep; recommendations match on countries,
    component and the year proposed; updates follow their recommendation."""
    acts = _rows(dataset, "activities")

    def others_match(a: dict) -> bool:
        when = a["end_date"] or a["start_date"]
        return ((not chosen.components or a["component"] in chosen.components)
                and (not chosen.years or _year_of(when, dataset, chosen.year_kind)
                     in chosen.years)
                and (not chosen.types or a["activity_type"] in chosen.types)
                and (not chosen.statuses or status_on(a, d) in chosen.statuses))

    def in_countries(countries: str) -> bool:
        return not chosen.countries or any(c in chosen.countries for c in countries.split(";"))

    kept = [a for a in acts if others_match(a) and in_countries(a["country"])]
    people_acts = {a["activity_id"] for a in acts if others_match(a)}
    regional = {a["activity_id"] for a in kept if a["country"] == "RG"}
    parts = [r for r in _rows(dataset, "participants") if r["activity_id"] in people_acts
             and (not chosen.countries or r["country"] in chosen.countries
                  or ("RG" in chosen.countries and r["activity_id"] in regional))]
    recs, updates = _recommendations_in_view(dataset, chosen)
    people = [a for a in acts if a["activity_id"] in people_acts]
    return summary_of_rows(dataset, d, kept, parts, recs, updates, people)


def statuses_of_recommendations(recs: list[dict], updates: list[dict] | None,
                                d: dt.date) -> list[str]:
    """Each recommendation's status on D: the last update on or before D (proposed when
    none); without updates, the recorded status from its status date on."""
    if updates is None:
        return [r["status"] if (r["status_date"] or r["date_proposed"]) <= d
                else "unrecorded" for r in recs]
    latest: dict[str, tuple[dt.date, int, str]] = {}
    for i, u in enumerate(updates):
        key = (u["date"], i, u["status"])  # the last on or before D; ties: the later row
        if u["date"] <= d and key > latest.get(u["rec_id"], (dt.date.min, -1, "")):
            latest[u["rec_id"]] = key
    return [latest[r["rec_id"]][2] if r["rec_id"] in latest else "proposed" for r in recs]


def follow_up(dataset: Dataset, d: dt.date, chosen) -> dict:
    """The Follow-up page's counts for the filtered view: proposed by D, implemented on
    D, open on D (proposed, accepted, in progress or unrecorded) and overdue (open,
    due before D)."""
    recs, updates = _recommendations_in_view(dataset, chosen)
    recs = [r for r in recs if r["date_proposed"] <= d]
    status = statuses_of_recommendations(recs, updates, d)
    open_ = [s in ("proposed", "accepted", "in_progress", "unrecorded") for s in status]
    due = due_dates(recs, updates, d)
    return {"total": len(recs), "implemented": status.count("implemented"),
            "open": sum(open_),
            "overdue": sum(o and due[r["rec_id"]] is not None and due[r["rec_id"]] < d
                           for o, r in zip(open_, recs, strict=True))}


def due_dates(recs: list[dict], updates: list[dict] | None, d: dt.date) -> dict:
    """Each recommendation's due date on D: the last one an update (on or before D) set,
    else its own."""
    due = {r["rec_id"]: r["due_date"] for r in recs}
    for u in sorted(updates or [], key=lambda u: u["date"]):  # stable: later rows last
        if u["date"] <= d and u.get("due_date") is not None and u["rec_id"] in due:
            due[u["rec_id"]] = u["due_date"]
    return due


def _recommendations_in_view(dataset: Dataset, chosen) -> tuple[list[dict], list[dict] | None]:
    """Recommendations matching on their countries, component and year proposed; the
    updates of those (None without an updates table)."""
    recs = [r for r in _rows(dataset, "recommendations")
            if (not chosen.countries or any(c in chosen.countries
                                            for c in r["country"].split(";")))
            and (not chosen.components or r["component"] in chosen.components)
            and (not chosen.years or _year_of(r["date_proposed"], dataset, chosen.year_kind)
                 in chosen.years)]
    if dataset.table("recommendation_updates") is None:
        return recs, None
    ids = {r["rec_id"] for r in recs}
    return recs, [u for u in _rows(dataset, "recommendation_updates") if u["rec_id"] in ids]


def _share(done: int, planned: list) -> float | None:
    """Completed by D over planned to end by D (any status)."""
    return done / len(planned) if planned else None
