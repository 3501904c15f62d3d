"""The meeting pack: opens with python-pptx, native charts, figures equal to summary's."""

import datetime as dt
import io
import re

import pytest
from pptx import Presentation

from bomca_data import cli, contract, figures, i18n
from bomca_data.figures import meeting_brief
from bomca_data.model import load_dataset
from bomca_data.outputs import meeting_pack
from bomca_data.source.location import DEMO_DIR
from tests import oracle

ASTANA = dt.date(2023, 9, 11)


@pytest.fixture(scope="module")
def ds():
    return load_dataset(DEMO_DIR)


def slides_text(prs) -> list[str]:
    return ["\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
            for slide in prs.slides]


@pytest.mark.parametrize("country", ["KZ", "RG"])
def test_pack_has_its_slides_and_native_charts(ds, country):
    b = meeting_brief.build(ds, country, ASTANA)
    prs = Presentation(io.BytesIO(meeting_pack.meeting_pack(b, "en", "demo.xlsx")))
    assert len(prs.slides) >= 7
    charts = [shape.chart for slide in prs.slides for shape in slide.shapes if shape.has_chart]
    assert len(charts) >= 4
    tables = [shape for slide in prs.slides for shape in slide.shapes if shape.has_table]
    assert len(tables) >= 2
    for text in slides_text(prs)[1:]:  # every slide: as-of date, source, the EU
        assert "As of 2023-09-11" in text and "Source: demo.xlsx" in text
        assert "Funded by the European Union" in text


@pytest.mark.parametrize("country", ["KZ", "UZ", "RG"])
def test_pack_figures_equal_summary(ds, country):
    b = meeting_brief.build(ds, country, ASTANA)
    found = figures.summary(ds, ASTANA)
    headline = meeting_brief.headline(b)
    if country == "RG":
        expected = (found["activities"]["completed"], found["participants"]["attendances"])
    else:
        expected = (found["activities"]["completed_by_country"][country],
                    found["participants"]["by_country"][country])
    assert (headline["completed"], headline["attendances"]) == expected
    text = slides_text(Presentation(io.BytesIO(meeting_pack.meeting_pack(b, "en", "x"))))[1]
    assert i18n.number(expected[0]) in text and i18n.number(expected[1]) in text


def test_period_results_by_type_are_the_types_done_in_the_period(ds):
    """counted over the rows: KZ's activities completed between the 2022 NSG and
    Astana (the end date of a completed activity is when it was done)."""
    b = meeting_brief.build(ds, "KZ", ASTANA)
    acts = ds.tables["activities"]
    counts = {}
    for row in acts.itertuples():
        done = row.end_date.date() if row.end_date == row.end_date else None
        if (row.status == "completed" and done is not None and b.start <= done <= ASTANA
                and "KZ" in row.country.split(";")):
            counts[row.activity_type] = counts.get(row.activity_type, 0) + 1
    _, by_type = meeting_brief.period_results(b)
    assert dict(zip(by_type["activity_type"], by_type["activities"], strict=True)) == counts
    vocabulary = contract.codes(contract.ACTIVITY_TYPES)  # the order every chart uses
    assert list(by_type["activity_type"]) == [t for t in vocabulary if t in counts]


def test_period_starts_at_the_previous_meeting(ds):
    b = meeting_brief.build(ds, "KZ", ASTANA)
    assert b.start == dt.date(2022, 9, 5)  # the 2022 NSG in Nur-Sultan
    assert b.upcoming["meeting_id"] == "NSG-KZ-2023" or b.upcoming["start_date"].year == 2024


def test_russian_pack_is_in_russian(ds):
    b = meeting_brief.build(ds, "KZ", ASTANA)
    prs = Presentation(io.BytesIO(meeting_pack.meeting_pack(b, "ru", "x")))
    text = "\n".join(slides_text(prs))
    assert "Финансируется Европейским союзом" in text and "По состоянию на 11.09.2023" in text
    chart_titles = [shape.chart.chart_title.text_frame.text for slide in prs.slides
                    for shape in slide.shapes if shape.has_chart]
    assert all(re.search("[а-я]", title) for title in chart_titles)
    english = re.findall(r"\b(?:Activities|Participants|Recommendations|Target|Period)\b", text)
    assert english == []


def test_brief_from_the_command_line(tmp_path, capsys):
    out = tmp_path / "kz.pptx"
    code = cli.main(["brief", "--country", "KZ", "--as-of", "2023-09-11", "--out", str(out),
                     "--lang", "ru", str(DEMO_DIR)])
    assert code == 0 and len(Presentation(out).slides) >= 7


def test_brief_refuses_an_unknown_country(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["brief", "--country", "FR", "--out", "x.pptx"])
    assert exc.value.code == 2


@pytest.mark.parametrize("country", ["KZ", "KG", "TJ", "TM", "UZ", "RG"])
def test_pack_never_fails_and_says_when_a_period_is_empty(ds, country):
    """Turkmenistan's period had no completed activity: the pack failed ("chart data
    contains no categories"). An empty period (a start on the as-of date) gives
    slides that say so in words."""
    for since in (None, ASTANA):
        b = meeting_brief.build(ds, country, ASTANA, since)
        prs = Presentation(io.BytesIO(meeting_pack.meeting_pack(b, "ru", "demo.xlsx")))
        assert len(prs.slides) >= 7
    assert "За этот период показать нечего." in "\n".join(slides_text(prs))


def test_control_characters_never_reach_the_pack(ds, tmp_path):
    """NUL, ESC, SOH, VT and BEL in a text cell: removed, the rest of the text kept."""
    from dataclasses import replace

    recs = ds.tables["recommendations"].copy()
    recs["title"] = "Border\x00 \x1bcontrol\x01\x0b\x07 training"
    hostile = replace(ds, tables={**ds.tables, "recommendations": recs})
    b = meeting_brief.build(hostile, "KZ", ASTANA)
    prs = Presentation(io.BytesIO(meeting_pack.meeting_pack(b, "en", "demo.xlsx")))
    text = "\n".join(slides_text(prs)) + "".join(
        cell.text for slide in prs.slides for shape in slide.shapes if shape.has_table
        for row in shape.table.rows for cell in row.cells)
    assert "Border control training" in text
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", text)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_pack_as_libreoffice_renders_it_breaks_no_word(ds, tmp_path, lang):
    """Rendered as its readers see it (LibreOffice, then the PDF's text): every table
    header, status and type of the tables stays whole on its line. Needs soffice and
    pdftotext (`make test` installs them): without them this fails, it does not skip."""
    import shutil
    import subprocess

    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    assert soffice and pdftotext, "install libreoffice-impress-nogui and poppler-utils"
    b = meeting_brief.build(ds, "KZ", dt.date(2024, 9, 12))
    deck = tmp_path / "kz.pptx"
    deck.write_bytes(meeting_pack.meeting_pack(b, lang, "demo"))
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(deck)],
                   check=True, capture_output=True, timeout=180)
    text = subprocess.run([pdftotext, "-layout", str(tmp_path / "kz.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    shown = Presentation(str(deck))
    words = {word.strip(".,:;()") for slide in shown.slides for shape in slide.shapes
             if shape.has_table for row in shape.table.rows for cell in row.cells
             for word in cell.text.split()}
    words = {w for w in words if len(w) > 3 and w.isalpha()}
    assert len(words) > 40  # headers, statuses, types, titles
    lines = text.splitlines()
    broken = [w for w in sorted(words) if not any(w in line for line in lines)]
    assert broken == [], (lang, broken)
    title_slide = text.split("\f")[0].splitlines()
    assert "BOMCA 10" in text.split("\f")[0].replace("\u00a0", " ")
    assert not [line for line in title_slide if re.fullmatch(r"\d{1,3}\W?", line.strip())]


def _tables(prs, title: str) -> tuple[list[str], list[list[str]]]:
    """The titles of the slides whose title starts with ``title``, and their tables'
    rows (headers left out), in order."""
    titles, rows = [], []
    for slide in prs.slides:
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        if texts and texts[0].startswith(title):
            titles.append(texts[0])
            for shape in slide.shapes:
                if shape.has_table:
                    rows += [[c.text for c in row.cells] for row in list(shape.table.rows)[1:]]
    return titles, rows


def _links(prs) -> list[str]:
    return [run.hyperlink.address for slide in prs.slides for shape in slide.shapes
            if shape.has_text_frame for para in shape.text_frame.paragraphs
            for run in para.runs if run.hyperlink.address]


@pytest.mark.parametrize(("country", "lang"), [("KZ", "ru"), ("KZ", "en"), ("RG", "en")])
def test_every_open_recommendation_and_planned_activity_is_in_the_pack(ds, country, lang):
    """The pack showed 5 of 11 open recommendations and 8 of 21 planned activities, the
    rest behind a link to the presenter's localhost. Counted over the rows: every
    recommendation open on D (overdue ones first) and every activity starting in the
    next period is a row, over slides titled "continued, 2 of 3"."""
    day = dt.date(2025, 2, 20)
    b = meeting_brief.build(ds, country, day)
    prs = Presentation(io.BytesIO(meeting_pack.meeting_pack(b, lang, "x")))
    recs = [r for r in oracle._rows(ds, "recommendations") if r["date_proposed"] <= day
            and (country == "RG" or country in r["country"].split(";"))]
    updates = [u for u in oracle._rows(ds, "recommendation_updates")
               if u["rec_id"] in {r["rec_id"] for r in recs}]
    status = oracle.statuses_of_recommendations(recs, updates, day)
    open_recs = [r for r, s in zip(recs, status, strict=True)
                 if s in ("proposed", "accepted", "in_progress", "unrecorded")]
    overdue = [r["title"] for r in open_recs if r["due_date"] and r["due_date"] < day]
    titles, rows = _tables(prs, i18n.t("brief.recommendations", lang))
    assert sorted(row[0] for row in rows) == sorted(r["title"] for r in open_recs)
    assert len(open_recs) > 8 and len(titles) >= 2
    assert {row[0] for row in rows[:len(overdue)]} == set(overdue)  # overdue first
    continued = i18n.t("pack.continued", lang, title="T", k=2, n=len(titles)).removeprefix("T")
    assert titles[1].replace("\u00a0", " ").endswith(continued), titles
    upcoming = b.upcoming["start_date"].date() if b.upcoming is not None else day
    until = max(upcoming, day + dt.timedelta(days=365))
    planned = [a["title"] for a in oracle._rows(ds, "activities")
               if day < a["start_date"] <= until
               and (country == "RG" or country in a["country"].split(";"))]
    _, rows = _tables(prs, i18n.t("brief.planned", lang))
    assert sorted(row[0] for row in rows) == sorted(planned) and len(planned) > 8
    assert _links(prs) == []  # no public address: no link at all
    text = "\n".join(slides_text(prs))
    assert "localhost" not in text and "http" not in text


def test_the_pack_names_meetings_components_and_activities_never_by_code(ds):
    """ "Reviewed at" showed "NSG-KZ-2025", the plan "B10-C3-0214" and "C3"."""
    b = meeting_brief.build(ds, "KZ", dt.date(2025, 9, 30))
    prs = Presentation(io.BytesIO(meeting_pack.meeting_pack(b, "ru", "x")))
    cells = [cell.text for slide in prs.slides for shape in slide.shapes if shape.has_table
             for row in shape.table.rows for cell in row.cells]
    ids = {*ds.tables["activities"]["activity_id"], *ds.tables["meetings"]["meeting_id"],
           *ds.tables["recommendations"]["rec_id"]}
    assert not [c for c in cells if c in ids or re.fullmatch(r"C\d", c)]
    assert "Национальная руководящая группа, Казахстан, 05.06.2025" in cells
    assert any(re.fullmatch(r"C\d \w.+", c) for c in cells)  # "C3 Содействие торговле"


def test_the_pack_links_only_to_a_public_address_on_its_title_slide(ds):
    b = meeting_brief.build(ds, "KZ", dt.date(2024, 9, 12))
    prs = Presentation(io.BytesIO(meeting_pack.meeting_pack(
        b, "ru", "x", "https://bomca.example.org/")))
    expected = "https://bomca.example.org/meeting?lang=ru&as_of=2024-09-12&country=KZ"
    assert f"На панели: {expected}" in slides_text(prs)[0]
    assert _links(prs) == [expected]
    assert "http" not in "\n".join(slides_text(prs)[1:])


def test_the_packs_text_is_large_enough_for_a_room(ds):
    """Table text was 11-12 pt and footers 11 pt on a 13.3-inch slide."""
    b = meeting_brief.build(ds, "RG", dt.date(2024, 9, 12))
    prs = Presentation(io.BytesIO(meeting_pack.meeting_pack(b, "en", "x")))
    footer = meeting_pack.FOOTER.emu()[1]
    sizes = []
    for slide in prs.slides:
        for shape in slide.shapes:
            frames = ([cell.text_frame for row in shape.table.rows for cell in row.cells]
                      if shape.has_table else [shape.text_frame] if shape.has_text_frame
                      else [])
            for frame in frames:
                for para in frame.paragraphs:
                    for run in para.runs:
                        least = 12 if shape.top == footer else 14
                        sizes.append(run.font.size.pt)
                        assert run.font.size.pt >= least, (run.text, run.font.size.pt)
            if shape.has_chart:
                assert shape.chart.font.size.pt >= 14
                assert shape.chart.plots[0].data_labels.font.size.pt >= 14
    assert min(sizes) == 12 and sizes.count(12) == len(prs.slides) - 1  # the footers


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_count_axes_step_in_whole_numbers_written_the_languages_way(ds, lang):
    """Axes counted "0 0.5 1 1.5" activities, with an English point in Russian."""
    b = meeting_brief.build(ds, "KZ", dt.date(2025, 2, 20))
    prs = Presentation(io.BytesIO(meeting_pack.meeting_pack(b, lang, "x")))
    charts = [shape.chart for slide in prs.slides for shape in slide.shapes if shape.has_chart]
    assert len(charts) >= 4
    for chart in charts:
        axis = chart.value_axis
        assert axis.major_unit >= 1 and axis.major_unit == int(axis.major_unit)
        assert axis.tick_labels.number_format == meeting_pack.count_format(lang)
    assert meeting_pack.count_format("ru") == "[>=1000]#\\ ##0;0"  # "1 234", "12"


def test_the_period_and_the_programme_side_by_side_and_the_reasons(ds):
    """The period's and the programme's women's shares sat on different slides, told
    apart only by titles; the reason for a cancelled activity was on no slide."""
    day = dt.date(2025, 2, 20)
    b = meeting_brief.build(ds, "KZ", day)
    prs = Presentation(io.BytesIO(meeting_pack.meeting_pack(b, "ru", "x")))
    headline = slides_text(prs)[1]
    found = meeting_brief.headline(b)
    assert "За период\n12.09.2024 - 20.02.2025" in headline and "С начала программы" in headline
    for key in ("completed", "attendances"):
        assert i18n.number(found[key + "_in_period"], "ru") in headline
        assert i18n.number(found[key], "ru") in headline
    assert i18n.percent(found["women_share_in_period"], "ru") in headline
    assert i18n.percent(found["women_share"], "ru") in headline
    stopped = [a for a in oracle._rows(ds, "activities") if "KZ" in a["country"].split(";")
               and a["status"] in ("cancelled", "postponed") and b.start <= a["start_date"] <= day]
    assert stopped
    _, rows = _tables(prs, i18n.t("brief.not_done", "ru"))
    assert sorted(row[0] for row in rows) == sorted(a["title"] for a in stopped)
    assert all(row[-1] for row in rows)  # the reason recorded (or "none recorded")


def test_the_dashboard_address_may_come_from_the_programme_settings(tmp_path):
    from bomca_data.programme import SettingsError, load_programme

    (tmp_path / "programme.toml").write_text('[programme]\ndashboard_url = "https://x.org/b"\n')
    assert load_programme(tmp_path).dashboard_url == "https://x.org/b"
    (tmp_path / "programme.toml").write_text('[programme]\ndashboard_url = "javascript:x"\n')
    with pytest.raises(SettingsError):
        load_programme(tmp_path)


def test_a_year_not_begun_has_its_target_alone_in_the_pack(ds):
    b = meeting_brief.build(ds, "KZ", dt.date(2024, 9, 12))  # Y5 starts in April 2025
    prs = Presentation(io.BytesIO(meeting_pack.meeting_pack(b, "en", "x")))
    (chart,) = [shape.chart for slide in prs.slides for shape in slide.shapes
                if shape.has_chart and list(shape.chart.plots[0].categories)[-1:] == ["Y5"]]
    actual, target = (list(series.values) for series in chart.plots[0].series)
    assert actual[-1] is None and target[-1] > 0
    assert all(v is not None for v in actual[:-1])


def test_the_briefs_period_and_context_line_in_both_languages():
    start, as_of = dt.date(2023, 9, 11), dt.date(2024, 9, 12)
    assert meeting_brief.period_text(start, as_of, "ru") == "11.09.2023 - 12.09.2024"
    assert meeting_brief.context_line("KZ", start, as_of, "en") == (
        "Kazakhstan · 2023-09-11 - 2024-09-12 · As of 2024-09-12")
    assert meeting_brief.context_line("RG", start, as_of, "ru") == (
        "Вся программа (Региональная руководящая группа) · 11.09.2023 - 12.09.2024 · "
        "По состоянию на 12.09.2024")
