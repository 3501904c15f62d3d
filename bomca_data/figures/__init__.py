"""Every figure of the dashboard, defined once as a function of (data, as-of date,
scope): the pages, the CLI, the export and the meeting pack all call these, so their
figures cannot disagree. Nothing here reads files or knows about Streamlit.

The scope is the Dataset passed in, already narrowed by ``filters.apply`` and
``access.restrict`` (one declared rule per table: contract.Scope). The modules, by
question:

- ``asof``: what was true on D (an activity's status, a recommendation's status, whose
  people count): the rules every other module reads;
- ``activities``: statuses, completed activities, coverage, the plan;
- ``participation``: attendances, unique people, women's share, agencies (the people
  rule: a country's people at any activity);
- ``recommendations``: proposed by D, status on D, overdue, implemented share;
- ``targets``: each targeted indicator against its yearly targets, and the verdicts;
- ``frames``: shared shapes (counts with every key, one row per country).

``summary`` gives the headline figures of the CLI's ``summary`` command.
"""

from __future__ import annotations

import datetime as dt

from bomca_data.figures.activities import (
    GANTT_LIMIT,
    activity_summary,
    by_quarter,
    completed_activities,
    coverage,
    gantt,
    next_meeting,
    not_done,
    only_component,
)
from bomca_data.figures.asof import (
    REC_OPEN,
    REC_STATUSES_AT,
    UNRECORDED,
    activity_status,
    completed_by,
    done_date,
    people_count,
    recommendation_status,
    statuses_on,
)
from bomca_data.figures.counting import count_by, cross_count, explode_countries, or_unknown
from bomca_data.figures.participation import (
    activities_of_people,
    agencies_reached,
    attended_several,
    counted_participation,
    of_activities,
    participant_summary,
    participation_by,
    repeat_attendance,
    top_agencies,
    women_share,
    women_share_over_time,
)
from bomca_data.figures.recommendations import (
    recommendation_figures,
    recommendation_summary,
    recommendations_view,
    reviewing_meetings,
    uptake_by_country,
)
from bomca_data.figures.targets import (
    INDICATORS,
    Verdict,
    cumulative_completed,
    has_target,
    matrix,
    progress,
    target_due,
    target_progress,
    targets_of,
    verdict,
)
from bomca_data.model import Dataset


def summary(dataset: Dataset, as_of: dt.date) -> dict:
    """The headline figures as of D: activities, participants, recommendations."""
    return {"as_of": as_of.isoformat(),
            "activities": activity_summary(dataset, as_of),
            "participants": participant_summary(dataset, as_of),
            "recommendations": recommendation_summary(dataset, as_of)}


__all__ = [
    "GANTT_LIMIT",
    "INDICATORS",
    "REC_OPEN",
    "REC_STATUSES_AT",
    "UNRECORDED",
    "Verdict",
    "activities_of_people",
    "activity_status",
    "activity_summary",
    "agencies_reached",
    "attended_several",
    "by_quarter",
    "completed_activities",
    "completed_by",
    "count_by",
    "counted_participation",
    "coverage",
    "cross_count",
    "cumulative_completed",
    "done_date",
    "explode_countries",
    "gantt",
    "has_target",
    "matrix",
    "next_meeting",
    "not_done",
    "of_activities",
    "only_component",
    "or_unknown",
    "participant_summary",
    "participation_by",
    "people_count",
    "progress",
    "recommendation_figures",
    "recommendation_status",
    "recommendation_summary",
    "recommendations_view",
    "repeat_attendance",
    "reviewing_meetings",
    "statuses_on",
    "summary",
    "target_due",
    "target_progress",
    "targets_of",
    "top_agencies",
    "uptake_by_country",
    "verdict",
    "women_share",
    "women_share_over_time",
]
