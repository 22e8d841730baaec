"""Shared by the tests: the built handbook, once per test run however many workers run it (docs_site.py)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docs_site import SITE, Build, built_site, configure, start_site, uses_site  # noqa: E402


@pytest.fixture(scope="session")
def docs_site() -> Build:
    """The handbook as `make docs` builds it (whether or not the build succeeded)."""
    return built_site()


@pytest.fixture(scope="session")
def site_html(docs_site: Build) -> Path:
    """The built handbook's HTML folder; the test fails, with the build's output, if it did not build."""
    if docs_site.returncode != 0:
        pytest.fail(f"the handbook did not build:\n{docs_site.output}")
    return docs_site.html


def pytest_configure(config):
    configure(config)


def pytest_collection_modifyitems(config, items):
    items.sort(key=uses_site)  # the tests using the site last: the build runs meanwhile


def pytest_collection_finish(session):
    if any(map(uses_site, session.items)):
        start_site()


def pytest_sessionfinish(session, exitstatus):
    SITE.finish(interrupted=exitstatus == pytest.ExitCode.INTERRUPTED, main=not hasattr(session.config, "workerinput"))
