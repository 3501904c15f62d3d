"""Interface text in English and Russian, names of vocabulary terms, and numbers
and dates written the way each language writes them.

Every string a page shows comes from STRINGS; a test fails when a key lacks a
language.
"""

from __future__ import annotations

import datetime as dt

from babel.numbers import format_decimal, format_percent

from bomca_data import contract

LANGUAGES = ("en", "ru")
DEFAULT_LANGUAGE = "en"

STRINGS: dict[str, dict[str, str]] = {
    "app.title": {"en": "BOMCA Progress Dashboard", "ru": "Панель прогресса BOMCA"},
    "page.home": {"en": "Home", "ru": "Главная"},
    "home.intro": {
        "en": "Headline figures of the loaded source as of the chosen date, and the result "
              "of its validation.",
        "ru": "Основные показатели загруженного источника на выбранную дату и результат "
              "его проверки."},
    "sidebar.language": {"en": "Language", "ru": "Язык"},
    "sidebar.as_of": {"en": "As of", "ru": "По состоянию на"},
    "sidebar.source": {"en": "Data source", "ru": "Источник данных"},
    "sidebar.changed": {"en": "Files last changed {when}", "ru": "Файлы изменены {when}"},
    "banner.demo": {
        "en": "Demonstration data: only a few figures are published ones; everything else "
              "is illustrative, not programme data.",
        "ru": "Демонстрационные данные: лишь несколько показателей опубликованы, остальное "
              "является иллюстрацией, а не данными программы."},
    "banner.excluded": {
        "en": "{n} row(s) were excluded by validation and are not in these figures.",
        "ru": "{n} строк(и) исключены при проверке и не входят в эти показатели."},
    "error.source": {"en": "The data source cannot be read: {why}",
                     "ru": "Источник данных не читается: {why}"},
    "kpi.completed": {"en": "Activities completed", "ru": "Завершено мероприятий"},
    "kpi.ongoing": {"en": "Ongoing", "ru": "В процессе"},
    "kpi.started": {"en": "Activities started", "ru": "Начато мероприятий"},
    "kpi.attendances": {"en": "Attendances", "ru": "Участия"},
    "kpi.unique": {"en": "Unique people", "ru": "Уникальные участники"},
    "kpi.women": {"en": "Women's share", "ru": "Доля женщин"},
    "kpi.recs_implemented": {"en": "Recommendations implemented",
                             "ru": "Выполнено рекомендаций"},
    "kpi.none": {"en": "n/a", "ru": "н/д"},
    "kpi.of": {"en": "of {n}", "ru": "из {n}"},
    "validation.title": {"en": "Validation", "ru": "Проверка данных"},
    "validation.ok": {"en": "No errors: every row is in the figures.",
                      "ru": "Ошибок нет: все строки учтены в показателях."},
    "validation.errors": {"en": "{n} error(s) found: the rows concerned are excluded from "
                                "the figures and listed below.",
                          "ru": "Найдено ошибок: {n}. Соответствующие строки исключены из "
                                "показателей и перечислены ниже."},
    "validation.tables": {"en": "Rows per table", "ru": "Строки по таблицам"},
    "validation.issues": {"en": "Issues", "ru": "Замечания"},
    "col.table": {"en": "Table", "ru": "Таблица"},
    "col.file": {"en": "File", "ru": "Файл"},
    "col.sheet": {"en": "Sheet", "ru": "Лист"},
    "col.rows_read": {"en": "Rows read", "ru": "Прочитано строк"},
    "col.rows_valid": {"en": "Valid", "ru": "Корректных"},
    "col.rows_excluded": {"en": "Excluded", "ru": "Исключено"},
    "col.severity": {"en": "Severity", "ru": "Уровень"},
    "col.code": {"en": "Code", "ru": "Код"},
    "col.row": {"en": "Row", "ru": "Строка"},
    "col.column": {"en": "Column", "ru": "Столбец"},
    "col.value": {"en": "Value", "ru": "Значение"},
    "col.message": {"en": "Message", "ru": "Сообщение"},
    "download.csv": {"en": "Download CSV", "ru": "Скачать CSV"},
    "severity.error": {"en": "error", "ru": "ошибка"},
    "severity.warning": {"en": "warning", "ru": "предупреждение"},
    "severity.info": {"en": "info", "ru": "информация"},
}

_BABEL_LOCALE = {"en": "en_GB", "ru": "ru_RU"}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled."""
    text = STRINGS[key].get(lang) or STRINGS[key][DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def term(kind: str, code: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The name of a vocabulary value (country, component, status...) in ``lang``."""
    for item in contract.VOCABULARIES[kind]:
        if item.code == code:
            return item.ru if lang == "ru" else item.en
    return code


def number(value: float | int, lang: str = DEFAULT_LANGUAGE, digits: int = 0) -> str:
    """1,234 in English; 1 234 (space for thousands, decimal comma) in Russian."""
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=_BABEL_LOCALE[lang])


def percent(share: float | None, lang: str = DEFAULT_LANGUAGE, digits: int = 1) -> str:
    if share is None:
        return t("kpi.none", lang)
    # Russian writes a (no-break) space before the percent sign.
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + ("\u00a0%" if lang == "ru" else "%")
    return format_percent(share, format=pattern, locale=_BABEL_LOCALE[lang])


def date(day: dt.date, lang: str = DEFAULT_LANGUAGE) -> str:
    """dd.mm.yyyy in Russian, ISO (unambiguous) in English."""
    return day.strftime("%d.%m.%Y") if lang == "ru" else day.isoformat()
