"""The edition of the handbook a citation names: its title, authors, version, release date and licence.

Each comes from one place. The version, licence, authors, description and the handbook's address
(``[project.urls] Documentation``) are the package's own metadata in ``pyproject.toml``; the
release date is ``[tool.identities] released`` there. In a source checkout
that file is read directly (so an edit shows at once, without reinstalling); in an installed
package the same fields come from the package metadata, and the date from nowhere (a citation then
gives no year). ``CITATION.cff`` at the root repeats them for software indexes, and a test keeps it
in step with ``pyproject.toml``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

__all__ = ["Edition", "edition", "DISTRIBUTION", "TITLE", "PYPROJECT"]

#: The distribution name on the package index and in ``pyproject.toml``.
DISTRIBUTION = "matrix-calculus-identities"
#: The handbook's title, as the site and every citation print it.
TITLE = "Matrix-calculus identities"
PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


@dataclass(frozen=True)
class Edition:
    """One release of the handbook."""

    version: str
    authors: tuple[str, ...]
    license: str
    released: str | None  # ISO date, e.g. "2026-12-01"
    url: str = ""         # the handbook's address (``[project.urls] Documentation``), ending in "/"
    description: str = ""  # one sentence saying what the handbook is (``description``)

    @property
    def year(self) -> str | None:
        return self.released[:4] if self.released else None

    @property
    def author_line(self) -> str:
        return ", ".join(self.authors)


def _from_pyproject(path: Path) -> Edition | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return None
    project = data.get("project", {})
    if project.get("name") != DISTRIBUTION:  # a pyproject.toml of something else
        return None
    license_ = project.get("license", {})
    return Edition(version=project["version"],
                   authors=tuple(a["name"] for a in project.get("authors", ())),
                   license=license_.get("text", "") if isinstance(license_, dict) else str(license_),
                   released=data.get("tool", {}).get("identities", {}).get("released"),
                   url=project.get("urls", {}).get("Documentation", ""), description=project.get("description", ""))


def _from_metadata() -> Edition:
    try:
        meta = metadata.metadata(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return Edition(version="0+unknown", authors=(), license="", released=None)
    authors = tuple(a.strip() for a in (meta.get("Author") or "").split(",") if a.strip())
    if not authors and meta.get("Author-email"):
        authors = tuple(a.split("<")[0].strip().strip('"') for a in meta["Author-email"].split(","))
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL") or () if ", " in u)
    return Edition(version=meta["Version"], authors=authors, license=meta.get("License") or "", released=None,
                   url=urls.get("Documentation", ""), description=meta.get("Summary") or "")


@lru_cache(maxsize=1)
def edition() -> Edition:
    """The edition of this copy of the package (from ``pyproject.toml`` in a source checkout)."""
    return _from_pyproject(PYPROJECT) or _from_metadata()
