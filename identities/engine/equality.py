"""Checking an algebraic identity: do two expressions agree at a point, within the rounding they can make there?

Two floating-point evaluations of equal expressions differ by rounding, and that rounding is
amplified by the point's conditioning (Woodbury's inverses near singularity, a determinant of an
ill-conditioned matrix).  No fixed tolerance separates the two, so the allowance is measured, as
the gradient checker's precision ladder does, by two probes:

* **conditioning** — nudge every input by one single-precision unit δ (random and relative) and see
  how far each side moves.  A stable computation commits errors equivalent to input changes of the
  working precision ε, so the movement times ε/δ estimates the error of each side;
* **rounding** — evaluate both sides again with the inputs in single precision: the error of a
  computation grows with the precision's ε, so the single-precision values' distance from the
  double-precision ones, times ε₆₄/ε₃₂, estimates the double-precision error.  This sees what the
  nudge cannot: a side that is exactly invariant (inv(A)·A = I) yet computed with rounding that the
  conditioning amplifies.  A side that computes in double precision whatever its inputs gives no
  estimate here.

The allowance is a margin times the larger estimate, plus a floor of rounding units of the two
sides' size.  A residual outside the allowance **failed**; inside it, the check **passed** if the
allowance is narrow enough to judge (at most ``JUDGEABLE`` of the sides' size), else it is
**inconclusive** and says why.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from .checks.calls import DOMAIN_ERRORS, FunctionError, Session
from .checks.inputs import EPS64, Refused, arguments_of, callable_of, claimed_array, seed_of, timeout_of
from .checks.judge import JUDGEABLE, LADDER_SAFETY, ROUNDING_UNITS
from .checks.ladder import NUDGE as LADDER_NUDGE
from .checks.ladder import nudgeable
from .checks.run import DEFAULT_TIMEOUT
from .checks.verdict import FAILED, INCONCLUSIVE, PASSED, Check

__all__ = ["check_equal", "EQUALITY", "NUDGES"]

#: ``Check.method`` of an equality check: both sides evaluated, no derivative measured.
EQUALITY = "equality"
#: Independent nudges of the inputs (one may move the sides little by chance).
NUDGES = 2
#: A single-precision value this far (relative) from the double-precision one kept no digit worth
#: scaling: the point is too ill-conditioned for that precision, and the estimate may fall short.
SATURATED = 1e-2
_NAME = "check_equal"

#: Classic ways to get an algebraic identity wrong, as corrections of the right-hand side.
_DIAGNOSES: tuple[tuple[str, Callable[[np.ndarray], np.ndarray]], ...] = (
    ("sign: the negative of the right-hand side equals the left", lambda R: -R),
    ("factor 2: the right-hand side is twice the left", lambda R: R / 2),
    ("factor ½: the right-hand side is half the left", lambda R: 2 * R),
    ("transposed: the transpose of the right-hand side equals the left", lambda R: R.T),
)


def _value(raw, what: str) -> tuple[np.ndarray, float]:
    """One side as an array of numbers (real or complex) and the precision it was computed in."""
    return claimed_array(raw, what, complex_ok=True)


def check_equal(lhs: Callable, rhs: Callable, *args, seed: int = 0,
                timeout: float | None = DEFAULT_TIMEOUT) -> Check:
    """Check that ``lhs(*args)`` equals ``rhs(*args)`` within the rounding both sides can make at this point.

    Arguments are copied before every call, as by the gradient checks.

    >>> import numpy as np
    >>> A = np.array([[3.0, 1.0], [0.5, 2.0]]); u = np.array([[1.0], [2.0]]); v = np.array([[0.5], [1.0]])
    >>> inv = np.linalg.inv
    >>> sm = lambda A, u, v: inv(A) - inv(A) @ u @ v.T @ inv(A) / (1 + v.T @ inv(A) @ u)
    >>> check_equal(lambda A, u, v: inv(A + u @ v.T), sm, A, u, v).verdict
    'passed'
    >>> check_equal(lambda A, u, v: inv(A + u @ v.T), lambda A, u, v: inv(A) - inv(A) @ u @ v.T @ inv(A), A, u, v).verdict
    'failed'
    """
    callable_of(lhs, "the left-hand side", _NAME)
    callable_of(rhs, "the right-hand side", _NAME)
    seed = seed_of(seed, _NAME)
    timeout = timeout_of(timeout, _NAME)
    private = arguments_of(args, (), _NAME)
    session = Session(_NAME, lhs, rhs, "the right-hand side", timeout)
    try:
        raw = session.derivative(private, "the given point")
    except FunctionError as exc:
        if not isinstance(exc.__cause__, ValueError):   # NumPy's shape errors: the formula does not compose
            raise
        return _failed(session, seed, "the right-hand side could not be evaluated at these shapes: "
                       + str(exc.__cause__).splitlines()[0])
    try:
        (L, eps_l), (R, eps_r) = _value(session.function(private, "the given point"), "the left-hand side"), \
            _value(raw, "the right-hand side")
    except Refused as exc:
        return _failed(session, seed, f"{exc} at the given point")
    eps = max(eps_l, eps_r)
    if L.shape != R.shape:
        return _failed(session, seed, f"the sides have different shapes: {L.shape} and {R.shape}")
    size = float(np.sum(np.abs(L)) + np.sum(np.abs(R))) or np.finfo(float).tiny
    rounding, saturated = _single(session, private, L, R)
    estimate = max(_movement(session, private, L, R, seed) * eps / LADDER_NUDGE, rounding)
    allowed = LADDER_SAFETY * estimate + ROUNDING_UNITS * eps * size
    residual = float(np.sum(np.abs(L - R)))
    rel, tol = residual / size, allowed / size
    if residual > allowed and saturated:
        reason = (f"the sides differ by {rel:.1e} of their size, but single precision loses every digit at this "
                  "point (an ill-conditioned point), so the rounding error of double precision cannot be bounded "
                  "and a difference this size may be rounding")
        return Check(INCONCLUSIVE, rel, tol, session.calls, EQUALITY, reason=reason, seed=seed, shapes=(L.shape,))
    if residual > allowed:
        return Check(FAILED, rel, tol, session.calls, EQUALITY, diagnosis=_diagnose(L, R, allowed), seed=seed,
                     shapes=(L.shape,))
    if tol > JUDGEABLE:
        reason = (f"the two sides can only be compared to {tol:.1e} of their size at this point (nudging the "
                  f"inputs by one single-precision unit moves them that much: an ill-conditioned point), wider "
                  f"than the {JUDGEABLE:.0e} a pass requires")
        return Check(INCONCLUSIVE, rel, tol, session.calls, EQUALITY, reason=reason, seed=seed, shapes=(L.shape,))
    return Check(PASSED, rel, tol, session.calls, EQUALITY, seed=seed, shapes=(L.shape,))


def _movement(session: Session, args: list, L: np.ndarray, R: np.ndarray, seed: int) -> float:
    """How far both sides move, at most, when the inputs are nudged by one single-precision unit."""
    rng = np.random.default_rng([seed, 3])
    moved = 0.0
    for k in range(NUDGES):
        nudged = [a * (1 + LADDER_NUDGE * rng.standard_normal(np.shape(a))) if nudgeable(a, i, ()) else a
                  for i, a in enumerate(args)]
        purpose = f"nudge {k + 1} of the inputs"
        try:
            L2, _ = _value(session.function(nudged, purpose), "the left-hand side")
            R2, _ = _value(session.derivative(nudged, purpose), "the right-hand side")
        except (Refused, FunctionError) as exc:
            if isinstance(exc, FunctionError) and not isinstance(exc.__cause__, DOMAIN_ERRORS):
                raise
            return np.inf   # a nudge left the domain: the point is too ill-conditioned to bound the error
        moved = max(moved, float(np.sum(np.abs(L2 - L)) + np.sum(np.abs(R2 - R))))
    return moved


def _single(session: Session, args: list, L: np.ndarray, R: np.ndarray) -> tuple[float, bool]:
    """The double-precision error of both sides estimated from a single-precision evaluation (nothing
    from a side that computes in double precision anyway), and whether single precision lost (nearly)
    every digit here, so that the estimate may fall short of the truth."""
    lowered = [a.astype(np.complex64 if a.dtype.kind == "c" else np.float32) if isinstance(a, np.ndarray)
               and nudgeable(a, i, ()) else a for i, a in enumerate(args)]
    estimate, saturated = 0.0, False
    for call, exact in ((session.function, L), (session.derivative, R)):
        try:
            low = np.asarray(call(lowered, "a single-precision evaluation"))
        except FunctionError as exc:
            if not isinstance(exc.__cause__, DOMAIN_ERRORS):
                raise
            saturated = True   # singular or overflowing in single precision
            continue
        if low.dtype in (np.float32, np.complex64) and low.shape == exact.shape:
            gap = float(np.sum(np.abs(low - exact)))
            saturated |= not np.isfinite(gap) or gap > SATURATED * max(float(np.sum(np.abs(exact))), np.finfo(float).tiny)
            estimate += gap * EPS64 / float(np.finfo(low.dtype).eps) if np.isfinite(gap) else 0.0
    return estimate, saturated


def _diagnose(L: np.ndarray, R: np.ndarray, allowed: float) -> str | None:
    for label, correct in _DIAGNOSES:
        try:
            fixed = correct(R)
        except ValueError:
            continue
        if fixed.shape == L.shape and float(np.sum(np.abs(L - fixed))) <= allowed and not np.array_equal(fixed, R):
            return label
    return "no classic mistake (sign, factor 2 or ½, transpose) explains the difference"


def _failed(session: Session, seed: int, diagnosis: str) -> Check:
    return Check(FAILED, float("inf"), 0.0, session.calls, EQUALITY, diagnosis=diagnosis, seed=seed)
