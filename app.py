"""Entry point: page config, sign-in, sidebar, and the map of pages. Nothing else."""

import streamlit as st

from bomca_data import i18n
from bomca_data.ui import auth, sidebar, state, theme

# A local icon: a Material icon as page_icon is fetched from a font server.
st.set_page_config(page_title="BOMCA", page_icon=sidebar.FAVICON, layout="wide")
state.run_by_the_app()  # before any widget: a fresh server's first form would be lost
theme.apply()
lang = sidebar.language_picker()
user = auth.gate(lang)
if user is None:  # the sign-in form is all there is until then
    st.navigation([st.Page(auth.nothing, title=i18n.t("auth.sign_in", lang))], position="hidden")
    st.stop()

PAGES = [
    st.Page("pages/overview.py", title=i18n.t("page.overview", lang), icon=":material/home:",
            default=True),
    st.Page("pages/countries.py", title=i18n.t("page.countries", lang), icon=":material/map:"),
    st.Page("pages/components.py", title=i18n.t("page.components", lang),
            icon=":material/category:"),
    st.Page("pages/timeline.py", title=i18n.t("page.timeline", lang),
            icon=":material/timeline:"),
    st.Page("pages/participants.py", title=i18n.t("page.participants", lang),
            icon=":material/groups:"),
    st.Page("pages/followup.py", title=i18n.t("page.followup", lang),
            icon=":material/task_alt:"),
    st.Page("pages/meeting.py", title=i18n.t("page.meeting", lang),
            icon=":material/co_present:"),
    st.Page("pages/published.py", title=i18n.t("page.published", lang),
            icon=":material/campaign:"),
    st.Page("pages/data_quality.py", title=i18n.t("page.quality", lang),
            icon=":material/fact_check:"),
]
if user.editor:
    PAGES.append(st.Page("pages/data.py", title=i18n.t("page.data", lang),
                         icon=":material/upload_file:"))
page = st.navigation(PAGES)
auth.sign_out_button(user, lang)
sidebar.source_panel(lang)
page.run()
