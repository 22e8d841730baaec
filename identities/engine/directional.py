"""Directional derivatives of a user's function, and how accurate each one is.

Every check in the handbook reduces to scalars ⟨W, DF(X)[V]⟩ (first order) or D²f(X)[U, V]
(second order) along random Gaussian directions.  This module measures them:

* **complex step** — Im F(X + ihV)/h with h = 1e-20: no subtractive cancellation, error at the
  rounding level of the computation itself (NOTES-checking: 2e-16 … 1.4e-15 relative);
* **central differences with Richardson extrapolation** over a sweep of steps, for functions that
  are not complex-analytic as written; the plateau where neighbouring extrapolants agree gives
  both the value and an error estimate.

Function calls are counted, so that a check's cost is known and bounded independently of size.
"""

from __future__ import annotations

import warnings
from typing import Callable, Sequence

import numpy as np

__all__ = ["Evaluator", "COMPLEX_STEP", "STEP_RATIO", "N_STEPS", "FIRST_ORDER_STEPS"]

#: The complex step: far below any rounding, far above underflow for O(1) data.
COMPLEX_STEP = 1e-20
#: Successive finite-difference steps shrink by this ratio (error ∝ h², so Richardson uses ratio²).
STEP_RATIO = 4.0
#: Steps in a finite-difference sweep of second differences: from 1e-2 of the data's scale down
#: to 1e-2 · 4⁻⁸ ≈ 1.5e-7 (smaller steps only add rounding noise to a second difference).
N_STEPS = 9
#: Steps of a first-order sweep: down to 1e-2 · 4⁻¹² ≈ 6e-10, deep enough for the plateau of
#: κ = 1e5 inputs, where larger steps leave the region in which the function is smooth.
FIRST_ORDER_STEPS = 13
EPS = float(np.finfo(np.float64).eps)
#: Largest step, relative to the RMS size of the point over that of the direction.
FIRST_STEP = 1e-2

# Failures of a function at a perturbed point that mean "outside the domain here", not a bug.
_DOMAIN_ERRORS = (np.linalg.LinAlgError, FloatingPointError, ZeroDivisionError, OverflowError)


def _rms(a: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.abs(a) ** 2))) if a.size else 0.0


def _pair(W, Y) -> float:
    return float(np.sum(np.asarray(W) * np.asarray(Y)))


class Evaluator:
    """Calls ``F(*args)`` with some arguments perturbed, counting the calls.

    *wrt* are the positions of the arguments being differentiated; directions are tuples with one
    array per position.
    """

    def __init__(self, F: Callable, args: Sequence[np.ndarray], wrt: tuple[int, ...]):
        self.F, self.args, self.wrt = F, list(args), wrt
        self.calls = 0

    def call(self, args) -> np.ndarray:
        self.calls += 1
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with np.errstate(all="ignore"):
                return np.asarray(self.F(*args))

    def at(self, shift: Sequence[np.ndarray], dtype=None) -> list:
        """The arguments with ``shift[i]`` added at position ``wrt[i]`` (cast to *dtype* if given);
        the other arguments are passed exactly as the user gave them."""
        args = list(self.args)
        for pos, s in zip(self.wrt, shift):
            base = args[pos].astype(dtype) if dtype is not None else args[pos]
            args[pos] = base + s
        return args

    def scale(self, V: Sequence[np.ndarray]) -> float:
        """The data's step unit along V: RMS of the perturbed arguments over RMS of the direction."""
        x = max((_rms(self.args[p]) for p in self.wrt), default=1.0) or 1.0
        v = max((_rms(v) for v in V), default=1.0) or 1.0
        return x / v

    # -- complex step ------------------------------------------------------------------------
    def complex_step(self, V, W, y0: np.ndarray, dtype=np.complex128,
                     step: float = 1.0) -> tuple[float, float, str | None]:
        """⟨W, Im F(X + ihV)⟩/h, the rounding scale Σ|W||Im F|/h, and why the path is broken (or None).

        h is 1e-20 times the data's step unit (so tiny or huge inputs are perturbed alike) times *step*.
        """
        h = COMPLEX_STEP * self.scale(V) * step
        try:
            y = self.call(self.at([1j * h * v.astype(dtype) for v in V], dtype=dtype))
        except Exception as exc:  # any failure on complex input means: use the fallback, and say so
            return np.nan, np.nan, f"complex input raised {type(exc).__name__}: {exc}"
        if not np.iscomplexobj(y):
            return np.nan, np.nan, f"F returned a real {y.dtype} array for complex input (abs, norm, float cast?)"
        if not np.all(np.isfinite(y)):
            return np.nan, np.nan, "F returned non-finite values for complex input"
        if y.shape != y0.shape:
            return np.nan, np.nan, f"F returned shape {y.shape} for complex input but {y0.shape} for real input"
        deriv = y.imag / h
        return _pair(W, deriv), float(np.sum(np.abs(W) * np.abs(deriv))), None

    # -- finite differences ------------------------------------------------------------------
    def _sweep(self, estimate: Callable[[float], tuple[float, float]], unit: float,
               steps: int = N_STEPS) -> tuple[float, float]:
        """Richardson-extrapolate ``estimate(h)`` (error ∝ h²) over a sweep; pick the plateau.

        ``estimate`` returns the difference quotient and its rounding noise (eps·|f|/h-like).  The
        error estimate is the larger of the plateau's spread and that noise, so an accidental
        agreement of two noisy values cannot make the check over-confident.
        """
        values, noise = [], []
        for h in (FIRST_STEP * unit * STEP_RATIO ** -j for j in range(steps)):
            try:
                v, e = estimate(h)
            except _DOMAIN_ERRORS:
                v, e = np.nan, np.nan
            values.append(v)
            noise.append(e)
        D, N = np.array(values, dtype=float), np.array(noise, dtype=float)
        gain = STEP_RATIO ** 2
        R = (gain * D[1:] - D[:-1]) / (gain - 1)
        RN = (gain * N[1:] + N[:-1]) / (gain - 1)
        best, best_err = np.nan, np.inf
        for j in range(len(R) - 2):
            trio = R[j:j + 3]
            if not np.all(np.isfinite(trio)):
                continue
            err = max(abs(trio[0] - trio[1]), abs(trio[1] - trio[2]), RN[j + 1])
            if err < best_err:
                best, best_err = trio[1], err
        return float(best), float(best_err)

    def central(self, V, W, steps: int = FIRST_ORDER_STEPS) -> tuple[float, float]:
        """⟨W, DF[V]⟩ by central differences with Richardson extrapolation; value and error estimate."""

        def estimate(h):
            plus = self.call(self.at([h * v for v in V]))
            minus = self.call(self.at([-h * v for v in V]))
            noise = EPS * float(np.sum(np.abs(W) * (np.abs(plus) + np.abs(minus)))) / (2 * h)
            return _pair(W, plus - minus) / (2 * h), noise

        return self._sweep(estimate, self.scale(V), steps)

    def mixed_complex(self, U, V) -> tuple[float, float]:
        """D²f[U, V] as the central difference along V of the complex-step derivative along U."""

        h = COMPLEX_STEP * self.scale(U)

        def g(t):
            shift = [1j * h * u + t * v for u, v in zip(U, V)]
            y = self.call(self.at(shift, dtype=np.complex128))
            if not np.iscomplexobj(y):
                raise FloatingPointError("complex path lost")
            return float(np.sum(y.imag)) / h

        def estimate(t):
            plus, minus = g(t), g(-t)
            return (plus - minus) / (2 * t), EPS * (abs(plus) + abs(minus)) / (2 * t)

        return self._sweep(estimate, self.scale(V))

    def mixed_real(self, U, V) -> tuple[float, float]:
        """D²f[U, V] by the four-point mixed second difference, Richardson-extrapolated."""

        def f(a, b):
            return float(np.sum(self.call(self.at([a * u + b * v for u, v in zip(U, V)]))))

        def estimate(t):
            corners = (f(t, t), f(t, -t), f(-t, t), f(-t, -t))
            value = (corners[0] - corners[1] - corners[2] + corners[3]) / (4 * t * t)
            return value, EPS * sum(abs(c) for c in corners) / (4 * t * t)

        return self._sweep(estimate, self.scale(V))
