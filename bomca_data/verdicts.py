"""The verdicts in words, symbols and colour (figures.targets computes them): "✓ On
track (104 %)", and the countries x indicators matrix as one Markdown table."""

from __future__ import annotations

import pandas as pd

from bomca_data import i18n
from bomca_data.figures.targets import INDICATORS

SYMBOLS = {"on_track": "✓", "at_risk": "!", "behind": "✗", "no_target": "–"}
# Streamlit's badge colours; the symbol and the words say the verdict too
BADGES = {"on_track": "green", "at_risk": "orange", "behind": "red", "no_target": "gray"}


def label(found: str, ratio: float | None, lang: str) -> str:
    """"✓ On track (104 %)": symbol, words and the share of what was due."""
    words = f"{SYMBOLS[found]} {i18n.t(f'verdict.{found}', lang)}"
    if ratio is None or pd.isna(ratio):
        return words
    return f"{words} ({i18n.percent(ratio, lang, digits=0)})"


def badge(found: str, ratio: float | None, lang: str) -> str:
    """The verdict as a coloured Markdown badge (its symbol and words say it too)."""
    return f":{BADGES[found]}-badge[{label(found, ratio, lang)}]"


def matrix_markdown(frame: pd.DataFrame, by: str, lang: str, link: dict[str, str]) -> str:
    """The matrix as one Markdown table: each row's name a link to its filtered view,
    each cell the verdict's badge (one element on the page, cheap to redraw)."""
    header = [i18n.t(f"verdict.by_{by}", lang),
              *(i18n.term("indicator", i, lang) for i in INDICATORS)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    cells = {(k, i): (v, r) for k, i, v, r in zip(frame[by], frame["indicator"],
                                                  frame["verdict"], frame["ratio"],
                                                  strict=True)}
    for key in dict.fromkeys(frame[by]):
        name = i18n.term(by, key, lang) if by == "country" else i18n.component_short(key, lang)
        row = [f"[{name}]({link[key]})",
               *(badge(*cells[(key, i)], lang) for i in INDICATORS)]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)
