"""The gettext catalogues: every key the code uses exists in English and Russian, none is
unused, placeholders and plural forms agree; numbers and dates are written
the way each language writes them."""

import datetime as dt
import os
import re
import string
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po

from bomca_data import contract, i18n
from bomca_data.i18n import extract

NPLURALS = {"en": 2, "ru": 3}  # gettext's forms: en 1 / other; ru 1, 21 / 2-4 / 5-20


def _entries(lang: str) -> dict[str, tuple[str, ...]]:
    """Each key's text, or its plural forms, in the language's catalogue (read as a
    translator's editor would: fuzzy entries do not count)."""
    catalogue = read_po(i18n.catalogue_path(lang).open("rb"), locale=lang)
    return {str(m.id[0] if m.pluralizable else m.id):
            (m.string if isinstance(m.string, tuple) else (m.string,))
            for m in catalogue if m.id and not m.fuzzy}


def _placeholders(text: str) -> tuple[str, ...]:
    return tuple(sorted({name for _, name, _, _ in string.Formatter().parse(text) if name}))


def test_catalogues_are_gettext_with_the_languages_plural_rules():
    for lang in i18n.LANGUAGES:
        header = read_po(i18n.catalogue_path(lang).open("rb"), locale=lang)
        assert header.num_plurals == NPLURALS[lang]
        assert header.locale.language == lang


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_no_key_missing_in_a_language(lang):
    entries = _entries(lang)
    missing = {key: where for key, where in extract.used_keys().items()
               if not all(entries.get(key, ("",)))}
    assert not missing, (f"not translated in {lang} (key: first use): {missing}: add the key "
                         "to locales/en/LC_MESSAGES/messages.po, run `make translations`, "
                         "then translate it in locales/ru (CONTRIBUTING.md)")


def test_no_unused_key():
    unused = i18n.message_keys() - set(extract.used_keys())
    assert not unused, (f"in the catalogue, used nowhere: {sorted(unused)}: use them in the "
                        "code (then `make translations`), or delete them from locales/en")
    assert set(_entries("ru")) == set(_entries("en"))


def test_placeholders_agree_between_languages_and_forms():
    english, russian = _entries("en"), _entries("ru")
    for key, texts in english.items():
        expected = {_placeholders(text) for text in texts}
        assert len(expected) == 1, key
        assert {_placeholders(text) for text in russian[key]} == expected, key


def test_a_plural_text_has_every_form_of_the_language():
    for lang in i18n.LANGUAGES:
        for key, forms in _entries(lang).items():
            if i18n.is_plural(key):
                assert len(forms) == NPLURALS[lang] and all(forms), (key, lang)


def test_the_template_workflow_keeps_the_catalogues_as_they_are(tmp_path):
    """`make translations` run now would add and remove nothing: what pybabel extracts
    from the code is what the catalogues hold, plural forms included."""
    pot = tmp_path / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F",
                    "babel.cfg", "--no-location", "-o", str(pot), "."], cwd=i18n.ROOT,
                   env={**os.environ, "PYTHONPATH": str(i18n.ROOT)}, check=True,
                   capture_output=True)
    template = read_po(pot.open("rb"))
    extracted = {str(m.id[0] if m.pluralizable else m.id): m.pluralizable for m in template if m.id}
    assert extracted == {key: i18n.is_plural(key) for key in i18n.message_keys()}


def test_russian_text_is_russian():
    english, russian = _entries("en"), _entries("ru")
    for key, forms in russian.items():
        if not any(re.search("[^\\W\\d_]", re.sub(r"\{\w+\}", "", f)) for f in forms):
            continue  # punctuation and placeholders only: "{source}: {errors}, ..."
        if forms == english[key]:  # a proper name, the same in both ("BOMCA 10", "Y{n}")
            assert not any(w.islower() for w in english[key][0].split()), key
            continue
        assert all(re.search("[а-яё]", form.lower()) for form in forms), key


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
    for lang in i18n.LANGUAGES:
        for key, forms in _entries(lang).items():
            for form in forms:
                assert not any(f in form for f in ("(s)", "(и)", "(а)", "(ов)", "(ей)")), key


def test_an_untranslated_text_falls_back_to_english_and_an_unknown_key_fails(
        tmp_path, monkeypatch):
    for lang in i18n.LANGUAGES:
        copy = tmp_path / lang / "LC_MESSAGES" / "messages.po"
        copy.parent.mkdir(parents=True)
        text = i18n.catalogue_path(lang).read_text(encoding="utf-8")
        if lang == "ru":  # a new key, not translated yet
            text = text.replace('msgstr "Завершено мероприятий"', 'msgstr ""')
        copy.write_text(text, encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALES", tmp_path)
    caches = (i18n.catalogue, i18n._translations, i18n.message_keys, i18n.is_plural)
    for cached in caches:
        cached.cache_clear()
    try:
        assert i18n.t("kpi.completed", "ru") == "Activities completed"
        assert i18n.t("kpi.started", "ru") == "Начато мероприятий"
        with pytest.raises(KeyError):
            i18n.t("kpi.no_such_key", "ru")
    finally:
        monkeypatch.undo()
        for cached in caches:
            cached.cache_clear()


@pytest.mark.parametrize("kind", sorted(contract.VOCABULARIES))
def test_every_term_has_a_russian_name(kind):
    for term in contract.VOCABULARIES[kind]:
        assert i18n.name(kind, term.code, "ru") != i18n.name(kind, term.code, "en") or \
            term.code in ("NSG", "RSG")


def test_numbers_and_dates_by_language():
    assert i18n.number(1234567, "en") == "1,234,567"
    assert i18n.number(1234567, "ru") == "1\u00a0234\u00a0567"
    assert i18n.number(1234.5, "ru", digits=1) == "1\u00a0234,5"
    assert i18n.percent(0.274, "en") == "27.4%"
    assert i18n.percent(0.274, "ru").replace("\u00a0", " ") == "27,4 %"
    assert i18n.percent(None, "ru") == "н/д"
    assert i18n.date(dt.date(2022, 9, 5), "ru") == "05.09.2022"


def test_one_name_for_any_value_in_either_language():
    """Five functions named values (term, code_name, charts.name, report._names,
    export.named); term crashed on a kind that is no vocabulary, and free text sent
    through code_name escaped nothing."""
    cases = [(("country", "KZ;UZ"), "Kazakhstan; Uzbekistan", "Казахстан; Узбекистан"),
             (("country_list", "RG"), "Regional", "Региональный"),
             (("component", "C2"), "C2 Detection capacities", None),
             (("year", "Y2"), "Y2", "Г2"), (("gender", "unknown"), "Unknown", None),
             (("activity_status", "completed"), "Completed", "Завершено"),
             (("no_such_kind", "X-1"), "X-1", "X-1"), ((None, "<b>free</b> text"),
                                                        "<b>free</b> text", "<b>free</b> text"),
             (("country", None), "", ""), (("country", float("nan")), "", "")]
    for (kind, value), english, russian in cases:
        assert i18n.name(kind, value, "en") == english, (kind, value)
        if russian is not None:
            assert i18n.name(kind, value, "ru") == russian, (kind, value)
    from bomca_data.charts.base import name

    assert name(None, "<a href='x'>y</a>", "en") == "&lt;a href='x'&gt;y&lt;/a&gt;"  # plotly


def test_the_catalogues_state_a_fixed_creation_date():
    """`make translations` changed POT-Creation-Date on every run: a merge conflict in
    every branch that touched a text."""
    for lang in i18n.LANGUAGES:
        text = i18n.catalogue_path(lang).read_text(encoding="utf-8")
        assert '"POT-Creation-Date: 2021-04-01 00:00+0000\\n"' in text, (
            f"{lang}: run `make translations` (it fixes the date)")


def test_an_english_key_used_nowhere_stops_make_translations(monkeypatch):
    monkeypatch.setattr(extract, "unused_keys", lambda: ["kpi.never_used"])
    assert extract.main() == 1
    monkeypatch.setattr(extract, "unused_keys", lambda: [])
    assert extract.main() == 0


def test_a_typed_date_is_read_in_either_languages_way_and_never_guessed():
    day = dt.date(2024, 3, 15)
    for text in ("2024-03-15", "15.03.2024", " 15.3.2024 ", "15/03/2024", "2024-3-15"):
        assert i18n.read_date(text) == day, text
    for text in ("03/15/2024", "31.02.2024", "2024", "15.03.24", "", "2024-03-15x"):
        assert i18n.read_date(text) is None, text
    assert i18n.read_date(i18n.date(day, "ru")) == i18n.read_date(i18n.date(day, "en")) == day
