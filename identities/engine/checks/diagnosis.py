"""Naming the classic mistake behind a failed check: each hypothesis is a corrected claim, and the
first one that passes where the claim failed is the diagnosis.

The hypotheses call the user's derivative on variants (a transposed constant argument); a variant
that cannot be formed, or raises, is simply not the explanation.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from .calls import FunctionError
from ..structures import CONVENTIONS
from .claims import Claim
from .inputs import EPS64, Refused
from .judge import JUDGEABLE, ROUNDING_UNITS, Direction, passes, scale

__all__ = ["hypotheses", "diagnose", "NO_DIAGNOSIS"]

NO_DIAGNOSIS = ("no classic mistake (transpose, sign, factor 2 or ½, symmetric part, vec order) explains "
                "the difference")

Hypothesis = tuple[str, Callable[[list, object, tuple], tuple[float, float]]]   # (claimed scalar, its scale)

_SCALINGS = (
    ("sign: the negative of your answer passes", -1.0),
    ("factor 2: your answer is twice the derivative", 0.5),
    ("factor ½: your answer is half the derivative", 2.0),
)

_TRANSPOSED = {
    "check_gradient": "transposed: the transpose of your answer passes (X⁻¹ where X⁻ᵀ is needed, or numerator layout)",
    "check_jacobian": "transposed: denominator layout (rows must index outputs)",
}


def _vec_permutation(shape: tuple[int, ...]) -> np.ndarray:
    """Indices p with vec_C(X) = vec_F(X)[p] for an array of this shape."""
    size = int(np.prod(shape)) if shape else 1
    return np.arange(size).reshape(shape, order="F").reshape(-1) if len(shape) > 1 else np.arange(size)


def _other_order(M: np.ndarray, out_shape, in_shape, order: str) -> np.ndarray:
    """The matrix M re-expressed in the other vec order (rows and columns both permuted)."""
    po, pi = _vec_permutation(out_shape), _vec_permutation(in_shape)
    if order == "F":
        return M[np.ix_(po, pi)]
    return M[np.ix_(np.argsort(po), np.argsort(pi))]


def _square_non_symmetric(args, skip) -> list[int]:
    return [i for i, a in enumerate(args) if i not in skip and isinstance(a, np.ndarray) and a.ndim == 2
            and a.shape[0] == a.shape[1] > 1 and a.dtype.kind == "f" and not np.allclose(a, a.T)]


def hypotheses(claim: Claim, args: list) -> list[Hypothesis]:
    """The classic mistakes for this check, most specific first."""
    kind, order = claim.kind, claim.order
    other = "C" if order == "F" else "F"
    out: list[Hypothesis] = []

    def transformed(fn, o=None):
        return lambda a, W, V: claim(a, W, V, transform=fn, order=o, purpose="testing a diagnosis")[:2]

    def scaled(k):
        def run(a, W, V):
            c, s, _ = claim(a, W, V, purpose="testing a diagnosis")
            return k * c, abs(k) * s
        return run

    value = claim.value(args, None, None) if kind.extra is None else None
    X = args[claim.positions[0]]
    if claim.convention is not None:
        out.append(_other_convention(claim))
    if kind.order == 2:
        out.append(("missing symmetric part: ½(H + Hᵀ) of your answer passes", transformed(lambda M: (M + M.T) / 2)))
        out.append((f"other vec order: your matrix is right for vec={other!r}", transformed(lambda M: M, other)))
    elif kind.exact:
        out.append((f"other vec order: your matrix is right for vec={other!r}", transformed(lambda M: M, other)))
        to_other = (lambda M: _other_order(M, claim.y0.shape, np.shape(X), order))
        out.append((f"other vec order: your matrix converted to vec={other!r} passes", transformed(to_other)))
        if kind.square(claim.y0, X, value):
            out.append((_TRANSPOSED["check_jacobian"], transformed(lambda M: M.T)))
    elif kind.square(claim.y0, X, value):
        label = _TRANSPOSED.get(kind.name, "transposed: the transpose of your answer passes")
        out.append((label, transformed(lambda M: M.T)))
    out += [(label, scaled(k)) for label, k in _SCALINGS]
    if value is not None and np.iscomplexobj(value):
        out.append(("conjugated: the complex conjugate of your answer passes (the gradient of a real f is "
                    "∂f/∂Re Z + i ∂f/∂Im Z)", transformed(np.conj)))
    if not (kind.exact and kind.order == 1):
        out += _symmetric_part(claim, args)
    return out


def _other_convention(claim: Claim) -> Hypothesis:
    """A structured variable's gradient stated in the other published convention (the symmetric
    gradient for the free-entry derivative, or the reverse): the classic confusion between them."""
    other = "free" if claim.convention == "sym" else "sym"

    def under_other(a, W, V):
        paired = claim.structure.pair(claim.value(a, W, V, purpose="testing a diagnosis"), V[0], other)
        return paired[0], paired[1]
    return (f"other convention: your matrix is {CONVENTIONS[other]} (convention={other!r}), not "
            f"{CONVENTIONS[claim.convention]}", under_other)


def _symmetric_part(claim: Claim, args: list) -> list[Hypothesis]:
    """For each square constant argument A: does averaging the claim at A and Aᵀ pass?  (The
    2AX-for-(A + Aᵀ)X mistake: right only when A is symmetric.)"""
    out = []
    for i in _square_non_symmetric(args, set(claim.positions)):
        swapped = list(args)
        swapped[i] = args[i].T.copy()

        def averaged(a, W, V, swapped=swapped):
            c1, s1, _ = claim(a, W, V, purpose="testing a diagnosis")
            c2, s2, _ = claim(swapped, W, V, purpose="testing a diagnosis with a transposed argument")
            return 0.5 * (c1 + c2), 0.5 * (s1 + s2)
        out.append((f"missing symmetric part: your answer is right only when argument {i} is symmetric; "
                     f"use its symmetric part (e.g. (A + Aᵀ)X, not 2AX)", averaged))
    return out


def diagnose(claim: Claim, args: list, dirs: list[Direction]) -> str:
    """Name the classic mistake whose correction makes the claim pass, if one does (and only where
    the allowance is narrow enough to tell the mistakes apart)."""
    coarse = max(d.allowance / scale(d) for d in dirs)
    if coarse > max(JUDGEABLE, 10 * ROUNDING_UNITS * claim.eps):   # (a float32 claim is judged at its precision)
        return (f"no diagnosis: the measurement is too coarse here ({coarse:.1e} of the derivative's scale) "
                "to tell the classic mistakes apart")
    try:
        candidates = hypotheses(claim, args)
    except (FunctionError, Refused, ValueError):
        return NO_DIAGNOSIS
    for label, hypothesis in candidates:
        try:
            values = [hypothesis(args, d.W, d.V) for d in dirs]
        except (FunctionError, Refused, ValueError, IndexError, TypeError):
            continue
        if all(passes(d, c, max(d.allowance, ROUNDING_UNITS * EPS64 * s)) for d, (c, s) in zip(dirs, values)):
            return label
    return NO_DIAGNOSIS
