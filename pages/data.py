"""Data (editors): upload new spreadsheets, check them, accept; history and rollback."""

from bomca_data.ui import auth, banners, data_admin, state, widgets

view = state.current_view()
if view is not None and auth.require_editor(view.lang):
    banners.page_header(view, "page.data", "data.intro")
    widgets.template_download(view)
    folder = data_admin.managed_folder(view)
    if folder is not None:
        data_admin.upload_panel(view, folder)
        data_admin.history_panel(view, folder)
