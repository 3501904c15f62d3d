"""Make the report's fonts: Liberation Sans (Regular, Bold), cut to the characters a
report in English or Russian uses (Latin with the Central Asian letters, Cyrillic with
Kazakh, Kyrgyz, Tajik and Uzbek ones, punctuation, arrows and symbols) and renamed
"Report Sans" (the SIL Open Font License reserves the name of a changed font), as
WOFF2 files that the HTML report inlines and the PDF embeds.

    .venv/bin/python tools/report_fonts.py [/usr/share/fonts/truetype/liberation2]

Needs Debian's fonts-liberation2 (the source fonts) and fontTools with brotli
(requirements-dev.txt). The files it writes are committed; run it only to change them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

OUT = Path(__file__).resolve().parents[1] / "bomca_data" / "outputs" / "report" / "fonts"
FAMILY = "Report Sans"
RANGES = [(0x20, 0x7E), (0xA0, 0x24F), (0x2B0, 0x2FF), (0x370, 0x3FF), (0x400, 0x52F),
          (0x1E00, 0x1EFF), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x214F),
          (0x2190, 0x21FF), (0x2200, 0x22FF), (0x25A0, 0x25FF)]
LICENSE = """Report Sans is Liberation Sans 2 (Regular and Bold), subset and renamed for
the BOMCA Progress Dashboard's reports by tools/report_fonts.py.

Digitized data copyright (c) 2010 Google Corporation with Reserved Font Arimo,
Tinos and Cousine. Copyright (c) 2012 Red Hat, Inc. with Reserved Font Name
Liberation.

This Font Software is licensed under the SIL Open Font License, Version 1.1,
available with a FAQ at https://openfontlicense.org
"""


def _renamed(font: TTFont, style: str) -> None:
    names = {1: FAMILY, 2: style, 3: f"{FAMILY} {style}", 4: f"{FAMILY} {style}",
             6: f"ReportSans-{style}", 16: FAMILY, 17: style}
    table = font["name"]
    for record in list(table.names):
        if record.nameID in names or record.nameID in (0, 13, 14):
            continue
        if record.nameID in (5,):  # the version: kept
            continue
        table.removeNames(nameID=record.nameID)
    for name_id, text in names.items():
        table.setName(text, name_id, 3, 1, 0x409)
        table.setName(text, name_id, 1, 0, 0)


def main(source: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    unicodes = [c for low, high in RANGES for c in range(low, high + 1)]
    for style in ("Regular", "Bold"):
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.notdef_outline = True
        font = subset.load_font(str(source / f"LiberationSans-{style}.ttf"), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=unicodes)
        subsetter.subset(font)
        _renamed(font, style)
        subset.save_font(font, str(OUT / f"ReportSans-{style}.woff2"), options)
        print(OUT / f"ReportSans-{style}.woff2")
    (OUT / "LICENSE.txt").write_text(LICENSE, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/liberation2"))
