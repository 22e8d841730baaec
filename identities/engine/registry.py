"""Find every identity module, check the catalog as a whole, and look identities up by id or alias.

A module that cannot be loaded — a syntax error, an exception while it runs, an inconsistent
definition — or that clashes with another is reported as :class:`BrokenModule`, whose message
starts with the file and line to open, as a compiler's would.
"""

from __future__ import annotations

import ast
import dataclasses
import difflib
import importlib
import os
import pkgutil
import traceback
from functools import lru_cache
from pathlib import Path

from .record import DefinitionError, Identity

__all__ = ["all_identities", "get", "families", "UnknownIdentity", "BrokenModule", "NOT_FAMILIES"]

#: The package whose sub-packages are the families, and its folder.
PACKAGE = "identities"
ROOT = Path(__file__).resolve().parent.parent
#: Sub-packages of identities/ that are not families: the checker and the search.
NOT_FAMILIES = frozenset({"engine", "lookup"})


class UnknownIdentity(KeyError):
    """No identity has this id or alias; the message suggests close ids."""

    def __str__(self) -> str:  # KeyError would quote the whole message
        return self.args[0]


class BrokenModule(DefinitionError):
    """An identity module cannot be loaded, or contradicts another; says which file and line."""

    def __init__(self, path: Path | str, line: int | None, message: str):
        self.path, self.line = Path(path), line
        where = _shown(self.path) + (f":{line}" if line else "")
        super().__init__(f"{where}: {message}")


def _shown(path: Path) -> str:
    """The path relative to the working directory when it lies below it (as editors and compilers show it)."""
    try:
        return os.path.relpath(path) if Path(os.path.relpath(path)).parts[0] != ".." else str(path)
    except ValueError:  # another drive
        return str(path)


def _failing_line(exc: BaseException, path: Path) -> int | None:
    """The line of *path* that was running when *exc* was raised (the innermost one), if any."""
    if isinstance(exc, SyntaxError) and exc.filename and Path(exc.filename).resolve() == path:
        return exc.lineno
    lines = [frame.lineno for frame in traceback.extract_tb(exc.__traceback__)
             if Path(frame.filename).resolve() == path]
    return lines[-1] if lines else None


def _identity_line(path: Path) -> int | None:
    """The line that assigns IDENTITY in a module, for faults found after it loaded."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return None
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "IDENTITY" for t in node.targets):
            return node.lineno
    return None


def _load(name: str, path: Path):
    try:
        return importlib.import_module(name)
    except SyntaxError as exc:
        raise BrokenModule(path, _failing_line(exc, path), f"SyntaxError: {exc.msg}") from exc
    except Exception as exc:  # noqa: BLE001 - any failure of a catalog module is reported the same way
        raise BrokenModule(path, _failing_line(exc, path), f"{type(exc).__name__}: {exc}") from exc


def _identity_modules():
    root = ROOT
    for family in sorted(p.name for p in root.iterdir() if p.is_dir() and (p / "__init__.py").exists()):
        if family in NOT_FAMILIES:
            continue
        for info in sorted(pkgutil.iter_modules([str(root / family)]), key=lambda i: i.name):
            if not info.name.startswith("_"):
                path = root / family / (f"{info.name}/__init__.py" if info.ispkg else f"{info.name}.py")
                yield family, path, _load(f"{PACKAGE}.{family}.{info.name}", path.resolve())


@lru_cache(maxsize=1)
def _catalog() -> tuple[tuple[Identity, ...], dict[str, Identity]]:
    found: list[Identity] = []
    where: dict[str, Path] = {}
    for family, path, module in _identity_modules():
        path = path.resolve()
        ident = getattr(module, "IDENTITY", None)
        if not isinstance(ident, Identity):
            raise BrokenModule(path, None, f"module {module.__name__} defines no IDENTITY = identity(...)")
        if ident.id in where:
            raise BrokenModule(path, _identity_line(path), f"id {ident.id!r} is already defined in "
                               f"{_shown(where[ident.id])}")
        where[ident.id] = path
        found.append(dataclasses.replace(ident, family=family, module=module.__name__, path=str(path),
                                         doc=module.__doc__ or ""))
    index: dict[str, Identity] = {i.id: i for i in found}
    for ident in found:
        broken = lambda message: BrokenModule(ident.path, _identity_line(Path(ident.path)),  # noqa: E731
                                              f"identity {ident.id!r}: {message}")
        for alias in ident.aliases:
            key = alias.lower()
            if key in index and index[key] is not ident:
                raise broken(f"alias {alias!r} is already taken by {index[key].id!r}")
            index[key] = ident
    for ident in found:   # after every alias is known: a renamed identity's old id is one of its aliases
        for other in ident.see_also:
            if other not in where and other.lower() not in index:
                raise BrokenModule(ident.path, _identity_line(Path(ident.path)),
                                   f"identity {ident.id!r}: see_also points to unknown id {other!r}")
    return tuple(found), index


def all_identities() -> tuple[Identity, ...]:
    """Every identity of the catalog, by family and module name."""
    return _catalog()[0]


def families() -> dict[str, tuple[Identity, ...]]:
    """Identities grouped by family, in catalog order."""
    out: dict[str, list[Identity]] = {}
    for ident in all_identities():
        out.setdefault(ident.family, []).append(ident)
    return {k: tuple(v) for k, v in out.items()}


def get(identity_id: str) -> Identity:
    """The identity with this id (or alias); an unknown id raises a KeyError naming close ids."""
    index = _catalog()[1]
    key = identity_id if identity_id in index else str(identity_id).lower()
    if key in index:
        return index[key]
    close = difflib.get_close_matches(key, list(index), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise UnknownIdentity(f"no identity {identity_id!r}{hint}")
