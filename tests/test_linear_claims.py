"""A differential is linear in dX and a VJP in the upstream gradient: a claim with a term that
carries neither is rejected at once, naming the problem, not left inconclusive."""

from __future__ import annotations

import numpy as np

from identities import check_differential, check_vjp

X = np.random.default_rng(0).standard_normal((4, 4))


def f(X):
    return np.trace(X) * X


def test_a_differential_with_a_term_without_dx_is_rejected_and_named():
    check = check_differential(f, lambda X, dX: X + np.trace(X) * dX, X)
    assert check.verdict == "failed" and "not linear" in check.diagnosis and "dX" in check.diagnosis


def test_a_vjp_with_a_term_without_the_upstream_gradient_is_rejected_and_named():
    check = check_vjp(f, lambda X, G: np.trace(X) * G + np.eye(4), X)
    assert check.verdict == "failed" and "not linear" in check.diagnosis


def test_the_right_differential_and_vjp_still_pass():
    assert check_differential(f, lambda X, dX: np.trace(dX) * X + np.trace(X) * dX, X).ok
    assert check_vjp(f, lambda X, G: np.trace(X) * G + np.trace(X.T @ G) * np.eye(4), X).ok
