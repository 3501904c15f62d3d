"""Where things sit on a slide and how text looks (``Box``, ``Style``), and tables laid
out for slides: columns as wide as their words, rows as tall as they wrap, and as many
rows per slide as fit (the meeting pack's tables, continued over slides).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from bomca_data import i18n
from bomca_data.outputs.xlsx import printable

TABLE_TEXT = 14  # what a room reads from the back: no table text under 14 pt


@dataclass(frozen=True)
class Box:
    """Where a shape sits on a 13.33 x 7.5 in slide, in inches."""

    x: float
    y: float
    w: float
    h: float

    def emu(self) -> tuple[int, int, int, int]:
        return Inches(self.x), Inches(self.y), Inches(self.w), Inches(self.h)

    def below(self, gap: float, h: float) -> Box:
        return Box(self.x, self.y + self.h + gap, self.w, h)


@dataclass(frozen=True)
class Style:
    size: int
    bold: bool = False
    colour: RGBColor | None = None


def count_format(lang: str) -> str:
    """A whole number the language's way in a chart's number format: "1,234" in English;
    "1 234" in Russian (a space for thousands, whatever the viewer's own settings)."""
    return '#,##0' if lang == "en" else '[>=1000]#\\ ##0;0'


@dataclass(frozen=True)
class Layout:
    """A table laid out for slides: its columns' widths and its rows' heights (the
    same on every slide it takes), and the rows on each."""

    headers: list[str]
    texts: list[list[str]]
    widths: list[int]
    heights: list[int]  # the header's first
    pages: list[list[int]]  # row indexes per slide

    def draw(self, slide, rows: list[int], box: Box) -> float:
        """The header and ``rows`` in ``box``; the table's height in inches."""
        heights = [self.heights[0], *(self.heights[r + 1] for r in rows)]
        x, y, w, _ = box.emu()
        shape = slide.shapes.add_table(len(heights), len(self.headers), x, y, w,
                                       Emu(sum(heights)))
        table = shape.table
        for column, width in zip(table.columns, self.widths, strict=True):
            column.width = width
        for row, height in zip(table.rows, heights, strict=True):
            row.height = height
        for r, texts in enumerate([self.headers, *(self.texts[i] for i in rows)]):
            for c, text in enumerate(texts):
                table.cell(r, c).text = text
        for row in table.rows:
            for cell in row.cells:
                for para in cell.text_frame.paragraphs:
                    for run in para.runs:
                        run.font.size = Pt(TABLE_TEXT)
        return sum(heights) / Inches(1)


def layout(frame: pd.DataFrame, headers: list[str], box: Box, wide: str | None,
            lang: str) -> Layout:
    """Widths from every row (a column as wide as its longest word, the ``wide`` one
    taking what is left), heights from each row's wrapped lines, then as many rows per
    slide as fit in ``box`` under the header."""
    texts = [[_cell(v, lang) for v in record] for record in frame.itertuples(index=False)]
    columns = [[headers[c], *(row[c] for row in texts)] for c in range(len(headers))]
    wide_at = list(frame.columns).index(wide) if wide in frame.columns else None
    widths = _widths(columns, TABLE_TEXT, Inches(box.w), wide_at)
    heights = [_row_height(row, widths, TABLE_TEXT) for row in [headers, *texts]]
    pages: list[list[int]] = [[]]
    used = heights[0]
    for i, height in enumerate(heights[1:]):
        if pages[-1] and used + height > Inches(box.h):
            pages.append([])
            used = heights[0]
        pages[-1].append(i)
        used += height
    return Layout(headers, texts, widths, heights, pages)


def _row_height(texts: list[str], widths: list[int], size: int) -> int:
    """A row's height: its cell wrapping to most lines (words kept whole), estimated
    with the same character width as the columns."""
    char = Pt(size * CHAR_WIDTH)
    lines = 1
    for text, width in zip(texts, widths, strict=True):
        room = max(int((width - CELL_MARGINS) / char), 1)
        count, used = 1, 0
        for word in text.split():
            if used and used + 1 + len(word) > room:
                count, used = count + 1, len(word)
            else:
                used += len(word) + (1 if used else 0)
        lines = max(lines, count)
    return int(Pt(size * 1.25) * lines + Inches(0.12))


CHAR_WIDTH = 0.62  # a character's width at 1 pt, in points: wide fonts (DejaVu) included
CELL_MARGINS = Inches(0.3)  # the cell's insets, left and right, and a little room


def _widths(columns: list[list[str]], size: int, total: int, wide: int | None) -> list[int]:
    """Each column as wide as its longest word (header or cell: a word is never broken,
    lines wrap between words only); what is left goes to the ``wide`` column, up to
    what its longest text needs on one line and half the table, and the rest to all
    alike. When even the words do not fit, every column shrinks alike."""
    need = []
    for texts in columns:
        longest = max((len(word) for text in texts for word in text.split()), default=1)
        need.append(int(Pt(longest * size * CHAR_WIDTH)) + CELL_MARGINS)
    spare = total - sum(need)
    if spare < 0:
        return [int(n * total / sum(need)) for n in need]
    if wide is not None:
        one_line = int(Pt(max(len(text) for text in columns[wide]) * size * CHAR_WIDTH))
        given = max(min(spare, one_line + CELL_MARGINS - need[wide], total // 2 - need[wide]), 0)
        need[wide] += given
        spare -= given
    return [n + spare // len(need) for n in need]


def _cell(value: object, lang: str) -> str:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
        return ""
    if isinstance(value, pd.Timestamp):
        return i18n.date(value.date(), lang)
    if isinstance(value, float):
        return i18n.number(value, lang)
    return printable(str(value))
