"""Published figures: does the data agree with what the programme published?"""

import streamlit as st

from bomca_data import verdicts
from bomca_data.figures import published
from bomca_data.ui import banners, state, widgets

view = state.current_view()
if view is not None:
    banners.page_header(view, "page.published", "published.intro", filtered=False)
    lang, t = view.lang, view.t
    if not widgets.missing_table(view, "published"):
        found = published.register(view.dataset)
        counts = found["verdict"].value_counts()
        widgets.kpi_row([(t(f"published.{v}"), widgets.fmt(int(counts.get(v, 0)), lang), None)
                         for v in published.VERDICTS])
        st.caption(t("published.rule"))
        st.dataframe(verdicts.published_table(found, lang), hide_index=True, width="stretch")
        for _, statement in found.iterrows():
            label = t("published.rows", figure=verdicts.published_figure(statement, lang),
                      date=widgets.fmt_date(statement["date"].date(), lang))
            widgets.rows_behind(
                view, label,
                f"published-{statement['statement_id']}",
                lambda statement=statement: published.rows_behind(view.dataset, statement))
