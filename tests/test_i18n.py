"""Every interface string exists in English and Russian; numbers and dates are written
the way each language writes them."""

import datetime as dt

import pytest

from bomca_data import contract, i18n


@pytest.mark.parametrize("key", sorted(i18n.STRINGS))
def test_every_key_has_both_languages(key):
    texts = i18n.STRINGS[key]
    assert set(texts) == set(i18n.LANGUAGES)
    assert all(texts[lang].strip() for lang in i18n.LANGUAGES)
    placeholders = {lang: sorted(part.split("}")[0] for part in texts[lang].split("{")[1:])
                    for lang in i18n.LANGUAGES}
    assert placeholders["en"] == placeholders["ru"]


def test_russian_text_is_russian():
    for key, texts in i18n.STRINGS.items():
        if texts["ru"] == texts["en"]:  # a proper name, the same in both ("BOMCA 10")
            assert not any(w.islower() for w in texts["en"].split()), key
            continue
        assert any("а" <= ch.lower() <= "я" for ch in texts["ru"]), key


@pytest.mark.parametrize("kind", sorted(contract.VOCABULARIES))
def test_every_term_has_a_russian_name(kind):
    for term in contract.VOCABULARIES[kind]:
        assert i18n.term(kind, term.code, "ru") != i18n.term(kind, term.code, "en") or \
            term.code in ("NSG", "RSG")


def test_numbers_and_dates_by_language():
    assert i18n.number(1234567, "en") == "1,234,567"
    assert i18n.number(1234567, "ru") == "1\u00a0234\u00a0567"
    assert i18n.number(1234.5, "ru", digits=1) == "1\u00a0234,5"
    assert i18n.percent(0.274, "en") == "27.4%"
    assert i18n.percent(0.274, "ru").replace("\u00a0", " ") == "27,4 %"
    assert i18n.percent(None, "ru") == "н/д"
    assert i18n.date(dt.date(2022, 9, 5), "ru") == "05.09.2022"
