"""What each check claims, as one description: how the user's derivative is called, which shape it
must have, and how it pairs with the random directions into the scalar the checker measures.

Each pairing also gives the claim's *spread* ρ: the standard deviation of the claimed scalar over
the random Gaussian direction it is paired with (‖G‖ for a gradient ⟨G, V⟩, ‖Y‖ for a differential
⟨W, Y⟩, ‖Mᵀw‖ for a bilinear form wᵀMv).  A bug of relative size r in the claim moves the scalar by
a Gaussian amount of standard deviation r·ρ, which is what the checker's power is computed from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, NamedTuple

import numpy as np

from .calls import Session
from .inputs import Refused, claimed_array, same_shape, shape_diagnosis

__all__ = ["Description", "Claim", "Paired", "vec"]


def vec(a: np.ndarray, order: str) -> np.ndarray:
    return np.asarray(a).reshape(-1, order=order)


@dataclass(frozen=True)
class Description:
    """One check, described once.

    * ``extra(y0, X, W, V)`` — the arguments the derivative takes after the point: none for a
      gradient, Jacobian or Hessian (their value does not depend on the direction), the
      perturbations for a differential, the upstream cotangent for a VJP;
    * ``probe_extra(y0, variables)`` — those arguments for the first call, which checks the shape;
    * ``shape(y0, X)`` — the shape the value must have; ``exact`` — no 1-D stand-in accepted;
    * ``pair(M, W, V, order)`` — the claimed scalar, its rounding scale s and its spread ρ over the
      random direction (None where the random side is not in the claimed value: the differential of
      a scalar function, whose value along V is one number);
    * ``square(y0, X, M)`` — whether "transposed" is a hypothesis for this value;
    * ``upstream_per_output`` — the last extra argument is an upstream gradient, handed over as one
      array per output of a function with several (see :mod:`.outputs`);
    * ``value_per_output`` — the derivative's value has the function's form: one array per output.
    * ``complex_ok`` — whether the variable may be complex (measured by finite differences along
      complex directions and paired in the real inner product Re tr(Aᴴ B));
    * ``conventions`` — whether, for a structured variable, the claim is a gradient stated under a
      convention ("sym" or "free");
    * ``zero_extra(y0, variables)`` — for a claim linear in its extra arguments (a differential in
      dX, a VJP in the upstream gradient), those arguments set to zero, where the claim must vanish.
    """

    name: str
    derivative: str
    order: int
    scalar: bool
    single: bool
    extra: Callable | None
    probe_extra: Callable
    shape: Callable
    transposed_means: str
    pair: Callable
    square: Callable
    exact: bool = False
    upstream_per_output: bool = False
    value_per_output: bool = False
    complex_ok: bool = False
    conventions: bool = False
    zero_extra: Callable | None = None

    @property
    def several_outputs(self) -> bool:
        """Whether the function checked may have several outputs (return a tuple)."""
        return self.upstream_per_output or self.value_per_output


class Paired(NamedTuple):
    """A claim paired with a direction: the scalar, its rounding scale s and its spread ρ."""

    value: float
    scale: float
    spread: float | None


class Claim:
    """The user's derivative D, evaluated through the session and paired with directions.

    Values that do not depend on the direction are computed once per argument list.
    """

    def __init__(self, kind: Description, session: Session, positions: tuple[int, ...], y0: np.ndarray,
                 order: str = "F"):
        self.kind, self.session, self.positions, self.y0, self.order = kind, session, positions, y0, order
        self.eps = 0.0
        self.complex_ok = False   # set by the check when a variable or the output is complex
        self.structure = None     # the variable's structure, for a gradient or VJP claimed under a convention
        self.convention = None
        self._cache: dict[int, tuple[list, np.ndarray]] = {}

    def first(self, args: list) -> str | None:
        """Call D once at the point; a diagnosis (wrong shape, not real…) if it cannot be compared."""
        variables = [args[p] for p in self.positions]
        try:
            raw = self._derivative(args, self.kind.probe_extra(self.y0, variables), "the given point")
        except Refused as exc:
            return str(exc)
        except Exception as exc:
            cause = exc.__cause__
            if isinstance(cause, ValueError):   # NumPy's shape errors: the formula does not compose here
                return (f"{self.kind.derivative} could not be evaluated at these shapes: "
                        f"{str(cause).splitlines()[0]}")
            raise
        try:
            value, eps = claimed_array(raw, self.kind.derivative, self.complex_ok)
        except Refused as exc:
            return str(exc)
        self.eps = max(self.eps, eps)
        want = self.kind.shape(self.y0, variables[0])
        fits = value.shape == want if self.kind.exact else same_shape(value.shape, want)
        if not fits:
            if self.kind.exact and self.kind.order == 2:
                return (f"{self.kind.derivative} has shape {value.shape} but must be {want} "
                        f"(the variable has {want[0]} entries)")
            return shape_diagnosis(self.kind.derivative, value.shape, want, self.kind.transposed_means)
        try:
            self._inside(value.reshape(want))
        except Refused as exc:
            return str(exc)
        affine = self._term_without_extra(args, variables)
        if affine:
            return affine
        if self.kind.extra is None:
            self._cache[id(args)] = (args, value.reshape(want))
        return None

    def _term_without_extra(self, args: list, variables: list) -> str | None:
        """A differential is linear in dX and a VJP in the upstream gradient: with those set to
        zero the claim must be zero (exactly, as every linear formula evaluates at zero), or it has
        a term that does not carry them — which no random direction would expose as such."""
        if self.kind.zero_extra is None:
            return None
        extra = self.kind.zero_extra(self.y0, variables)
        at_zero, _ = claimed_array(self._derivative(args, extra, "zero perturbations (it must vanish there)"),
                                   self.kind.derivative, self.complex_ok)
        size = float(np.max(np.abs(at_zero), initial=0.0))
        if not size > ZERO_FLOOR * float(np.max(np.abs(self.y0), initial=0.0)):
            return None
        what = "dX = 0" if self.kind is DIFFERENTIAL else "a zero upstream gradient"
        return (f"{self.kind.derivative} is not linear in its {'perturbation' if self.kind is DIFFERENTIAL else 'upstream gradient'}: "
                f"at {what} it returns values up to {size:.3g}, not zero (a term that does not carry "
                f"{'dX' if self.kind is DIFFERENTIAL else 'the upstream gradient'}?)")

    def value(self, args: list, W, V, purpose: str = "a direction") -> np.ndarray:
        """D's value for this argument list and direction, in the shape it must have."""
        if self.kind.extra is None and id(args) in self._cache:
            return self._cache[id(args)][1]
        variables = [args[p] for p in self.positions]
        extra = () if self.kind.extra is None else self.kind.extra(self.y0, variables[0], W, V)
        value, eps = claimed_array(self._derivative(args, extra, purpose), self.kind.derivative, self.complex_ok)
        self.eps = max(self.eps, eps)
        value = value.reshape(self.kind.shape(self.y0, variables[0]))
        if self.kind.extra is None:
            self._cache[id(args)] = (args, value)
        return value

    def _derivative(self, args: list, extra, purpose: str):
        """D(*args, *extra) with the function's several outputs, if it has them, in their own form: one
        upstream gradient per output going in, one array per output of a differential coming out."""
        extra = tuple(extra)
        if self.kind.upstream_per_output:
            extra = extra[:-1] + self.session.outputs.split(extra[-1])
        raw = self.session.derivative(list(args) + list(extra), purpose)
        return self.session.outputs.claimed(raw, self.kind.derivative) if self.kind.value_per_output else raw

    def __call__(self, args: list, W, V, transform: Callable = lambda M: M, order: str | None = None,
                 purpose: str = "a direction") -> Paired:
        """The claimed scalar ⟨…⟩, its rounding scale and spread, for the value transformed as given."""
        M = transform(self.value(args, W, V, purpose))
        self._inside(M)
        return self.pair(M, W, V, order or self.order)

    def pair(self, M, W, V, order: str) -> Paired:
        """A value of the claim paired with a direction — under the convention, for a structured variable."""
        if self.convention is not None:
            return Paired(*self.structure.pair(M, V[0], self.convention))
        return Paired(*self.kind.pair(M, W, V, order))

    def _inside(self, M) -> None:
        """A gradient or VJP claimed for a structured variable must itself lie in the structure."""
        if self.convention is not None and not self.structure.contains(M):
            raise Refused(f"{self.kind.derivative} is not {self.structure.name}, but under either convention the "
                          f"gradient with respect to a {self.structure.name} variable is a {self.structure.name} "
                          f"matrix" + (" (its symmetric part is the gradient under convention 'sym')"
                                       if self.structure.name == "symmetric" and self.convention == "sym" else ""))


# ---------------------------------------------------------------------------------------------
# The five descriptions


#: A claim linear in its extra arguments evaluates to exactly zero where they are zero; anything
#: beyond this fraction of the function's values is a term without them, not rounding.
ZERO_FLOOR = 1e-13


def _norm(a) -> float:
    """The Frobenius norm, without overflow or underflow for entries near the ends of the range."""
    a = np.ravel(a)
    norm = float(np.sqrt(np.vdot(a, a).real))
    if 0 < norm < np.inf and norm > 1e-150:
        return norm
    big = float(np.max(np.abs(a))) if a.size else 0.0
    return big * float(np.sqrt(np.sum(np.abs(a / big) ** 2))) if big > 0 and np.isfinite(big) else big


def _dot(a, b) -> float:
    """⟨a, b⟩ = Re Σ āᵢbᵢ: the Frobenius inner product, of ℂ^{m×n} read as ℝ^{2mn} for complex arrays."""
    return float(np.vdot(np.ravel(a), np.ravel(b)).real)


def _pair_with_V(G, W, V, order):
    return _dot(G, V[0]), _dot(np.abs(G), np.abs(V[0])), _norm(G)


def _pair_with_W(Y, W, V, order):
    spread = _norm(Y) if np.size(W) > 1 else None   # a scalar output is paired with W = 1, not random
    return _dot(W, Y), _dot(np.abs(W), np.abs(Y)), spread


def _bilinear(M, W, V, order):
    w = vec(W[0] if isinstance(W, tuple) else W, order)
    v = vec(V[0], order)
    return float(w @ (M @ v)), float(np.abs(w) @ (np.abs(M) @ np.abs(v))), _norm(w @ M)


def _square_matrix(a) -> bool:
    return np.ndim(a) == 2 and np.shape(a)[0] == np.shape(a)[1] > 1


GRADIENT = Description(
    name="check_gradient", derivative="the gradient", order=1, scalar=True, single=True, extra=None,
    probe_extra=lambda y0, X: (), shape=lambda y0, X: np.shape(X),
    transposed_means="numerator layout; the house convention stores ∇f in the shape of the variable",
    pair=_pair_with_V, square=lambda y0, X, M: _square_matrix(X), complex_ok=True, conventions=True)

DIFFERENTIAL = Description(
    name="check_differential", derivative="dF", order=1, scalar=False, single=False,
    extra=lambda y0, X, W, V: V, probe_extra=lambda y0, Xs: tuple(np.zeros_like(x) for x in Xs),
    shape=lambda y0, X: y0.shape, transposed_means="transposed result", pair=_pair_with_W,
    square=lambda y0, X, M: _square_matrix(y0), value_per_output=True, complex_ok=True,
    zero_extra=lambda y0, Xs: tuple(np.zeros_like(x) for x in Xs))

VJP = Description(
    name="check_vjp", derivative="the VJP", order=1, scalar=False, single=True,
    extra=lambda y0, X, W, V: (np.array(W),), probe_extra=lambda y0, Xs: (np.ones_like(y0),),
    shape=lambda y0, X: np.shape(X), transposed_means="numerator layout; it must have the variable's shape",
    pair=_pair_with_V, square=lambda y0, X, M: _square_matrix(X), upstream_per_output=True, complex_ok=True,
    conventions=True, zero_extra=lambda y0, Xs: (np.zeros_like(y0),))

JACOBIAN = Description(
    name="check_jacobian", derivative="the Jacobian", order=1, scalar=False, single=True, extra=None,
    probe_extra=lambda y0, X: (), shape=lambda y0, X: (y0.size, np.size(X)),
    transposed_means="denominator layout; rows must index outputs (numerator layout)",
    pair=_bilinear, square=lambda y0, X, M: M.shape[0] == M.shape[1], exact=True)

HESSIAN = Description(
    name="check_hessian", derivative="the Hessian", order=2, scalar=True, single=True, extra=None,
    probe_extra=lambda y0, X: (), shape=lambda y0, X: (np.size(X), np.size(X)),
    transposed_means="", pair=_bilinear, square=lambda y0, X, M: True, exact=True)
