"""Cell parsers: every accepted spelling maps to its canonical value; nothing raises."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bomca_data import contract
from bomca_data.source import parse

any_text = st.text(max_size=40)


@pytest.mark.parametrize(("text", "expected"), [
    ("2022-03-15", dt.date(2022, 3, 15)),
    ("2022-03-15 00:00:00", dt.date(2022, 3, 15)),  # a real date cell, as read
    ("2022-03-15T10:30:00", dt.date(2022, 3, 15)),
    ("15.03.2022", dt.date(2022, 3, 15)),
    ("15/03/2022", dt.date(2022, 3, 15)),
    ("15-03-2022", dt.date(2022, 3, 15)),
    ("03/04/2022", dt.date(2022, 4, 3)),  # day first, always
    ("3.4.22", dt.date(2022, 4, 3)),
    ("44635", dt.date(2022, 3, 15)),  # Excel serial number
    ("44635.5", dt.date(2022, 3, 15)),
])
def test_dates_read(text, expected):
    assert parse.parse_date(text) == expected


@pytest.mark.parametrize("text", ["32.13.2022", "2022-02-30", "15.03", "tomorrow", "2022",
                                  "12", "1e9", "15.03.2022 x"])
def test_dates_refused(text):
    assert parse.parse_date(text) is None


@given(st.dates(min_value=dt.date(1910, 1, 1), max_value=dt.date(2199, 12, 31)))
def test_every_date_spelling_maps_back(day):
    serial = (day - dt.date(1899, 12, 30)).days
    for text in (day.isoformat(), day.strftime("%d.%m.%Y"), day.strftime("%d/%m/%Y"),
                 day.strftime("%d-%m-%Y"), f"{day.isoformat()} 00:00:00", str(serial)):
        assert parse.parse_date(text) == day


@given(any_text)
def test_date_parser_never_raises(text):
    assert parse.parse_date(text) is None or isinstance(parse.parse_date(text), dt.date)


@pytest.mark.parametrize(("text", "expected"), [
    ("1234", 1234), ("1 234", 1234), ("1\u00a0234", 1234), ("1,234.5", 1234.5),
    ("1 234,5", 1234.5), ("1.234,5", 1234.5), ("2,5", 2.5), ("1,234", 1234),
    ("-5", -5), ("0.3", 0.3), ("1e3", 1000), ("1234567", 1234567),
])
def test_numbers_read(text, expected):
    assert parse.parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["abc", "1.2.3", "1,2,3", "12 EUR", "", "--1", "nan", "inf"])
def test_numbers_refused(text):
    assert parse.parse_number(text) is None


@given(st.integers(min_value=-10**12, max_value=10**12), st.integers(min_value=0, max_value=99))
def test_every_number_spelling_maps_back(whole, cents):
    value = whole + (cents / 100 if whole >= 0 else -cents / 100)
    grouped = f"{abs(whole):,}"
    sign = "-" if whole < 0 else ""
    for text in (f"{sign}{grouped}.{cents:02d}", f"{sign}{grouped.replace(',', ' ')},{cents:02d}",
                 f"{sign}{grouped.replace(',', '.')},{cents:02d}", f"{sign}{abs(whole)}.{cents:02d}"):
        assert parse.parse_number(text) == pytest.approx(value), text


@given(any_text)
def test_number_parser_never_raises(text):
    result = parse.parse_number(text)
    assert result is None or isinstance(result, float)


def _variants(spelling: str) -> list[str]:
    return [spelling, spelling.upper(), spelling.lower(), f"  {spelling} ",
            spelling.replace(" ", "_"), spelling.replace(" ", "-")]


@pytest.mark.parametrize("kind", sorted(contract.VOCABULARIES))
def test_every_accepted_spelling_maps_to_its_code(kind):
    for term in contract.VOCABULARIES[kind]:
        for spelling in (term.code, term.en, term.ru, *term.spellings):
            for variant in _variants(spelling):
                assert parse.parse_term(variant, kind) == term.code, (kind, variant)


@pytest.mark.parametrize(("text", "code"), [
    ("Kazakstan", "KZ"), ("Republic of Kazakhstan", "KZ"), ("KGZ", "KG"), ("Kyrgyz Republic", "KG"),
    ("Kirghizia", "KG"), ("Киргизия", "KG"), ("TJK", "TJ"), ("TKM", "TM"), ("UZB", "UZ"),
    ("Центральная Азия", "RG"), ("All", "RG"), ("Региональный", "RG"),
])
def test_country_spellings_of_the_contract(text, code):
    assert parse.parse_country(text) == code


@pytest.mark.parametrize(("text", "code"), [
    ("1", "C1"), ("C2", "C2"), ("c 3", "C3"), ("Component 4", "C4"), ("2.0", "C2"),
    ("Trade facilitation", "C3"), ("Institutional development", "C1"),
    ("Detection capacities", "C2"), ("Cross-border cooperation", "C4"),
])
def test_component_spellings_of_the_contract(text, code):
    assert parse.parse_component(text) == code


@pytest.mark.parametrize(("text", "code"), [
    ("F", "female"), ("W", "female"), ("woman", "female"), ("ж", "female"), ("жен", "female"),
    ("женский", "female"), ("M", "male"), ("man", "male"), ("м", "male"), ("муж", "male"),
    ("мужской", "male"), ("", "unknown"), ("  ", "unknown"), ("Other", "other"),
])
def test_gender_spellings_of_the_contract(text, code):
    assert parse.parse_gender(text) == code


@given(any_text)
def test_vocabulary_parsers_never_raise(text):
    for kind in contract.VOCABULARIES:
        result = parse.parse_term(text, kind)
        assert result is None or result in contract.codes(contract.VOCABULARIES[kind])
    parse.parse_country_list(text)
    parse.parse_gender(text)


def test_country_lists_are_canonical():
    assert parse.parse_country_list("Uzbekistan; KZ") == "KZ;UZ"
    assert parse.parse_country_list("KZ, KZ") == "KZ"
    assert parse.parse_country_list("KZ; Mars") is None
    assert parse.bad_country_parts("KZ; Mars") == ["Mars"]


def test_statuses_and_types_of_the_contract():
    assert parse.parse_term("in progress", "activity_status") == "ongoing"
    assert parse.parse_term("Done", "activity_status") == "completed"
    assert parse.parse_term("implemented", "activity_status") == "completed"
    assert parse.parse_term("Civil society", "agency_type") == "civil_society"
    assert parse.parse_term("Study visit", "activity_type") == "study_visit"
    assert parse.parse_term("in progress", "rec_status") == "in_progress"


def test_what_an_export_writes_is_read_back():
    """A share written as a percentage, a component with its name beside its code."""
    from bomca_data.source import parse

    assert parse.parse_number("26 %") == 0.26 and parse.parse_number("27,5\u00a0%") == 0.275
    assert parse.parse_number("%") is None and parse.parse_number("x %") is None
    assert parse.parse_term("C2 Detection capacities", "component") == "C2"
    assert parse.parse_term("C4 Трансграничное сотрудничество", "component") == "C4"
    assert parse.parse_term("C9 Anything", "component") is None
    assert parse.parse_term("Kazakhstan something", "country") is None  # components only
