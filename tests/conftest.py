import pytest


@pytest.fixture(autouse=True)
def _fresh_streamlit_caches():
    """Streamlit caches outlive an AppTest: start every test without them."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    yield
