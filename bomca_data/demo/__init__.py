"""The demonstration data: a seeded generator of plausible BOMCA 10 spreadsheets.

Only a few figures are published (see data/README.md); the generator is built to
agree with them exactly. Every other value is illustrative and must never be
presented as programme data: `programme.toml` marks the source as a demo.

    python -m bomca_data.demo [--out data]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

import pandas as pd

from bomca_data.contract import OUTPUT_TYPES, REGION
from bomca_data.demo.lists import (
    AGENCIES,
    BUDGET,
    CITIES,
    COMPLETED_BY_PUBLISHED,
    EVENTS_BY_RSG4,
    EVENTS_IN_2024,
    GROUP_SIZE,
    JOINT_BY_RSG4,
    MEETINGS,
    NOT_HELD_BY_RSG4,
    PARTNERS,
    POSITIONS,
    PUBLISHED,
    PUBLISHED_DATE,
    RSG4_DATE,
    THEMATIC_BY_RSG4,
    TOPICS,
    TYPE_LABEL,
    TYPE_WEIGHTS,
    WOMEN_SHARE,
)
from bomca_data.outputs.xlsx import write_workbook
from bomca_data.programme import SETTINGS_FILE, Programme

SEED = 10
PROGRAMME = Programme(as_of=dt.date(2025, 9, 30), demo=True)
AS_OF = PROGRAMME.end  # the demo covers the whole programme
WORKBOOK = "bomca10-demo.xlsx"

OUTPUT_NAMES = {t.code: t.en for t in OUTPUT_TYPES}  # "Standard operating procedure", not "Sop"
LEAD_PARTNERS = {"C1": "State Border Guard of Latvia",  # as published
                 "C2": "State Border Guard Service of Lithuania",
                 "C3": "State Revenue Service of Latvia", "C4": "ICMPD"}
# (share of participants who attended before, scale of the group sizes): from the
# pandemic's first months, then growing groups reaching mostly new people
EARLY, LATER = (0.15, 1.25), (0.12, 1.45)
COUNTRIES = PROGRAMME.countries


def _meetings() -> pd.DataFrame:
    """Steering-group meetings: a National Steering Group in every country every year, five
    Regional ones. The 2022 and 2023 dates and the 4th RSG (Ashgabat, 20 February 2025)
    as published; the rest illustrative."""
    rows = MEETINGS
    frame = pd.DataFrame(rows, columns=["meeting_id", "meeting_type", "country", "start_date",
                                        "end_date", "location"])
    for col in ("start_date", "end_date"):
        frame[col] = pd.to_datetime(frame[col]).dt.date
    return frame


class _Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.people: dict[str, list[tuple]] = {c: [] for c in COUNTRIES}
        self.activities: list[dict] = []
        self.participants: list[tuple] = []

    # -- activities --
    def _scope(self, component: str) -> str:
        r = self.rng.random()
        regional = 0.22 if component == "C4" else 0.12
        if r < regional:
            return REGION
        if component == "C4" and r < 0.55:
            return "; ".join(sorted(self.rng.sample(COUNTRIES, 2), key=COUNTRIES.index))
        return self.rng.choices(COUNTRIES, weights=(24, 22, 22, 12, 20))[0]

    def activity(self, start: dt.date, status: str, reason: str | None = None,
                 max_end: dt.date | None = None, **chosen: str) -> dict:
        """An activity starting on ``start``; its ``kind``, ``component`` and ``scope``
        as ``chosen``, else drawn at random."""
        rng = self.rng
        component = chosen.get("component") or rng.choices(PROGRAMME.components,
                                                           weights=(30, 30, 21, 19))[0]
        kind = chosen.get("kind") or rng.choices(list(TYPE_WEIGHTS),
                                                 weights=list(TYPE_WEIGHTS.values()))[0]
        scope = chosen.get("scope") or self._scope(component)
        days = {"conference": 2, "equipment": 1, "assessment": 10}.get(kind, rng.randint(2, 5))
        end = start + dt.timedelta(days=days - 1)
        if max_end and end > max_end:
            end = max_end
        city = rng.choice(CITIES[REGION] if scope == REGION or ";" in scope else CITIES[scope])
        if city == "Nur-Sultan" and start >= dt.date(2022, 9, 17):
            city = "Astana"
        if kind == "study_visit":
            city = rng.choice(("Riga", "Vilnius", "Riga"))
        low, high = BUDGET[kind]
        row = {
            "activity_id": f"B10-{component}-{len(self.activities) + 1:04d}",
            "title": f"{TYPE_LABEL[kind]} on {rng.choice(TOPICS[component])}",
            "component": component, "country": scope, "start_date": start,
            "end_date": end, "status": status, "activity_type": kind, "location": city,
            "lead_partner": LEAD_PARTNERS[component],
            "budget_eur": round(rng.uniform(low, high), -2),
            "workplan_year": PROGRAMME.year_number(start), "status_reason": reason,
            "kind": None, "joint_with": None, "delivery": self._delivery(start, kind),
        }
        self.activities.append(row)
        return row

    def _delivery(self, start: dt.date, kind: str) -> str | None:
        """Online in the pandemic's first year, then mostly in person."""
        if kind == "equipment":
            return None
        online = 0.45 if start < dt.date(2022, 1, 1) else 0.06
        r = self.rng.random()
        return "online" if r < online else "hybrid" if r < online + 0.08 else "in_person"

    def convert(self, row: dict, kind: str) -> None:
        """Make an activity one of another type (title and budget follow)."""
        topic = row["title"].split(" on ", 1)[1]
        low, high = BUDGET[kind]
        row.update(activity_type=kind, title=f"{TYPE_LABEL[kind]} on {topic}",
                   budget_eur=round(self.rng.uniform(low, high), -2),
                   delivery=self._delivery(row["start_date"], kind))

    # -- participants --
    def _person(self, country: str, reuse: float) -> tuple:
        pool = self.people[country]
        if pool and self.rng.random() < reuse:
            return self.rng.choice(pool)
        agency, agency_type = self.rng.choices(AGENCIES[country],
                                               weights=(38, 30, 14, 12, 6)[:len(AGENCIES[country])])[0]
        r = self.rng.random()
        gender = "female" if r < WOMEN_SHARE[agency_type] else ("" if r > 0.985 else "male")
        person = (f"P{sum(map(len, self.people.values())) + 1:05d}", gender, country, agency,
                  agency_type, self.rng.choice(POSITIONS))
        pool.append(person)
        return person

    def attend(self, row: dict, reuse: float, scale: float = 1.0) -> None:
        low, high = (round(n * scale) for n in GROUP_SIZE[row["activity_type"]])
        if not high:
            return
        scope = COUNTRIES if row["country"] == REGION else tuple(row["country"].split("; "))
        seen: set[str] = set()
        for _ in range(self.rng.randint(low, high)):
            person = self._person(self.rng.choice(scope), reuse)
            if person[0] not in seen:
                seen.add(person[0])
                self.participants.append((row["activity_id"], *person))


def _dates(rng: random.Random, first: dt.date, last: dt.date, n: int) -> list[dt.date]:
    span = (last - first).days
    return sorted(first + dt.timedelta(days=rng.randint(0, span)) for _ in range(n))


def generate(seed: int = SEED) -> dict[str, pd.DataFrame]:
    """All the tables of the demonstration source, agreeing with every published
    figure (PUBLISHED) and illustrative otherwise."""
    g = _Generator(seed)
    rng = g.rng
    held: list[dict] = []  # held by the 4th RSG, drawn at random (types and partners below)

    def period(first: dt.date, last: dt.date, n_held: int, n_not: int, end_by: dt.date,
               people: tuple[float, float]) -> None:
        """n_held activities held and n_not cancelled or postponed, starting between
        first and last and ending by end_by; people: (share of participants who
        attended before, scale of the group sizes)."""
        not_held = set(rng.sample(range(n_held + n_not), n_not))
        for i, start in enumerate(_dates(rng, first, last, n_held + n_not)):
            if i in not_held:
                status, reason = rng.choice(NOT_HELD)
                g.activity(start, status, reason, max_end=end_by)
            else:
                row = g.activity(start, "completed", max_end=end_by)
                row["_people"] = people
                held.append(row)

    # The programme's published coordination meetings (their people attend below).
    fixed = [g.activity(dt.date(2021, 7, 22), "completed", kind="coordination_meeting",
                        component="C1", scope=REGION),
             g.activity(dt.date(2021, 12, 9), "completed", kind="coordination_meeting",
                        component="C4", scope=REGION)]
    fixed[0].update(title="Inception meetings with international partners",
                    end_date=dt.date(2021, 7, 26), location="Almaty", delivery="hybrid")
    fixed[1].update(title="Regional kick-off meeting on cross-border cooperation",
                    end_date=dt.date(2021, 12, 10), location="Bishkek", delivery="in_person")
    for row in fixed:
        row["_people"] = EARLY
    # To the NSG press release: 93 held (the two above among them), 7 not held, none
    # spanning the date, so "implemented by 5 September 2022" is unambiguous.
    before = PUBLISHED_DATE - dt.timedelta(days=1)
    period(dt.date(2021, 5, 10), dt.date(2022, 8, 28), COMPLETED_BY_PUBLISHED - 2, 7, before,
           EARLY)
    # To the 4th RSG: 306 held in all, 77 of them in 2024, 31 not held; all ended by then.
    rsg_eve = RSG4_DATE - dt.timedelta(days=1)
    in_2025 = 14
    period(dt.date(2022, 9, 12), dt.date(2023, 12, 20),
           EVENTS_BY_RSG4 - COMPLETED_BY_PUBLISHED - EVENTS_IN_2024 - in_2025, 14,
           dt.date(2023, 12, 31), LATER)
    period(dt.date(2024, 1, 8), dt.date(2024, 12, 20), EVENTS_IN_2024, 7,
           dt.date(2024, 12, 31), LATER)
    period(dt.date(2025, 1, 13), dt.date(2025, 2, 14), in_2025,
           NOT_HELD_BY_RSG4 - 7 - 14 - 7, rsg_eve, LATER)
    # Held later: a few running across the RSG, the rest to the programme's end.
    later = []
    for start in _dates(rng, dt.date(2025, 2, 10), dt.date(2025, 2, 18), 3):
        row = g.activity(start, "completed")
        row["end_date"] = max(row["end_date"], RSG4_DATE + dt.timedelta(days=2))
        later.append(row)
    for start in _dates(rng, dt.date(2025, 2, 24), dt.date(2025, 9, 22), 72):
        if rng.random() < 0.06:
            g.activity(start, *rng.choice(NOT_HELD), max_end=AS_OF)
        else:
            later.append(g.activity(start, "completed", max_end=AS_OF))
    for row in later:
        row["_people"] = LATER

    # Exactly 31 coordination events by the RSG (275 thematic), 77 held jointly.
    for row in rng.sample(held, EVENTS_BY_RSG4 - THEMATIC_BY_RSG4 - len(fixed)):
        g.convert(row, "coordination_meeting")
    for row in rng.sample(later, 6):
        g.convert(row, "coordination_meeting")
    by_then = held + fixed
    for row in rng.sample(by_then, JOINT_BY_RSG4) + rng.sample(later, 16):
        row["joint_with"] = "; ".join(rng.sample(PARTNERS, rng.choice((1, 1, 1, 2))))

    for row in sorted(held + fixed + later, key=lambda r: r["start_date"]):
        g.attend(row, *row.pop("_people"))

    activities = pd.DataFrame(g.activities)
    participants = pd.DataFrame(g.participants, columns=[
        "activity_id", "person_id", "gender", "country", "agency", "agency_type", "position"])
    participants.insert(1, "count", 1)
    meetings = _meetings()
    recommendations = _recommendations(rng, activities, meetings)
    return {"activities": activities, "participants": participants,
            "recommendations": recommendations,
            "recommendation_updates": _updates(random.Random(seed + 1), recommendations,
                                               meetings),
            "meetings": meetings, "targets": _targets(), "published": _published()}


NOT_HELD = (("cancelled", "Cancelled: travel restrictions (COVID-19)"),
            ("postponed", "Postponed at the partner's request"),
            ("cancelled", "Cancelled: partner agency reorganised"),
            ("postponed", "Postponed to the next workplan year"),
            ("cancelled", "Cancelled: no nominations received"))


def _published() -> pd.DataFrame:
    frame = pd.DataFrame(PUBLISHED, columns=["statement_id", "date", "source", "indicator",
                                             "year", "comparison", "value", "quote"])
    return frame.astype({"year": "Int64"})


def _updates(rng: random.Random, recs: pd.DataFrame, meetings: pd.DataFrame) -> pd.DataFrame:
    """The steps of each recommendation up to its recorded status, most of them taken at
    a steering-group meeting of its country (the region's for regional ones); the last
    step is its recorded status on its status date. (Its own generator, so the other
    tables stay as they were.)"""
    ladder = ["accepted", "in_progress", "implemented"]
    rows = []
    for rec in recs.itertuples():
        if rec.status == "proposed" or pd.isna(rec.status_date):
            continue
        steps = ladder[:ladder.index(rec.status) + 1] if rec.status in ladder else ["declined"]
        kind = "RSG" if rec.country == REGION else "NSG"
        held = meetings[(meetings["meeting_type"] == kind) & (meetings["country"] == rec.country)
                        & (pd.to_datetime(meetings["start_date"]).dt.date > rec.date_proposed)
                        & (pd.to_datetime(meetings["start_date"]).dt.date < rec.status_date)]
        dates = sorted(_dates(rng, rec.date_proposed + dt.timedelta(days=1),
                              rec.status_date - dt.timedelta(days=1), len(steps) - 1))
        previous = rec.date_proposed
        for step, when in zip(steps[:-1], dates, strict=True):
            at = held[pd.to_datetime(held["start_date"]).dt.date <= when]
            at = at[pd.to_datetime(at["start_date"]).dt.date >= previous]
            meeting = at["meeting_id"].iloc[-1] if len(at) and rng.random() < 0.95 else None
            if meeting is not None:  # decided at the meeting, on its day
                when = pd.Timestamp(at["start_date"].iloc[-1]).date()
            previous = max(when, previous)  # steps in order, none before the last
            rows.append((rec.rec_id, previous, step, meeting, None))
        last = held[pd.to_datetime(held["start_date"]).dt.date >= previous]
        rows.append((rec.rec_id, rec.status_date, steps[-1],
                     last["meeting_id"].iloc[-1] if len(last) and rng.random() < 0.9 else None,
                     None))
    frame = pd.DataFrame(rows, columns=["rec_id", "date", "status", "meeting_id", "note"])
    return frame.sort_values(["rec_id", "date"], kind="stable").reset_index(drop=True)


def _recommendations(rng: random.Random, activities: pd.DataFrame,
                     meetings: pd.DataFrame) -> pd.DataFrame:
    sources = activities[activities["status"].eq("completed")
                         & activities["activity_type"].isin(
                             ["assessment", "expert_mission", "workshop", "conference"])]
    rows = []
    for _, act in sources.iterrows():
        for _ in range(rng.choice((1, 1, 1, 2))):
            proposed = act["end_date"] + dt.timedelta(days=rng.randint(7, 45))
            if proposed > AS_OF:
                continue
            age = (AS_OF - proposed).days
            ladder = ["proposed", "accepted", "in_progress", "implemented"]
            step = min(3, int(age / 150 + rng.random() * 1.6))
            status = "declined" if rng.random() < 0.06 else ladder[step]
            status_date = (proposed + dt.timedelta(days=rng.randint(20, max(21, age))))
            output = rng.choices(("recommendation", "guideline", "sop", "training_manual",
                                  "legal_draft"), weights=(50, 15, 15, 12, 8))[0]
            country = act["country"].split("; ")[0]
            scope = COUNTRIES if country == REGION else (country,)
            mine = meetings[(meetings["country"] == country) & (meetings["start_date"] > proposed)
                            & (meetings["start_date"] <= AS_OF)]
            rows.append({
                "rec_id": f"R-{len(rows) + 1:04d}",
                "title": f"{OUTPUT_NAMES[output]}: {act['title'].split(' on ', 1)[1]}",
                "country": country, "date_proposed": proposed, "status": status,
                "output_type": output, "activity_id": act["activity_id"],
                "component": act["component"],
                "partner_agency": rng.choice(AGENCIES[rng.choice(scope)])[0],
                "status_date": None if status == "proposed" else min(status_date, AS_OF),
                "due_date": proposed + dt.timedelta(days=rng.choice((180, 270, 365, 540))),
                "reviewed_at": mine["meeting_id"].iloc[-1] if len(mine) else None,
            })
    return pd.DataFrame(rows)


def _targets() -> pd.DataFrame:
    """Yearly targets by programme year (1 = April 2021 to March 2022); illustrative."""
    rows = []
    per_year = {1: 70, 2: 85, 3: 85, 4: 85, 5: 50}
    for year, total in per_year.items():
        rows.append(("activities_completed", year, None, None, total))
        rows.append(("participants", year, None, None, total * 22))
        rows.append(("women_share", year, None, None, 0.25 + 0.01 * year))
        rows.append(("recommendations_implemented", year, None, None, 6 + 4 * year))
        for component, share in (("C1", 0.3), ("C2", 0.3), ("C3", 0.2), ("C4", 0.2)):
            rows.append(("activities_completed", year, None, component, round(total * share)))
        for country, share in (("KZ", 0.2), ("KG", 0.2), ("TJ", 0.2), ("TM", 0.1), ("UZ", 0.2)):
            rows.append(("activities_completed", year, country, None, round(total * share)))
    return pd.DataFrame(rows, columns=["indicator", "year", "country", "component", "target"])


PROGRAMME_TOML = ("# Programme settings for the bundled DEMONSTRATION data (see README.md "
                  "here).\n" + PROGRAMME.to_toml())

ABOUT = [
    "DEMONSTRATION DATA - NOT PROGRAMME DATA",
    "Generated by `python -m bomca_data.demo` with a fixed seed.",
    "It agrees with the figures the programme published (the published sheet, and "
    "data/README.md): 93 activities implemented by 5 September 2022 with over 1,400 "
    "participants; by the 4th Regional Steering Group (20 February 2025) 306 events, 275 "
    "of them thematic, 77 held in 2024, 77 held jointly with other international "
    "organisations, more than 6,000 participants, nearly 90 % of planned activities "
    "implemented; the published meeting dates and places.",
    "Every other value (titles, people, budgets, recommendations, targets) is illustrative.",
]


def write_demo(folder: Path, seed: int = SEED) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / WORKBOOK
    write_workbook(path, generate(seed), notes={"about": ABOUT}, generated=True)
    (folder / SETTINGS_FILE).write_text(PROGRAMME_TOML, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write the demonstration workbook.")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[2] / "data")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    print(write_demo(args.out, args.seed))


if __name__ == "__main__":
    main()
