"""The command line of the contract: exit codes, text lines and JSON shapes."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bomca_data import cli
from tests.sheets import ACTIVITY_HEADER, activity, write

ROOT = Path(__file__).resolve().parent.parent
LINE = re.compile(r"^(ERROR|WARNING|INFO) [a-z-]+ [^:]+(:[^:]+)?:\d*:[^:]*: .+$")


def run(capsys, *args):
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def clean_source(tmp_path):
    write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER, activity(1), activity(2)])
    return tmp_path


@pytest.fixture
def bad_source(tmp_path):
    write(tmp_path / "activities.xlsx", [["Title row"], ACTIVITY_HEADER + ["email"],
                                         activity(1) + ["x@y.z"], activity(2, start_date="soon")])
    return tmp_path


def test_validate_exits_0_without_errors(capsys, clean_source):
    code, out, _ = run(capsys, "validate", str(clean_source))
    assert code == 0 and out == ""


def test_validate_exits_0_with_only_warnings(capsys, tmp_path):
    write(tmp_path / "activities.xlsx", [ACTIVITY_HEADER + ["Phone"], activity(1) + ["123"]])
    code, out, _ = run(capsys, "validate", str(tmp_path))
    assert code == 0 and out.startswith("WARNING personal-data-dropped activities.xlsx:Sheet1::")


def test_validate_text_is_one_line_per_issue(capsys, bad_source):
    code, out, _ = run(capsys, "validate", str(bad_source))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 2 and all(LINE.match(line) for line in lines)
    assert "ERROR type-error activities.xlsx:Sheet1:4:start_date: " in out


def test_validate_json_shape(capsys, bad_source):
    code, out, _ = run(capsys, "validate", str(bad_source), "--format", "json")
    report = json.loads(out)
    assert code == 1
    assert set(report) == {"source", "tables", "issues"}
    assert report["tables"] == {"activities": {"rows_read": 2, "rows_valid": 1,
                                               "rows_excluded": 1, "file": "activities.xlsx",
                                               "sheet": "Sheet1"}}
    error = next(i for i in report["issues"] if i["severity"] == "error")
    assert error == {"severity": "error", "code": "type-error", "table": "activities",
                     "file": "activities.xlsx", "sheet": "Sheet1", "row": 4,
                     "column": "start_date", "value": "soon", "message": error["message"],
                     "country": "KZ", "template": {"key": "issue.type-error.date", "params": {
                         "value": {"key": "issue.quoted", "params": {"value": "soon"}}}}}
    assert error["message"].startswith("cannot read 'soon' as a date")


def test_csv_issues_have_a_null_sheet(capsys, tmp_path):
    write(tmp_path / "activities.csv", [ACTIVITY_HEADER, activity(1, component="C8")])
    _, out, _ = run(capsys, "validate", str(tmp_path), "--format", "json")
    (issue,) = json.loads(out)["issues"]
    assert issue["sheet"] is None and issue["row"] == 2


def test_validate_exits_2_on_an_unreadable_source(capsys, tmp_path):
    code, _out, err = run(capsys, "validate", str(tmp_path / "missing"))
    assert code == 2 and "no such file" in err and "Traceback" not in err


def test_validate_exits_2_on_a_broken_workbook(capsys, tmp_path):
    (tmp_path / "data.xlsx").write_bytes(b"PK\x03\x04 broken")
    code, _, err = run(capsys, "validate", str(tmp_path / "data.xlsx"))
    assert code == 2 and "damaged" in err


def test_missing_table_exits_1(capsys, tmp_path):
    (tmp_path / "notes.txt").write_text("nothing here")
    code, out, _ = run(capsys, "validate", str(tmp_path))
    assert code == 1 and "ERROR missing-table" in out


@pytest.mark.parametrize("args", [["validate", "--format", "xml"], ["summary", "--as-of", "5.9.22"],
                                  ["frobnicate"], []])
def test_wrong_calls_exit_2(capsys, args):
    with pytest.raises(SystemExit) as exc:
        cli.main(args)
    assert exc.value.code == 2


def test_summary_json_shape(capsys, clean_source):
    code, out, _ = run(capsys, "summary", str(clean_source), "--as-of", "2022-09-05",
                       "--format", "json")
    figures = json.loads(out)
    assert code == 0 and figures["as_of"] == "2022-09-05"
    assert set(figures["activities"]) == {
        "total", "by_status", "completed", "completed_by_country", "completed_by_component",
        "completed_by_year", "completed_by_programme_year", "completed_by_kind",
        "completed_joint", "planned_implemented_share"}
    assert set(figures["participants"]) == {"attendances", "unique_persons", "women_share",
                                            "by_country", "by_agency_type"}
    assert set(figures["recommendations"]) == {"total", "by_status", "implemented_share"}
    assert figures["activities"]["completed"] == 2


def test_summary_text(capsys, clean_source):
    code, out, _ = run(capsys, "summary", str(clean_source), "--as-of", "2022-09-05")
    assert code == 0 and "completed: 2" in out


def test_source_from_environment(capsys, clean_source, monkeypatch):
    monkeypatch.setenv("BOMCA_DATA", str(clean_source))
    _, out, _ = run(capsys, "summary", "--format", "json", "--as-of", "2022-09-05")
    assert json.loads(out)["activities"]["total"] == 2


def test_data_option_names_the_source(capsys, clean_source):
    _, out, _ = run(capsys, "summary", "--data", str(clean_source), "--format", "json",
                    "--as-of", "2022-09-05")
    assert json.loads(out)["activities"]["total"] == 2


def test_module_entry_point_runs_as_a_process(clean_source):
    done = subprocess.run([sys.executable, "-m", "bomca_data", "validate", str(clean_source)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_summary_and_export_take_the_dashboards_filters(capsys, tmp_path):
    """Any view can be reproduced on the command line: the same filters, one number."""
    import datetime as dt

    from bomca_data import figures
    from bomca_data import filters as flt
    from bomca_data.model import load_dataset
    from bomca_data.source.location import DEMO_DIR

    ds = load_dataset(DEMO_DIR)
    day = dt.date(2022, 9, 5)
    chosen = flt.Filters(countries=("KZ",), components=("C2",), years=("2022",),
                         year_kind="calendar", types=("training",), statuses=("completed",))
    expected = figures.summary(flt.apply(ds, chosen, day), day)
    code, out, _ = run(capsys, "summary", "--as-of", "2022-09-05", "--country", "kz",
                       "--component", "C2", "--years-as", "calendar", "--year", "2022",
                       "--type", "training", "--status", "completed", "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["activities"] == expected["activities"]
    assert report["participants"] == expected["participants"]
    assert report["filters"] == chosen.to_query()
    code, _, err = run(capsys, "summary", "--year", "Y9")
    assert code == 2 and "unknown year Y9" in err
    code, _, _ = run(capsys, "export", "--out", str(tmp_path / "x.xlsx"), "--country", "KZ",
                     "--type", "workshop", "--as-of", "2022-09-05")
    assert code == 0 and (tmp_path / "x.xlsx").stat().st_size > 1000
