"""The handbook built once per test session, as `make docs` builds it, for the docs and browser tests."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
HTML = DOCS / "_build" / "html"
EXT = DOCS / "_ext"
KATEX = DOCS / "_katex" / "node_modules" / "katex" / "dist" / "katex.min.js"


@dataclass(frozen=True)
class Build:
    returncode: int
    output: str
    seconds: float
    html: Path


@lru_cache(maxsize=1)
def _build() -> Build:
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-n", "-E", "-q",
               str(DOCS), str(HTML)]
    start = time.monotonic()
    log = HTML.parent / "build.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    # Output goes to a file, not a pipe: a helper process that outlived the build could hold a pipe open.
    with open(log, "w", encoding="utf-8") as out:
        done = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT, timeout=900)
    return Build(done.returncode, log.read_text(encoding="utf-8"), time.monotonic() - start, HTML)


def built_site() -> Build:
    """Build the site fresh (-E) with warnings as errors and nitpicky references, once per session."""
    if not KATEX.is_file():
        pytest.fail(f"KaTeX is not installed at {KATEX.parent}: run `make docs-assets` (or `make test`, "
                    "which installs it with npm)")
    return _build()


def site_or_fail() -> Path:
    build = built_site()
    if build.returncode != 0:
        pytest.fail(f"the handbook did not build:\n{build.output}")
    return build.html
