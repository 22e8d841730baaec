"""Where an identity comes from: its module, so that the build's messages point at what an author edits.

A page of the handbook is generated from an identity module, so a warning about it names the module
and the line that defines the identity, not the generated page. A module that cannot be loaded
(a syntax error, an exception at import, a definition the engine refuses) stops the build with one
error naming the module's file and line, instead of a traceback.
"""

from __future__ import annotations

import traceback
from pathlib import Path

from docutils import nodes
from sphinx.util import logging

import identities

logger = logging.getLogger(__name__)

PACKAGE = Path(identities.__file__).resolve().parent
ENGINE = PACKAGE / "engine"


def check_catalog(app) -> None:
    """``builder-inited``: load the catalog; if a module cannot be loaded, say where and stop.

    The message is Sphinx's usual ``file:line: ERROR: ...``. The build then ends with exit status 2
    and no traceback: every page depends on the catalog, so going on would only add, for each of
    them, an error with the same cause.
    """
    try:
        identities.all_identities()
    except Exception as exc:  # noqa: BLE001 - any failure of an identity module is reported the same way
        cause = innermost_cause(exc)
        logger.error("the identity catalog cannot be loaded: %s: %s", type(cause).__name__, cause,
                     location=fault_location(exc))
        raise SystemExit(2) from None


def innermost_cause(exc: BaseException) -> BaseException:
    """The exception at the end of ``raise ... from`` chains: what went wrong, not how it was wrapped."""
    while exc.__cause__ is not None:
        exc = exc.__cause__
    return exc


def is_identity_module(filename: str | None) -> bool:
    """A file of a family package (``identities/<family>/*.py``), not the engine or the package root."""
    if not filename:
        return False
    path = Path(filename).resolve()
    return path.parent.parent == PACKAGE and path.parent != ENGINE


def fault_location(exc: BaseException) -> str | None:
    """``file:line`` in the identity module where loading failed, or None when no module is at fault.

    A syntax error carries its own file and line; any other exception is placed at the innermost
    frame, along its chain of causes, that runs in an identity module (for a refused definition,
    the call that builds the identity).
    """
    chain = [exc]
    while chain[-1].__cause__ is not None:
        chain.append(chain[-1].__cause__)
    for link in reversed(chain):
        if isinstance(link, SyntaxError) and is_identity_module(link.filename):
            return f"{link.filename}:{link.lineno}"
        frames = [f for f in traceback.extract_tb(link.__traceback__) if is_identity_module(f.filename)]
        if frames:
            return f"{frames[-1].filename}:{frames[-1].lineno}"
    return None


def definition_line(path: str) -> int:
    """The line of ``IDENTITY = ...`` in an identity module (1 if it is not found)."""
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("IDENTITY"):
            return number
    return 1


def module_location(ident) -> str:
    """``file:line`` of the definition of an identity, the location of every message about it."""
    return f"{ident.path}:{definition_line(ident.path)}"


def place_in_module(ident, content: list[nodes.Node]) -> list[nodes.Node]:
    """Mark rendered nodes as coming from the identity's module, so that later messages (a formula
    KaTeX cannot typeset, a reference that does not resolve) name the module rather than the page."""
    line = definition_line(ident.path)
    for node in content:
        if node.source is None:
            node.source, node.line = ident.path, line
    return content
