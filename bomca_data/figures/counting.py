"""Small shared shapes: counts with every key shown, one row per country of a
multi-country row, and once-per-dataset memory for intermediate figures."""

from __future__ import annotations

import functools

import pandas as pd

from bomca_data.model import Dataset


def explode_countries(frame: pd.DataFrame, column: str = "country",
                      others: tuple[str, ...] = ()) -> pd.DataFrame:
    """``column`` (and ``others``), one row per listed country: per-country views count
    a multi-country row once for each of its countries."""
    out = frame[[column, *others]]
    if not out[column].str.contains(";", regex=False).any():  # nothing to split
        return out.reset_index(drop=True)
    return out.assign(**{column: out[column].str.split(";")}).explode(column).reset_index(
        drop=True)


def or_unknown(values: pd.Series) -> pd.Series:
    """The values with a blank one as "unknown" (a category of its own, in a
    categorical column)."""
    if isinstance(values.dtype, pd.CategoricalDtype) and "unknown" not in values.cat.categories:
        if not values.isna().any():
            return values
        values = values.cat.add_categories("unknown")
    return values.fillna("unknown")


def tally(values: pd.Series, keys: list[str] | tuple[str, ...] = (),
            weights: pd.Series | None = None) -> dict[str, float]:
    if weights is None:
        counted = values.value_counts(dropna=False)
    else:
        counted = weights.groupby(or_unknown(values), sort=False).sum()
    counted.index = counted.index.map(lambda k: "unknown" if pd.isna(k) else str(k))
    result = {k: 0 for k in keys}
    for key, n in counted.items():
        result[key] = result.get(key, 0) + n
    return {k: int(v) for k, v in result.items()}


MEMO_SIZE = 256  # figures remembered per dataset: the shared one lives as long as the server


def once_per_dataset(func):
    """Compute ``func(dataset, *args)`` once per dataset object and arguments: pages
    ask for the same intermediate figures several times. The result is shared: never
    change it. At most MEMO_SIZE are kept, the oldest forgotten first: the dataset
    every session shares must not grow with every as-of date anyone picks."""
    @functools.wraps(func)
    def remembered(dataset: Dataset, *args):
        return remember(dataset.memo, (func.__name__, *args), lambda: func(dataset, *args))
    return remembered


def remember(memo: dict, key, make, kept: int = MEMO_SIZE):
    """``memo[key]``, made by ``make()`` the first time; at most ``kept`` entries, the
    oldest forgotten first. Sessions run in threads: two may make the same entry (the
    last kept), and a race between two evictions is harmless."""
    found = memo.get(key)
    if found is None:
        found = memo[key] = make()
        while len(memo) > kept:
            try:
                memo.pop(next(iter(memo)), None)
            except (RuntimeError, StopIteration):
                break
    return found


def count_by(frame: pd.DataFrame, column: str, keys: list[str] | tuple[str, ...] = (),
             value: str = "activities", explode: bool = False) -> pd.DataFrame:
    """Rows per value of ``column`` (every key shown, zero when absent)."""
    if explode and len(frame):
        frame = explode_countries(frame, column)
    counts = frame[column].value_counts()
    index = list(keys) + [k for k in counts.index if k not in keys]
    return pd.DataFrame({column: index, value: counts.reindex(index, fill_value=0)
                         .astype(int).to_numpy()})


def cross_count(frame: pd.DataFrame, rows: str, cols: str, row_keys, col_keys,
                explode: bool = False) -> pd.DataFrame:
    """Long frame [rows, cols, activities] with every combination of keys."""
    if explode and len(frame):
        frame = explode_countries(frame, rows, (cols,))
    grid = pd.MultiIndex.from_product([list(row_keys), list(col_keys)], names=[rows, cols])
    counts = frame.groupby([rows, cols]).size().reindex(grid, fill_value=0)
    return counts.rename("activities").reset_index()
