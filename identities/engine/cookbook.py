"""The Matrix Cookbook map: every equation of the Cookbook's derivative chapter, and the identities that state it.

The equations are data (``identities/cookbook_equations.toml``): number, section, what it says, whether
it is a real-valued derivative, whether its number was confirmed against a source that prints the
numbers, and, for an equation no identity will state, why.  Which identities state an equation is
never typed there: it is read from their ``cookbook(...)`` sources, so the map follows the catalog.

>>> from identities import all_identities
>>> eq = equations()[57]
>>> eq.section, eq.confirmed
('2.1.4', True)
>>> "log-det" in stated_by(all_identities())[57]
True
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .record import DefinitionError

__all__ = ["Equation", "CookbookDataError", "DATA", "CHAPTER", "EDITION", "equations", "sections", "sources",
           "stated_by", "by_identity", "unmapped"]

#: The data file, shipped inside the package.
DATA = Path(__file__).resolve().parents[1] / "cookbook_equations.toml"
#: The derivative chapter: every one of these numbers has an entry.
CHAPTER = range(33, 145)
#: The edition whose numbers the catalog cites.
EDITION = "The Matrix Cookbook, Petersen & Pedersen, version of November 15, 2012"

_FIELDS = {"number", "section", "statement", "real_derivative", "confirmed", "confirmed_by", "left_out", "note"}
_REQUIRED = {"number", "section", "statement", "real_derivative", "confirmed", "confirmed_by"}


class CookbookDataError(DefinitionError):
    """The data file of the Cookbook map is inconsistent; the message names the file and the equation."""


@dataclass(frozen=True)
class Equation:
    """One numbered equation of the Cookbook.

    number           its number in the 2012 edition
    section          the subsection it is printed in (``"2.5.2"``); its title in :func:`sections`
    statement        what it says, in words and Unicode
    real_derivative  a derivative of a real function of real matrices (what the catalog means to state)
    confirmed        its number and content were read side by side in the sources ``confirmed_by``
    left_out         why no identity will state it (None: an identity states it, or should)
    note             a slip or silent condition of the printed formula ("" if none)
    """

    number: int
    section: str
    statement: str
    real_derivative: bool
    confirmed: bool
    confirmed_by: tuple[str, ...]
    left_out: str | None = None
    note: str = ""

    @property
    def label(self) -> str:
        return f"({self.number})"


def _refuse(message: str):
    raise CookbookDataError(f"{DATA.name}: {message}")


@lru_cache(maxsize=1)
def _load() -> tuple[dict[int, Equation], dict[str, str], dict[str, str]]:
    try:
        data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        _refuse(f"cannot be read: {exc}")
    known_sources, titles = data.get("confirmed_by", {}), data.get("sections", {})
    found: dict[int, Equation] = {}
    for entry in data.get("equation", []):
        number = entry.get("number")
        where = f"equation ({number})"
        if not isinstance(number, int):
            _refuse(f"an equation has no integer number: {entry!r}")
        if number in found:
            _refuse(f"{where} is listed twice")
        if set(entry) - _FIELDS or _REQUIRED - set(entry):
            _refuse(f"{where} has unknown fields {sorted(set(entry) - _FIELDS)} or lacks {sorted(_REQUIRED - set(entry))}")
        if entry["section"] not in titles:
            _refuse(f"{where} is in section {entry['section']!r}, which has no title in [sections]")
        unknown = [k for k in entry["confirmed_by"] if k not in known_sources]
        if unknown:
            _refuse(f"{where} is confirmed by {unknown}, which [confirmed_by] does not describe")
        if entry["confirmed"] and not entry["confirmed_by"]:
            _refuse(f"{where} is marked confirmed without naming the source it was read in")
        left_out = entry.get("left_out")
        if left_out is not None and not left_out.strip():
            _refuse(f"{where} is left out without a reason")
        if number in CHAPTER and not entry["real_derivative"] and left_out is None:
            _refuse(f"{where} is not a real-valued derivative, so no identity states it as one: say why in left_out")
        found[number] = Equation(number, entry["section"], entry["statement"], entry["real_derivative"],
                                 entry["confirmed"], tuple(entry["confirmed_by"]), left_out, entry.get("note", ""))
    missing = [n for n in CHAPTER if n not in found]
    if missing:
        _refuse(f"the derivative chapter runs from ({CHAPTER[0]}) to ({CHAPTER[-1]}); missing: {missing}")
    return dict(sorted(found.items())), dict(titles), dict(known_sources)


def equations() -> dict[int, Equation]:
    """Every equation of the map by number: the chapter (33)–(144) and the numbers cited outside it."""
    return _load()[0]


def sections() -> dict[str, str]:
    """The title of each section an equation is printed in."""
    return _load()[1]


def sources() -> dict[str, str]:
    """What each key of ``Equation.confirmed_by`` names: the source the number was read in."""
    return _load()[2]


def stated_by(idents) -> dict[int, tuple[str, ...]]:
    """Equation number → the ids of the identities among *idents* that cite it, in catalog order
    (numbers cited but absent from the data are included, so that a test can name them)."""
    out: dict[int, list[str]] = {}
    for ident in idents:
        for number in dict.fromkeys(ident.cookbook):
            out.setdefault(number, []).append(ident.id)
    return {n: tuple(ids) for n, ids in sorted(out.items())}


def by_identity(idents) -> dict[str, tuple[int, ...]]:
    """Identity id → the Cookbook numbers it cites, for the identities that cite any."""
    return {ident.id: ident.cookbook for ident in idents if ident.cookbook}


def unmapped(idents) -> tuple[int, ...]:
    """The real-valued derivative equations of the chapter that no identity among *idents* states and
    that the data does not leave out with a reason."""
    cited = stated_by(idents)
    return tuple(n for n in CHAPTER if (eq := equations()[n]).real_derivative and eq.left_out is None
                 and n not in cited)
