"""The catalog as data: every identity, its statement in every layout, its code and its verification record.

``python -m identities export --format json`` prints it; the handbook ships the same document at
``catalog.json`` at the site's root, with ``catalog.schema.json`` (the JSON Schema it follows,
committed as ``identities/catalog.schema.json``) beside it. Everything in it is printed from the
registry, as the pages are: LaTeX and Unicode of each claim in each layout, the NumPy code the
checker runs and the same functions in JAX and PyTorch, the sources with their locators and Matrix
Cookbook numbers, and the verification report at seed 0, read from the verification cache like
everywhere else.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import sympy as sp

from . import citing, ids
from .edition import TITLE, edition
from .engine.conditions import CONDITIONS
from .engine.forms import LAYOUTS, code_listing, definitions, forms, where
from .engine.printing import CodeUnavailable, latex, unicode
from .engine.registry import all_identities
from .engine.sources import authors_year, citation, title_of

__all__ = ["SCHEMA", "FORMAT", "SEED", "catalog", "identity_record", "dumps"]

#: The JSON Schema the export follows.
SCHEMA = Path(__file__).resolve().parent / "catalog.schema.json"
#: The version of the export's layout: it changes when a field changes meaning or disappears.
FORMAT = 1
#: The seed of the verification record exported (the one the pages show).
SEED = 0


def _number(x: float) -> float | None:
    """A float JSON can hold (NaN and infinities are not numbers in JSON)."""
    return float(x) if math.isfinite(x) else None


def _shape(shape) -> list[str]:
    return [unicode(sp.sympify(s)) for s in shape]


def _expr_shape(expr) -> list[str]:
    return _shape(expr.shape) if getattr(expr, "is_Matrix", False) else []


def _symbol(v) -> dict:
    return {
        "name": v.name,
        "latex": latex(v.symbol),
        "shape": [] if v.is_scalar else _shape(v.shape),
        "role": v.role,
        "description": v.description,
        "conditions": list(v.conditions),
        "structure": v.structure,
        "complex": v.is_complex,
    }


def _claim(ident, claim) -> dict:
    return {
        "kind": claim.kind,
        "wrt": getattr(claim.wrt, "name", None),
        "vec": claim.vec if claim.kind in ("jacobian", "hessian") else None,
        "convention": claim.convention,
        "of": claim.of,
        "forms": [{"layout": f.layout, "label": f.label, "latex": f.latex, "unicode": f.unicode,
                   "shape": _expr_shape(f.expr), "transposed": f.transposed,
                   "vec": f.vec if claim.kind in ("jacobian", "hessian") else None}
                  for f in forms(ident, claim)],
    }


def _code(ident, backend: str) -> str | dict:
    """The identity's code in *backend*'s library, or what says it is not available (as the page does)."""
    try:
        return code_listing(ident, backend)
    except CodeUnavailable as exc:
        return {"unavailable": exc.notice}


def _source(s) -> dict:
    return {"key": s.key, "locator": s.locator, "equations": list(s.equations), "where": s.where,
            "work": title_of(s.key), "authors_year": authors_year(s.key), "citation": citation(s)}


def _verification(ident) -> dict:
    from .engine.cache import verify  # the cached report, as the pages and the command line read it
    report = verify(ident, seed=SEED)
    return {
        "seed": report.seed,
        "ok": report.ok,
        "checks": len(report.rows),
        "passed": sum(r.ok for r in report.rows),
        "methods": list(report.methods),
        "sizes": list(report.sizes),
        "max_rel_error": _number(report.max_rel_error),
        "rows": [{"what": r.what, "ok": r.ok, "method": r.method, "rel_error": _number(r.rel_error),
                  "tolerance": _number(r.tolerance), "sizes": r.sizes, "detail": r.detail} for r in report.rows],
    }


def identity_record(ident, base: str = "", old_ids: tuple[str, ...] = (), first: ids.Fingerprint | None = None
                    ) -> dict:
    """One identity as a JSON object (see ``catalog.schema.json`` for each field)."""
    return {
        "id": ident.id,
        "old_ids": list(old_ids),
        "aliases": list(ident.aliases),
        "title": ident.title,
        "family": ident.family,
        "url": citing.permalink(ident.id, base),
        "first_published": first.version if first else None,
        "fingerprint": ids.fingerprint(ident),
        "statement": {
            "definitions": [text for text, _ in definitions(ident)],
            "claims": [forms(ident, c)[0].latex for c in ident.claims],
            "where": [text for text, _ in where(ident)],
            "unicode": [text for _, text in definitions(ident)] + [forms(ident, c)[0].unicode for c in ident.claims],
        },
        "results": [_claim(ident, c) for c in ident.claims],
        "symbols": [_symbol(v) for v in ident.symbols],
        "outputs": [{"name": name, "shape": _expr_shape(expr)} for name, expr in ident.outputs],
        "conditions": [{"symbol": name, "condition": c, "words": CONDITIONS[c].words,
                        "formula": CONDITIONS[c].symbol.format(name)} for name, c in ident.conditions],
        "sources": [_source(s) for s in ident.sources],
        "cookbook": list(ident.cookbook),
        "see_also": list(ident.see_also),
        "numpy": code_listing(ident),
        "jax": _code(ident, "jax"),
        "torch": _code(ident, "torch"),
        "verification": _verification(ident),
    }


def catalog(base: str = "") -> dict:
    """The whole catalog as one JSON document; ``base`` is the site's address (relative URLs without)."""
    ed = edition()
    moved = ids.moved()
    prints = ids.fingerprints()
    records = [identity_record(i, base, tuple(old for old, new in moved.items() if new == i.id), prints.get(i.id))
               for i in all_identities()]
    return {
        "format": FORMAT,
        "title": TITLE,
        "version": ed.version,
        "released": ed.released,
        "license": ed.license,
        "base_url": base or None,
        "layouts": list(LAYOUTS),
        "count": len(records),
        "identities": records,
    }


def dumps(document: dict) -> str:
    """The JSON text: UTF-8 as it is (formulas carry Unicode), keys in a fixed order, a final newline."""
    return json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False) + "\n"
