"""Entry point: page config, sign-in, sidebar, and the map of pages (declared in
bomca_data/ui/pages.py). Nothing else."""

import streamlit as st

from bomca_data.ui import theme

# A local icon: a Material icon as page_icon is fetched from a font server.
st.set_page_config(page_title="BOMCA", page_icon=theme.FAVICON, layout="wide")
theme.apply()  # first, before the imports below: the browser starts on the chart code

from bomca_data import i18n  # noqa: E402
from bomca_data.ui import auth, pages, sidebar, state  # noqa: E402

state.run_by_the_app()  # before any widget: a fresh server's first form would be lost
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
theme.warm()  # a page drawn: the server is warm
