"""A folder of messy, real-looking files: the validator reports exactly the bad rows,
with the row numbers a person sees in the spreadsheet program."""

import datetime as dt
import json

import pytest

from bomca_data import cli
from tests.sheets import write, write_csv


@pytest.fixture
def messy(tmp_path):
    # activities.xlsx: a title and a note above the header, Russian headers and values,
    # mixed date formats, a personal-data column, a totals row.
    write(tmp_path / "activities.xlsx", {"Мероприятия": [
        ["BOMCA 10 - план мероприятий", None, None],
        ["Обновлено 01.10.2022"],
        [None],
        ["Код мероприятия", "Название", "Компонент", "Страна", "Дата начала",
         "Дата окончания", "Статус", "Тип", "Контактное лицо ФИО", "Бюджет"],
        ["K-1", "Тренинг по рискам", "Компонент 1", "Казахстан", dt.date(2022, 3, 14),
         "18.03.2022", "завершено", "тренинг", "Иванов И.И.", "12 500,00"],     # row 5 ok
        ["K-2", "Семинар", "2", "Кыргызстан; Узбекистан", "2022-04-05", "05/04/2022",
         "done", "семинар", "Петров", "8,000.50"],                            # row 6 ok
        ["K-3", "Учебный визит", "C3", "TJK", "31.04.2022", None, "completed",
         "study visit", None, None],                                           # row 7: date
        [None],
        ["K-4", "Конференция", "C4", "Региональный", 44805, 44806, "в процессе",
         "конференция", None, "abc"],                                          # row 9: budget
        ["K-2", "Повтор", "C1", "KZ", "01.05.2022", None, "planned", "workshop",
         None, None],                                                          # row 10: dup
        ["Итого", None, None, None, None, None, None, None, None, "=SUM(J5:J10)"],
    ]})
    # participants.csv: Windows-1251, semicolons, decimal commas, ж/м.
    write_csv(tmp_path / "participants.csv", [
        ["код_мероприятия", "пол", "страна", "ведомство", "количество", "Телефон"],
        ["K-1", "ж", "Казахстан", "Таможня", "1", "+7 701 000 00 00"],
        ["K-1", "м", "", "Погранслужба", "2", ""],
        ["K-9", "ж", "KZ", "Таможня", "1", ""],                                # line 4: ref
        ["K-2", "м", "Узбекистан", "Таможенный комитет", "-1", ""],            # line 5: range
    ], sep=";", encoding="cp1251")
    # recommendations.ods: an ODS file with a title row and a bad status.
    write(tmp_path / "recommendations.ods", [
        ["Рекомендации"],
        ["rec_id", "title", "country", "date_proposed", "status"],
        ["R-1", "Разработать СОП", "KZ", dt.date(2022, 4, 1), "принято"],
        ["R-2", "Обновить учебный план", "KG", "01.06.2022", "maybe"],         # row 4: vocab
    ])
    return tmp_path


EXPECTED = [
    ("activities.xlsx", None, None, "personal-data-dropped"),
    ("activities.xlsx", 7, "Дата начала", "type-error"),
    ("activities.xlsx", 9, "Бюджет", "type-error"),
    ("activities.xlsx", 10, "Код мероприятия", "duplicate-id"),
    ("activities.xlsx", 11, "Код мероприятия", "total-row-skipped"),
    ("participants.csv", None, None, "personal-data-dropped"),
    ("participants.csv", 4, "код_мероприятия", "unknown-reference"),
    ("participants.csv", 5, "количество", "range-error"),
    ("participants.csv", 5, "код_мероприятия", "unknown-reference"),  # K-2 is on two rows
    ("recommendations.ods", 4, "status", "vocabulary-error"),
]


def test_messy_folder_reports_exactly_the_bad_rows(messy, capsys):
    code = cli.main(["validate", str(messy), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    found = [(i["file"], i["row"], i["column"], i["code"]) for i in report["issues"]]
    assert sorted(found, key=str) == sorted(EXPECTED, key=str)
    counts = ("rows_read", "rows_valid", "rows_excluded")
    assert {t: {k: v[k] for k in counts} for t, v in report["tables"].items()} == {
        "activities": {"rows_read": 5, "rows_valid": 2, "rows_excluded": 3},
        "participants": {"rows_read": 4, "rows_valid": 2, "rows_excluded": 2},
        "recommendations": {"rows_read": 2, "rows_valid": 1, "rows_excluded": 1},
    }
    assert "Иванов" not in json.dumps(report, ensure_ascii=False)
    assert "+7 701" not in json.dumps(report, ensure_ascii=False)


def test_messy_folder_summary_matches_hand_count(messy, capsys):
    cli.main(["summary", str(messy), "--as-of", "2022-12-31", "--format", "json"])
    figures = json.loads(capsys.readouterr().out)
    # Valid activities: K-1 (KZ, C1, completed), K-2 (KG;UZ, C2, completed).
    assert figures["activities"]["completed"] == 2
    assert figures["activities"]["completed_by_country"] == {
        "KZ": 1, "KG": 1, "TJ": 0, "TM": 0, "UZ": 1, "RG": 0}
    # Valid participation rows: K-1 female 1 (KZ), K-1 male 2 (KZ, from the activity).
    assert figures["participants"]["attendances"] == 3
    assert figures["participants"]["by_country"]["KZ"] == 3
    assert figures["participants"]["women_share"] == pytest.approx(1 / 3)
    assert figures["recommendations"]["total"] == 1
