"""Entry point: page config, sign-in, sidebar, and the map of pages (declared in
bomca_data/ui/pages.py). Nothing else."""

import streamlit as st

from bomca_data import i18n
from bomca_data.ui import auth, pages, sidebar, state, theme

# A local icon: a Material icon as page_icon is fetched from a font server.
st.set_page_config(page_title="BOMCA", page_icon=sidebar.FAVICON, layout="wide")
state.run_by_the_app()  # before any widget: a fresh server's first form would be lost
theme.apply()
state.follow_the_link()  # back and forward in the browser: the link's view is shown
lang = sidebar.language_picker()
user = auth.gate(lang)
if user is None:  # the sign-in form is all there is until then
    st.navigation([st.Page(auth.nothing, title=i18n.t("auth.sign_in", lang))], position="hidden")
    state.write_link()
    st.stop()

menu = [st.Page(p.path, title=i18n.t(p.title, lang), icon=p.icon, default=p.default)
        for p in pages.PAGES if user.editor or not p.editors]
page = st.navigation(menu)
auth.sign_out_button(user, lang)
sidebar.source_panel(lang)
state.write_link()
page.run()
