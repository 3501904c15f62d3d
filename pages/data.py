"""Data (editors): upload new spreadsheets, check them, accept; history and rollback."""

from bomca_data.ui import auth, data_admin, page, widgets

view = page.start("page.data", "data.intro")
if auth.require_editor(view.lang):
    widgets.template_download(view)
    folder = data_admin.managed_folder(view)
    if folder is not None:
        data_admin.upload_panel(view, folder)
        data_admin.history_panel(view, folder)
