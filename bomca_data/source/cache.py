"""A disk cache of validated datasets, in Parquet, keyed on the content of the source.

The cache folder is outside `data/` ($BOMCA_CACHE, else ~/.cache/bomca) and safe to
delete. An entry is a folder named after a hash of every source file's bytes, the
settings of programme.toml, the package's code and the cache format: one Parquet file
per table plus the issues and row counts as JSON, written under a temporary name and
renamed when complete. A changed, added or removed file changes the key; an entry that cannot be
read is ignored (and replaced), never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pyarrow as pa

from bomca_data.contract.issues import Issue

# Arrow's own allocator keeps memory it has freed; the system's gives it back, which
# matters for a long-running server holding one large dataset.
pa.set_memory_pool(pa.system_memory_pool())

FORMAT = "1"  # bump when what is cached changes shape
ENV_VAR = "BOMCA_CACHE"
DONE = "complete.json"


def cache_root() -> Path:
    return Path(os.environ.get(ENV_VAR) or Path.home() / ".cache" / "bomca")


@lru_cache(maxsize=1)
def _code_fingerprint() -> bytes:
    """The package's code (every module but the pages' helpers): a change to any of it
    invalidates every entry. Read once per process."""
    here = Path(__file__).resolve().parents[1]
    modules = sorted(p for p in here.rglob("*.py") if "ui" not in p.relative_to(here).parts)
    digest = hashlib.sha256()
    for path in modules:
        digest.update(str(path.relative_to(here)).encode() + b"\0" + path.read_bytes())
    return digest.digest()


def content_key(paths: list[Path], layout: str = "") -> str:
    """A hash of the files' names and bytes (order-independent), where the tables are
    in them (``layout``), and the code that reads them."""
    digest = hashlib.sha256(f"bomca-cache-{FORMAT}\0{layout}\0".encode())
    digest.update(_code_fingerprint())
    for path in sorted(paths, key=lambda p: p.name):
        digest.update(path.name.encode() + b"\0")
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def load(key: str) -> tuple[dict[str, pd.DataFrame], list[Issue], dict] | None:
    """The cached (tables, issues, stats), or None when absent or unreadable."""
    folder = cache_root() / key
    try:
        meta = json.loads((folder / DONE).read_text(encoding="utf-8"))
        tables = {name: _as_written(pd.read_parquet(folder / f"{name}.parquet"))
                  for name in meta["tables"]}
        issues = [Issue.from_json(entry) for entry in meta["issues"]]
        return tables, issues, meta["stats"]
    except Exception:
        return None


def _as_written(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates in milliseconds, as cleaning makes them (and Parquet stores them)."""
    for col in frame.columns:
        if frame[col].dtype.kind == "M" and str(frame[col].dtype) != "datetime64[ms]":
            frame[col] = frame[col].astype("datetime64[ms]")
    return frame


def save(key: str, tables: dict[str, pd.DataFrame], issues: list[Issue], stats: dict) -> None:
    """Write an entry; a failure to write (a full or read-only disk) is not an error."""
    root = cache_root()
    try:
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".writing-", dir=root))
        for name, frame in tables.items():
            frame.to_parquet(staging / f"{name}.parquet", index=False)
        meta = {"tables": list(tables), "issues": [i.as_json() for i in issues], "stats": stats}
        (staging / DONE).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        final = root / key
        if final.exists():
            shutil.rmtree(final, ignore_errors=True)
        os.rename(staging, final)
    except OSError:
        shutil.rmtree(locals().get("staging", root / ".none"), ignore_errors=True)
