"""Find every identity module, check the catalog as a whole, and look identities up by id or alias."""

from __future__ import annotations

import dataclasses
import difflib
import importlib
import pkgutil
from functools import lru_cache
from pathlib import Path

from .record import DefinitionError, Identity

__all__ = ["all_identities", "get", "families", "UnknownIdentity"]

PACKAGE = "identities"
_NOT_FAMILIES = {"engine"}


class UnknownIdentity(KeyError):
    """No identity has this id or alias; the message suggests close ids."""

    def __str__(self) -> str:  # KeyError would quote the whole message
        return self.args[0]


def _identity_modules():
    root = Path(__file__).resolve().parent.parent
    for family in sorted(p.name for p in root.iterdir() if p.is_dir() and (p / "__init__.py").exists()):
        if family in _NOT_FAMILIES:
            continue
        for info in sorted(pkgutil.iter_modules([str(root / family)]), key=lambda i: i.name):
            if not info.name.startswith("_"):
                yield family, importlib.import_module(f"{PACKAGE}.{family}.{info.name}")


@lru_cache(maxsize=1)
def _catalog() -> tuple[tuple[Identity, ...], dict[str, Identity]]:
    found: list[Identity] = []
    where: dict[str, str] = {}
    for family, module in _identity_modules():
        ident = getattr(module, "IDENTITY", None)
        if not isinstance(ident, Identity):
            raise DefinitionError(f"module {module.__name__} defines no IDENTITY = identity(...)")
        if ident.id in where:
            raise DefinitionError(f"id {ident.id!r} is defined twice: in {where[ident.id]} and {module.__name__}")
        where[ident.id] = module.__name__
        found.append(dataclasses.replace(ident, family=family, module=module.__name__,
                                         path=str(Path(module.__file__).resolve()), doc=module.__doc__ or ""))
    index: dict[str, Identity] = {i.id: i for i in found}
    for ident in found:
        for alias in ident.aliases:
            key = alias.lower()
            if key in index and index[key] is not ident:
                raise DefinitionError(f"alias {alias!r} of {ident.id!r} is already taken by {index[key].id!r}")
            index[key] = ident
        for other in ident.see_also:
            if other not in where:
                raise DefinitionError(f"identity {ident.id!r}: see_also points to unknown id {other!r}")
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
