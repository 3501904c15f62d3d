"""Interface text in English and Russian, names of vocabulary terms, and numbers
and dates written the way each language writes them.

Every string a page shows comes from STRINGS; a test fails when a key lacks a
language.
"""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.numbers import format_decimal, format_percent

from bomca_data import contract

LANGUAGES = ("en", "ru")
DEFAULT_LANGUAGE = "en"

# a text, or its plural forms by CLDR category ("one", "few", "many", "other"): see nt()
STRINGS: dict[str, dict[str, str | dict[str, str]]] = {
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
    "banner.excluded": {  # plural forms: see nt()
        "en": {"one": "{n} row was excluded by validation and is not in these figures.",
               "other": "{n} rows were excluded by validation and are not in these figures."},
        "ru": {"one": "{n} строка исключена при проверке и не входит в эти показатели.",
               "few": "{n} строки исключены при проверке и не входят в эти показатели.",
               "many": "{n} строк исключены при проверке и не входят в эти показатели.",
               "other": "{n} строки исключены при проверке и не входят в эти показатели."}},
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
    "validation.errors": {"en": {"one": "{n} error found: the row concerned is excluded from "
                                       "the figures and listed below.",
                                "other": "{n} errors found: the rows concerned are excluded "
                                         "from the figures and listed below."},
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
    # --- navigation
    "page.overview": {"en": "Overview", "ru": "Обзор"},
    "page.countries": {"en": "Countries", "ru": "Страны"},
    "page.components": {"en": "Components", "ru": "Компоненты"},
    "page.timeline": {"en": "Timeline", "ru": "Хронология"},
    "page.participants": {"en": "Participants", "ru": "Участники"},
    "page.followup": {"en": "Follow-up", "ru": "Выполнение рекомендаций"},
    "page.quality": {"en": "Data quality", "ru": "Качество данных"},
    # --- filters
    "filters.title": {"en": "Filters", "ru": "Фильтры"},
    "filters.year_kind": {"en": "Years", "ru": "Годы"},
    "filters.year_kind.programme": {"en": "Programme (Apr-Mar)", "ru": "Программы (апр.-март)"},
    "filters.year_kind.calendar": {"en": "Calendar", "ru": "Календарные"},
    "filters.countries": {"en": "Countries", "ru": "Страны"},
    "filters.components": {"en": "Components", "ru": "Компоненты"},
    "filters.years": {"en": "Years", "ru": "Годы"},
    "filters.types": {"en": "Activity types", "ru": "Типы мероприятий"},
    "filters.statuses": {"en": "Statuses", "ru": "Статусы"},
    "filters.all": {"en": "All", "ru": "Все"},
    "filters.reset": {"en": "Reset filters", "ru": "Сбросить фильтры"},
    "filters.none": {"en": "no filters", "ru": "без фильтров"},
    "filters.programme_years": {"en": "programme years", "ru": "годы программы"},
    "filters.calendar_years": {"en": "calendar years", "ru": "календарные годы"},
    "context.as_of": {"en": "As of {date}", "ru": "По состоянию на {date}"},
    # --- common messages
    "empty.filters": {"en": "Nothing matches the filters: choose fewer or reset them.",
                      "ru": "Под фильтры ничего не подходит: выберите меньше или сбросьте их."},
    "missing.table": {"en": "This page needs the {table} table, which the data source does not "
                            "have.",
                      "ru": "Для этой страницы нужна таблица «{table}», которой нет в источнике "
                            "данных."},
    "banner.excluded_link": {"en": "See the data-quality page", "ru": "Открыть страницу качества "
                                                                         "данных"},
    "table.rows": {"en": "Rows behind this chart", "ru": "Данные этого графика"},
    "table.cut": {"en": "The first {shown} of {n} rows: the CSV download has them all.",
                  "ru": "Первые {shown} из {n} строк: в файле CSV есть все."},
    "timeline.gantt_cut": {"en": "Showing the {shown} activities nearest the as-of date, of {n}: "
                                 "narrow the filters to see the others.",
                           "ru": "Показаны {shown} мероприятий, ближайших к дате отчёта, из {n}: "
                                 "сузьте фильтры, чтобы увидеть остальные."},
    "label.unknown": {"en": "Unknown", "ru": "Не указано"},
    "years.note": {"en": "Programme years run April to March: Y1 = April {y1} to March {y2}.",
                   "ru": "Годы программы длятся с апреля по март: Г1 = апрель {y1} - март "
                         "{y2}."},
    "rule.multi_country": {
        "en": "A multi-country activity counts once in totals and once for each listed country "
              "in per-country figures; regional activities are shown as Regional.",
        "ru": "Многостороннее мероприятие считается один раз в итогах и по одному разу для "
              "каждой указанной страны в разбивке по странам; региональные мероприятия "
              "показаны отдельно."},
    "rule.more_than_total": {
        "en": "Per-country figures add up to {sum}, more than the {total} activities: {n} "
              "activities list several countries.",
        "ru": "Сумма по странам ({sum}) больше числа мероприятий ({total}): {n} мероприятий "
              "относятся к нескольким странам."},
    "rule.status": {
        "en": "An activity's status on the as-of date is what was true that day: planned "
              "before its start, ongoing until its end, then completed (or the cancelled, "
              "postponed or late status recorded). Completed activities are the programme's "
              "events held; thematic or coordination by their kind; joint when held with "
              "another international organisation.",
        "ru": "Статус мероприятия на отчётную дату — то, что было верно в тот день: "
              "запланировано до начала, идёт до окончания, затем завершено (или "
              "зафиксированный статус: отменено, перенесено, задерживается). Завершённые "
              "мероприятия — проведённые события программы; тематические или "
              "координационные по виду; совместные — проведённые с другой международной "
              "организацией."},
    "rule.planned_share": {
        "en": "Share of planned activities implemented: those completed by the as-of date "
              "over every activity planned to end by then, cancelled and postponed ones "
              "included.",
        "ru": "Доля выполненных запланированных мероприятий: завершённые к отчётной дате из "
              "всех, которые должны были закончиться к ней, включая отменённые и "
              "перенесённые."},
    "rule.recommendations": {
        "en": "A recommendation counts from the day it was proposed, with its status on the "
              "as-of date (its last update by then; without updates, its recorded status "
              "from its status date on, before that not recorded).",
        "ru": "Рекомендация учитывается со дня, когда она предложена, со статусом на "
              "отчётную дату (последнее изменение к этой дате; без таблицы изменений — "
              "зафиксированный статус с даты статуса, до неё — не зафиксирован)."},
    "export.definitions": {"en": "How the figures are counted", "ru": "Как считаются показатели"},
    "rule.people": {
        "en": "Attendances count every participation (a person at three activities counts "
              "three times); unique people count distinct participant ids. Only activities "
              "completed by the as-of date, or ongoing on it, count. A country's "
              "participants are its people, at any activity: national, multi-country or "
              "regional.",
        "ru": "Участия учитывают каждое участие (человек на трёх мероприятиях — три участия); "
              "уникальные участники — разные идентификаторы участников. Учитываются только "
              "мероприятия, завершённые к дате отчёта или идущие на эту дату. Участники "
              "страны — её граждане на любых мероприятиях: национальных, многострановых и "
              "региональных."},
    # --- chart words
    "chart.actual": {"en": "Actual", "ru": "Факт"},
    "chart.target": {"en": "Target", "ru": "Цель"},
    "chart.elapsed": {"en": "{share} of the programme's time elapsed",
                      "ru": "Прошло {share} срока программы"},
    "chart.meetings": {"en": "Steering-group meetings", "ru": "Заседания руководящих групп"},
    "chart.completed_cum": {"en": "Completed (cumulative)", "ru": "Завершено (нарастающим итогом)"},
    "chart.target_cum": {"en": "Target (cumulative)", "ru": "Цель (нарастающим итогом)"},
    "axis.activities": {"en": "Activities", "ru": "Мероприятия"},
    "axis.attendances": {"en": "Attendances", "ru": "Участия"},
    "axis.people": {"en": "People", "ru": "Человек"},
    "axis.share": {"en": "Share", "ru": "Доля"},
    "axis.recommendations": {"en": "Recommendations", "ru": "Рекомендации"},
    "series.attendances": {"en": "Attendances", "ru": "Участия"},
    "series.unique_people": {"en": "Unique people", "ru": "Уникальные участники"},
    # --- overview
    "overview.intro": {
        "en": "Is BOMCA on track? Activities, participants and recommendations against the "
              "programme's timeline and yearly targets.",
        "ru": "Идёт ли BOMCA по плану? Мероприятия, участники и рекомендации в сравнении со "
              "сроками программы и годовыми целями."},
    "kpi.planned": {"en": "Planned", "ru": "Запланировано"},
    "kpi.countries": {"en": "Countries covered", "ru": "Охвачено стран"},
    "kpi.elapsed": {"en": "Time elapsed", "ru": "Прошло времени"},
    "kpi.months": {"en": "{m} of {n} months", "ru": "{m} из {n} месяцев"},
    "overview.clock": {"en": "Programme timeline: {start} to {end}",
                       "ru": "Сроки программы: {start} - {end}"},
    "overview.by_component": {"en": "Completed activities by component",
                              "ru": "Завершённые мероприятия по компонентам"},
    "overview.by_country": {"en": "Completed activities by country",
                            "ru": "Завершённые мероприятия по странам"},
    "overview.targets": {"en": "Completed activities against yearly targets",
                         "ru": "Завершённые мероприятия в сравнении с годовыми целями"},
    "targets.missing": {"en": "No targets table: progress against targets cannot be shown.",
                        "ru": "Нет таблицы целей: сравнение с целями показать нельзя."},
    "targets.none_for": {"en": "No target is set for this selection.",
                         "ru": "Для этого выбора цель не задана."},
    # --- countries
    "countries.intro": {"en": "Where the activities took place: completed activities by country, "
                              "component and year.",
                        "ru": "Где проходили мероприятия: завершённые мероприятия по странам, "
                              "компонентам и годам."},
    "countries.map": {"en": "Completed activities by country", "ru": "Завершённые мероприятия по "
                                                                     "странам"},
    "countries.by_component": {"en": "Completed activities: country by component",
                               "ru": "Завершённые мероприятия: страны и компоненты"},
    "countries.by_year": {"en": "Completed activities: country by year",
                          "ru": "Завершённые мероприятия: страны и годы"},
    "countries.map_source": {"en": "Map: Natural Earth (public domain). Boundaries are "
                                   "illustrative.",
                             "ru": "Карта: Natural Earth (общественное достояние). Границы "
                                   "условны."},
    # --- components
    "components.intro": {"en": "Each component's activities by type, status and year, against "
                               "its targets.",
                         "ru": "Мероприятия каждого компонента по типам, статусам и годам в "
                               "сравнении с целями."},
    "components.by_type": {"en": "Activities by component and type",
                           "ru": "Мероприятия по компонентам и типам"},
    "components.by_status": {"en": "Activities by component and status",
                             "ru": "Мероприятия по компонентам и статусам"},
    "components.by_year": {"en": "Completed activities by component and year",
                           "ru": "Завершённые мероприятия по компонентам и годам"},
    "components.targets": {"en": "{component}: completed activities against targets",
                           "ru": "{component}: завершённые мероприятия в сравнении с целями"},
    "components.all_statuses": {"en": "All activities of the selection, of every status, for "
                                      "the as-of date.",
                                "ru": "Все мероприятия выборки любого статуса на дату отчёта."},
    # --- timeline
    "timeline.intro": {"en": "The programme over time: activities per quarter, completed "
                             "against the cumulative target, every activity, and the "
                             "steering-group meetings.",
                       "ru": "Программа во времени: мероприятия по кварталам, завершённые в "
                             "сравнении с накопленной целью, все мероприятия и заседания "
                             "руководящих групп."},
    "timeline.quarters": {"en": "Activities per quarter (by start date, every status)",
                          "ru": "Мероприятия по кварталам (по дате начала, все статусы)"},
    "timeline.cumulative": {"en": "Completed activities against the cumulative target",
                            "ru": "Завершённые мероприятия и накопленная цель"},
    "timeline.gantt": {"en": "Every activity, start to end ({n})",
                       "ru": "Все мероприятия, от начала до конца ({n})"},
    "timeline.meetings": {"en": "Triangles and dotted lines mark steering-group meetings "
                                "(orange: regional).",
                          "ru": "Треугольники и пунктир отмечают заседания руководящих групп "
                                "(оранжевые — региональные)."},
    # --- participants
    "participants.intro": {"en": "Who is being trained: attendances and unique people by "
                                 "country, agency type and year; women's share; the agencies "
                                 "reached most.",
                           "ru": "Кто проходит обучение: участия и уникальные участники по "
                                 "странам, типам ведомств и годам; доля женщин; ведомства с "
                                 "наибольшим охватом."},
    "kpi.repeat": {"en": "Attended two or more activities",
                   "ru": "Участвовали в двух и более мероприятиях"},
    "participants.by_country": {"en": "Participants by country", "ru": "Участники по странам"},
    "participants.by_agency_type": {"en": "Participants by agency type",
                                    "ru": "Участники по типам ведомств"},
    "participants.by_year": {"en": "Participants by year", "ru": "Участники по годам"},
    "participants.women": {"en": "Women's share of attendances", "ru": "Доля женщин среди "
                                                                       "участий"},
    "participants.agencies": {"en": "Agencies reached most (attendances)",
                              "ru": "Ведомства с наибольшим охватом (участия)"},
    "participants.repeat": {"en": "People by number of activities attended",
                            "ru": "Участники по числу посещённых мероприятий"},
    # --- follow-up
    "followup.intro": {"en": "Are recommendations taken up? Recommendations and other outputs "
                             "by status, country, component and type; overdue ones first.",
                       "ru": "Выполняются ли рекомендации? Рекомендации и другие результаты по "
                             "статусу, странам, компонентам и типам; просроченные — первыми."},
    "kpi.recs_total": {"en": "Recommendations and other outputs",
                       "ru": "Рекомендации и другие результаты"},
    "kpi.recs_open": {"en": "Open recommendations", "ru": "Открытые рекомендации"},
    "kpi.recs_overdue": {"en": "Overdue", "ru": "Просроченные"},
    "followup.by_status": {"en": "Recommendations by status", "ru": "Рекомендации по статусу"},
    "followup.by_country": {"en": "Recommendations by country and status",
                            "ru": "Рекомендации по странам и статусу"},
    "followup.by_component": {"en": "Recommendations by component and status",
                              "ru": "Рекомендации по компонентам и статусу"},
    "followup.by_type": {"en": "Outputs by type", "ru": "Результаты по типам"},
    "followup.list": {"en": "Recommendations, overdue first", "ru": "Рекомендации, сначала "
                                                                   "просроченные"},
    "followup.overdue_rule": {"en": "Overdue: due date before the as-of date and not implemented "
                                    "or declined.",
                              "ru": "Просрочена: срок раньше даты отчёта, не выполнена и не "
                                    "отклонена."},
    # --- data quality
    "quality.intro": {"en": "What was read, what was excluded and why. Rows with errors are left "
                            "out of every figure and listed here.",
                      "ru": "Что прочитано, что исключено и почему. Строки с ошибками не входят "
                            "ни в один показатель и перечислены здесь."},
    "quality.severity": {"en": "Severity", "ru": "Уровень"},
    "quality.tables": {"en": "Tables", "ru": "Таблицы"},
    "quality.codes": {"en": "Issue codes", "ru": "Коды замечаний"},
    "quality.no_issues": {"en": "No issues: every row of every table is valid.",
                          "ru": "Замечаний нет: все строки всех таблиц корректны."},
    "quality.templates": {"en": "Templates", "ru": "Шаблоны"},
    "quality.template_help": {"en": "A workbook with a sheet per table, drop-down lists and "
                                    "instructions.",
                              "ru": "Книга Excel с листом на каждую таблицу, выпадающими "
                                    "списками и инструкцией."},
    "quality.template_download": {"en": "Download the template (xlsx)",
                                  "ru": "Скачать шаблон (xlsx)"},
    "col.activities": {"en": "Activities", "ru": "Мероприятия"},
    "col.attendances": {"en": "Attendances", "ru": "Участия"},
    "col.unique_people": {"en": "Unique people", "ru": "Уникальные участники"},
    "col.people": {"en": "People", "ru": "Человек"},
    "col.activities_attended": {"en": "Activities attended", "ru": "Посещено мероприятий"},
    "col.country": {"en": "Country", "ru": "Страна"},
    "col.component": {"en": "Component", "ru": "Компонент"},
    "col.year": {"en": "Year", "ru": "Год"},
    "col.quarter": {"en": "Quarter", "ru": "Квартал"},
    "col.status": {"en": "Status", "ru": "Статус"},
    "col.activity_type": {"en": "Type", "ru": "Тип"},
    "col.agency": {"en": "Agency", "ru": "Ведомство"},
    "col.agency_type": {"en": "Agency type", "ru": "Тип ведомства"},
    "col.output_type": {"en": "Output type", "ru": "Тип результата"},
    "col.recommendations": {"en": "Recommendations", "ru": "Рекомендации"},
    "col.actual": {"en": "Actual", "ru": "Факт"},
    "col.target": {"en": "Target", "ru": "Цель"},
    "col.women_share": {"en": "Women's share", "ru": "Доля женщин"},
    "col.month": {"en": "Month", "ru": "Месяц"},
    "col.completed": {"en": "Completed", "ru": "Завершено"},
    "col.elapsed": {"en": "Time elapsed", "ru": "Прошло времени"},
    "col.activity_id": {"en": "Activity", "ru": "Мероприятие"},
    "col.title": {"en": "Title", "ru": "Название"},
    "col.start": {"en": "Start", "ru": "Начало"},
    "col.start_date": {"en": "Start", "ru": "Начало"},
    "col.end_date": {"en": "End", "ru": "Окончание"},
    "col.finish": {"en": "End", "ru": "Окончание"},
    "col.rec_id": {"en": "Id", "ru": "Номер"},
    "col.date_proposed": {"en": "Proposed", "ru": "Предложена"},
    "col.due_date": {"en": "Due", "ru": "Срок"},
    "col.status_date": {"en": "Status date", "ru": "Дата статуса"},
    "col.partner_agency": {"en": "Partner agency", "ru": "Ведомство-партнёр"},
    "col.reviewed_at": {"en": "Last reviewed at", "ru": "Рассмотрена на"},
    "col.overdue": {"en": "Overdue", "ru": "Просрочена"},
    "kpi.regional": {"en": "Regional activities", "ru": "Региональные мероприятия"},
    "kpi.multi_country": {"en": "Multi-country activities", "ru": "Многосторонние мероприятия"},
    "kpi.cum_target": {"en": "Cumulative target by {year}", "ru": "Накопленная цель к "
                                                                      "{year}"},
    "kpi.next_meeting": {"en": "Next steering-group meeting", "ru": "Следующее заседание"},
    "kpi.rows_read": {"en": "Rows read", "ru": "Прочитано строк"},
    "kpi.rows_excluded": {"en": "Rows excluded", "ru": "Исключено строк"},
    "kpi.errors": {"en": "Errors", "ru": "Ошибки"},
    "kpi.warnings": {"en": "Warnings", "ru": "Предупреждения"},
    "quality.rows_chart": {"en": "Rows per table: valid and excluded",
                           "ru": "Строки по таблицам: корректные и исключённые"},
    "quality.codes_chart": {"en": "Issues by code", "ru": "Замечания по кодам"},
    "series.rows_valid": {"en": "Valid", "ru": "Корректные"},
    "series.rows_excluded": {"en": "Excluded", "ru": "Исключённые"},
    "axis.rows": {"en": "Rows", "ru": "Строки"},
    "axis.issues": {"en": "Issues", "ru": "Замечания"},
    "col.issues": {"en": "Issues", "ru": "Замечания"},
    "col.rows": {"en": "Rows", "ru": "Строки"},
    "col.kind": {"en": "Rows", "ru": "Строки"},
    # --- meeting brief and pack
    "page.meeting": {"en": "Meeting brief", "ru": "Материалы заседания"},
    "brief.intro": {"en": "For a steering-group meeting: one country (or the region), the period "
                          "since its previous meeting, the recommendations to discuss and the "
                          "plan for the next period.",
                    "ru": "Для заседания руководящей группы: одна страна (или регион), период с "
                          "предыдущего заседания, рекомендации для обсуждения и план на "
                          "следующий период."},
    "brief.country": {"en": "Country", "ru": "Страна"},
    "brief.period_start": {"en": "Period from", "ru": "Период с"},
    "brief.download": {"en": "Download the meeting pack (PowerPoint)",
                       "ru": "Скачать материалы заседания (PowerPoint)"},
    "brief.results": {"en": "Results of the period {period}", "ru": "Результаты за период {period}"},
    "brief.by_component": {"en": "Activities completed by component",
                           "ru": "Завершённые мероприятия по компонентам"},
    "brief.by_type": {"en": "Activities completed by type", "ru": "Завершённые мероприятия по "
                                                                  "типам"},
    "brief.targets": {"en": "Against the yearly targets", "ru": "В сравнении с годовыми целями"},
    "brief.participants": {"en": "Participants in the period {period}",
                           "ru": "Участники за период {period}"},
    "brief.recommendations": {"en": "Recommendations to discuss (open, overdue first)",
                              "ru": "Рекомендации для обсуждения (открытые, сначала "
                                    "просроченные)"},
    "pack.nothing": {"en": "Nothing to show for this period.",
                     "ru": "За этот период показать нечего."},
    "brief.pack_failed": {"en": "The meeting pack could not be made: {why}",
                          "ru": "Не удалось подготовить пакет материалов: {why}"},
    "brief.no_open": {"en": "No open recommendations.", "ru": "Открытых рекомендаций нет."},
    "brief.planned": {"en": "Planned for the next period", "ru": "План на следующий период"},
    "brief.no_planned": {"en": "No activities planned for the next period.",
                         "ru": "На следующий период мероприятия не запланированы."},
    "pack.programme": {"en": "BOMCA 10", "ru": "BOMCA 10"},
    "pack.programme_long": {"en": "EU Border Management Programme in Central Asia (BOMCA 10)",
                            "ru": "Программа ЕС по управлению границами в Центральной Азии "
                                  "(BOMCA 10)"},
    "pack.eu": {"en": "Funded by the European Union", "ru": "Финансируется Европейским союзом"},
    "pack.source": {"en": "Source: {source}", "ru": "Источник: {source}"},
    "pack.more_rows": {"en": {"one": "... and {n} more row: every row is in the BOMCA dashboard",
                              "other": "... and {n} more rows: every row is in the BOMCA "
                                       "dashboard"},
                       "ru": {"one": "... и ещё {n} строка: все строки есть в панели BOMCA",
                              "few": "... и ещё {n} строки: все строки есть в панели BOMCA",
                              "many": "... и ещё {n} строк: все строки есть в панели BOMCA",
                              "other": "... и ещё {n} строки: все строки есть в панели BOMCA"}},
    "pack.title_nsg": {"en": "National Steering Group meeting: {country}",
                       "ru": "Заседание национальной руководящей группы: {country}"},
    "pack.title_rsg": {"en": "Regional Steering Group meeting", "ru": "Заседание региональной "
                                                                      "руководящей группы"},
    "pack.period": {"en": "Period", "ru": "Период"},
    "pack.headline": {"en": "Headline figures: {country}", "ru": "Основные показатели: {country}"},
    "pack.in_period": {"en": "{n} in the period", "ru": "{n} за период"},
    "pack.overdue": {"en": "{n} overdue", "ru": "просрочено: {n}"},
    "pack.scope": {
        "en": "Activities that list the country; participants from the country, at any "
              "activity (national, multi-country or regional); recommendations naming the "
              "country. Figures since the programme's start as of the date shown; the period's "
              "figures below each.",
        "ru": "Мероприятия с участием страны; участники из страны на любых мероприятиях "
              "(национальных, многострановых, региональных); рекомендации, касающиеся страны. "
              "Показатели с начала программы на указанную дату; под каждым — за период."},
    "col.location": {"en": "Place", "ru": "Место"},
    "export.title": {"en": "Export the filtered data", "ru": "Экспорт отфильтрованных данных"},
    "export.xlsx": {"en": "Excel workbook", "ru": "Книга Excel"},
    "export.csv": {"en": "CSV files (zip)", "ru": "Файлы CSV (zip)"},
    "table.activities": {"en": "activities", "ru": "мероприятия"},
    "table.participants": {"en": "participants", "ru": "участники"},
    "table.recommendations": {"en": "recommendations", "ru": "рекомендации"},
    "table.recommendation_updates": {"en": "recommendation updates",
                                     "ru": "изменения статусов рекомендаций"},
    "table.meetings": {"en": "meetings", "ru": "заседания"},
    "table.published": {"en": "published figures", "ru": "опубликованные показатели"},
    "table.targets": {"en": "targets", "ru": "цели"},
    "auth.sign_in": {"en": "Sign in", "ru": "Войти"},
    "auth.sign_out": {"en": "Sign out", "ru": "Выйти"},
    "auth.name": {"en": "User name", "ru": "Имя пользователя"},
    "auth.password": {"en": "Password", "ru": "Пароль"},
    "auth.failed": {"en": "Sign-in failed.", "ru": "Вход не выполнен."},
    "auth.editors_only": {"en": "Only editors can change the data.",
                          "ru": "Изменять данные могут только редакторы."},
    "auth.signed_in_as": {"en": "Signed in as {name}", "ru": "Вы вошли как {name}"},
    "page.data": {"en": "Data", "ru": "Данные"},
    "data.intro": {"en": "Upload new spreadsheets: they are checked first, replace only the "
                         "tables they hold, and every earlier version stays recoverable.",
                   "ru": "Загрузка новых таблиц: сначала проверка; заменяются только "
                         "содержащиеся в них таблицы; все прежние версии сохраняются."},
    "data.read_only": {"en": "The bundled demonstration data is read-only: set BOMCA_DATA to a "
                             "data folder to upload and keep versions.",
                       "ru": "Встроенные демонстрационные данные только для чтения: укажите "
                             "папку данных в BOMCA_DATA, чтобы загружать файлы и хранить "
                             "версии."},
    "data.upload": {"en": "Workbook or table files", "ru": "Книга или файлы таблиц"},
    "auth.no_access": {"en": "The account {name} has no access to this dashboard: ask its "
                             "administrator to add it.",
                       "ru": "У учётной записи {name} нет доступа к этой панели: обратитесь "
                             "к администратору."},
    "sidebar.data_date": {"en": "Data as of {date}", "ru": "Данные по состоянию на {date}"},
    "banner.forecast": {"en": "Figures after {date}, the data's own date, are forecasts from "
                              "the plan: what was planned, not what happened.",
                        "ru": "Показатели после {date}, даты самих данных, являются "
                              "прогнозом по плану: запланированное, а не произошедшее."},
    "link.ignored": {"en": "Ignored in the link (names nothing known): {values}",
                     "ru": "Проигнорировано в ссылке (неизвестные значения): {values}"},
    "col.summary_figure": {"en": "Figure", "ru": "Показатель"},
    "col.summary_value": {"en": "Value", "ru": "Значение"},
    "col.summary_key": {"en": "Key", "ru": "Ключ"},
    "summary.activities.total": {"en": "Activities in the plan",
                                 "ru": "Мероприятий в плане"},
    "summary.activities.by_status": {"en": "Activities by status on the as-of date",
                                     "ru": "Мероприятия по статусу на отчётную дату"},
    "summary.activities.completed": {"en": "Activities completed",
                                     "ru": "Завершено мероприятий"},
    "summary.activities.completed_by_country": {"en": "Activities completed, by country",
                                                "ru": "Завершено мероприятий, по странам"},
    "summary.activities.completed_by_component": {
        "en": "Activities completed, by component", "ru": "Завершено мероприятий, по компонентам"},
    "summary.activities.completed_by_year": {
        "en": "Activities completed, by calendar year",
        "ru": "Завершено мероприятий, по календарным годам"},
    "summary.activities.completed_by_programme_year": {
        "en": "Activities completed, by programme year",
        "ru": "Завершено мероприятий, по годам программы"},
    "summary.activities.completed_by_kind": {"en": "Activities completed, by kind",
                                             "ru": "Завершено мероприятий, по виду"},
    "summary.activities.completed_joint": {
        "en": "Activities completed jointly with other international organisations",
        "ru": "Завершено совместно с другими международными организациями"},
    "summary.activities.planned_implemented_share": {
        "en": "Share of planned activities implemented",
        "ru": "Доля выполненных запланированных мероприятий"},
    "summary.participants.attendances": {"en": "Attendances", "ru": "Участия"},
    "summary.participants.unique_persons": {"en": "Unique people",
                                            "ru": "Уникальные участники"},
    "summary.participants.women_share": {"en": "Women's share", "ru": "Доля женщин"},
    "summary.participants.by_country": {"en": "Attendances, by participants' country",
                                        "ru": "Участия, по стране участников"},
    "summary.participants.by_agency_type": {"en": "Attendances, by agency type",
                                            "ru": "Участия, по типу ведомства"},
    "summary.recommendations.total": {"en": "Recommendations proposed by the as-of date",
                                      "ru": "Рекомендаций предложено к отчётной дате"},
    "summary.recommendations.by_status": {"en": "Recommendations by status on the as-of date",
                                          "ru": "Рекомендации по статусу на отчётную дату"},
    "summary.recommendations.implemented_share": {"en": "Recommendations implemented",
                                                  "ru": "Выполнено рекомендаций"},
    "page.published": {"en": "Published figures", "ru": "Опубликованные показатели"},
    "published.intro": {
        "en": "Does the data agree with what the programme published? Each published figure "
              "beside the same figure computed from the data, as of the date and for the "
              "scope it refers to.",
        "ru": "Согласуются ли данные с тем, что опубликовала программа? Каждый "
              "опубликованный показатель рядом с тем же показателем, рассчитанным по данным "
              "на его дату и для его охвата."},
    "published.rule": {
        "en": "Agrees: the figure from the data satisfies the published comparison (exactly, "
              "more than, at least...; \"about\" within 5 %). Not computable: the data cannot "
              "give it (a table or person ids missing, a date after the data's own date). "
              "Each statement keeps its own date and scope: the sidebar's date and filters "
              "do not apply.",
        "ru": "Согласуется: показатель по данным удовлетворяет опубликованному сравнению "
              "(ровно, более, не менее...; «около» — в пределах 5 %). Нельзя рассчитать: "
              "данных недостаточно (нет таблицы или идентификаторов участников, дата позже "
              "даты данных). У каждого утверждения свои дата и охват: дата и фильтры боковой "
              "панели не применяются."},
    "published.agrees": {"en": "Agrees", "ru": "Согласуется"},
    "published.disagrees": {"en": "Disagrees", "ru": "Не согласуется"},
    "published.not_computable": {"en": "Not computable", "ru": "Нельзя рассчитать"},
    "published.reason.after_data": {"en": "after the data's own date",
                                    "ru": "позже даты данных"},
    "published.reason.no_year": {"en": "no year given", "ru": "не указан год"},
    "published.reason.no_table": {"en": "its table is missing", "ru": "нет нужной таблицы"},
    "published.reason.no_figure": {"en": "not in the data (e.g. no person ids)",
                                   "ru": "нет в данных (например, идентификаторов участников)"},
    "published.whole": {"en": "whole programme", "ru": "вся программа"},
    "published.rows": {"en": "What it counts: {figure}, {date}",
                       "ru": "Что учтено: {figure}, {date}"},
    "published.quote": {
        "en": "As published on {date} ({source}): {quote}. {verdict} with the data.",
        "ru": "Опубликовано {date} ({source}): «{quote}». {verdict} с данными."},
    "col.statement_id": {"en": "Statement", "ru": "Утверждение"},
    "col.date": {"en": "Date", "ru": "Дата"},
    "col.source": {"en": "Published in", "ru": "Где опубликовано"},
    "col.figure": {"en": "Figure", "ru": "Показатель"},
    "col.published": {"en": "Published", "ru": "Опубликовано"},
    "col.computed": {"en": "From the data", "ru": "По данным"},
    "col.quote": {"en": "Wording", "ru": "Формулировка"},
    "col.activity_kind": {"en": "Kind", "ru": "Вид"},
    "col.joint_with": {"en": "Held jointly with", "ru": "Совместно с"},
    "col.delivery": {"en": "Delivery", "ru": "Формат"},
    "verdict.on_track": {"en": "On track", "ru": "По плану"},
    "verdict.at_risk": {"en": "At risk", "ru": "Под угрозой"},
    "verdict.behind": {"en": "Behind", "ru": "Отставание"},
    "verdict.no_target": {"en": "No target", "ru": "Нет цели"},
    "verdict.rule": {
        "en": "Achieved by the as-of date against what was due by then: each past year's "
              "whole target and the current year's in proportion to the time elapsed; on "
              "track at 90 % or more, at risk from 70 %, behind below. The women's share is "
              "judged against its target level. Each scope against its own targets.",
        "ru": "Достигнутое к отчётной дате в сравнении с тем, что было запланировано к ней: "
              "цели прошедших лет полностью, цель текущего года пропорционально прошедшему "
              "времени; «по плану» от 90 %, «под угрозой» от 70 %, ниже — «отставание». "
              "Доля женщин сравнивается с целевым уровнем. Каждый срез — со своими целями."},
    "verdict.title": {"en": "Is it on track?", "ru": "Идёт ли работа по плану?"},
    "verdict.matrix": {"en": "Which country, which component is lagging?",
                       "ru": "Какая страна, какой компонент отстаёт?"},
    "verdict.against": {"en": "{indicator} against the targets, per programme year",
                        "ru": "{indicator}: факт и цели по годам программы"},
    "brief.filters_not_applied": {
        "en": "the brief shows one whole country (or the region): the sidebar's filters are "
              "not applied here",
        "ru": "справка показывает страну (или регион) целиком: фильтры боковой панели здесь "
              "не применяются"},
    "verdict.detail": {"en": "{actual} achieved, {due} due", "ru": "Достигнуто {actual}, "
                                                                  "ожидалось {due}"},
    "col.due": {"en": "Due by the as-of date", "ru": "Ожидалось к отчётной дате"},
    "col.verdict": {"en": "Verdict", "ru": "Оценка"},
    "verdict.none_for": {"en": "{indicator}: no target names exactly this selection of "
                               "countries and components, so none is shown.",
                         "ru": "{indicator}: для этого выбора стран и компонентов нет "
                               "собственной цели, поэтому она не показана."},
    "verdict.by_country": {"en": "Country", "ru": "Страна"},
    "verdict.by_component": {"en": "Component", "ru": "Компонент"},
    "col.label": {"en": "Agency (country)", "ru": "Ведомство (страна)"},
    "label.unrecorded": {"en": "Not recorded on that day", "ru": "Не зафиксирован на эту дату"},
    "data.refused": {"en": "{file} was refused: {why}", "ru": "Файл {file} отклонён: {why}"},
    "data.check_failed": {"en": "The files could not be checked: {why}",
                          "ru": "Файлы не удалось проверить: {why}"},
    "data.preview": {"en": "Check before anything changes", "ru": "Проверка до внесения "
                                                                   "изменений"},
    "data.replaces": {"en": "Replaces: {tables}. Kept as they are: {kept}.",
                      "ru": "Заменяются: {tables}. Остаются как есть: {kept}."},
    "data.accept": {"en": "Accept the upload", "ru": "Принять загрузку"},
    "data.accept_errors": {"en": "Accept anyway, with the rows listed above excluded",
                           "ru": "Всё равно принять, исключив перечисленные строки"},
    "data.accepted": {"en": "Accepted: version {version} is now current.",
                      "ru": "Принято: текущая версия — {version}."},
    "data.history": {"en": "History", "ru": "История"},
    "data.no_history": {"en": "No versions yet: the first upload keeps the current files as "
                              "version 1.",
                        "ru": "Версий пока нет: при первой загрузке текущие файлы "
                              "сохраняются как версия 1."},
    "data.rollback_to": {"en": "Version", "ru": "Версия"},
    "data.rollback": {"en": "Roll back to this version", "ru": "Вернуться к этой версии"},
    "data.rolled_back": {"en": "Version {version} is current again.",
                         "ru": "Версия {version} снова текущая."},
    "col.version": {"en": "Version", "ru": "Версия"},
    "col.time": {"en": "Time (UTC)", "ru": "Время (UTC)"},
    "col.user": {"en": "By", "ru": "Кем"},
    "col.current": {"en": "Current", "ru": "Текущая"},
    "col.files": {"en": "Files (SHA-256)", "ru": "Файлы (SHA-256)"},
    "yes": {"en": "yes", "ru": "да"},
    "no": {"en": "no", "ru": "нет"},
}

_BABEL_LOCALE = {"en": "en_GB", "ru": "ru_RU"}



def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled. A text with
    plural forms takes its form from the number ``n`` (see ``nt``)."""
    text = STRINGS[key].get(lang) or STRINGS[key][DEFAULT_LANGUAGE]
    if isinstance(text, dict):
        return nt(key, values.pop("n"), lang, **values)
    return text.format(**values) if values else text


def nt(key: str, n: int, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The form of ``key`` for the number ``n`` by the language's plural rules (CLDR,
    through Babel): English one / other; Russian one (1, 21), few (2-4, 22-24), many
    (5-20, 25...), other (fractions). ``n`` is written the language's way."""
    forms = STRINGS[key].get(lang) or STRINGS[key][DEFAULT_LANGUAGE]
    if isinstance(forms, str):
        return forms.format(n=number(n, lang), **values)
    category = Locale.parse(_BABEL_LOCALE[lang]).plural_form(n)
    text = forms.get(category) or forms["other"]
    return text.format(n=number(n, lang), **values)


def term(kind: str, code: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The name of a vocabulary value (country, component, status...) in ``lang``."""
    for item in contract.VOCABULARIES[kind]:
        if item.code == code:
            return item.ru if lang == "ru" else item.en
    if kind == "rec_status" and code == "unrecorded":
        return t("label.unrecorded", lang)
    return code


SHORT_COMPONENTS = {
    "C1": {"en": "Institutional development", "ru": "Институциональное развитие"},
    "C2": {"en": "Detection capacities", "ru": "Потенциал выявления"},
    "C3": {"en": "Trade facilitation", "ru": "Содействие торговле"},
    "C4": {"en": "Cross-border cooperation", "ru": "Трансграничное сотрудничество"},
}


def component_short(code: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """"C1 Institutional development": short enough for a chart's axis or legend."""
    short = SHORT_COMPONENTS.get(code, {}).get(lang)
    return f"{code} {short}" if short else term("component", code, lang)


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


def year_name(key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """"Y2" -> "Y2" ("Г2" in Russian: год); a calendar year stays as it is."""
    if key.startswith("Y") and key[1:].isdigit():
        return ("Г" if lang == "ru" else "Y") + key[1:]
    return key


def quarter_name(key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """"2021Q2" -> "Q2 2021" ("2 кв. 2021" in Russian)."""
    year, _, quarter = key.partition("Q")
    if not (year.isdigit() and quarter.isdigit()):
        return key
    return f"{quarter} кв. {year}" if lang == "ru" else f"Q{quarter} {year}"


def plotly_separators(lang: str) -> str:
    """Plotly's decimal and thousands separators for the language."""
    return ",\u00a0" if lang == "ru" else ".,"


def context_line(filters, as_of: dt.date, lang: str = DEFAULT_LANGUAGE) -> str:
    """"As of 30.11.2023 · Countries: Kazakhstan · ..." for chart subtitles and files."""
    from bomca_data.filters import KINDS  # here: i18n is imported by everything

    parts = [t("context.as_of", lang, date=date(as_of, lang))]
    for name, kind in KINDS.items():
        chosen = getattr(filters, name)
        if chosen:
            names = [year_name(c, lang) if kind == "year" else
                     (c if kind == "component" else term(kind, c, lang)) for c in chosen]
            line = f"{t('filters.' + name, lang)}: {', '.join(names)}"
            if name == "years":
                line += f" ({t('filters.' + filters.year_kind + '_years', lang)})"
            parts.append(line)
    if len(parts) == 1:
        parts.append(t("filters.none", lang))
    return " · ".join(parts)


def date(day: dt.date, lang: str = DEFAULT_LANGUAGE) -> str:
    """dd.mm.yyyy in Russian, ISO (unambiguous) in English."""
    return day.strftime("%d.%m.%Y") if lang == "ru" else day.isoformat()
