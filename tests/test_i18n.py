"""Every interface string exists in English and Russian; numbers and dates are written
the way each language writes them."""

import datetime as dt

import pytest

from bomca_data import contract, i18n

PLURAL_FORMS = {"en": {"one", "other"}, "ru": {"one", "few", "many", "other"}}


def _forms(texts: dict, lang: str) -> list[str]:
    """A text, or each of its plural forms."""
    text = texts[lang]
    return list(text.values()) if isinstance(text, dict) else [text]


def _placeholders(text: str) -> list[str]:
    return sorted(part.split("}")[0] for part in text.split("{")[1:])


@pytest.mark.parametrize("key", sorted(i18n.STRINGS))
def test_every_key_has_both_languages(key):
    texts = i18n.STRINGS[key]
    assert set(texts) == set(i18n.LANGUAGES)
    for lang in i18n.LANGUAGES:
        assert all(form.strip() for form in _forms(texts, lang))
        if isinstance(texts[lang], dict):  # every plural form of the language
            assert set(texts[lang]) == PLURAL_FORMS[lang], (key, lang)
    placeholders = {_str(p) for lang in i18n.LANGUAGES for form in _forms(texts, lang)
                    for p in [_placeholders(form)]}
    assert len(placeholders) == 1, (key, placeholders)


def _str(items: list[str]) -> str:
    return ",".join(items)


def test_russian_text_is_russian():
    for key, texts in i18n.STRINGS.items():
        if texts["ru"] == texts["en"]:  # a proper name, the same in both ("BOMCA 10")
            assert not any(w.islower() for w in texts["en"].split()), key
            continue
        assert all(any("а" <= ch.lower() <= "я" for ch in form) for form in _forms(texts, "ru")
                   ), key


@pytest.mark.parametrize(("n", "ru"), [
    (1, "1 строка исключена"), (2, "2 строки исключены"), (5, "5 строк исключены"),
    (11, "11 строк исключены"), (21, "21 строка исключена"), (24, "24 строки исключены"),
    (1000, "1\u00a0000 строк исключены")])
def test_real_plural_forms(n, ru):
    assert i18n.t("banner.excluded", "ru", n=n).startswith(ru)
    english = i18n.t("banner.excluded", "en", n=n)
    assert english.startswith(f"{i18n.number(n)} row was" if n == 1 else
                              f"{i18n.number(n)} rows were")


def test_no_faked_plurals_anywhere():
    for key, texts in i18n.STRINGS.items():
        for lang in i18n.LANGUAGES:
            for form in _forms(texts, lang):
                assert not any(f in form for f in ("(s)", "(и)", "(а)", "(ов)", "(ей)")), key


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
