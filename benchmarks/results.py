"""benchmarks/RESULTS.md, where every benchmark writes its figures: `suite.py` writes
the file anew (keeping what is written by hand), the others each their own section."""

from __future__ import annotations

import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def write_section(lines: list[str]) -> None:
    """Replace the section whose heading starts as ``lines[0]`` does up to its first
    ":" or "(" ("## 6. Load test", whatever its figures), or add it at the end."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    key = re.split(r"[:(]", lines[0])[0]
    section = "\n".join(lines).rstrip("\n") + "\n\n"
    found = re.search(rf"^{re.escape(key)}.*?(?=^## |\Z)", text, re.S | re.M)
    if found:
        text = text[:found.start()] + section + text[found.end():]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
