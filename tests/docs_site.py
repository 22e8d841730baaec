"""The handbook built once per test run, as `make docs` builds it, for the docs and browser tests.

The suite runs on several pytest-xdist workers, each a process of its own, so neither a session
fixture nor a cache in memory is shared between them. :class:`OncePerRun` runs the build once per
test run (xdist gives all workers of a run one id): the first process that collects a test using
the site starts it in the background (this file, run as a script, runs the command and records how
it ended), under a file lock and with a marker file naming the run, so that no other process starts
it again. The build then runs beside the rest of the suite, whose tests using the site come last;
each of them waits for the marker to say that the build has ended.

At the end of the run the main process waits for a build still running (or stops it if the run was
interrupted), so that no build outlives the test run.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest

try:  # POSIX; elsewhere two workers could both start a build (the suite targets Debian)
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
HTML = DOCS / "_build" / "html"
EXT = DOCS / "_ext"
KATEX = DOCS / "_katex" / "node_modules" / "katex" / "dist" / "katex.min.js"
#: The fixture that gives tests the built site.
FIXTURE = "docs_site"
#: One id per test run, shared by its xdist workers (the main process makes it, see configure()).
RUN = os.environ.get("PYTEST_XDIST_TESTRUNUID") or uuid.uuid4().hex
RUN_VARIABLE = "DOCS_SITE_RUN"
TIMEOUT = 900


class OncePerRun:
    """A command run once per test run, in the background, by whichever process asks for it first.

    ``folder`` holds its output (``build.log``), the lock and the marker (``build.json``).
    """

    def __init__(self, command: list[str], folder: Path):
        self.command, self.folder = command, folder
        self.log, self.lock, self.marker = folder / "build.log", folder / "build.lock", folder / "build.json"
        self.process: subprocess.Popen | None = None  # when this process started it

    @contextmanager
    def locked(self):
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.lock, "a") as handle:
            if fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                if fcntl is not None:
                    fcntl.flock(handle, fcntl.LOCK_UN)

    def record(self) -> dict:
        try:
            return json.loads(self.marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def start(self) -> None:
        """Start the command unless a process of this run has started it."""
        with self.locked():
            if self.record().get("run") == RUN:
                return
            with open(self.log, "w", encoding="utf-8") as out:  # a file, not a pipe: nothing can hold it open
                # a session of its own: stopping the run stops the script and the command together
                self.process = subprocess.Popen([sys.executable, __file__, str(self.folder), *self.command],
                                                stdout=out, stderr=subprocess.STDOUT, cwd=ROOT,
                                                env={**os.environ, RUN_VARIABLE: RUN}, start_new_session=True)
            self.marker.write_text(json.dumps({"run": RUN, "pid": self.process.pid, "returncode": None}),
                                   encoding="utf-8")

    def result(self) -> dict:
        """Start the command if needed, wait for it to end; its marker (returncode, seconds)."""
        self.start()
        deadline = time.monotonic() + TIMEOUT
        while (record := self.record()).get("run") != RUN or record.get("returncode") is None:
            if time.monotonic() > deadline:
                pytest.fail(f"{self.command[:3]} did not end within {TIMEOUT} s; its output is in {self.log}")
            time.sleep(0.2)
        return record

    def finish(self, interrupted: bool, main: bool) -> None:
        """At the end of a process's session: stop the command if the run was interrupted, else wait for
        it, if this process started it or is the main one (which ends last)."""
        record = self.record()
        running = record.get("run") == RUN and record.get("returncode") is None
        if interrupted and running:
            try:
                os.killpg(record["pid"], signal.SIGTERM)
            except ProcessLookupError:
                pass
        elif running and main:
            deadline = time.monotonic() + TIMEOUT
            while self.record().get("returncode") is None and time.monotonic() < deadline:
                time.sleep(0.2)
        if self.process is not None:
            self.process.wait()


def configure(config) -> None:
    """In the main process: a new run id (or the one given with --testrunuid), handed to the xdist
    workers, which read it as PYTEST_XDIST_TESTRUNUID."""
    global RUN
    if hasattr(config, "workerinput"):
        return
    RUN = getattr(config.option, "testrunuid", None) or uuid.uuid4().hex
    if hasattr(config.option, "testrunuid"):
        config.option.testrunuid = RUN


def uses_site(item) -> bool:
    return FIXTURE in getattr(item, "fixturenames", ())


@dataclass(frozen=True)
class Build:
    returncode: int
    output: str
    seconds: float
    html: Path


#: The build, as `make docs` runs it, but fresh (-E): warnings are errors, references must resolve.
SITE = OncePerRun([sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-n", "-E", "-q", "--no-color",
                   str(DOCS), str(HTML)], HTML.parent)


def start_site() -> None:
    """Start building the handbook in the background (once per run; not without KaTeX, see below)."""
    if KATEX.is_file():
        SITE.start()


@lru_cache(maxsize=1)
def built_site() -> Build:
    """The handbook, built once per test run."""
    if not KATEX.is_file():
        pytest.fail(f"KaTeX is not installed at {KATEX.parent}: run `make docs-assets` (or `make test`, "
                    "which installs it with npm)")
    record = SITE.result()
    return Build(record["returncode"], SITE.log.read_text(encoding="utf-8"), record["seconds"], HTML)


def _main(folder: str, *command: str) -> int:
    """Run as a script by :meth:`OncePerRun.start`: run the command, then record how it ended."""
    job = OncePerRun(list(command), Path(folder))
    start = time.monotonic()
    try:
        returncode = subprocess.run(command, cwd=ROOT, timeout=TIMEOUT).returncode
    except subprocess.TimeoutExpired:
        print(f"stopped after {TIMEOUT} s", flush=True)
        returncode = -1
    with job.locked():
        job.marker.write_text(json.dumps({"run": os.environ[RUN_VARIABLE], "pid": os.getpid(),
                                          "returncode": returncode, "seconds": time.monotonic() - start}),
                              encoding="utf-8")
    return returncode


if __name__ == "__main__":
    sys.exit(_main(*sys.argv[1:]))
