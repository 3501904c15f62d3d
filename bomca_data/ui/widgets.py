"""Reusable page pieces: the KPI row and a table with its CSV download."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from bomca_data import i18n


def kpi_row(items: list[tuple[str, str, str | None]]) -> None:
    """(label, value, caption) per column."""
    for col, (label, value, caption) in zip(st.columns(len(items)), items, strict=True):
        col.metric(label, value, help=caption)


def table_with_download(frame: pd.DataFrame, name: str, lang: str, key: str) -> None:
    st.dataframe(frame, hide_index=True, width="stretch")
    st.download_button(i18n.t("download.csv", lang),
                       data=frame.to_csv(index=False).encode("utf-8-sig"),
                       file_name=f"{name}.csv", mime="text/csv", key=key)
