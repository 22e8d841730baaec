"""The suite runs on several workers, and the handbook is still built once per test run, not once per worker.

An inner pytest run on two workers, configured as tests/conftest.py configures the real suite, uses
the same mechanism (``docs_site.OncePerRun``) with a stand-in command that only records that it ran.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tomllib
from pathlib import Path

from docs_site import OncePerRun

TESTS = Path(__file__).resolve().parent
CONFTEST = f'''
import sys
from pathlib import Path

import pytest

sys.path.insert(0, {str(TESTS)!r})
import docs_site
from docs_site import OncePerRun, configure, uses_site

HERE = Path(__file__).parent
RECORD = f"import os; open({{str(HERE / 'runs.txt')!r}}, 'a').write(os.environ['DOCS_SITE_RUN'] + chr(10))"
JOB = OncePerRun([sys.executable, "-c", RECORD], HERE / "out")


@pytest.fixture(scope="session")
def docs_site():
    return JOB.result()


def pytest_configure(config):
    configure(config)


def pytest_collection_finish(session):
    if any(map(uses_site, session.items)):
        JOB.start()


def pytest_sessionfinish(session, exitstatus):
    JOB.finish(interrupted=False, main=not hasattr(session.config, "workerinput"))
'''
USING = '''
import time

def test_one(docs_site):
    assert docs_site["returncode"] == 0
    time.sleep(0.05)

def test_two(docs_site):
    time.sleep(0.05)
'''
NOT_USING = '''
import time

def test_three():
    time.sleep(0.05)
'''


def run_inner(folder: Path) -> list[str]:
    """Run the inner suite on two workers; the run ids the stand-in command recorded, one per time it ran."""
    folder.mkdir(exist_ok=True)
    (folder / "conftest.py").write_text(CONFTEST, encoding="utf-8")
    for k in range(4):
        (folder / f"test_using_{k}.py").write_text(USING, encoding="utf-8")
        (folder / f"test_not_using_{k}.py").write_text(NOT_USING, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pytest", "-v", "-n", "2", "-p", "no:cacheprovider",
                           "--rootdir", str(folder), str(folder)],
                          capture_output=True, text=True, cwd=folder, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "[gw0]" in done.stdout and "[gw1]" in done.stdout, "both workers should have run tests"
    return (folder / "runs.txt").read_text().split()


def test_a_run_on_two_workers_builds_once(tmp_path):
    assert len(run_inner(tmp_path)) == 1


def test_the_next_run_builds_again(tmp_path):
    first = run_inner(tmp_path)
    both = run_inner(tmp_path)
    assert len(both) == 2 and both[0] == first[0] and both[1] != first[0]


def test_the_suite_runs_on_every_core():
    config = tomllib.loads((TESTS.parent / "pyproject.toml").read_text(encoding="utf-8"))
    options = config["tool"]["pytest"]["ini_options"]["addopts"].split()
    assert options[options.index("-n") + 1] == "auto"


def test_an_interrupted_run_stops_the_command_and_what_it_started(tmp_path):
    job = OncePerRun([sys.executable, "-c", "import time; time.sleep(120)"], tmp_path)
    job.start()
    group = job.record()["pid"]
    job.finish(interrupted=True, main=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)  # is any process of the group left?
        except ProcessLookupError:
            return
        time.sleep(0.1)
    raise AssertionError(f"process group {group} still runs after the run was interrupted")
