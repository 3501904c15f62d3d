"""Folder hygiene and personal data: links refused, rollback inside its folder, hidden
and duplicate sheets reported, personal columns dropped by meaning, and no planted
value of a participants table in any output."""

from __future__ import annotations

import io
import json
import zipfile

import openpyxl
import pytest
from pptx import Presentation

from bomca_data import cli, contract, filters, store
from bomca_data.figures import meeting_brief
from bomca_data.model import load_dataset
from bomca_data.outputs import export, meeting_pack
from bomca_data.source.cache import cache_root
from tests.sheets import ACTIVITY_HEADER, activity, write


def test_a_link_inside_a_data_folder_is_refused_not_followed(tmp_path):
    outside = write(tmp_path / "outside" / "secret.xlsx", [ACTIVITY_HEADER, activity(9)])
    folder = tmp_path / "data"
    write(folder / "activities.xlsx", [ACTIVITY_HEADER, activity(1)])
    (folder / "participants.xlsx").symlink_to(outside)
    ds = load_dataset(folder)
    assert "participants" not in ds.tables
    (issue,) = [i for i in ds.issues if i.code == "unreadable-file"]
    assert issue.file == "participants.xlsx" and "links are not followed" in issue.message
    store.import_files(folder, [write(tmp_path / "up" / "activities.xlsx",
                                      [ACTIVITY_HEADER, activity(1), activity(2)])], "t")
    copied = [p.name for v in (folder / "versions").iterdir() for p in v.iterdir()]
    assert "participants.xlsx" not in copied  # never copied into a version


@pytest.mark.parametrize("name", ["../../x/versions/v0001", "v0001/../../..", "/etc", ".",
                                  "v1", "current"])
def test_rollback_accepts_only_a_version_of_its_folder(tmp_path, name):
    folder = tmp_path / "data"
    write(folder / "activities.xlsx", [ACTIVITY_HEADER, activity(1)])
    store.import_files(folder, [write(tmp_path / "up" / "activities.xlsx",
                                      [ACTIVITY_HEADER, activity(1), activity(2)])], "t")
    before = (folder / "current").resolve()
    assert cli.main(["rollback", name, "--data", str(folder)]) == 2
    assert (folder / "current").resolve() == before


def test_a_hidden_stale_sheet_is_not_read_when_a_visible_one_holds_the_table(tmp_path):
    path = write(tmp_path / "book.xlsx", {"activities": [ACTIVITY_HEADER, activity(7),
                                                         activity(8)],
                                          "Activities ": [ACTIVITY_HEADER, activity(1)]})
    book = openpyxl.load_workbook(path)
    book["activities"].sheet_state = "hidden"
    book.save(path)
    ds = load_dataset(tmp_path)
    assert list(ds.tables["activities"]["activity_id"]) == ["A1"]
    (issue,) = [i for i in ds.issues if i.code == "ambiguous-source"]
    assert issue.sheet == "activities" and "it is hidden" in issue.message


def test_two_visible_sheets_of_one_table_are_reported(tmp_path):
    write(tmp_path / "book.xlsx", {"Activities": [ACTIVITY_HEADER, activity(1)],
                                   "activities ": [ACTIVITY_HEADER, activity(2)]})
    ds = load_dataset(tmp_path)
    (issue,) = [i for i in ds.issues if i.code == "ambiguous-source"]
    assert issue.severity == "warning" and "was not read" in issue.message


@pytest.mark.parametrize("header", ["Tel.", "Номер телефона", "Эл. почта", "ИИН", "ФИО", "name",
                                    "Passport No", "E-mail", "Дата рождения", "Mobile",
                                    "Contact person's e-mail", "Адрес"])
def test_personal_headers_are_recognised_by_meaning(header):
    assert contract.is_personal(header)


def test_no_header_of_the_contract_is_taken_for_personal_data():
    mistaken = [a for t in contract.TABLES.values() for c in t.columns
                for a in (c.name, *c.aliases) if contract.is_personal(a) and a != "name"]
    assert mistaken == []


PLANTED = "Zhanna Plantedova"


def planted_source(folder):
    """participants holding a person's name under every alias of every typed column
    and under personal headers; activities valid."""
    spec = contract.TABLES["participants"]
    typed = [c for c in spec.columns if c.kind != "text" or c.name == "activity_id"]
    write(folder / "activities.xlsx", [ACTIVITY_HEADER, activity(1), activity(2)])
    for col in typed:
        for alias in (col.name, *col.aliases):
            header = ["activity_id", alias] if col.name != "activity_id" else [alias]
            row = ["A1", f"{PLANTED} {alias}"] if col.name != "activity_id" else [
                f"{PLANTED} {alias}"]
            personal = ["Tel.", "Номер телефона", "Эл. почта", "ИИН", "ФИО", "name"]
            write(folder / f"participants-{col.name}-{len(alias)}" / "participants.csv", [
                header + personal, row + [f"{PLANTED} {p}" for p in personal]])
    return sorted(p for p in folder.iterdir() if p.is_dir())


def test_no_planted_name_reaches_any_output(tmp_path, capsys):
    """Every alias of every typed participants column, and personal headers, holding
    a name: validate (text and JSON), the cache, the exports and the pack hold none."""
    base = tmp_path / "base"
    variants = planted_source(base)
    assert len(variants) > 10
    for variant in variants:
        (variant / "activities.xlsx").write_bytes((base / "activities.xlsx").read_bytes())
        outputs = []
        for fmt in ("text", "json"):
            cli.main(["validate", str(variant), "--format", fmt])
            captured = capsys.readouterr()
            outputs += [captured.out, captured.err]
        ds = load_dataset(variant)
        outputs.append(json.dumps([i.as_dict() for i in ds.issues], ensure_ascii=False))
        everything = filters.Filters()
        book = export.workbook_bytes(ds, everything, ds.programme.default_as_of(), "en")
        outputs += [str(c.value) for ws in openpyxl.load_workbook(io.BytesIO(book)).worksheets
                    for row in ws.iter_rows() for c in row]
        with zipfile.ZipFile(io.BytesIO(export.csv_zip_bytes(
                ds, everything, ds.programme.default_as_of(), "en"))) as zf:
            outputs += [zf.read(n).decode("utf-8-sig") for n in zf.namelist()]
        deck = Presentation(io.BytesIO(meeting_pack.meeting_pack(
            meeting_brief.build(ds, "RG", ds.programme.default_as_of()), "en", "x")))
        outputs += [shape.text_frame.text for slide in deck.slides for shape in slide.shapes
                    if shape.has_text_frame]
        leaked = [o for o in outputs if "Plantedova" in o]
        assert not leaked, (variant.name, leaked[:2])
    cached = "".join(p.read_text(encoding="utf-8", errors="replace")
                     for p in cache_root().rglob("*.json"))
    cached += "".join(p.read_bytes().decode("latin-1") for p in cache_root().rglob("*.parquet"))
    assert "Plantedova" not in cached


def test_no_planted_name_on_the_data_quality_page(tmp_path, monkeypatch):
    """Names under "Participants" (an alias of count) and personal headers: the page
    lists the rows and columns, never the values."""
    from streamlit.testing.v1 import AppTest

    from tests.test_pages import APP

    folder = tmp_path / "data"
    write(folder / "activities.xlsx", [ACTIVITY_HEADER, activity(1)])
    write(folder / "participants.csv", [["activity_id", "Participants", "Tel.", "ФИО"],
                                        ["A1", PLANTED, f"{PLANTED} tel", f"{PLANTED} fio"]])
    monkeypatch.setenv("BOMCA_DATA", str(folder))
    at = AppTest.from_file(APP, default_timeout=90)
    at.switch_page("pages/data_quality.py")
    at.run()
    assert not at.exception
    shown = " ".join(str(d.value.to_dict()) for d in at.dataframe)
    shown += " ".join(e.body for e in (*at.warning, *at.info, *at.caption, *at.markdown,
                                       *at.error, *at.success))
    assert "Participants" in shown and "Tel., ФИО" in shown  # named, as columns
    assert "Plantedova" not in shown
