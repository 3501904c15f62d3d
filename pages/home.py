"""Home: the headline figures and the validation result of the loaded source."""

import streamlit as st

from bomca_data import i18n, metrics, report
from bomca_data.ui import banners, state, widgets

view = state.current_view()
if view is not None:
    lang, ds = view.lang, view.dataset
    st.title(i18n.t("app.title", lang))
    st.caption(i18n.t("home.intro", lang) + f" {i18n.t('sidebar.as_of', lang)} "
               f"{i18n.date(view.as_of, lang)}.")
    banners.page_banners(view)

    figures = metrics.summary(ds, view.as_of)
    acts, parts, recs = figures["activities"], figures["participants"], figures["recommendations"]
    none = i18n.t("kpi.none", lang)
    widgets.kpi_row([
        (i18n.t("kpi.completed", lang), i18n.number(acts["completed"], lang),
         i18n.t("kpi.of", lang, n=i18n.number(acts["total"], lang))),
        (i18n.t("kpi.ongoing", lang), i18n.number(acts["by_status"]["ongoing"], lang), None),
        (i18n.t("kpi.attendances", lang), i18n.number(parts["attendances"], lang), None),
        (i18n.t("kpi.unique", lang), none if parts["unique_persons"] is None
         else i18n.number(parts["unique_persons"], lang), None),
        (i18n.t("kpi.women", lang), i18n.percent(parts["women_share"], lang), None),
        (i18n.t("kpi.recs_implemented", lang), i18n.percent(recs["implemented_share"], lang),
         i18n.t("kpi.of", lang, n=i18n.number(recs["total"], lang))),
    ])

    st.header(i18n.t("validation.title", lang))
    if ds.has_errors:
        n = sum(1 for i in ds.issues if i.severity == "error")
        st.error(i18n.t("validation.errors", lang, n=i18n.number(n, lang)))
    else:
        st.success(i18n.t("validation.ok", lang))
    st.subheader(i18n.t("validation.tables", lang))
    st.dataframe(report.localised(report.tables_frame(ds), lang), hide_index=True)
    if ds.issues:
        st.subheader(i18n.t("validation.issues", lang))
        widgets.table_with_download(report.localised(report.issues_frame(ds), lang),
                                    "validation-issues", lang, key="home_issues_csv")
