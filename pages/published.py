"""Published figures: does the data agree with what the programme published?"""

import streamlit as st

from bomca_data.figures import published
from bomca_data.outputs import verdict_words
from bomca_data.ui import page, widgets

view = page.start("page.published", "published.intro", filtered=False)
lang, t = view.lang, view.t
found = published.register(view.dataset)
counts = found["verdict"].value_counts()
widgets.kpi_row([(t(f"published.{v}"), view.number(int(counts.get(v, 0))), None)
                 for v in published.VERDICTS])
st.caption(t("published.rule"))
widgets.published_table(view, found)
for _, statement in found.iterrows():
    label = t("published.rows", figure=verdict_words.published_figure(statement, lang),
              date=view.date(statement["date"].date()))
    widgets.rows_behind(
        view, label,
        f"published-{statement['statement_id']}",
        lambda statement=statement: published.rows_behind(view.dataset, statement))
