"""Small shared constructions for the tests (conditioned matrices, call counters)."""

from __future__ import annotations

import numpy as np

from identities.engine.conditions import construct


def conditioned(n: int, kappa: float, seed: int, positive_det: bool = True) -> np.ndarray:
    """A dense non-symmetric n×n matrix with condition number exactly kappa (and det > 0)."""
    names = ("positive-determinant",) if positive_det else ("invertible",)
    return construct(np.random.default_rng(seed), (n, n), names, kappa)


class Counted:
    """Wrap a function and count its calls."""

    def __init__(self, fn):
        self.fn, self.calls = fn, 0

    def __call__(self, *args):
        self.calls += 1
        return self.fn(*args)


def logdet(X):
    """log det X written so that it survives the complex step (det, then log)."""
    return np.log(np.linalg.det(X))


def logdet_slog(X):
    """log |det X| through slogdet's real part: not complex-analytic as written."""
    return np.linalg.slogdet(X)[1]


def inv_T(X):
    return np.linalg.inv(X).T
