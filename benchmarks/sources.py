"""Generated sources for the benchmarks: the demo data scaled to N participation rows."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from bomca_data import demo
from bomca_data.outputs.xlsx import write_workbook

WORK = Path(__file__).resolve().parent / "work"  # git-ignored, safe to delete


def scaled_frames(participant_rows: int, seed: int = demo.SEED) -> dict[str, pd.DataFrame]:
    """The demo tables (of ``seed``) repeated until participants has
    ``participant_rows`` rows (activities and recommendations grow in proportion, ids
    kept unique)."""
    base = demo.generate(seed)
    copies = max(1, math.ceil(participant_rows / len(base["participants"])))
    out = {}
    for name in ("activities", "participants", "recommendations"):
        frames = []
        for k in range(copies):
            frame = base[name].copy()
            for col in ("activity_id", "rec_id", "person_id"):
                if col in frame:
                    frame[col] = frame[col].where(frame[col].isna(), frame[col] + f"-{k}")
            frames.append(frame)
        out[name] = pd.concat(frames, ignore_index=True)
    out["participants"] = out["participants"].iloc[:participant_rows]
    out["meetings"], out["targets"] = base["meetings"], base["targets"]
    return out


def scaled_source(participant_rows: int, seed: int = demo.SEED,
                  writer: str = "openpyxl") -> Path:
    """A folder holding one workbook of the scaled tables (made once, then reused),
    written by the project's writer (openpyxl) or by ``writer="xlsxwriter"`` (as other
    tools write workbooks: inline strings, no shared-string table)."""
    suffix = "" if (seed, writer) == (demo.SEED, "openpyxl") else f"-{writer}-{seed}"
    folder = WORK / f"source-{participant_rows}{suffix}"
    path = folder / "bomca.xlsx"
    if not path.exists():
        frames = scaled_frames(participant_rows, seed)
        if writer == "xlsxwriter":
            folder.mkdir(parents=True, exist_ok=True)
            with pd.ExcelWriter(path, engine="xlsxwriter") as book:
                for name, frame in frames.items():
                    frame.to_excel(book, sheet_name=name, index=False)
        else:
            write_workbook(path, frames)
        (folder / "programme.toml").write_text(demo.PROGRAMME_TOML, encoding="utf-8")
    return folder
