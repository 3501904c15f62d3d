"""The contract's vocabularies: each value's code, its English and Russian names, and
the other spellings a spreadsheet may use for it; the normalisation that matches
headers and values in any case, with spaces, hyphens and underscores alike."""

from __future__ import annotations

import re
from dataclasses import dataclass


def header_key(text: str) -> str:
    """Normalise a header: "Budget (EUR)" -> "budget_eur"."""
    return re.sub(r"[^\w]+|_+", "_", str(text).strip().casefold()).strip("_")


def value_key(text: str) -> str:
    """Normalise a vocabulary value: spaces, hyphens and underscores alike."""
    return re.sub(r"[\s\-_]+", "_", str(text).strip().casefold()).strip("_")


@dataclass(frozen=True)
class Term:
    """One canonical vocabulary value with its English and Russian names."""

    code: str
    en: str
    ru: str
    spellings: tuple[str, ...] = ()


COUNTRIES: tuple[Term, ...] = (
    Term("KZ", "Kazakhstan", "Казахстан", (
        "KAZ", "Kazakstan", "Republic of Kazakhstan", "Республика Казахстан", "Qazaqstan")),
    Term("KG", "Kyrgyzstan", "Кыргызстан", (
        "KGZ", "Kyrgyz Republic", "Kirghizia", "Kirgizia", "Киргизия",
        "Кыргызская Республика", "Киргизстан")),
    Term("TJ", "Tajikistan", "Таджикистан", (
        "TJK", "Republic of Tajikistan", "Республика Таджикистан")),
    Term("TM", "Turkmenistan", "Туркменистан", ("TKM", "Туркмения")),
    Term("UZ", "Uzbekistan", "Узбекистан", (
        "UZB", "Republic of Uzbekistan", "Республика Узбекистан")),
    Term("RG", "Regional", "Региональный", (
        "Regional", "Central Asia", "Центральная Азия", "All", "Региональное",
        "Регион", "все")),
)
REGION = "RG"  # the code of regional (and multi-country) rows
NATIONAL_COUNTRIES = tuple(t.code for t in COUNTRIES if t.code != REGION)

COMPONENTS: tuple[Term, ...] = (
    Term("C1", "Institutional development of border management agencies",
         "Институциональное развитие ведомств по управлению границами",
         ("1", "Component 1", "Institutional development", "Компонент 1", "К1")),
    Term("C2", "Improvement of detection capacities",
         "Повышение потенциала по выявлению",
         ("2", "Component 2", "Detection capacities", "Detection", "Компонент 2", "К2")),
    Term("C3", "Trade facilitation", "Содействие торговле",
         ("3", "Component 3", "Компонент 3", "К3")),
    Term("C4", "Improvement of cross-border cooperation",
         "Улучшение трансграничного сотрудничества",
         ("4", "Component 4", "Cross-border cooperation", "Компонент 4", "К4")),
)

ACTIVITY_STATUSES: tuple[Term, ...] = (
    Term("planned", "Planned", "Запланировано", ("запланировано", "scheduled")),
    Term("ongoing", "Ongoing", "В процессе", (
        "in progress", "in_progress", "в процессе", "в работе", "текущее")),
    Term("completed", "Completed", "Завершено", (
        "done", "implemented", "complete", "finished", "завершено", "проведено",
        "выполнено")),
    Term("postponed", "Postponed", "Отложено", ("delayed", "отложено", "перенесено")),
    Term("cancelled", "Cancelled", "Отменено", ("canceled", "отменено")),
)

ACTIVITY_KINDS: tuple[Term, ...] = (
    Term("thematic", "Thematic", "Тематическое", ("тематическое", "thematic event")),
    Term("coordination", "Coordination", "Координационное", (
        "координационное", "coordination event")),
)
# the kind of an activity whose kind is blank: coordination for these types, else thematic
COORDINATION_TYPES = ("coordination_meeting",)

DELIVERIES: tuple[Term, ...] = (
    Term("in_person", "In person", "Очно", ("in person", "face to face", "offline", "очно",
                                            "очный")),
    Term("online", "Online", "Онлайн", ("virtual", "remote", "онлайн", "дистанционно")),
    Term("hybrid", "Hybrid", "Смешанный", ("blended", "гибридный", "смешанный")),
)

ACTIVITY_TYPES: tuple[Term, ...] = (
    Term("training", "Training", "Обучение", ("тренинг", "обучение", "course", "курс")),
    Term("workshop", "Workshop", "Семинар", ("семинар", "seminar")),
    Term("study_visit", "Study visit", "Учебный визит", ("учебный визит", "study tour")),
    Term("conference", "Conference", "Конференция", ("конференция",)),
    Term("assessment", "Assessment", "Оценка", ("оценка", "needs assessment")),
    Term("expert_mission", "Expert mission", "Экспертная миссия", ("экспертная миссия",)),
    Term("equipment", "Equipment", "Оборудование", ("оборудование", "equipment delivery")),
    Term("coordination_meeting", "Coordination meeting", "Координационное совещание", (
        "coordination", "steering group meeting", "inception meeting", "planning meeting",
        "координационное совещание", "совещание", "рабочая встреча")),
    Term("other", "Other", "Другое", ("другое", "прочее")),
)

GENDERS: tuple[Term, ...] = (
    Term("female", "Female", "Женщины", (
        "f", "w", "woman", "women", "ж", "жен", "женский", "женщина")),
    Term("male", "Male", "Мужчины", ("m", "man", "men", "м", "муж", "мужской", "мужчина")),
    Term("other", "Other", "Другое", ("другое", "x")),
    Term("unknown", "Unknown", "Не указано", ("не указано", "n/a", "na")),
)

AGENCY_TYPES: tuple[Term, ...] = (
    Term("border", "Border", "Пограничные", (
        "border guard", "border service", "border police", "пограничная служба")),
    Term("customs", "Customs", "Таможенные", ("customs service", "таможня", "таможенная служба")),
    Term("veterinary_phytosanitary", "Veterinary / phytosanitary", "Ветеринарные / фитосанитарные", (
        "veterinary", "phytosanitary", "sps", "veterinary/phytosanitary",
        "ветеринарная", "фитосанитарная")),
    Term("other_state", "Other state agency", "Другие государственные", (
        "other state", "other state agency", "government", "государственная")),
    Term("civil_society", "Civil society", "Гражданское общество", (
        "ngo", "civil society organisation", "cso", "гражданское общество")),
    Term("international", "International", "Международные", (
        "international organisation", "international organization", "международная")),
    Term("other", "Other", "Другие", ("другое", "прочее")),
)

OUTPUT_TYPES: tuple[Term, ...] = (
    Term("recommendation", "Recommendation", "Рекомендация", ("рекомендация",)),
    Term("guideline", "Guideline", "Руководство", ("guidelines", "руководство")),
    Term("sop", "Standard operating procedure", "Стандартная операционная процедура", (
        "standard operating procedure", "стандартная операционная процедура", "соп")),
    Term("training_manual", "Training manual", "Учебное пособие", (
        "manual", "учебное пособие")),
    Term("legal_draft", "Legal draft", "Проект нормативного акта", (
        "draft law", "legal act draft", "проект закона")),
    Term("other", "Other", "Другое", ("другое",)),
)

REC_STATUSES: tuple[Term, ...] = (
    Term("proposed", "Proposed", "Предложено", ("предложено", "submitted")),
    Term("accepted", "Accepted", "Принято", ("принято", "agreed")),
    Term("in_progress", "In progress", "Выполняется", (
        "ongoing", "выполняется", "в процессе")),
    Term("implemented", "Implemented", "Выполнено", (
        "done", "completed", "выполнено", "внедрено")),
    Term("declined", "Declined", "Отклонено", ("rejected", "отклонено")),
)

MEETING_TYPES: tuple[Term, ...] = (
    Term("NSG", "National Steering Group", "Национальная руководящая группа", (
        "national", "national steering group", "НРГ")),
    Term("RSG", "Regional Steering Group", "Региональная руководящая группа", (
        "regional", "regional steering group", "РРГ")),
)


@dataclass(frozen=True)
class Indicator(Term):
    """An indicator the targets table may name, declared once: its code and names (a
    vocabulary term), its unit, what it reads, and the function of ``figures/by_year.py``
    that gives its actual per programme year. Targets, verdicts, cleaning (a share's
    target is a fraction), the template, the data-contract document and the pages all
    read this declaration; a declared figure that does not exist stops the package from
    loading (figures/targets.py), so an indicator can never fall through to another's.

    ``unit``: "count" (summed; due in proportion to the time elapsed), "people"
    (attendances: likewise) or "share" (a level 0..1: averaged, due whole)."""

    unit: str = "count"
    reads: tuple[str, str] = ("", "")  # (table, column) its figure counts
    figure: str = ""  # a function of figures/by_year.py: (dataset, as_of) -> per year
    overall: str = ""  # a share's level over the whole period (figures/by_year.py)

    @property
    def share(self) -> bool:
        return self.unit == "share"


@dataclass(frozen=True)
class PublishedIndicator(Term):
    """A figure the programme publishes (the ``published`` table), declared once: its
    names, unit ("count" or "share"), where its value is in ``figures.summary`` and the
    table whose rows it counts (the Published figures page's rows behind it)."""

    unit: str = "count"
    summary: tuple[str, ...] = ()
    rows: str = "activities"

    @property
    def share(self) -> bool:
        return self.unit == "share"


INDICATORS: tuple[Indicator, ...] = (
    Indicator("activities_completed", "Activities completed", "Завершённые мероприятия",
              reads=("activities", "status"), figure="completed_by_year"),
    Indicator("participants", "Participants", "Участники", unit="people",
              reads=("participants", "count"), figure="attendances_by_year"),
    Indicator("women_share", "Women's share", "Доля женщин", unit="share",
              reads=("participants", "gender"), figure="women_share_by_year",
              overall="women_share_overall"),
    Indicator("recommendations_implemented", "Recommendations implemented",
              "Выполненные рекомендации", reads=("recommendations", "status"),
              figure="implemented_by_year"),
)

PUBLISHED_INDICATORS: tuple[PublishedIndicator, ...] = (
    PublishedIndicator("activities_completed", "Activities implemented",
                       "Проведено мероприятий", ("activities implemented",),
                       summary=("activities", "completed")),
    PublishedIndicator("events", "Events held", "Проведено мероприятий (событий)",
                       summary=("activities", "completed")),
    PublishedIndicator("thematic_events", "Thematic events", "Тематические мероприятия",
                       summary=("activities", "completed_by_kind", "thematic")),
    PublishedIndicator("coordination_events", "Coordination events",
                       "Координационные мероприятия",
                       summary=("activities", "completed_by_kind", "coordination")),
    PublishedIndicator("events_in_year", "Events held in the year", "Мероприятия за год",
                       summary=("activities", "completed")),
    PublishedIndicator("joint_events",
                       "Events held jointly with other international organisations",
                       "Мероприятия совместно с другими международными организациями",
                       summary=("activities", "completed_joint")),
    PublishedIndicator("participants_unique", "Participants (people)", "Участники (человек)",
                       summary=("participants", "unique_persons"), rows="participants"),
    PublishedIndicator("attendances", "Attendances", "Участия",
                       summary=("participants", "attendances"), rows="participants"),
    PublishedIndicator("women_share", "Women's share", "Доля женщин", unit="share",
                       summary=("participants", "women_share"), rows="participants"),
    PublishedIndicator("planned_implemented_share", "Share of planned activities implemented",
                       "Доля выполненных запланированных мероприятий", unit="share",
                       summary=("activities", "planned_implemented_share")),
    PublishedIndicator("recommendations_implemented", "Recommendations implemented",
                       "Выполненные рекомендации",
                       summary=("recommendations", "by_status", "implemented"),
                       rows="recommendations"),
)

COMPARISONS: tuple[Term, ...] = (
    Term("=", "exactly", "ровно", ("==", "equals", "exactly", "равно")),
    Term(">", "more than", "более", ("over", "more than", "более", "свыше", "больше")),
    Term(">=", "at least", "не менее", ("≥", "at least", "не менее")),
    Term("<", "fewer than", "менее", ("less than", "fewer than", "менее", "меньше")),
    Term("<=", "at most", "не более", ("≤", "at most", "не более")),
    Term("about", "about", "около", ("~", "≈", "nearly", "approximately", "около", "почти",
                                     "примерно")),
)

VOCABULARIES: dict[str, tuple[Term, ...]] = {
    "component": COMPONENTS,
    "country": COUNTRIES,
    "country_list": COUNTRIES,
    "activity_status": ACTIVITY_STATUSES,
    "activity_type": ACTIVITY_TYPES,
    "gender": GENDERS,
    "agency_type": AGENCY_TYPES,
    "output_type": OUTPUT_TYPES,
    "rec_status": REC_STATUSES,
    "meeting_type": MEETING_TYPES,
    "indicator": INDICATORS,
    "activity_kind": ACTIVITY_KINDS,
    "delivery": DELIVERIES,
    "published_indicator": PUBLISHED_INDICATORS,
    "comparison": COMPARISONS,
}


def spellings(vocabulary: tuple[Term, ...]) -> dict[str, str]:
    """Every accepted spelling (normalised) -> canonical code."""
    lookup: dict[str, str] = {}
    for term in vocabulary:
        for spelling in (term.code, term.en, term.ru, *term.spellings):
            lookup.setdefault(value_key(spelling), term.code)
    return lookup


def codes(vocabulary: tuple[Term, ...]) -> tuple[str, ...]:
    return tuple(t.code for t in vocabulary)
