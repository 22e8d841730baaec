"""Look an identity up by a formula or by words, the same way on the command line and in the handbook.

Modules, one job each:

- ``parser``       a typed formula (ASCII, NumPy, LaTeX, Unicode) as a small tree; never executed
- ``evaluator``    the value and the shape of that tree at given matrices
- ``fingerprint``  the few numbers that stand for a value in the index, and when two agree
- ``index``        the index built from the catalog: draws, fingerprints, words (a JSON document)
- ``match``        formula search: the identities whose function or result the query equals
- ``words``        word search: ids, titles, aliases, Cookbook numbers, guide pages' terms

>>> from identities.lookup import find
>>> find("log|det X|")[0].id
'log-det'
>>> find("d(X^-1)")[0].id in ("inverse-differential", "inverse-jacobian")
True
>>> find("Cookbook 57")[0].id
'log-det'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .index import load
from .match import Matcher
from .parser import ParseError, looks_like_formula, parse
from .words import search as word_search

__all__ = ["Result", "find", "ParseError", "parse", "load"]


@dataclass
class Result:
    """One page found: the identity's id (None for a guide page), the page, its title, the score,
    how it matched (``formula`` or ``words``) and a line of readable text saying why."""

    id: str | None
    page: str
    title: str
    score: float
    kind: str
    why: str

    @property
    def name(self) -> str:
        """What a result line starts with: the id, or the page of a guide page."""
        return self.id or self.page

    def to_json(self) -> dict:
        return asdict(self)


_MATCHERS: dict[int, Matcher] = {}


def find(text: str, index: dict | None = None) -> list[Result]:
    """The identities and pages *text* is about, best first.  A formula (it has a bracket, an operator,
    ^, ᵀ, a LaTeX command, or reads as one: ``log det X``) is matched by value, ties broken by its
    words (``pinv(A)`` is the inverse on a square matrix, the pseudo-inverse by name); its letters are
    not searched as words (an "X" is in every page).  A formula that cannot be read raises
    :class:`ParseError`; plain words are matched as words, one result per page."""
    index = load() if index is None else index
    text = text.strip()
    if not text:
        raise ParseError("the query is empty", 1)
    results: list[Result] = []
    by_words = word_search(text, index)
    if looks_like_formula(text):
        query = parse(text)
        matcher = _MATCHERS.get(id(index))
        if matcher is None:
            _MATCHERS.clear()
            matcher = _MATCHERS[id(index)] = Matcher(index)
        entries = {e["id"]: e for e in index["identities"]}
        word_scores = {h.page: h.score for h in by_words}
        hits = sorted(matcher.search(query), key=lambda h: (-h.score, -word_scores.get(f"id/{h.id}", 0.0), h.id))
        for hit in hits:
            entry = entries[hit.id]
            why = hit.describe()
            if hit.what.startswith(("function", "equal")) and entry["statement"]:  # and what it says of it
                why += f" · {entry['statement']}"
            results.append(Result(hit.id, f"id/{hit.id}", entry["title"], hit.score, "formula", why))
        return results
    seen: set[str] = set()
    for hit in by_words:
        if hit.page not in seen:
            seen.add(hit.page)
            results.append(Result(hit.id, hit.page, hit.title, hit.score, "words", hit.snippet))
    return results
