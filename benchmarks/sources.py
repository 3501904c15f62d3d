"""Generated sources for the benchmarks: the demo data scaled to N participation rows."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from bomca_data import demo
from bomca_data.write import write_workbook

WORK = Path(__file__).resolve().parent / "work"  # git-ignored, safe to delete


def scaled_frames(participant_rows: int) -> dict[str, pd.DataFrame]:
    """The demo tables repeated until participants has ``participant_rows`` rows
    (activities and recommendations grow in proportion, ids kept unique)."""
    base = demo.generate()
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


def scaled_source(participant_rows: int) -> Path:
    """A folder holding one workbook of the scaled tables (made once, then reused)."""
    folder = WORK / f"source-{participant_rows}"
    path = folder / "bomca.xlsx"
    if not path.exists():
        write_workbook(path, scaled_frames(participant_rows))
        (folder / "programme.toml").write_text(demo.PROGRAMME_TOML, encoding="utf-8")
    return folder
