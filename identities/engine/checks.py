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
``ROUNDING_UNITS``·u on well-conditioned data (measured ≤ 0.82 u at κ ≤ 10).  Beyond that the check
runs a *precision ladder*: both sides again in single precision.  Their change, scaled by
eps₆₄/eps₃₂, estimates the double-precision error that conditioning causes (it grows ≈ κ·u on both
sides); ``LADDER_SAFETY`` times that estimate is allowed.  (The "single precision" is emulated by a
random relative nudge of the inputs of one float32 unit, computed in float64, so the ladder needs
no float32 support from the function and cannot underflow.)  A wrong derivative does not move with the
precision, so it stays rejected.  Finite differences are allowed ``FD_SAFETY`` times the disagreement
of neighbouring Richardson extrapolants on their plateau.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

import numpy as np

from .directional import COMPLEX_STEP, Evaluator

__all__ = ["Check", "check_gradient", "check_differential", "check_jacobian", "check_hessian", "check_vjp",
           "MAX_EVALUATIONS"]

EPS64 = float(np.finfo(np.float64).eps)
EPS32 = float(np.finfo(np.float32).eps)
#: A correct complex-step derivative stays within this many rounding units u = eps·s (measured ≤ 0.82).
ROUNDING_UNITS = 32.0
#: Margin on the ladder's estimate of the double-precision error (its scatter is a few ×).
LADDER_SAFETY = 16.0
#: The ladder's relative nudge of the inputs: one single-precision unit, 2⁻²⁴.
LADDER_NUDGE = 2.0 ** -24
#: Rescaling of the complex step and of the direction in the rounding probe (not a power of two,
#: so that every rounding is drawn afresh).
GOLDEN = (1 + 5 ** 0.5) / 2
#: Margin on the finite-difference plateau's own error estimate.
FD_SAFETY = 10.0
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

    ``rel_error`` and ``tolerance`` are the largest, over directions, of |measured − claimed| and of
    the allowance, both divided by the rounding scale s of the claimed inner product.
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

    def __repr__(self) -> str:
        verdict = "ok" if self.ok else "FAILED"
        text = (f"Check({verdict}, method={self.method!r}, rel_error={self.rel_error:.2e}, "
                f"tolerance={self.tolerance:.2e}, evaluations={self.evaluations}, seed={self.seed}, "
                f"shapes={list(self.shapes)}")
        if self.diagnosis:
            text += f", diagnosis={self.diagnosis!r}"
        return text + ")"


# ---------------------------------------------------------------------------------------------
# Shared machinery


def _as_arrays(args, name: str) -> list[np.ndarray]:
    if not args:
        raise TypeError(f"{name} needs the point to check at: pass the arrays after the functions")
    out = []
    for i, a in enumerate(args):
        arr = np.asarray(a)
        if arr.dtype.kind not in "fiub":
            raise TypeError(f"{name}: argument {i} must be a real array, not dtype {arr.dtype}")
        arr = arr.astype(np.float64)
        if not np.all(np.isfinite(arr)):
            raise ValueError(f"{name}: argument {i} has non-finite entries")
        out.append(arr)
    return out


def _positions(wrt, nargs: int, name: str) -> tuple[int, ...]:
    wrt = (wrt,) if isinstance(wrt, (int, np.integer)) else tuple(wrt)
    for w in wrt:
        if not isinstance(w, (int, np.integer)) or not -nargs <= w < nargs:
            raise ValueError(f"{name}: wrt={w!r} is not the position of one of the {nargs} arguments")
    return tuple(int(w) % nargs for w in wrt)


def _vec(a: np.ndarray, order: str) -> np.ndarray:
    return np.asarray(a).reshape(-1, order=order)


def _order(vec: str, name: str) -> str:
    if vec not in ("F", "C"):
        raise ValueError(f"{name}: vec must be 'F' (column stacking) or 'C' (row stacking), not {vec!r}")
    return vec


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


@dataclass
class _Direction:
    V: tuple[np.ndarray, ...]
    W: np.ndarray
    measured: float = np.nan
    error: float = np.nan          # method's own error estimate (finite differences)
    scale_measured: float = 0.0
    claimed: float = np.nan
    scale_claimed: float = 0.0
    allowance: float = np.nan


Claim = Callable[[list, np.ndarray, tuple], tuple[float, float]]


def _tolerance(d: _Direction, method: str, ladder: float = 0.0) -> float:
    s = max(d.scale_claimed, d.scale_measured, abs(d.claimed), abs(d.measured))
    allowance = ROUNDING_UNITS * EPS64 * s
    if method == COMPLEX:
        allowance = max(allowance, LADDER_SAFETY * ladder)
    else:
        allowance = max(allowance, FD_SAFETY * d.error)
    return allowance


def _scale(d: _Direction) -> float:
    return max(d.scale_claimed, d.scale_measured, abs(d.claimed), abs(d.measured), np.finfo(float).tiny)


def _passes(d: _Direction, claimed: float, allowance: float) -> bool:
    return bool(np.isfinite(claimed) and np.isfinite(d.measured) and abs(d.measured - claimed) <= allowance)


@dataclass
class _Plan:
    """Everything one check needs: the function, the point, the claim and its classic-mistake variants."""

    name: str
    F: Callable
    args: list
    wrt: tuple[int, ...]
    claim: Claim
    hypotheses: list[tuple[str, Claim]]
    order: int = 1
    scalar_output: bool = False
    seed: int = 0
    y0: np.ndarray | None = None


def _run(plan: _Plan) -> Check:
    ev = Evaluator(plan.F, plan.args, plan.wrt)
    y0 = plan.y0 = ev.call(plan.args)
    if not np.all(np.isfinite(y0)):
        raise ValueError(f"{plan.name}: the function is not finite at the given point")
    if plan.scalar_output and y0.size != 1:
        raise ValueError(f"{plan.name} needs a scalar-valued function; it returned shape {y0.shape} "
                         "(use check_jacobian, check_differential or check_vjp)")
    rng = np.random.default_rng(plan.seed)
    shapes = tuple(plan.args[p].shape for p in plan.wrt)
    count = FIRST_ORDER_DIRECTIONS if plan.order == 1 else SECOND_ORDER_DIRECTIONS
    dirs = []
    for _ in range(count):
        V = tuple(rng.standard_normal(s) for s in shapes)
        W = tuple(rng.standard_normal(s) for s in shapes) if plan.order == 2 else (
            np.ones(y0.shape) if plan.scalar_output else rng.standard_normal(y0.shape))
        dirs.append(_Direction(V=V, W=W))
    notes: list[str] = []

    method = COMPLEX if plan.order == 1 else MIXED_COMPLEX
    broken = None
    for d in dirs:
        probe_dir, probe_w = (d.V, d.W) if plan.order == 1 else (d.W, np.ones(y0.shape))
        value, scale, broken = ev.complex_step(probe_dir, probe_w, y0)
        if broken:
            break
        if plan.order == 1:
            d.measured, d.scale_measured, d.error = value, scale, 0.0
    if broken:
        notes.append(f"complex step not usable ({broken}); finite differences used instead")
        method = CENTRAL if plan.order == 1 else MIXED_REAL
    if plan.order == 2 or broken:
        for d in dirs:
            _measure_by_sweep(ev, d, method)

    for d in dirs:
        d.claimed, d.scale_claimed = plan.claim(plan.args, d.W, d.V)
    if method != COMPLEX:
        _pool_errors(dirs)
    for d in dirs:
        d.allowance = _tolerance(d, method)
    ok = all(_passes(d, d.claimed, d.allowance) for d in dirs)

    if not ok and method == COMPLEX:
        ladder_note = _precision_ladder(ev, plan, dirs, plan.seed)
        if ladder_note:
            notes.append(ladder_note)
        ok = all(_passes(d, d.claimed, d.allowance) for d in dirs)
        if not ok:
            method, ok = _cross_check(ev, plan, dirs, notes, method, ok)

    diagnosis = None if ok else _diagnose(plan, dirs)
    rel = max((abs(d.measured - d.claimed) / _scale(d) if np.isfinite(d.claimed) and np.isfinite(d.measured)
               else np.inf) for d in dirs)
    tol = max(d.allowance / _scale(d) for d in dirs)
    return Check(ok=ok, rel_error=float(rel), tolerance=float(tol), evaluations=ev.calls, method=method,
                 diagnosis=diagnosis, seed=plan.seed, shapes=shapes, notes=tuple(notes))


def _pool_errors(dirs: list[_Direction]) -> None:
    """Give every direction the largest relative error estimate seen in any direction: one plateau
    may look flatter than it is by chance."""
    relative = max((d.error / _scale(d) for d in dirs if np.isfinite(d.error)), default=np.inf)
    for d in dirs:
        d.error = relative * _scale(d)


def _measure_by_sweep(ev: Evaluator, d: _Direction, method: str) -> None:
    if method == CENTRAL:
        d.measured, d.error = ev.central(d.V, d.W)
    elif method == MIXED_COMPLEX:
        d.measured, d.error = ev.mixed_complex(d.W, d.V)
    else:
        d.measured, d.error = ev.mixed_real(d.W, d.V)
    d.scale_measured = abs(d.measured)


def _precision_ladder(ev: Evaluator, plan: _Plan, dirs: list[_Direction], seed: int) -> str | None:
    """Estimate the double-precision error of both sides, and widen the allowances to match.

    Two probes, pooled over directions (one direction may see little by chance):

    * **conditioning** — nudge every input by one single-precision unit δ (random, relative) and
      see how far both sides move; a floating-point computation that is stable commits errors
      equivalent to input changes of eps₆₄, so the movement times eps₆₄/δ estimates their error;
    * **rounding inside a sum** — repeat the complex step with the step h·φ (φ the golden ratio)
      and the claim with the direction φV: in exact arithmetic both scale away, in floating
      point the rounding errors are drawn afresh, so the change shows their size even when a
      scalar result hides a large cancelling sum.
    """
    rng = np.random.default_rng([seed, 1])
    nudged = [a * (1 + LADDER_NUDGE * rng.standard_normal(a.shape)) for a in plan.args]
    ev_nudged = Evaluator(plan.F, nudged, plan.wrt)
    try:
        y = ev_nudged.call(nudged)
        relative = 0.0
        for d in dirs:
            m, _, broken = ev_nudged.complex_step(d.V, d.W, y)
            c, _ = plan.claim(nudged, d.W, d.V)
            if broken or not (np.isfinite(m) and np.isfinite(c)):
                return f"precision ladder not run ({broken or 'non-finite result at the nudged point'})"
            drift = (abs(m - d.measured) + abs(c - d.claimed)) * (EPS64 / LADDER_NUDGE)
            relative = max(relative, drift / _scale(d))
    except Exception as exc:  # the ladder is an aid: without it the verdict stands, and we say so
        return f"precision ladder not run ({type(exc).__name__}: {exc})"
    finally:
        ev.calls += ev_nudged.calls
    try:
        for d in dirs:
            m_phi, _, broken = ev.complex_step(d.V, d.W, plan.y0, h=COMPLEX_STEP * GOLDEN)
            c_phi, _ = plan.claim(plan.args, d.W, tuple(GOLDEN * v for v in d.V))
            if broken or not (np.isfinite(m_phi) and np.isfinite(c_phi)):
                return f"rounding probe not run ({broken or 'non-finite result'})"
            noise = abs(m_phi - d.measured) + abs(c_phi / GOLDEN - d.claimed)
            relative = max(relative, noise / _scale(d))
    except Exception as exc:
        return f"rounding probe not run ({type(exc).__name__}: {exc})"
    finally:
        for d in dirs:
            d.allowance = _tolerance(d, COMPLEX, ladder=relative * _scale(d))
    return None


def _cross_check(ev: Evaluator, plan: _Plan, dirs, notes, method, ok):
    """A failed complex step is re-measured by finite differences: if they side with the claim and
    not with the complex step, the function's complex path is broken (abs, conj, …) and the finite
    differences decide; otherwise the failure stands."""
    from .directional import N_STEPS

    if ev.calls + 2 * N_STEPS * len(dirs) > MAX_EVALUATIONS:
        return method, ok
    fd = [_Direction(V=d.V, W=d.W) for d in dirs]
    for f, d in zip(fd, dirs):
        _measure_by_sweep(ev, f, CENTRAL)
        f.claimed, f.scale_claimed = d.claimed, d.scale_claimed
    _pool_errors(fd)
    for f in fd:
        f.allowance = _tolerance(f, CENTRAL)
    sides_with_complex = all(abs(f.measured - d.measured) <= f.allowance for f, d in zip(fd, dirs))
    if sides_with_complex:
        return method, ok
    notes.append("the complex step disagreed with finite differences, so the function's complex path "
                 "is not analytic as written (abs, conj, vdot, norm…); finite differences decided")
    dirs[:] = fd
    return CENTRAL, all(_passes(d, d.claimed, d.allowance) for d in dirs)


def _diagnose(plan: _Plan, dirs: list[_Direction]) -> str | None:
    """Name the classic mistake whose correction makes the claim pass, if one does."""
    for label, hypothesis in plan.hypotheses:
        try:
            values = [hypothesis(plan.args, d.W, d.V) for d in dirs]
        except Exception:  # a variant that cannot be formed (shapes) is simply not the explanation
            continue
        if all(_passes(d, c, max(d.allowance, _tolerance(_Direction(d.V, d.W, d.measured, d.error, d.scale_measured,
                                                                    c, s), CENTRAL if d.error else COMPLEX)))
               for d, (c, s) in zip(dirs, values)):
            return label
    return "no classic mistake (transpose, sign, factor 2 or ½, symmetric part, vec order) explains the difference"


def _shape_failure(name: str, message: str, args, wrt, seed) -> Check:
    return Check(ok=False, rel_error=float("inf"), tolerance=0.0, evaluations=0, method="shape",
                 diagnosis=message, seed=seed, shapes=tuple(args[p].shape for p in wrt))


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
    return [i for i, a in enumerate(args) if i not in skip and a.ndim == 2 and a.shape[0] == a.shape[1] > 1
            and not np.allclose(a, a.T)]


def _symmetrised_args(args, i):
    swapped = list(args)
    swapped[i] = args[i].T.copy()
    return swapped


def _symmetric_part_hypotheses(object_claim: Callable[[list, np.ndarray, tuple], tuple], args, skip):
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
    args = _as_arrays(args, name)
    (w,) = _positions(wrt, len(args), name)
    X = args[w]
    G0 = np.asarray(grad(*args))
    if not _same_shape(G0.shape, X.shape):
        return _shape_failure(name, _shape_diagnosis(
            "the gradient", G0.shape, X.shape,
            "numerator layout; the house convention stores ∇f in the shape of the variable"), args, (w,), seed)

    def gradient_at(a):
        return np.asarray(grad(*a)).reshape(a[w].shape)

    def claim_of(transform):
        def claim(a, W, V):
            G = transform(gradient_at(a))
            return float(np.sum(G * V[0])), float(np.sum(np.abs(G) * np.abs(V[0])))
        return claim

    claim = claim_of(lambda G: G)
    hypotheses = [(label, _scaled(claim, k)) for label, k in _SCALINGS]
    if X.ndim == 2 and X.shape[0] == X.shape[1]:
        hypotheses.insert(0, ("transposed: the transpose of your answer passes (X⁻¹ where X⁻ᵀ is needed, "
                              "or numerator layout)", claim_of(lambda G: G.T)))
    hypotheses += _symmetric_part_hypotheses(claim, args, {w})
    return _run(_Plan(name, f, args, (w,), claim, hypotheses, scalar_output=True, seed=seed))


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
    args = _as_arrays(args, name)
    pos = _positions(wrt, len(args), name)
    y0 = np.asarray(F(*args))
    probe = np.asarray(dF(*args, *(np.zeros_like(args[p]) for p in pos)))
    if not _same_shape(probe.shape, y0.shape):
        return _shape_failure(name, _shape_diagnosis("dF", probe.shape, y0.shape, "transposed result"),
                              args, pos, seed)

    def claim_of(transform):
        def claim(a, W, V):
            Y = transform(np.asarray(dF(*a, *V)).reshape(y0.shape))
            return float(np.sum(W * Y)), float(np.sum(np.abs(W) * np.abs(Y)))
        return claim

    claim = claim_of(lambda Y: Y)
    hypotheses = [(label, _scaled(claim, k)) for label, k in _SCALINGS]
    if y0.ndim == 2 and y0.shape[0] == y0.shape[1] > 1:
        hypotheses.insert(0, ("transposed: the transpose of your answer passes", claim_of(lambda Y: Y.T)))
    hypotheses += _symmetric_part_hypotheses(claim, args, set(pos))
    return _run(_Plan(name, F, args, pos, claim, hypotheses, seed=seed))


def check_vjp(F: Callable, vjp: Callable, *args, wrt: int = 0, seed: int = 0) -> Check:
    """Check ``vjp(*args, Ybar)`` as the reverse-mode product DF(X)*[Ȳ] (the gradient of ⟨Ȳ, F⟩).

    >>> import numpy as np
    >>> W = np.arange(6.0).reshape(2, 3) - 2; X = np.array([[1.0, 2.0], [0.0, 1.0], [3.0, -1.0]])
    >>> check_vjp(lambda W, X: W @ X, lambda W, X, Zbar: Zbar @ X.T, W, X, wrt=0).ok
    True
    """
    name = "check_vjp"
    args = _as_arrays(args, name)
    (w,) = _positions(wrt, len(args), name)
    y0 = np.asarray(F(*args))
    probe = np.asarray(vjp(*args, np.ones_like(y0)))
    if not _same_shape(probe.shape, args[w].shape):
        return _shape_failure(name, _shape_diagnosis("the VJP", probe.shape, args[w].shape,
                                                     "numerator layout; it must have the variable's shape"),
                              args, (w,), seed)

    def claim_of(transform):
        def claim(a, W, V):
            G = transform(np.asarray(vjp(*a, W.astype(a[w].dtype))).reshape(a[w].shape))
            return float(np.sum(G * V[0])), float(np.sum(np.abs(G) * np.abs(V[0])))
        return claim

    claim = claim_of(lambda G: G)
    hypotheses = [(label, _scaled(claim, k)) for label, k in _SCALINGS]
    if args[w].ndim == 2 and args[w].shape[0] == args[w].shape[1] > 1:
        hypotheses.insert(0, ("transposed: the transpose of your answer passes", claim_of(lambda G: G.T)))
    hypotheses += _symmetric_part_hypotheses(claim, args, {w})
    return _run(_Plan(name, F, args, (w,), claim, hypotheses, seed=seed))


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
    args = _as_arrays(args, name)
    (w,) = _positions(wrt, len(args), name)
    y0 = np.asarray(F(*args))
    J0 = np.asarray(J(*args))
    want = (y0.size, args[w].size)
    if J0.shape != want:
        return _shape_failure(name, _shape_diagnosis(
            "the Jacobian", J0.shape, want, "denominator layout; rows must index outputs (numerator layout)"),
            args, (w,), seed)
    other = "C" if order == "F" else "F"

    def claim_of(transform, o=order):
        def claim(a, W, V):
            M = transform(np.asarray(J(*a)))
            v, wv = _vec(V[0], o), _vec(W, o)
            return float(wv @ (M @ v)), float(np.abs(wv) @ (np.abs(M) @ np.abs(v)))
        return claim

    claim = claim_of(lambda M: M)
    # Your J read in the other order: entries permuted by both vec permutations.
    to_other = (lambda M: _other_order(M, y0.shape, args[w].shape)[0 if order == "F" else 1])
    hypotheses = [(f"other vec order: your matrix is right for vec={other!r}", claim_of(lambda M: M, other))]
    hypotheses.append((f"other vec order: your matrix converted to vec={other!r} passes", claim_of(to_other)))
    if J0.shape[0] == J0.shape[1]:
        hypotheses.append(("transposed: denominator layout (rows must index outputs)", claim_of(lambda M: M.T)))
    hypotheses += [(label, _scaled(claim, k)) for label, k in _SCALINGS]
    return _run(_Plan(name, F, args, (w,), claim, hypotheses, seed=seed))


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
    args = _as_arrays(args, name)
    (w,) = _positions(wrt, len(args), name)
    H0 = np.asarray(H(*args))
    n = args[w].size
    if H0.shape != (n, n):
        return _shape_failure(name, f"the Hessian has shape {H0.shape} but must be ({n}, {n}) "
                                    f"(the variable has {n} entries)", args, (w,), seed)
    other = "C" if order == "F" else "F"

    def claim_of(transform, o=order):
        def claim(a, U, V):
            M = transform(np.asarray(H(*a)))
            u, v = _vec(U[0], o), _vec(V[0], o)
            return float(u @ (M @ v)), float(np.abs(u) @ (np.abs(M) @ np.abs(v)))
        return claim

    claim = claim_of(lambda M: M)
    hypotheses = [("missing symmetric part: ½(H + Hᵀ) of your answer passes", claim_of(lambda M: (M + M.T) / 2)),
                  (f"other vec order: your matrix is right for vec={other!r}", claim_of(lambda M: M, other))]
    hypotheses += [(label, _scaled(claim, k)) for label, k in _SCALINGS]
    hypotheses += _symmetric_part_hypotheses(claim, args, {w})
    return _run(_Plan(name, f, args, (w,), claim, hypotheses, order=2, scalar_output=True, seed=seed))
