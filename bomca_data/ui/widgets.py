"""Reusable page pieces: headline figures, a chart with the rows behind it, messages."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from bomca_data import contract, i18n
from bomca_data.contract import wording
from bomca_data.outputs import export, tabular, verdict_words
from bomca_data.outputs.tabular import ISSUES, NOT_DONE, READ, REC_LIST, Fit
from bomca_data.ui import state
from bomca_data.ui.plaintext import plain
from bomca_data.ui.state import View


def kpi_row(items: list[tuple]) -> None:
    """One card per column: (label, value, note) or (label, value, note, explanation).
    The note (a figure the page refers to: "of 412", "8 in the period", "0 overdue") is
    written under the value, grey, never only in a tooltip: a projector shows no
    tooltip. The explanation (how it is counted) is the card's tooltip, which only
    explains."""
    for col, item in zip(st.columns(len(items)), items, strict=True):
        label, value, note, explanation = (*item, None)[:4]
        col.metric(label, value, delta=note or None, delta_color="off", delta_arrow="off",
                   help=explanation, border=True)


def chart(view: View, fig: go.Figure, rows: pd.DataFrame, name: str,
          status_kind: str = "activity_status") -> None:
    """A chart, then the rows behind it one click away (``rows_behind``)."""
    st.plotly_chart(fig, theme=None, width="stretch", key=f"chart_{name}", config={
        "displaylogo": False,
        "toImageButtonOptions": {"filename": f"bomca-{name}-{view.as_of}", "scale": 2}})
    rows_behind(view, view.t("table.rows"), name, lambda: rows, status_kind)


def rows_behind(view: View, label: str, name: str, make_rows, status_kind: str =
                "activity_status") -> None:
    """The rows behind a figure one click away, with their CSV download. They are made
    (``make_rows()``) and sent only while the expander is open: a closed one costs a
    rerun nothing (opening it reruns the page)."""
    with st.expander(label, key=f"{ROWS_PREFIX}{name}", on_change="rerun") as box:
        if box.open:
            rows = make_rows()
            table(view, rows, status_kind)
            download(view, rows, name)


ROWS_PREFIX = "rows_"  # session key of a chart's rows expander: True while open


MAX_ROWS_SHOWN = 1_000  # what a table sends to the browser stays small; the CSV has all
# A tinted table is styled cell by cell (pandas' Styler: 40 ms and more for a thousand
# rows): past this, the words alone mark the rows, and a rerun stays fast.
MAX_ROWS_TINTED = 300



def table(view: View, rows: pd.DataFrame, status_kind: str = "activity_status",
          tinted: str | None = None, fit: Fit | None = None) -> None:
    """A table on the page: its first rows, and how many there are when cut. The
    non-blank cells of the column ``tinted`` stand out in colour (their words say why).
    With ``fit``, the main columns only, no wider than a laptop's screen (``Fit``)."""
    main, wide = (fit.main, fit.wide) if fit else ((), ())
    kept = [c for c in main if c in rows] if main else list(rows.columns)
    shown = tabular.localised(rows[kept].head(MAX_ROWS_SHOWN), view.lang, status_kind)
    count, header = len(shown), view.t(f"col.{tinted}") if tinted else None
    config, height = None, None
    if main:
        widths, wraps = tabular.fit(shown, tuple(kept.index(c) for c in wide if c in kept))
        config = {column: st.column_config.Column(width=width)
                  for column, width in zip(shown.columns, widths, strict=True)}
        height = tabular.WRAPPED_ROW_PX if wraps else None
    if header in shown and count <= MAX_ROWS_TINTED:
        shown = shown.style.map(lambda v: OVERDUE_TINT if v else "", subset=[header])
    st.dataframe(shown, hide_index=True, width="stretch", column_config=config,
                 row_height=height)
    if len(rows) > count:
        st.caption(view.t("table.cut", shown=i18n.number(count, view.lang),
                          n=i18n.number(len(rows), view.lang)))
    if main and len(kept) < len(rows.columns):
        rows_behind(view, view.t("table.all_columns"), f"all-{fit.name}", lambda: rows,
                    status_kind)


def not_done(view: View, rows: pd.DataFrame, title_key: str) -> None:
    """What was not done, and why: the activities cancelled or postponed, each with the
    reason recorded for it (said only when there are any)."""
    if len(rows):
        st.subheader(view.t(title_key), anchor=False)
        table(view, rows, fit=NOT_DONE)


def download(view: View, rows: pd.DataFrame, name: str) -> None:
    context = view.subtitle
    # a callable: the file is built only when someone clicks
    st.download_button(view.t("download.csv"), data=lambda: export.csv_bytes(rows, context),
                       file_name=f"bomca-{name}-{view.as_of}.csv", mime="text/csv",
                       key=f"csv_{name}", icon=":material/download:")


def missing_table(view: View, table: str) -> bool:
    """Say so in one sentence when the table a page needs is absent; True if absent."""
    if view.dataset.table(table) is None:
        st.info(view.t("missing.table", table=view.t(f"table.{table}")),
                icon=":material/table_chart:")
        return True
    return False


def nothing_matches(view: View, frame: pd.DataFrame | None) -> bool:
    if frame is None or len(frame) == 0:
        st.info(view.t("empty.filters"), icon=":material/filter_alt_off:")
        return True
    return False


def years_note(view: View) -> None:
    start = view.dataset.programme.start.year
    st.caption(view.t("years.note", y1=start, y2=start + 1))


def multi_country_note(view: View, done: pd.DataFrame, per_country: pd.DataFrame) -> None:
    """State the counting rule; say so when per-country figures exceed the total."""
    total, summed = len(done), int(per_country["activities"].sum())
    if summed > total:
        multi = int(done["country"].str.contains(";").sum())
        st.caption(view.t("rule.more_than_total", sum=i18n.number(summed, view.lang),
                          total=i18n.number(total, view.lang), n=i18n.number(multi, view.lang)))
    st.caption(view.t("rule.multi_country"))


def caption(view: View, key: str) -> None:
    st.caption(view.t(key))


# overdue ones first, said in words and colour, their due date within reach at 1366 px
OVERDUE_TINT = "background-color: #FDE2E1; color: #8B1A10; font-weight: 600"


def recommendation_list(view: View, recs: pd.DataFrame) -> None:
    rows = tabular.recommendation_rows(view.dataset, recs, view.lang)
    table(view, rows, "rec_status", tinted="overdue", fit=REC_LIST)
    download(view, rows, "recommendations")


def issue_filters(view: View, issues: pd.DataFrame) -> pd.DataFrame:
    """Filter the issue list by severity, table and code (keys prefixed by the page)."""
    state.keep_across_languages("quality_severity", "quality_tables", "quality_codes")  # named choices
    left, middle, right = st.columns(3)
    severity = left.multiselect(view.t("quality.severity"), list(dict.fromkeys(
        issues["severity"])), key="quality_severity", placeholder=view.t("filters.all"),
        format_func=lambda s: view.t(f"severity.{s}"))
    tables = middle.multiselect(view.t("quality.tables"), sorted(issues["table"].dropna().unique()),
                                key="quality_tables", placeholder=view.t("filters.all"),
                                format_func=lambda name: view.t(f"table.{name}"))
    codes = right.multiselect(view.t("quality.codes"), sorted(issues["code"].unique()),
                              key="quality_codes", placeholder=view.t("filters.all"),
                              format_func=lambda code: i18n.name("issue", code, view.lang))
    keep = pd.Series(True, index=issues.index)
    for column, chosen in (("severity", severity), ("table", tables), ("code", codes)):
        if chosen:
            keep &= issues[column].isin(chosen)
    return issues[keep]


def no_data_yet(view: View, on_the_data_page: bool = False) -> None:
    """A new, empty data folder: say there is no data yet (no figures, no date made
    up), and what to do: the Data page (for an editor), the template, the demo."""
    from bomca_data.ui import auth

    st.info(view.t("empty.no_data", source=plain(view.dataset.source.name)),
            icon=":material/inbox:")
    user = auth.current_user()
    if user is not None and user.editor and not on_the_data_page:
        st.page_link("pages/data.py", label=view.t("empty.to_data_page"),
                     icon=":material/upload_file:")
    elif user is None or not user.editor:
        st.caption(view.t("empty.ask_an_editor"))
    if not on_the_data_page:
        template_download(view)
    st.caption(view.t("empty.demo"))






def tables_read(view: View, dataset) -> None:
    """Rows read, valid and excluded per table, fitted to a laptop in either language."""
    table(view, tabular.tables_frame(dataset), fit=READ)


def issue_list(view: View, issues: pd.DataFrame, name: str) -> None:
    """Every issue as a reader takes it in: the sentence first, wrapped, then its kind
    by its title, where it is and the value; no sideways scrolling at 1366 px. Its CSV
    says the same words."""
    table(view, issues, fit=ISSUES)
    download(view, tabular.localised(issues, view.lang), name)


def template_download(view: View) -> None:
    from bomca_data.contract.template import template_bytes

    st.caption(view.t("quality.template_help"))
    st.download_button(view.t("quality.template_download"), data=template_bytes,
                       file_name="bomca-template.xlsx", key="template_xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       icon=":material/download:")


def meeting_label(view: View, meeting) -> str:
    """A meeting row by its name and place ("National Steering Group, Kazakhstan,
    12.09.2024, Astana"); n/a when there is none."""
    if meeting is None:
        return i18n.t("kpi.none", view.lang)
    return plain(i18n.meeting(meeting["meeting_type"], meeting["country"],
                              meeting["start_date"].date(), view.lang,
                              meeting.get("location") or ""))


def caption_n(view: View, key: str, **numbers: int) -> None:
    """A caption with numbers written the language's way. ``n`` of a plural text goes as
    the number itself: the catalogue picks the form from it and writes it (formatted
    first, "1 000" would be no number to pick a form from)."""
    plural = i18n.is_plural(key)
    st.caption(view.t(key, **{k: v if plural and k == "n" else i18n.number(v, view.lang)
                              for k, v in numbers.items()}))


def published_table(view: View, found: pd.DataFrame) -> None:
    """Each published figure beside the data's, its verdict within reach at 1366 px;
    where and in which words it was published, one click below. (The table comes with
    its headers in the reader's language: its ``Fit`` names them so.)"""
    named = {c: view.t(f"col.{c}") for c in PUBLISHED_MAIN}
    table(view, verdict_words.published_table(found, view.lang), fit=Fit(
        tuple(named.values()), (named["figure"], named["scope"]), "published"))


PUBLISHED_MAIN = ("figure", "scope", "published", "computed", "verdict", "date")


def published_quotes(view: View) -> None:
    """What the programme published on the as-of date, checked against these figures
    (unfiltered views only: a statement is about the whole programme)."""
    if view.filters.active:
        return
    for heading, lines in verdict_words.published_quotes(view.dataset, view.as_of, view.lang,
                                                         plain):
        st.caption("\n".join([heading, *(f"- {line}" for line in lines)]))


def contract_rules(view: View) -> None:
    """The data contract's rules, table by table, in the reader's language: the same
    words as the template's instructions and docs/data-contract.md."""
    with st.expander(view.t("quality.rules"), icon=":material/rule:"):
        names = list(contract.TABLES)
        for tab, name in zip(st.tabs([view.t(f"table.{n}") for n in names]), names,
                             strict=True):
            with tab:
                table(view, wording.table_rules(contract.TABLES[name], view.lang,
                                              view.dataset.programme))
