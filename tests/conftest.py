import pytest


@pytest.fixture(autouse=True, scope="session")
def _own_cache_folder(tmp_path_factory):
    """The Parquet cache of this test run, never the user's (~/.cache/bomca)."""
    import os

    os.environ["BOMCA_CACHE"] = str(tmp_path_factory.mktemp("bomca-cache"))
    yield


@pytest.fixture(autouse=True)
def _fresh_streamlit_caches():
    """Streamlit caches outlive an AppTest: start every test without them."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    yield



@pytest.fixture(autouse=True, scope="session")
def _pages_run_on_their_own():
    """AppTest puts Streamlit back in its legacy multipage mode before every run (a
    server leaves it for good): a page chosen with switch_page runs on its own, and
    state.run_by_the_app must not rerun it through app.py (a rerun would swallow
    the clicks the tests make). The browser tests check it on a real server."""
    from bomca_data.ui import state

    state._LEGACY_MODE_LEFT = True
    yield
