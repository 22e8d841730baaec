"""Word search over the index: ids, titles, aliases, Cookbook numbers, and the guide pages' terms.

One result per page.  Ranking (``docs/_static/lookup/words.js`` ranks the same way):

- the query spells an identity's id (``log det`` → log-det): 1000;
- it is an alias or a title, whole: 500;
- it names a Matrix Cookbook equation (``Cookbook 57``, ``eq. 108``, ``(108)``): 400, less the
  number's place among the identity's citations;
- it is a phrase of a page's terms (a heading, a term in bold: ``numerator layout``): 300, plus
  the score of its words below;
- otherwise each word found counts 30 in the id, 20 in the title or an alias, 15 in a page's terms,
  10 in the family, 3 in the summary (half for a word that only begins a word there), and the sum
  is multiplied by the square of the share of the query's words found.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["WordHit", "search", "words", "query_words", "STOPWORDS"]

STOPWORDS = frozenset("a an and the of in on for to with by is are what how from at as its".split())
_COOKBOOK = re.compile(r"^(?:matrix\s+)?(?:cookbook|eq\.?|eqn\.?|equation)?\s*(?:no\.?|#)?\s*\(?(\d{1,3})\)?$")


@dataclass
class WordHit:
    page: str
    title: str
    score: float
    snippet: str
    id: str | None = None


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    """The words of *text*, lowercase, accents dropped, short words and stopwords left out."""
    return [w for w in re.findall(r"[^\W_]+", _fold(text)) if w not in STOPWORDS]


def query_words(query: str) -> list[str]:
    """The words a query is searched by: a single letter names a matrix (the X of "log determinant
    X"), not a topic, so it counts only in a query of single letters."""
    found = words(query)
    topical = [w for w in found if len(w) > 1]
    return topical or found


def _phrase(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", _fold(text)))


def _documents(index: dict):
    for e in index["identities"]:
        yield {"page": e["page"], "title": e["title"], "id": e["id"], "names": [e["title"], *e["aliases"]],
               "terms": [], "family": e["family"], "summary": e["summary"], "cookbook": e["cookbook"],
               "snippet": e["statement"] or e["summary"]}
    for p in index["pages"]:
        yield {"page": p["page"], "title": p["title"], "id": None, "names": [p["title"]], "terms": p["terms"],
               "family": "", "summary": p["summary"], "cookbook": [], "snippet": p["summary"]}


def _count(query_words: list[str], field: list[str], weight: float) -> dict[str, float]:
    found = {}
    for q in query_words:
        if q in field:
            found[q] = weight
        elif len(q) >= 3 and any(w.startswith(q) for w in field):
            found[q] = weight / 2
    return found


def _score(doc: dict, query: str, qwords: list[str]) -> float:
    phrase = _phrase(query)
    if not phrase:
        return 0.0
    if doc["id"] is not None and "-".join(phrase.split()) == doc["id"].lower():
        return 1000.0
    if any(_phrase(n) == phrase for n in doc["names"]):
        return 500.0
    m = _COOKBOOK.match(phrase) if re.search(r"\d", phrase) else None
    if m:
        number = int(m.group(1))
        return 400.0 - doc["cookbook"].index(number) if number in doc["cookbook"] else 0.0
    term_phrase = 300.0 if len(qwords) > 1 and any(f" {phrase} " in f" {_phrase(t)} " for t in doc["terms"]) else 0.0
    fields = [(words(doc["id"] or ""), 30.0), (words(" ".join(doc["names"])), 20.0),
              (words(" ".join(doc["terms"])), 15.0), (words(doc["family"]), 10.0), (words(doc["summary"]), 3.0)]
    best: dict[str, float] = {}
    for field, weight in fields:
        for q, w in _count(qwords, field, weight).items():
            best[q] = best.get(q, 0.0) + w
    if not best:
        return term_phrase
    share = len(best) / len(qwords)
    return term_phrase + sum(best.values()) * share * share


def search(query: str, index: dict) -> list[WordHit]:
    """The pages whose words match *query*, best first, one per page."""
    qwords = query_words(query)
    hits = []
    for doc in _documents(index):
        score = _score(doc, query, qwords) if qwords else 0.0
        if score > 0:
            hits.append(WordHit(doc["page"], doc["title"], round(score, 6), doc["snippet"], doc["id"]))
    hits.sort(key=lambda h: (-h.score, h.page))
    return hits
