"""The pictures of the meeting pack in README's "Meeting mode": Kazakhstan's pack on the
demo at 2025-02-20, rendered as its readers see it (LibreOffice, then poppler).

    .venv/bin/python tools/pack_pictures.py    # needs soffice and pdftoppm

Run it after changing how the pack looks; it rewrites docs/images/pack-*.png.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bomca_data.figures import meeting_brief  # noqa: E402
from bomca_data.model import load_dataset  # noqa: E402
from bomca_data.outputs import meeting_pack  # noqa: E402
from bomca_data.source.location import DEMO_DIR  # noqa: E402

OUT = ROOT / "docs" / "images"
# (language, slide number, picture name): the headline, a continued table, the plan
SLIDES = (("en", 2, "pack-en-headline"), ("ru", 8, "pack-ru-recommendations-continued"),
          ("en", 10, "pack-en-plan"))


def main() -> int:
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if not (soffice and pdftoppm):
        print("needs soffice and pdftoppm: apt-get install -y libreoffice-impress-nogui "
              "poppler-utils", file=sys.stderr)
        return 2
    brief = meeting_brief.build(load_dataset(DEMO_DIR), "KZ", dt.date(2025, 2, 20))
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        for lang in {lang for lang, _, _ in SLIDES}:
            deck = folder / f"kz-{lang}.pptx"
            deck.write_bytes(meeting_pack.meeting_pack(brief, lang, "bomca10-demo.xlsx"))
            subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{work}/lo",
                            "--convert-to", "pdf", "--outdir", work, str(deck)],
                           check=True, capture_output=True, timeout=180)
        for lang, number, name in SLIDES:
            subprocess.run([pdftoppm, "-png", "-r", "48", "-f", str(number), "-l", str(number),
                            "-singlefile", str(folder / f"kz-{lang}.pdf"), str(OUT / name)],
                           check=True, timeout=60)
            print(OUT / f"{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
