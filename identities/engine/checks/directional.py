"""Directional derivatives of a user's function, and how accurate each one is.

Every check reduces to scalars ⟨W, DF(X)[V]⟩ (first order) or D²f(X)[U, V] (second order) along
random Gaussian directions.  This module measures them:

* **complex step** — Im F(X + ihV)/h with h = 1e-20 of the data's scale: no subtractive
  cancellation, error at the rounding level of the computation itself; its real part repeats F(X);
* **one central difference** at a step scaled to the point, with a bound on its own error
  (rounding from the measured evaluation noise, truncation from the second difference): a cheap
  cross-check;
* **central differences with Richardson extrapolation** over a sweep of steps, for functions that
  are not complex-analytic as written; the plateau where neighbouring extrapolants agree gives both
  the value and an error estimate, and the one-sided slopes at the plateau's steps show a kink.

Calls go through the check's :class:`~identities.engine.checks.calls.Session` (counted, copied).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from .calls import LeftDomain, NoComplexInput, Session

__all__ = ["Evaluator", "ComplexValue", "Sweep", "Probe", "COMPLEX_STEP", "FIRST_ORDER_STEPS",
           "SECOND_ORDER_STEPS", "SHORT_STEPS", "PROBE_STEP"]

#: The complex step, relative to the data's step unit: far below any rounding.
COMPLEX_STEP = 1e-20
#: Smallest absolute size of the complex perturbation h·|v|: products of tiny data with it must not
#: underflow to zero (data scaled by 1e-160 would otherwise lose the imaginary part).
SMALLEST_PERTURBATION = 1e-250
#: Successive finite-difference steps shrink by this ratio (error ∝ h², so Richardson uses ratio²).
STEP_RATIO = 4.0
#: Largest finite-difference step, relative to the data's step unit.
FIRST_STEP = 1e-2
#: Steps of a first-order sweep: down to 1e-2 · 4⁻¹² ≈ 6e-10, deep enough for the plateau of
#: κ = 1e5 inputs, where larger steps leave the region in which the function is smooth.
FIRST_ORDER_STEPS = 13
#: Steps of a second-order sweep: down to 1e-2 · 4⁻⁸ ≈ 1.5e-7 (smaller steps only add rounding
#: noise to a second difference).
SECOND_ORDER_STEPS = 9
#: The short second-order measurement: three steps from 1e-2 · 4⁻² (two Richardson extrapolants,
#: whose difference is the error estimate); the full sweep runs only where it cannot judge.
SHORT_STEPS = 3
SHORT_FIRST = 2
#: The single cross-check step at an ordinary point, ≈ eps^(1/3): rounding and truncation errors
#: balance near it (the check divides it by the point's gain elsewhere).
PROBE_STEP = 1e-5
#: Relative nudge of the rounding-noise probe: a few units in the last place of float64.
ULP_NUDGE = 4 * float(np.finfo(np.float64).eps)
#: Evaluations of the rounding-noise probe (one sample can be small by chance).
NOISE_SAMPLES = 2
#: Margin of the single step's error bound (its truncation estimate is a model, not a measurement).
PROBE_SAFETY = 10.0
#: One-sided slopes that differ by this many times their rounding noise are a signal, not noise.
KINK_SIGNAL = 10.0


def _rms(a: np.ndarray) -> float:
    a = np.ravel(a)
    return float(np.sqrt(np.vdot(a, a).real / a.size)) if a.size else 0.0


def _pair(W, Y) -> float:
    """⟨W, Y⟩ = Re Σ W̄ᵢYᵢ (the real inner product, for complex outputs as for real ones)."""
    return float(np.vdot(np.ravel(W), np.ravel(Y)).real)


def _weighted(W, Y) -> float:
    return float(np.vdot(np.abs(np.ravel(W)), np.abs(np.ravel(Y))))


@dataclass
class ComplexValue:
    """One complex-step measurement: ⟨W, Im F⟩/h, its rounding scale, the real part Re F (a free
    repeat of F(X)), the step h, and why the path is unusable (or None)."""

    value: float = np.nan
    scale: float = np.nan
    real: np.ndarray | None = None
    imag: np.ndarray | None = None
    h: float = 0.0
    broken: str | None = None


@dataclass
class Sweep:
    """A Richardson sweep: value, error estimate, a kink seen at its steps (or None), skipped steps."""

    value: float
    error: float
    kink: str | None = None
    left_domain: int = 0


@dataclass
class Probe:
    """One central difference: its value, a bound on its error (infinite when it could not be
    formed) and the share of the bound that truncation — curvature, or a kink — makes up."""

    value: float
    bound: float
    truncated: float = 1.0


class Evaluator:
    """Calls ``F(*args)`` with the arguments at *wrt* perturbed.

    ``noise`` is the absolute uncertainty of one evaluation of F per output entry, beyond its
    rounding ``eps``·|F| (zero until a repeat shows the function is not reproducible).
    """

    def __init__(self, session: Session, args: list, wrt: tuple[int, ...], y0: np.ndarray, eps: float,
                 structures: tuple = ()):
        # the very list the check holds (never changed here): the claim's values are cached by it
        self.session, self.args, self.wrt, self.y0, self.eps = session, args, wrt, y0, eps
        self.structures = structures or (None,) * len(wrt)
        self.noise: np.ndarray | float = 0.0

    def relative(self, position: int, rng: np.random.Generator, size: float) -> np.ndarray:
        """A random relative perturbation of the differentiated argument at *position*, of relative
        size *size*, inside its structure (a structured matrix moves only its free entries)."""
        a = self.args[position]
        S = self.structures[self.wrt.index(position)]
        if S is None:
            return size * a * rng.standard_normal(np.shape(a))
        theta = S.coordinates(a)
        return size * S.embed(theta * rng.standard_normal(theta.shape), a.shape[0])

    def at(self, shift: Sequence[np.ndarray], dtype=None) -> list:
        """The arguments with ``shift[i]`` added at position ``wrt[i]`` (cast to *dtype* if given)."""
        args = list(self.args)
        for pos, s in zip(self.wrt, shift):
            base = args[pos].astype(dtype) if dtype is not None else args[pos]
            args[pos] = base + s
        return args

    def unit(self, V) -> float:
        """The data's step unit along V: RMS of the perturbed arguments over RMS of the direction."""
        x = max((_rms(self.args[p]) for p in self.wrt), default=1.0) or 1.0
        v = max((_rms(v) for v in V), default=1.0) or 1.0
        return x / v

    def rounding(self, W, *outputs, floor: float = 0.0) -> float:
        """Σ|W|·(eps·|Y| + noise) over the given outputs: the uncertainty of their W-pairing, each
        output's eps-part at least *floor* (what rounding the point costs: see ``probe``)."""
        return sum(max(self.eps * _weighted(W, Y), floor) + _weighted(W, np.broadcast_to(self.noise, np.shape(Y)))
                   for Y in outputs)

    # -- complex step ------------------------------------------------------------------------
    def complex_step(self, V, W, purpose: str, step: float = 1.0, first: bool = False) -> ComplexValue:
        """⟨W, Im F(X + ihV)⟩/h.  *first*: a TypeError means "no complex input" (not an error)."""
        v_rms = max((_rms(v) for v in V), default=1.0) or 1.0
        h = max(COMPLEX_STEP * self.unit(V), SMALLEST_PERTURBATION / v_rms) * step
        args = list(self.args)
        for pos, v in zip(self.wrt, V):
            args[pos] = np.empty(np.shape(v), dtype=np.complex128)
            args[pos].real, args[pos].imag = self.args[pos], h * v
        try:
            y = self.session.function(args, purpose, complex_input=first, made=self.wrt)
        except NoComplexInput as exc:
            return ComplexValue(broken=f"the function does not accept complex input ({exc})")
        if not np.iscomplexobj(y):
            return ComplexValue(broken=f"F returned a real {y.dtype} array for complex input (abs, norm, float cast?)")
        if not np.all(np.isfinite(y)):
            return ComplexValue(broken="F returned non-finite values for complex input")
        if y.shape != self.y0.shape:
            return ComplexValue(broken=f"F returned shape {y.shape} for complex input but {self.y0.shape} "
                                       "for real input")
        deriv = y.imag / h
        return ComplexValue(_pair(W, deriv), _weighted(W, deriv), y.real.astype(np.float64), deriv, h)

    # -- finite differences ------------------------------------------------------------------
    def rounding_noise(self, rng: np.random.Generator, count: int = NOISE_SAMPLES) -> None:
        """Measure what one evaluation's rounding costs: F at X nudged by a few units in the last
        place (random, relative), against F(X).  Every finite-difference point is formed with such
        a rounding of X + hV, and inside F the roundings are redrawn — so the difference also shows
        cancellation that eps·|F| cannot (a residual that nearly vanishes, a large sum)."""
        for k in range(count):
            shift = [self.relative(p, rng, ULP_NUDGE) for p in self.wrt]
            try:
                y = self._value_at(shift, "a rounding-noise probe next to the given point")
            except LeftDomain:
                continue
            self.noise = np.maximum(self.noise, np.abs(y - self.y0))

    def _value_at(self, shift, purpose: str) -> np.ndarray:
        y = self.session.function(self.at(shift), purpose, domain=True, made=self.wrt)
        if y.shape != self.y0.shape:
            raise ValueError(f"{self.session.name}: the function returned shape {y.shape} at "
                             f"{purpose} but {self.y0.shape} at the given point")
        if np.iscomplexobj(self.y0):   # a complex output, at a complex variable
            return y.astype(np.complex128)
        return y.real.astype(np.float64) if np.iscomplexobj(y) else y.astype(np.float64)

    def probe(self, V, W, label: str, shrink: float = 1.0, floor: float = 0.0) -> Probe:
        """One central difference at ``PROBE_STEP``/*shrink*, with a bound on its error: rounding
        from the evaluation noise, each value off by at least *floor* (a backward-stable evaluation
        of F is off by up to eps·Σ|∇F|·|X|, however small F itself), truncation (h²/6)|D³|
        modelled from the second difference as (D²h)²/(6|D|)."""
        t = PROBE_STEP * self.unit(V) / shrink
        try:
            plus = self._value_at([t * v for v in V], f"the cross-check step along {label}")
            minus = self._value_at([-t * v for v in V], f"the cross-check step along {label}")
        except LeftDomain:
            return Probe(np.nan, np.inf)
        value = _pair(W, plus - minus) / (2 * t)
        curvature = abs(_pair(W, plus + minus - 2 * self.y0)) / t          # |D²|·t
        rounding = self.rounding(W, plus, minus, self.y0, self.y0, floor=floor) / t
        truncation = curvature * (curvature / (6 * abs(value))) if value else np.inf
        total = rounding + truncation
        return Probe(value, PROBE_SAFETY * total, truncation / total if total > 0 else 0.0)

    def probe_rounding(self, V, W, shrink: float = 1.0, floor: float = 0.0) -> float:
        """The rounding part of ``probe``'s bound, predicted from F(X) before any call (the values
        at X ± tV are about as large): no probe resolves the derivative more finely than this."""
        t = PROBE_STEP * self.unit(V) / shrink
        return PROBE_SAFETY * self.rounding(W, self.y0, self.y0, self.y0, self.y0, floor=floor) / t

    def central(self, V, W, label: str, steps: int = FIRST_ORDER_STEPS) -> Sweep:
        """⟨W, DF[V]⟩ by central differences with Richardson extrapolation, with a kink test."""
        y0w = _pair(W, self.y0)
        hs = [FIRST_STEP * self.unit(V) * STEP_RATIO ** -j for j in range(steps)]
        values, noise, slopes, left = [], [], [], 0
        for h in hs:
            what = f"a finite-difference step along {label} (h = {h:.1e})"
            try:
                plus = self._value_at([h * v for v in V], what)
                minus = self._value_at([-h * v for v in V], what)
            except LeftDomain:
                left += 1
                values.append(np.nan), noise.append(np.nan), slopes.append(np.nan)
                continue
            values.append(_pair(W, plus - minus) / (2 * h))
            noise.append(self.rounding(W, plus, minus) / (2 * h))
            slopes.append(abs(_pair(W, plus + minus) - 2 * y0w) / h)   # forward minus backward slope
        value, error, k = _richardson(values, noise)
        kink = _kink(slopes, noise, error, hs, k, label)
        return Sweep(value, error, kink, left)

    def mixed_complex(self, U, V, relative_noise: float = 0.0, at_point: float | None = None,
                      short: bool = False) -> Sweep:
        """D²f[U, V] as the central difference along V of g(t) = Df(X + tV)[U], each g a complex
        step.  With g(0) given (*at_point*), the one-sided slopes of g show a kink in the gradient.
        *short*: three steps only (six calls) instead of the full sweep."""
        v_rms = max((_rms(u) for u in U), default=1.0) or 1.0
        h = max(COMPLEX_STEP * self.unit(U), SMALLEST_PERTURBATION / v_rms)

        def g(t):
            shift = [1j * h * u + t * v for u, v in zip(U, V)]
            y = self.session.function(self.at(shift, dtype=np.complex128),
                                      f"a mixed complex-step/finite-difference point (t = {t:.1e})", domain=True,
                                      made=self.wrt)
            if not np.iscomplexobj(y):
                raise LeftDomain("complex path lost")
            return float(np.sum(y.imag)) / h

        # g is rounded at the scale of the terms F is summed from, not of g itself: |F(X)| per unit of U
        terms = float(np.sum(np.abs(self.y0))) / self.unit(U)

        def estimate(t):
            plus, minus = g(t), g(-t)
            noise = (self.eps + relative_noise) * (max(abs(plus), terms) + max(abs(minus), terms)) / (2 * t)
            slope = abs(plus + minus - 2 * at_point) / t if at_point is not None else np.nan
            return (plus - minus) / (2 * t), noise, slope

        return self._sweep(estimate, self.unit(V), short, "the second direction")

    def mixed_real(self, U, V) -> Sweep:
        """D²f[U, V] by the four-point mixed second difference, Richardson-extrapolated."""
        ones = np.ones(self.y0.shape)

        def f(a, b):
            y = self._value_at([a * u + b * v for u, v in zip(U, V)],
                               f"a mixed finite-difference point ({a:.1e}, {b:.1e})")
            return float(np.sum(y)), self.rounding(ones, y)

        def estimate(t):
            corners = (f(t, t), f(t, -t), f(-t, t), f(-t, -t))
            c = [x for x, _ in corners]
            value = (c[0] - c[1] - c[2] + c[3]) / (4 * t * t)
            return value, sum(e for _, e in corners) / (4 * t * t), np.nan

        return self._sweep(estimate, self.unit(V), False, "the second direction")

    def _sweep(self, estimate: Callable[[float], tuple[float, float, float]], unit: float, short: bool,
               label: str) -> Sweep:
        first, count = (SHORT_FIRST, SHORT_STEPS) if short else (0, SECOND_ORDER_STEPS)
        hs = [FIRST_STEP * unit * STEP_RATIO ** -j for j in range(first, first + count)]
        values, noise, slopes, left = [], [], [], 0
        for h in hs:
            try:
                v, e, slope = estimate(h)
            except LeftDomain:
                v, e, slope = np.nan, np.nan, np.nan
                left += 1
            values.append(v)
            noise.append(e)
            slopes.append(slope)
        value, error, k = _richardson(values, noise, span=2 if short else 3)
        return Sweep(value, error, _kink(slopes, noise, error, hs, k, label), left)


def _kink(slopes: list, noise: list, error: float, hs: list, k: int | None, label: str) -> str | None:
    """A kink seen by the steps the plateau was computed from (starting at index *k*): the
    difference of the one-sided slopes stays put as the step shrinks, instead of shrinking with it,
    and stands out of both the rounding noise and the plateau's own error."""
    if k is None:
        return None
    window = range(k, min(k + 4, len(slopes)))
    J = [slopes[i] for i in window]
    if not np.all(np.isfinite(J)):
        return None
    JN = 4 * noise[window[-1]]
    if J[-1] >= J[0] / 2 and J[-1] >= KINK_SIGNAL * JN and J[-1] > error:
        return (f"the one-sided slopes along {label} differ by {J[-1]:.2e} at every step from "
                f"{hs[window[0]]:.1e} down to {hs[window[-1]]:.1e} instead of shrinking with the step")
    return None


def _richardson(values: list, noise: list, span: int = 3) -> tuple[float, float, int | None]:
    """Richardson-extrapolate difference quotients (error ∝ h²) and pick the plateau.

    The error estimate of *span* neighbouring extrapolants is the larger of their spread and their
    rounding noise, so an accidental agreement of noisy values cannot make it over-confident.
    Returns the value, its error and the index of the first difference quotient used (None if no
    *span* neighbouring extrapolants are finite).
    """
    D, N = np.array(values, dtype=float), np.array(noise, dtype=float)
    gain = STEP_RATIO ** 2
    R = (gain * D[1:] - D[:-1]) / (gain - 1)
    RN = (gain * N[1:] + N[:-1]) / (gain - 1)
    best, best_err, where = np.nan, np.inf, None
    for j in range(len(R) - span + 1):
        run = R[j:j + span]
        middle = j + span // 2
        if not (np.all(np.isfinite(run)) and np.isfinite(RN[middle])):
            continue
        err = max(float(np.max(np.abs(np.diff(run)))), RN[middle])
        if err < best_err:
            best, best_err, where = run[span // 2], err, j
    return float(best), float(best_err), where
