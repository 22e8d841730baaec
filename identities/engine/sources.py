"""Where an identity comes from: an entry of the catalog's bibliography and a place inside that work.

Sources are data, not prose: each is a key into ``identities/references.bib`` with a locator (an
equation, a section, a page), so a page can link and format them, a test can check that every key
resolves, and the Matrix Cookbook equation numbers an identity states can be listed and mapped.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pybtex.database import parse_file
from pybtex.richtext import Text

__all__ = ["Source", "COOKBOOK", "BIBLIOGRAPHY", "bibliography", "known_key", "authors_year", "title_of",
           "citation"]

#: The bibliography every identity cites from (BibTeX).
BIBLIOGRAPHY = Path(__file__).resolve().parents[1] / "references.bib"
#: The key of the Matrix Cookbook, version of November 15, 2012: its equation numbers are data.
COOKBOOK = "petersen2012cookbook"


@dataclass(frozen=True)
class Source:
    """One work an identity is taken from.

    key        the BibTeX key in the catalog's bibliography (``giles2008extended``)
    locator    where in the work: ``"§3.2"``, ``"p. 209"``, ``"eq. (5.9)"``; may be empty
    equations  for the Matrix Cookbook only: the numbers of the displayed equations whose formula
               the identity states (2012 numbering), e.g. ``(43, 57)``
    """

    key: str
    locator: str = ""
    equations: tuple[int, ...] = ()

    @property
    def where(self) -> str:
        """The locator in words: the Cookbook's equation numbers first, then the locator."""
        parts = []
        if self.equations:
            numbers = ", ".join(f"({n})" for n in self.equations)
            parts.append(("eqs. " if len(self.equations) > 1 else "eq. ") + numbers)
        if self.locator:
            parts.append(self.locator)
        return ", ".join(parts)


@lru_cache(maxsize=1)
def bibliography():
    """The parsed bibliography (pybtex entries by key)."""
    return parse_file(str(BIBLIOGRAPHY), bib_format="bibtex").entries


def known_key(key: str) -> str | None:
    """None if *key* is in the bibliography, else a sentence naming close keys."""
    entries = bibliography()
    if key in entries:
        return None
    close = difflib.get_close_matches(key, list(entries), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    return f"no entry {key!r} in {BIBLIOGRAPHY.name}{hint}"


def _surname(person) -> str:
    return Text.from_latex(" ".join(person.last_names)).render_as("text")


def authors_year(key: str) -> str:
    """``Giles (2008)``, ``Magnus & Neudecker (2019)``, ``Vaswani et al. (2017)``."""
    entry = bibliography()[key]
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [_surname(p) for p in people]
    who = names[0] if len(names) == 1 else " & ".join(names) if len(names) == 2 else f"{names[0]} et al."
    return f"{who} ({entry.fields.get('year', 'n.d.')})"


def title_of(key: str) -> str:
    """The work's title as plain text: BibTeX's protective braces dropped, accents in Unicode."""
    return Text.from_latex(bibliography()[key].fields["title"]).render_as("text")


def citation(source: Source) -> str:
    """One line for a page or a terminal: ``Petersen & Pedersen (2012), The Matrix Cookbook, eq. (57)``."""
    where = source.where
    return f"{authors_year(source.key)}, {title_of(source.key)}" + (f", {where}" if where else "")
