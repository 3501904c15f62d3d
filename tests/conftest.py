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
