"""The public checker: is a claimed derivative right, how sure are we, and if wrong, what went wrong.

All five checks reduce to scalars along random Gaussian directions (never ±1, never non-negative):

==================  ==========================================  =======================================
check               measured (numerically)                       claimed (from the user's formula)
==================  ==========================================  =======================================
check_gradient      Df(X)[V]                                     ⟨G, V⟩
check_differential  ⟨W, DF(X)[V]⟩                                ⟨W, dF(X, V)⟩
check_jacobian      ⟨W, DF(X)[V]⟩                                vec(W)ᵀ J vec(V)    (vec order "F"/"C")
check_vjp           ⟨Ȳ, DF(X)[V]⟩                                ⟨vjp(X, Ȳ), V⟩
check_hessian       D²f(X)[U, V], U and V independent            vec(U)ᵀ H vec(V)
==================  ==========================================  =======================================

**Error model.** Let s = Σ|W ⊙ claim| be the rounding scale of the claimed inner product
(eps·s is one rounding unit u).  A complex-step measurement of a correct derivative lands within
``ROUNDING_UNITS``·u on well-conditioned data (measured ≤ 0.82 u at κ ≤ 10 for plain linear algebra;
library approximations such as ``scipy.linalg.expm``'s Padé step reach ≈ 5e3 u).  Beyond that the check
runs a *precision ladder*: both sides again in single precision.  Their change, scaled by
eps₆₄/eps₃₂, estimates the double-precision error that conditioning causes (it grows ≈ κ·u on both
sides); ``LADDER_SAFETY`` times that estimate is allowed.  (The "single precision" is emulated by a
random relative nudge of the inputs of one float32 unit, computed in float64, so the ladder needs
no float32 support from the function and cannot underflow.)  A wrong derivative does not move with the
precision, so it stays rejected.  Finite differences are allowed ``FD_SAFETY`` times the disagreement
of neighbouring Richardson extrapolants on their plateau (or their rounding noise, if larger).

**Which method decides.** The complex step is used when the function returns a complex result
for a complex input *and* that result agrees with finite differences along one direction (a
path through ``abs``, ``conj``, ``vdot`` or ``cholesky`` returns complex numbers that are wrong);
otherwise finite differences decide, and ``Check.method`` and ``Check.notes`` say so.  When the
complex step fails, or passes only with an allowance the ladder had to widen, finite differences
give a second opinion and the sharper of the two measurements decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from .directional import FIRST_ORDER_STEPS, Evaluator

__all__ = ["Check", "check_gradient", "check_differential", "check_jacobian", "check_hessian", "check_vjp",
           "MAX_EVALUATIONS"]

EPS64 = float(np.finfo(np.float64).eps)
#: A correct complex-step derivative stays within this many rounding units u = eps·s: ≤ 0.82 u for
#: plain linear algebra at κ ≤ 10, up to ≈ 5e3 u through library approximations (expm's Padé step).
ROUNDING_UNITS = 1.0e4
#: Margin on the ladder's estimate of the double-precision error (its scatter is a few ×).
LADDER_SAFETY = 16.0
#: The ladder's relative nudge of the inputs: one single-precision unit, 2⁻²⁴.
LADDER_NUDGE = 2.0 ** -24
#: Rescaling of the complex step and of the direction in the rounding probe (not a power of two,
#: so that every rounding is drawn afresh).
GOLDEN = (1 + 5 ** 0.5) / 2
#: Margin on the finite-difference plateau's own error estimate.
FD_SAFETY = 10.0
#: The complex step and finite differences must agree to this fraction of the rounding scale s
#: (far above finite-difference error, far below what a broken complex path produces).
SANITY_AGREEMENT = 1e-6
#: A complex-step allowance wider than this fraction of s (after the ladder) asks finite
#: differences for a second opinion.
WIDE_ALLOWANCE = 1e-10
#: Independent random directions for first- and second-order checks (a bug 100× over the threshold
#: escapes one direction with probability ≈ 8e-3, three with ≈ 5e-7; NOTES-checking).
FIRST_ORDER_DIRECTIONS = 3
SECOND_ORDER_DIRECTIONS = 2
#: Calls of the user's function allowed in one check, whatever the input size.
MAX_EVALUATIONS = 100

COMPLEX = "complex-step"
CENTRAL = "central-richardson"
MIXED_COMPLEX = "complex-step+central-richardson"
MIXED_REAL = "mixed-central-richardson"


@dataclass(frozen=True)
class Check:
    """The verdict of one check.

    ``rel_error`` and ``tolerance`` are the largest, over directions, of ``|measured − claimed|`` and
    of the allowance, both divided by the rounding scale s of the claimed inner product.
    """

    ok: bool
    rel_error: float
    tolerance: float
    evaluations: int
    method: str
    diagnosis: str | None = None
    seed: int = 0
    shapes: tuple[tuple[int, ...], ...] = ()
    notes: tuple[str, ...] = field(default=())

    def __bool__(self) -> bool:
        return self.ok

    @property
    def verdict(self) -> str:
        """"passed", "failed" (the claim is wrong) or "inconclusive" (the check could not judge it)."""
        return "passed" if self.ok else "failed"

    def __repr__(self) -> str:
        verdict = "ok" if self.ok else "FAILED"
        text = (f"Check({verdict}, method={self.method!r}, rel_error={self.rel_error:.2e}, "
                f"tolerance={self.tolerance:.2e}, evaluations={self.evaluations}, seed={self.seed}, "
                f"shapes={list(self.shapes)}")
        if self.diagnosis:
            text += f", diagnosis={self.diagnosis!r}"
        return text + ")"


# ---------------------------------------------------------------------------------------------
# Validating what the user passed


def _arguments(args, wrt, name: str) -> tuple[list, tuple[int, ...]]:
    """The arguments, with the differentiated ones as real float64 arrays; others are left as given
    (integer labels stay integers)."""
    if not args:
        raise TypeError(f"{name} needs the point to check at: pass the arrays after the functions")
    positions = _positions(wrt, len(args), name)
    out = list(args)
    for i in positions:
        arr = np.asarray(args[i])
        if arr.dtype.kind not in "fiub":
            raise TypeError(f"{name}: argument {i} must be a real array, not dtype {arr.dtype}")
        arr = arr.astype(np.float64)
        if not np.all(np.isfinite(arr)):
            raise ValueError(f"{name}: argument {i} has non-finite entries")
        if arr.size == 0:
            raise ValueError(f"{name}: argument {i} is empty; there is nothing to differentiate")
        out[i] = arr
    return out, positions


def _positions(wrt, nargs: int, name: str) -> tuple[int, ...]:
    wrt = (wrt,) if isinstance(wrt, (int, np.integer)) and not isinstance(wrt, bool) else wrt
    if not isinstance(wrt, tuple):
        raise ValueError(f"{name}: wrt={wrt!r} must be the position of an argument (an int)")
    for w in wrt:
        if not isinstance(w, (int, np.integer)) or isinstance(w, bool) or not -nargs <= w < nargs:
            raise ValueError(f"{name}: wrt={w!r} is not the position of one of the {nargs} arguments")
    return tuple(int(w) % nargs for w in wrt)


def _seed(seed, name: str) -> int:
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise TypeError(f"{name}: seed must be an int (it makes the check reproducible), not {seed!r}")
    return int(seed)


def _order(vec: str, name: str) -> str:
    if vec not in ("F", "C"):
        raise ValueError(f"{name}: vec must be 'F' (column stacking) or 'C' (row stacking), not {vec!r}")
    return vec


def _vec(a: np.ndarray, order: str) -> np.ndarray:
    return np.asarray(a).reshape(-1, order=order)


def _same_shape(got: tuple, want: tuple) -> bool:
    """Equal shapes, or a 1-D array standing for a column or row vector of the same length.

    A row (1, n) for a column variable (n, 1) is *not* accepted: that is numerator layout.
    """
    if got == want:
        return True
    if len(got) == 1 and len(want) == 2:
        return 1 in want and got[0] == want[0] * want[1]
    if len(want) == 1 and len(got) == 2:
        return got == (want[0], 1)
    return False


def _shape_diagnosis(what: str, got: tuple, want: tuple, transposed_means: str) -> str:
    text = f"{what} has shape {got} but must have shape {want}"
    if len(want) == 2 and got == want[::-1] or len(want) == 1 and got == (1, want[0]):
        text += f": it is the transpose ({transposed_means})"
    return text


class _Refused(Exception):
    """The claimed derivative cannot be compared at all; the message is the diagnosis."""


def _claimed_array(value, what: str) -> np.ndarray:
    """The user's derivative as a real float array, or a _Refused naming what is wrong with it."""
    arr = np.asarray(value)
    if arr.dtype.kind == "c":
        raise _Refused(f"{what} is complex-valued; a derivative of a real function is real")
    try:
        arr = arr.astype(np.float64)
    except (TypeError, ValueError):
        raise _Refused(f"{what} is not an array of numbers (dtype {arr.dtype})") from None
    if not np.all(np.isfinite(arr)):
        raise _Refused(f"{what} has non-finite entries (nan or inf)")
    return arr


def _probe(fn, args, what: str) -> np.ndarray:
    """Evaluate the user's derivative once at the point; a formula that cannot be formed is refused."""
    try:
        return _claimed_array(fn(*args), what)
    except ValueError as exc:  # NumPy's shape errors: the formula does not compose at these shapes
        raise _Refused(f"{what} could not be evaluated at these shapes: {str(exc).splitlines()[0]}") from None


def _refusal(message: str, ev: Evaluator | None, args, wrt, seed) -> Check:
    return Check(ok=False, rel_error=float("inf"), tolerance=0.0, evaluations=ev.calls if ev else 0,
                 method="shape", diagnosis=message, seed=seed,
                 shapes=tuple(np.shape(args[p]) for p in wrt))


def _start(name: str, F: Callable, args: list, wrt: tuple[int, ...]) -> tuple[Evaluator, np.ndarray]:
    """The evaluator (it counts every call) and F at the point, which must be finite and real."""
    ev = Evaluator(F, args, wrt)
    y0 = ev.call(args)
    if y0.dtype.kind == "c":
        raise TypeError(f"{name}: the function returns complex values for real input; it must be real")
    if not np.all(np.isfinite(y0)):
        raise ValueError(f"{name}: the function is not finite at the given point")
    return ev, y0.astype(np.float64)


# ---------------------------------------------------------------------------------------------
# Measuring and judging


@dataclass
class _Direction:
    V: tuple[np.ndarray, ...]
    W: np.ndarray
    measured: float = np.nan
    error: float = np.nan          # the method's own error estimate (finite differences)
    scale_measured: float = 0.0
    claimed: float = np.nan
    scale_claimed: float = 0.0
    allowance: float = np.nan


Claim = Callable[[list, np.ndarray, tuple], tuple[float, float]]


@dataclass
class _Plan:
    """Everything one check needs: the function, the point, the claim and its classic-mistake variants."""

    name: str
    ev: Evaluator
    y0: np.ndarray
    claim: Claim
    hypotheses: list[tuple[str, Claim]]
    order: int = 1
    scalar_output: bool = False
    seed: int = 0

    @property
    def args(self) -> list:
        return self.ev.args

    @property
    def wrt(self) -> tuple[int, ...]:
        return self.ev.wrt


def _scale(d: _Direction) -> float:
    return max(d.scale_claimed, d.scale_measured, abs(d.claimed), abs(d.measured), np.finfo(float).tiny)


def _tolerance(d: _Direction, method: str, ladder: float = 0.0) -> float:
    allowance = ROUNDING_UNITS * EPS64 * _scale(d)
    if method == COMPLEX:
        return max(allowance, LADDER_SAFETY * ladder)
    return max(allowance, FD_SAFETY * d.error)


def _passes(d: _Direction, claimed: float, allowance: float) -> bool:
    return bool(np.isfinite(claimed) and np.isfinite(d.measured) and abs(d.measured - claimed) <= allowance)


def _pool_errors(dirs: list[_Direction]) -> None:
    """Give every direction the largest relative error estimate seen in any direction: one plateau
    may look flatter than it is by chance."""
    relative = max((d.error / _scale(d) for d in dirs if np.isfinite(d.error)), default=np.inf)
    for d in dirs:
        d.error = relative * _scale(d)


def _directions(plan: _Plan, rng: np.random.Generator) -> list[_Direction]:
    shapes = [plan.args[p].shape for p in plan.wrt]
    count = FIRST_ORDER_DIRECTIONS if plan.order == 1 else SECOND_ORDER_DIRECTIONS
    dirs = []
    for _ in range(count):
        V = tuple(rng.standard_normal(s) for s in shapes)
        if plan.order == 2:
            W = tuple(rng.standard_normal(s) for s in shapes)
        else:
            W = np.ones(plan.y0.shape) if plan.scalar_output else rng.standard_normal(plan.y0.shape)
        dirs.append(_Direction(V=V, W=W))
    return dirs


def _sweep(ev: Evaluator, d: _Direction, method: str) -> None:
    """Measure direction *d* by a finite-difference sweep of the given kind."""
    if method == CENTRAL:
        d.measured, d.error = ev.central(d.V, d.W)
    elif method == MIXED_COMPLEX:
        d.measured, d.error = ev.mixed_complex(d.W, d.V)
    else:
        d.measured, d.error = ev.mixed_real(d.W, d.V)
    d.scale_measured = abs(d.measured)


def _agree(complex_value: float, scale: float, fd: _Direction) -> bool:
    """Does a complex-step value agree with a finite-difference measurement of the same quantity?"""
    if not np.isfinite(fd.measured):
        return True  # finite differences could not tell; nothing speaks against the complex step
    allowed = max(FD_SAFETY * fd.error, SANITY_AGREEMENT * max(scale, abs(fd.measured)))
    return abs(complex_value - fd.measured) <= allowed


def _measure_first_order(plan: _Plan, dirs: list[_Direction], notes: list[str]) -> tuple[str, _Direction | None]:
    """Complex step where it is trustworthy, else finite differences; returns the method and the
    finite-difference measurement of the first direction (reused by a second opinion)."""
    ev, broken = plan.ev, None
    for d in dirs:
        d.measured, d.scale_measured, broken = ev.complex_step(d.V, d.W, plan.y0)
        d.error = 0.0
        if broken:
            break
    fd0 = None
    if not broken:
        fd0 = _Direction(V=dirs[0].V, W=dirs[0].W)
        _sweep(ev, fd0, CENTRAL)
        if not _agree(dirs[0].measured, dirs[0].scale_measured, fd0):
            broken = ("it disagrees with finite differences, so the function is not complex-analytic "
                      "as written (abs, conj, vdot, cholesky, eigh…)")
    if not broken:
        return COMPLEX, fd0
    notes.append(f"complex step not usable ({broken}); finite differences decided")
    for i, d in enumerate(dirs):
        if i == 0 and fd0 is not None:
            d.measured, d.error, d.scale_measured = fd0.measured, fd0.error, fd0.scale_measured
        else:
            _sweep(ev, d, CENTRAL)
    return CENTRAL, None


def _measure_second_order(plan: _Plan, dirs: list[_Direction], notes: list[str]) -> str:
    """Complex step along U and central differences along V, or mixed real differences when the
    complex path is broken (checked against finite differences first)."""
    ev = plan.ev
    first = dirs[0]
    ones = np.ones(plan.y0.shape)
    value, scale, broken = ev.complex_step(first.W, ones, plan.y0)
    if not broken:
        probe = _Direction(V=first.W, W=ones)
        probe.measured, probe.error = ev.central(first.W, ones, steps=SECOND_ORDER_SANITY_STEPS)
        if not _agree(value, scale, probe):
            broken = "it disagrees with finite differences, so the function is not complex-analytic as written"
    method = MIXED_REAL if broken else MIXED_COMPLEX
    if broken:
        notes.append(f"complex step not usable ({broken}); mixed finite differences decided")
    for d in dirs:
        _sweep(ev, d, method)
    return method


#: Steps of the sanity probe of a Hessian check (fewer than a full sweep, to stay within budget).
SECOND_ORDER_SANITY_STEPS = 10


def _nudgeable(arg, position: int, wrt: tuple[int, ...]) -> bool:
    """The ladder nudges differentiated arguments and real-valued constants, never integer data."""
    if position in wrt:
        return True
    arr = np.asarray(arg) if isinstance(arg, (np.ndarray, float)) else None
    return arr is not None and arr.dtype.kind == "f" and not np.all(arr == np.round(arr))


def _precision_ladder(plan: _Plan, dirs: list[_Direction]) -> str | None:
    """Estimate the double-precision error of both sides, and widen the allowances to match.

    Two probes, pooled over directions (one direction may see little by chance):

    * **conditioning** — nudge the inputs by one single-precision unit δ (random, relative) and
      see how far both sides move; a floating-point computation that is stable commits errors
      equivalent to input changes of eps₆₄, so the movement times eps₆₄/δ estimates their error;
    * **rounding inside a sum** — repeat the complex step with the step h·φ (φ the golden ratio)
      and the claim with the direction φV: in exact arithmetic both scale away, in floating
      point the rounding errors are drawn afresh, so the change shows their size even when a
      scalar result hides a large cancelling sum.
    """
    ev = plan.ev
    rng = np.random.default_rng([plan.seed, 1])
    nudged = [a * (1 + LADDER_NUDGE * rng.standard_normal(np.shape(a))) if _nudgeable(a, i, plan.wrt) else a
              for i, a in enumerate(plan.args)]
    relative = 0.0
    try:
        ev_nudged = Evaluator(ev.F, nudged, ev.wrt)
        try:
            y = ev_nudged.call(nudged)
            for d in dirs:
                m, _, broken = ev_nudged.complex_step(d.V, d.W, y)
                c, _ = plan.claim(nudged, d.W, d.V)
                if broken or not (np.isfinite(m) and np.isfinite(c)):
                    return f"precision ladder not run ({broken or 'non-finite result at the nudged point'})"
                drift = (abs(m - d.measured) + abs(c - d.claimed)) * (EPS64 / LADDER_NUDGE)
                relative = max(relative, drift / _scale(d))
        finally:
            ev.calls += ev_nudged.calls
        for d in dirs:
            m_phi, _, broken = ev.complex_step(d.V, d.W, plan.y0, step=GOLDEN)
            c_phi, _ = plan.claim(plan.args, d.W, tuple(GOLDEN * v for v in d.V))
            if broken or not (np.isfinite(m_phi) and np.isfinite(c_phi)):
                return f"rounding probe not run ({broken or 'non-finite result'})"
            noise = abs(m_phi - d.measured) + abs(c_phi / GOLDEN - d.claimed)
            relative = max(relative, noise / _scale(d))
    except Exception as exc:  # the ladder is an aid: without it the verdict stands, and we say so
        return f"precision ladder not run ({type(exc).__name__}: {exc})"
    finally:
        for d in dirs:
            d.allowance = _tolerance(d, COMPLEX, ladder=relative * _scale(d))
    return None


def _second_opinion(plan: _Plan, dirs: list[_Direction], fd0: _Direction | None, notes: list[str]) -> str:
    """Finite differences along every direction, when the complex step failed or needed a wide
    allowance.  If they side with the claim against the complex step, the complex path is broken
    and they decide; where their allowance is tighter than the complex step's, they decide too."""
    ev = plan.ev
    todo = len(dirs) - (fd0 is not None)
    if ev.calls + 2 * FIRST_ORDER_STEPS * todo > MAX_EVALUATIONS:
        notes.append("no finite-difference second opinion (evaluation budget)")
        return COMPLEX
    fd = []
    for i, d in enumerate(dirs):
        f = fd0 if i == 0 and fd0 is not None else _Direction(V=d.V, W=d.W)
        if f is not fd0:
            _sweep(ev, f, CENTRAL)
        f.claimed, f.scale_claimed = d.claimed, d.scale_claimed
        fd.append(f)
    _pool_errors(fd)
    for f in fd:
        f.allowance = _tolerance(f, CENTRAL)
    complex_ok = all(_passes(d, d.claimed, d.allowance) for d in dirs)
    if not complex_ok and not all(_agree(d.measured, _scale(d), f) for f, d in zip(fd, dirs)):
        notes.append("the complex step disagreed with finite differences, so the function's complex path "
                     "is not analytic as written (abs, conj, vdot, norm…); finite differences decided")
        dirs[:] = fd
        return CENTRAL
    sharper = [f.allowance < d.allowance for f, d in zip(fd, dirs)]
    if complex_ok and any(sharper):
        notes.append("the complex step was accurate only to a wide allowance here; finite differences, "
                     "sharper, decided where they were tighter")
        dirs[:] = [f if s else d for f, d, s in zip(fd, dirs, sharper)]
        return CENTRAL
    return COMPLEX


def _diagnose(plan: _Plan, dirs: list[_Direction]) -> str:
    """Name the classic mistake whose correction makes the claim pass, if one does."""
    for label, hypothesis in plan.hypotheses:
        try:
            values = [hypothesis(plan.args, d.W, d.V) for d in dirs]
        except Exception:  # a variant that cannot be formed (shapes) is simply not the explanation
            continue
        if all(_passes(d, c, max(d.allowance, ROUNDING_UNITS * EPS64 * s)) for d, (c, s) in zip(dirs, values)):
            return label
    return "no classic mistake (transpose, sign, factor 2 or ½, symmetric part, vec order) explains the difference"


def _run(plan: _Plan) -> Check:
    rng = np.random.default_rng(plan.seed)
    dirs = _directions(plan, rng)
    shapes = tuple(plan.args[p].shape for p in plan.wrt)
    notes: list[str] = []
    fd0 = None
    if plan.order == 1:
        method, fd0 = _measure_first_order(plan, dirs, notes)
    else:
        method = _measure_second_order(plan, dirs, notes)

    try:
        for d in dirs:
            d.claimed, d.scale_claimed = plan.claim(plan.args, d.W, d.V)
    except _Refused as exc:
        return _refusal(str(exc), plan.ev, plan.args, plan.wrt, plan.seed)
    if method != COMPLEX:
        _pool_errors(dirs)
    for d in dirs:
        d.allowance = _tolerance(d, method)
    ok = all(_passes(d, d.claimed, d.allowance) for d in dirs)

    if method == COMPLEX:
        widened = False
        if not ok:
            ladder_note = _precision_ladder(plan, dirs)
            if ladder_note:
                notes.append(ladder_note)
            widened = max(d.allowance / _scale(d) for d in dirs) > WIDE_ALLOWANCE
            ok = all(_passes(d, d.claimed, d.allowance) for d in dirs)
        if not ok or widened:
            method = _second_opinion(plan, dirs, fd0, notes)
            ok = all(_passes(d, d.claimed, d.allowance) for d in dirs)

    diagnosis = None if ok else _diagnose(plan, dirs)
    rel = max((abs(d.measured - d.claimed) / _scale(d) if np.isfinite(d.claimed) and np.isfinite(d.measured)
               else np.inf) for d in dirs)
    tol = max(d.allowance / _scale(d) for d in dirs)
    return Check(ok=ok, rel_error=float(rel), tolerance=float(tol), evaluations=plan.ev.calls, method=method,
                 diagnosis=diagnosis, seed=plan.seed, shapes=shapes, notes=tuple(notes))


def _scaled(claim: Claim, factor: float) -> Claim:
    def scaled(args, W, V):
        c, s = claim(args, W, V)
        return factor * c, abs(factor) * s
    return scaled


_SCALINGS = (
    ("sign: the negative of your answer passes", -1.0),
    ("factor 2: your answer is twice the derivative", 0.5),
    ("factor ½: your answer is half the derivative", 2.0),
)


def _square_non_symmetric(args, skip) -> list[int]:
    return [i for i, a in enumerate(args) if i not in skip and isinstance(a, np.ndarray) and a.ndim == 2
            and a.shape[0] == a.shape[1] > 1 and a.dtype.kind == "f" and not np.allclose(a, a.T)]


def _symmetrised_args(args, i):
    swapped = list(args)
    swapped[i] = args[i].T.copy()
    return swapped


def _symmetric_part_hypotheses(object_claim: Claim, args, skip):
    """For each square constant argument A: does averaging your formula at A and Aᵀ pass?
    (the 2AX-for-(A + Aᵀ)X mistake: right only when A is symmetric)."""
    out = []
    for i in _square_non_symmetric(args, skip):
        def averaged(a, W, V, i=i):
            c1, s1 = object_claim(a, W, V)
            c2, s2 = object_claim(_symmetrised_args(a, i), W, V)
            return 0.5 * (c1 + c2), 0.5 * (s1 + s2)
        out.append((f"missing symmetric part: your answer is right only when argument {i} is symmetric; "
                    f"use its symmetric part (e.g. (A + Aᵀ)X, not 2AX)", averaged))
    return out


# ---------------------------------------------------------------------------------------------
# The five public checks


def check_gradient(f: Callable, grad: Callable, *args, wrt: int = 0, seed: int = 0) -> Check:
    """Check ``grad(*args)`` as the gradient of the scalar ``f(*args)`` with respect to ``args[wrt]``.

    The gradient is stored in the shape of the variable (df = ⟨∇f, dX⟩ = tr(∇fᵀ dX)).

    >>> import numpy as np
    >>> A = np.array([[2.0, 1.0], [0.0, 3.0]]); X = np.array([[1.0, -2.0], [0.5, 1.5]])
    >>> check_gradient(lambda A, X: np.trace(X.T @ A @ X), lambda A, X: (A + A.T) @ X, A, X, wrt=1).ok
    True
    >>> check_gradient(lambda A, X: np.trace(X.T @ A @ X), lambda A, X: 2 * A @ X, A, X, wrt=1).diagnosis
    'missing symmetric part: your answer is right only when argument 0 is symmetric; use its symmetric part (e.g. (A + Aᵀ)X, not 2AX)'
    """
    name = "check_gradient"
    seed = _seed(seed, name)
    args, (w,) = _arguments(args, wrt, name)
    ev, y0 = _start(name, f, args, (w,))
    if y0.size != 1:
        raise ValueError(f"{name} needs a scalar-valued function; it returned shape {y0.shape} "
                         "(use check_jacobian, check_differential or check_vjp)")
    X = args[w]
    try:
        G0 = _probe(grad, args, "the gradient")
    except _Refused as exc:
        return _refusal(str(exc), ev, args, (w,), seed)
    if not _same_shape(G0.shape, X.shape):
        return _refusal(_shape_diagnosis("the gradient", G0.shape, X.shape,
                                         "numerator layout; the house convention stores ∇f in the shape of "
                                         "the variable"), ev, args, (w,), seed)

    def claim_of(transform):
        def claim(a, W, V):
            G = transform(_claimed_array(grad(*a), "the gradient").reshape(np.shape(a[w])))
            return float(np.sum(G * V[0])), float(np.sum(np.abs(G) * np.abs(V[0])))
        return claim

    claim = claim_of(lambda G: G)
    hypotheses = [(label, _scaled(claim, k)) for label, k in _SCALINGS]
    if X.ndim == 2 and X.shape[0] == X.shape[1] > 1:
        hypotheses.insert(0, ("transposed: the transpose of your answer passes (X⁻¹ where X⁻ᵀ is needed, "
                              "or numerator layout)", claim_of(lambda G: G.T)))
    hypotheses += _symmetric_part_hypotheses(claim, args, {w})
    return _run(_Plan(name, ev, y0, claim, hypotheses, scalar_output=True, seed=seed))


def check_differential(F: Callable, dF: Callable, *args, wrt=0, seed: int = 0) -> Check:
    """Check ``dF(*args, dX)`` as the differential DF(X)[dX] of ``F(*args)`` at ``X = args[wrt]``.

    ``wrt`` may be a tuple of positions; ``dF`` then receives one perturbation per position.

    >>> import numpy as np
    >>> X = np.array([[2.0, 1.0], [0.5, 3.0]])
    >>> inv = np.linalg.inv
    >>> check_differential(inv, lambda X, dX: -inv(X) @ dX @ inv(X), X).ok
    True
    """
    name = "check_differential"
    seed = _seed(seed, name)
    args, pos = _arguments(args, wrt, name)
    ev, y0 = _start(name, F, args, pos)
    try:
        probe = _probe(lambda *a: dF(*a, *(np.zeros_like(args[p]) for p in pos)), args, "dF")
    except _Refused as exc:
        return _refusal(str(exc), ev, args, pos, seed)
    if not _same_shape(probe.shape, y0.shape):
        return _refusal(_shape_diagnosis("dF", probe.shape, y0.shape, "transposed result"), ev, args, pos, seed)

    def claim_of(transform):
        def claim(a, W, V):
            Y = transform(_claimed_array(dF(*a, *V), "dF").reshape(y0.shape))
            return float(np.sum(W * Y)), float(np.sum(np.abs(W) * np.abs(Y)))
        return claim

    claim = claim_of(lambda Y: Y)
    hypotheses = [(label, _scaled(claim, k)) for label, k in _SCALINGS]
    if y0.ndim == 2 and y0.shape[0] == y0.shape[1] > 1:
        hypotheses.insert(0, ("transposed: the transpose of your answer passes", claim_of(lambda Y: Y.T)))
    hypotheses += _symmetric_part_hypotheses(claim, args, set(pos))
    return _run(_Plan(name, ev, y0, claim, hypotheses, scalar_output=y0.size == 1, seed=seed))


def check_vjp(F: Callable, vjp: Callable, *args, wrt: int = 0, seed: int = 0) -> Check:
    """Check ``vjp(*args, Ybar)`` as the reverse-mode product DF(X)*[Ȳ] (the gradient of ⟨Ȳ, F⟩).

    >>> import numpy as np
    >>> W = np.arange(6.0).reshape(2, 3) - 2; X = np.array([[1.0, 2.0], [0.0, 1.0], [3.0, -1.0]])
    >>> check_vjp(lambda W, X: W @ X, lambda W, X, Zbar: Zbar @ X.T, W, X, wrt=0).ok
    True
    """
    name = "check_vjp"
    seed = _seed(seed, name)
    args, (w,) = _arguments(args, wrt, name)
    ev, y0 = _start(name, F, args, (w,))
    try:
        probe = _probe(lambda *a: vjp(*a, np.ones_like(y0)), args, "the VJP")
    except _Refused as exc:
        return _refusal(str(exc), ev, args, (w,), seed)
    if not _same_shape(probe.shape, args[w].shape):
        return _refusal(_shape_diagnosis("the VJP", probe.shape, args[w].shape,
                                         "numerator layout; it must have the variable's shape"), ev, args, (w,), seed)

    def claim_of(transform):
        def claim(a, W, V):
            upstream = np.asarray(W, dtype=np.asarray(a[w]).dtype)
            G = transform(_claimed_array(vjp(*a, upstream), "the VJP").reshape(np.shape(a[w])))
            return float(np.sum(G * V[0])), float(np.sum(np.abs(G) * np.abs(V[0])))
        return claim

    claim = claim_of(lambda G: G)
    hypotheses = [(label, _scaled(claim, k)) for label, k in _SCALINGS]
    if args[w].ndim == 2 and args[w].shape[0] == args[w].shape[1] > 1:
        hypotheses.insert(0, ("transposed: the transpose of your answer passes", claim_of(lambda G: G.T)))
    hypotheses += _symmetric_part_hypotheses(claim, args, {w})
    return _run(_Plan(name, ev, y0, claim, hypotheses, seed=seed))


def _vec_permutation(shape: tuple[int, ...]) -> np.ndarray:
    """Indices p with vec_C(X) = vec_F(X)[p] for an array of this shape."""
    size = int(np.prod(shape)) if shape else 1
    return np.arange(size).reshape(shape, order="F").reshape(-1) if len(shape) > 1 else np.arange(size)


def _other_order(J: np.ndarray, out_shape, in_shape) -> np.ndarray:
    """The matrix J re-expressed in the other vec order (rows and columns both permuted)."""
    po, pi = _vec_permutation(out_shape), _vec_permutation(in_shape)
    inverse_o, inverse_i = np.argsort(po), np.argsort(pi)
    return J[np.ix_(po, pi)], J[np.ix_(inverse_o, inverse_i)]


def check_jacobian(F: Callable, J: Callable, *args, wrt: int = 0, vec: str = "F", seed: int = 0) -> Check:
    """Check ``J(*args)`` as the Jacobian of vec F with respect to vec X, shape (F.size, X.size).

    ``vec="F"`` stacks columns (the mathematical vec, ``order="F"``); ``vec="C"`` stacks rows
    (NumPy's default reshape).

    >>> import numpy as np
    >>> A = np.array([[1.0, 2.0], [3.0, 4.0], [0.0, 1.0]]); X = np.ones((2, 4)); B = np.arange(8.0).reshape(4, 2)
    >>> check_jacobian(lambda A, X, B: A @ X @ B, lambda A, X, B: np.kron(B.T, A), A, X, B, wrt=1).ok
    True
    >>> check_jacobian(lambda A, X, B: A @ X @ B, lambda A, X, B: np.kron(A, B.T), A, X, B, wrt=1).diagnosis
    "other vec order: your matrix is right for vec='C'"
    """
    name = "check_jacobian"
    order = _order(vec, name)
    seed = _seed(seed, name)
    args, (w,) = _arguments(args, wrt, name)
    ev, y0 = _start(name, F, args, (w,))
    want = (y0.size, args[w].size)
    try:
        J0 = _probe(J, args, "the Jacobian")
    except _Refused as exc:
        return _refusal(str(exc), ev, args, (w,), seed)
    if J0.shape != want:
        return _refusal(_shape_diagnosis("the Jacobian", J0.shape, want,
                                         "denominator layout; rows must index outputs (numerator layout)"),
                        ev, args, (w,), seed)
    other = "C" if order == "F" else "F"

    def claim_of(transform, o=order):
        def claim(a, W, V):
            M = transform(_claimed_array(J(*a), "the Jacobian"))
            v, wv = _vec(V[0], o), _vec(W, o)
            return float(wv @ (M @ v)), float(np.abs(wv) @ (np.abs(M) @ np.abs(v)))
        return claim

    claim = claim_of(lambda M: M)
    to_other = (lambda M: _other_order(M, y0.shape, args[w].shape)[0 if order == "F" else 1])
    hypotheses = [(f"other vec order: your matrix is right for vec={other!r}", claim_of(lambda M: M, other)),
                  (f"other vec order: your matrix converted to vec={other!r} passes", claim_of(to_other))]
    if J0.shape[0] == J0.shape[1]:
        hypotheses.append(("transposed: denominator layout (rows must index outputs)", claim_of(lambda M: M.T)))
    hypotheses += [(label, _scaled(claim, k)) for label, k in _SCALINGS]
    return _run(_Plan(name, ev, y0, claim, hypotheses, scalar_output=y0.size == 1, seed=seed))


def check_hessian(f: Callable, H: Callable, *args, wrt: int = 0, vec: str = "F", seed: int = 0) -> Check:
    """Check ``H(*args)`` as the Hessian of the scalar ``f`` in a vec order: d²f = vec(dX)ᵀ H vec(dX).

    Compares the bilinear forms vec(U)ᵀ H vec(V) with D²f[U, V] for independent U and V, which a
    quadratic form alone could not do (it cannot see a wrong antisymmetric part).

    >>> import numpy as np
    >>> A = np.array([[1.0, 2.0], [0.0, 3.0]]); x = np.array([1.0, -1.0])
    >>> check_hessian(lambda A, x: x @ A @ x, lambda A, x: A + A.T, A, x, wrt=1).ok
    True
    >>> check_hessian(lambda A, x: x @ A @ x, lambda A, x: 2 * A, A, x, wrt=1).diagnosis
    'missing symmetric part: ½(H + Hᵀ) of your answer passes'
    """
    name = "check_hessian"
    order = _order(vec, name)
    seed = _seed(seed, name)
    args, (w,) = _arguments(args, wrt, name)
    ev, y0 = _start(name, f, args, (w,))
    if y0.size != 1:
        raise ValueError(f"{name} needs a scalar-valued function; it returned shape {y0.shape}")
    n = args[w].size
    try:
        H0 = _probe(H, args, "the Hessian")
    except _Refused as exc:
        return _refusal(str(exc), ev, args, (w,), seed)
    if H0.shape != (n, n):
        return _refusal(f"the Hessian has shape {H0.shape} but must be ({n}, {n}) (the variable has {n} entries)",
                        ev, args, (w,), seed)
    other = "C" if order == "F" else "F"

    def claim_of(transform, o=order):
        def claim(a, U, V):
            M = transform(_claimed_array(H(*a), "the Hessian"))
            u, v = _vec(U[0], o), _vec(V[0], o)
            return float(u @ (M @ v)), float(np.abs(u) @ (np.abs(M) @ np.abs(v)))
        return claim

    claim = claim_of(lambda M: M)
    hypotheses = [("missing symmetric part: ½(H + Hᵀ) of your answer passes", claim_of(lambda M: (M + M.T) / 2)),
                  (f"other vec order: your matrix is right for vec={other!r}", claim_of(lambda M: M, other))]
    hypotheses += [(label, _scaled(claim, k)) for label, k in _SCALINGS]
    hypotheses += _symmetric_part_hypotheses(claim, args, {w})
    return _run(_Plan(name, ev, y0, claim, hypotheses, order=2, scalar_output=True, seed=seed))
