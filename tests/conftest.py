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


RAISED_CODES: set[str] = set()


def pytest_configure(config):
    """Record the code of every issue made while the suite runs (in this process)."""
    from bomca_data.contract import issues

    made = issues.Issue.__init__

    def recording(self, code, *args, **kwargs):
        RAISED_CODES.add(code)
        made(self, code, *args, **kwargs)

    issues.Issue.__init__ = recording


def pytest_sessionfinish(session, exitstatus):
    """The catalogue and the suite move together: when the whole suite ran, every code
    of the catalogue was raised by some test; a code no test raises fails the run."""
    from bomca_data.contract.issues import CATALOGUE

    whole = (not session.config.option.keyword and not session.config.option.markexpr
             and session.testscollected > 300 and not getattr(session.config.option, "lf", False))
    if not whole or exitstatus not in (0, pytest.ExitCode.OK):
        return
    if missing := sorted(set(CATALOGUE) - RAISED_CODES):
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        reporter.write_line(f"FAILED: no test raised the issue codes {missing}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
