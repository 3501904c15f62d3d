"""Issue messages in the reader's language: each code has its severity, and its title and
message templates in English and Russian; an issue keeps its template and parameters
through the cache, the JSON report and the checking child process, and the command line
writes it in Russian with --lang ru."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from bomca_data import i18n
from bomca_data.contract import issues
from bomca_data.contract.issues import CATALOGUE, Issue, Message
from bomca_data.model import load_dataset
from bomca_data.source import guard
from bomca_data.source.location import PROJECT_DIR
from bomca_data.store import sandbox
from tests.sheets import ACTIVITY_HEADER, activity, write, write_csv

CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
GENERIC = ("issue.more_rows", "issue.this_value", "issue.quoted")  # parts of any code's message


def messy(folder):
    """A folder whose rows break many rules at once."""
    write(folder / "activities.xlsx", [
        ACTIVITY_HEADER + ["Full name", "Colour"],
        activity(1) + ["A. Person", "red"],
        activity(1, title="again") + [None, None],  # duplicate id
        activity(3, component="C9", country="Mars") + [None, None],
        activity(4, start_date="31.02.2022", status=None) + [None, None],
        activity(5, start_date="2022-05-02", end_date="2022-05-01") + [None, None],
        activity(6, status=None) + [None, None],
        ["Total", None, None, None, None, None, None, None, None]])
    write(folder / "participants.xlsx", [
        ["activity_id", "country", "gender", "count"],
        ["A1", "RG", "female", 1], ["A99", "KZ", "male", -2]])
    write_csv(folder / "meetings.csv", [["meeting_id", "meeting_type"], ["M1", "NSG"]])
    (folder / "recommendations.xlsx").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def messy_dataset(tmp_path_factory):
    return load_dataset(messy(tmp_path_factory.mktemp("messy")), use_cache=False)


def test_every_code_has_a_title_in_each_language_and_every_message_a_code():
    for code in CATALOGUE:
        english, russian = (i18n.t(f"issue_title.{code}", lang) for lang in ("en", "ru"))
        assert english != russian and CYRILLIC.search(russian), code
    for key in i18n.message_keys():
        if key.startswith("issue.") and key not in GENERIC:
            assert key.split(".")[1] in CATALOGUE, key


def test_a_messy_source_is_described_in_russian(messy_dataset):
    codes = {i.code for i in messy_dataset.issues}
    assert codes >= {"duplicate-id", "vocabulary-error", "type-error", "date-order",
                     "range-error", "unknown-reference", "personal-data-dropped",
                     "unknown-column", "derived-status", "total-row-skipped",
                     "missing-column", "unreadable-file"}, codes
    for issue in messy_dataset.issues:
        english, russian = issue.as_dict("en")["message"], issue.as_dict("ru")["message"]
        assert english == issue.message and isinstance(issue.message, Message)
        assert russian != english and CYRILLIC.search(russian), (issue.code, russian)
        assert not re.search(r"\b(the|is|cannot|was|not)\b", russian), russian
        assert CYRILLIC.search(issue.title("ru"))


def test_numbers_in_messages_are_written_the_languages_way():
    message = Message("file.too_many_cells", sheet="S", rows=120000, columns=30,
                      limit=2000000)
    assert "120,000 rows by 30 columns" in message
    assert "120\u00a0000 × 30" in message.text("ru")
    counted = Message("issue.more_rows", n=21, column="title", listed=20)
    assert counted.text("ru").startswith("и ещё 21 строка")
    assert counted.startswith("and 21 more rows")


def test_an_issue_keeps_its_template_through_json_copies_and_the_cache(tmp_path):
    folder = tmp_path / "src"
    folder.mkdir()
    write(folder / "activities.xlsx", [ACTIVITY_HEADER, activity(1, component="C9")])
    first = load_dataset(folder)
    again = load_dataset(folder)  # from the disk cache
    (issue,) = first.issues
    (cached,) = again.issues
    assert cached.as_dict("ru") == issue.as_dict("ru")
    assert "недопустимое значение" in cached.as_dict("ru")["message"]
    rebuilt = Issue.from_json(json.loads(json.dumps(issue.as_json())))
    assert rebuilt == issue and rebuilt.as_line("ru") == issue.as_line("ru")
    import copy
    import pickle
    assert pickle.loads(pickle.dumps(issue)).message.text("ru") == issue.message.text("ru")
    assert copy.deepcopy(issue).message.key == issue.message.key


def test_a_refused_file_says_why_in_russian(tmp_path):
    empty = tmp_path / "activities.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(guard.UnreadableFile) as refused:
        guard.check_file(empty)
    assert str(refused.value) == "the file is empty"
    assert refused.value.reason.text("ru") == "файл пуст"


def test_the_checking_child_returns_issues_that_can_be_written_in_russian(tmp_path):
    write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, activity(1, status="almost")])
    (issue,) = sandbox.check(tmp_path).issues
    assert issue.code == "vocabulary-error"
    assert "недопустимое значение" in issues.text(issue.message, "ru")
    with pytest.raises(sandbox.CheckFailed) as failed:
        sandbox.check(tmp_path / "nowhere")
    assert issues.text(failed.value.args[0], "ru").endswith("такого файла или папки нет")


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_validate_in_russian(tmp_path, fmt):
    messy(tmp_path)
    done = subprocess.run([sys.executable, "-m", "bomca_data", "validate", str(tmp_path),
                           "--lang", "ru", "--format", fmt], cwd=PROJECT_DIR,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1, done.stderr
    if fmt == "json":
        messages = [i["message"] for i in json.loads(done.stdout)["issues"]]
        summary = ""
    else:
        messages = [line.split(": ", 1)[1] for line in done.stdout.splitlines()]
        summary = done.stderr.strip().splitlines()[-1]
        assert re.search(r": \d+ ошиб(ка|ки|ок), \d+ предупреждени(е|я|й), \d+ сообщени", summary)
    assert messages and all(CYRILLIC.search(m) for m in messages), messages
