"""A report (``content.Report``) as one self-contained HTML file: the template
(Jinja2, every value escaped), the style sheet, the fonts and plotly.js inlined once,
the charts as data drawn in the reader's browser. No request leaves the file: its own
Content-Security-Policy forbids any."""

from __future__ import annotations

import base64
import json
import numbers
from dataclasses import replace
from functools import cache
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pandas as pd
from markupsafe import Markup

from bomca_data import i18n
from bomca_data.outputs.report.content import Chart, Report

HERE = Path(__file__).resolve().parent
FONTS = {"normal": "ReportSans-Regular.woff2", "bold": "ReportSans-Bold.woff2"}
FAMILY = '"Report Sans", "Liberation Sans", Arial, sans-serif'
WIDTH = {False: 1020, True: 505}  # px: a chart across the page, or half of it


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True)
    env.filters["css_string"] = css_string
    env.globals["zip"] = zip
    return env


@cache
def _fonts() -> str:
    """The @font-face rules, each font inlined as data (read once per process)."""
    rules = []
    for weight, name in FONTS.items():
        data = base64.b64encode((HERE / "fonts" / name).read_bytes()).decode("ascii")
        rules.append(f'@font-face {{ font-family: "Report Sans"; font-weight: {weight}; '
                     f'src: url(data:font/woff2;base64,{data}) format("woff2"); }}')
    return "\n".join(rules)


@cache
def _css() -> str:
    return (HERE / "report.css").read_text(encoding="utf-8")


@cache
def _plotly() -> str:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def warm() -> None:
    """Read plotly.js and the fonts now (a server's first report need not wait)."""
    _plotly(), _fonts()


def css_string(text: str) -> Markup:
    """``text`` as a CSS string literal: every character but letters, digits and spaces
    escaped, so that no text can end the string or the style element."""
    return Markup('"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} "
                                for c in text) + '"')


def script_json(value: object) -> str:
    """JSON safe inside a <script> element: no "<", ">" or "&" left to end it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _cell(value: object, lang: str) -> object:
    """A table's cell as the reader reads it: a number in their language, blank for none."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return ""
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        return i18n.number(value, lang)
    return value


def _figures(report: Report) -> tuple[dict[int, str], list[dict]]:
    """Each chart's element id, and its figure as plotly.js draws it: at a fixed size
    (the same on screen and on paper), in the report's font."""
    ids, figures = {}, []
    for section in report.sections:
        for block in section.blocks:
            if not isinstance(block, Chart):
                continue
            ids[id(block)] = f"chart-{len(ids) + 1}"
            spec = json.loads(block.figure.to_json())
            layout = spec.get("layout", {})
            layout.update(width=WIDTH[block.half], autosize=False)
            layout["font"] = {**layout.get("font", {}), "family": FAMILY}
            figures.append({"id": ids[id(block)], "data": spec.get("data", []),
                            "layout": layout,
                            "config": {"displaylogo": False, "responsive": False,
                                       "modeBarButtonsToRemove": ["select2d", "lasso2d"]}})
    return ids, figures


def html(report: Report) -> str:
    """The report as one HTML document (text)."""
    ids, figures = _figures(report)
    env = _environment()
    shown = replace(report, sections=[replace(s, blocks=_paired([
        _shown(b, report.lang, ids) for b in s.blocks])) for s in report.sections])
    lang = report.lang
    return env.get_template("report.html.j2").render(
        r=shown, programme=i18n.t("pack.programme_long", lang), fonts=Markup(_fonts()),
        css=Markup(_css()),
        footer=" · ".join(p for p in (i18n.t("pack.source", lang, source=report.source),
                                      i18n.t("report.made", lang, date=report.made),
                                      report.demo and i18n.t("report.demo_short", lang)) if p),
        page_word=i18n.t("report.page", lang), contents=i18n.t("report.contents", lang),
        figures=Markup(script_json(figures)),
        plotly=Markup(_plotly()))


def _paired(blocks: list) -> list:
    """Charts of half the width two by two, side by side (a row kept on one page)."""
    out = []
    for block in blocks:
        if getattr(block, "half", False) and out and out[-1].kind == "pair" \
                and len(out[-1].charts) < 2:
            out[-1].charts.append(block)
        elif getattr(block, "half", False):
            out.append(SimpleNamespace(kind="pair", charts=[block]))
        else:
            out.append(block)
    return out


def _shown(block, lang: str, ids: dict[int, str]):
    """A block as the template draws it: a table's cells written for the reader, a
    chart by the id of the element it is drawn in."""
    if isinstance(block, Chart):
        return SimpleNamespace(kind="chart", half=block.half, id=ids[id(block)])
    if getattr(block, "kind", "") != "table":
        return block
    frame = block.frame.astype(object).map(lambda v: _cell(v, lang))
    return replace(block, frame=frame)
