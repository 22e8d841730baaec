"""The shapes the conventions tables state are computed from the object each cell names."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import sympy as sp

from docs_site import EXT  # noqa: E402

if str(EXT) not in sys.path:
    sys.path.insert(0, str(EXT))
pytest.importorskip("sphinx")

from handbook.conventions import claims, stored  # noqa: E402

from identities.engine.forms import forms  # noqa: E402


def _size(shape) -> sp.Expr:
    return sp.Mul(*shape)


@pytest.mark.parametrize("kind", ["gradient", "vjp", "jacobian", "differential"])
def test_the_stored_shape_is_the_shape_of_the_stored_object(kind):
    """A gradient or VJP has the input's shape; a Jacobian is (entries of F) × (entries of X) and is
    exactly the matrix the catalog stores; a differential has the output's shape."""
    seen = 0
    for ident, claim in claims():
        if claim.kind != kind or ident.several_outputs:
            continue
        words, shape = stored(ident, claim)
        house = forms(ident, claim)[0].expr
        house_shape = house.shape if getattr(house, "is_Matrix", False) else (1, 1)
        assert sp.simplify(_size(shape) - _size(house_shape)) == 0, (ident.id, words, shape, house_shape)
        assert tuple(sp.simplify(a - b) for a, b in zip(shape, house_shape)) == (0, 0), (ident.id, shape, house_shape)
        if kind == "jacobian":
            out = ident.function.shape if getattr(ident.function, "is_Matrix", False) else (1, 1)
            assert sp.simplify(shape[0] - _size(out)) == 0 and sp.simplify(shape[1] - _size(claim.wrt.shape)) == 0
        seen += 1
    assert seen, f"no {kind} claim of an unstructured real matrix in the catalog"
