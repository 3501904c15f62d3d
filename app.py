"""Entry point: page config, sidebar, and the map of pages. Nothing else."""

import streamlit as st

from bomca_data import i18n
from bomca_data.ui import sidebar

st.set_page_config(page_title="BOMCA", page_icon=":material/monitoring:", layout="wide")

lang = sidebar.language_picker()
PAGES = [
    st.Page("pages/home.py", title=i18n.t("page.home", lang), icon=":material/home:",
            default=True),
]
page = st.navigation(PAGES)
sidebar.source_panel(lang)
page.run()
