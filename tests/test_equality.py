"""check_equal: two expressions agree within the rounding they can make at the point, and no closer than that.

The allowance is measured (nudging the inputs), so it must tighten at a well-conditioned point enough
to reject a formula wrong by one part in 10⁸, widen with the conditioning enough never to reject a
correct one, and give up (inconclusive) rather than guess when the point is too ill-conditioned.
"""

from __future__ import annotations

import numpy as np
import pytest

from identities import check_equal
from identities.engine.checks import FunctionError
from helpers import conditioned

inv = np.linalg.inv


def sherman_morrison_left(A, u, v):
    return inv(A + u @ v.T)


def sherman_morrison_right(A, u, v):
    Ai = inv(A)
    return Ai - Ai @ u @ v.T @ Ai / (1 + v.T @ Ai @ u)


def point(kappa: float, seed: int = 0, n: int = 6):
    rng = np.random.default_rng(seed)
    A = conditioned(n, kappa, seed)
    u, v = rng.standard_normal((n, 1)), rng.standard_normal((n, 1))
    return A, u, v


@pytest.mark.parametrize("seed", range(5))
def test_a_correct_identity_passes_and_one_wrong_by_one_part_in_1e8_fails(seed):
    args = point(10.0, seed)
    assert check_equal(sherman_morrison_left, sherman_morrison_right, *args, seed=seed).verdict == "passed"
    off = check_equal(sherman_morrison_left, lambda *a: (1 + 1e-8) * sherman_morrison_right(*a), *args, seed=seed)
    assert off.verdict == "failed"


def test_the_allowance_follows_the_conditioning_and_never_fails_a_correct_identity():
    tolerances = []
    for kappa in (1e1, 1e3, 1e5, 1e7):
        checks = [check_equal(sherman_morrison_left, sherman_morrison_right, *point(kappa, seed), seed=seed)
                  for seed in range(4)]
        assert all(c.verdict != "failed" for c in checks), kappa
        tolerances.append(max(c.tolerance for c in checks))
    assert tolerances[-1] > 1e3 * tolerances[0], tolerances


@pytest.mark.parametrize("kappa", [1e2, 1e5, 1e8])
def test_rounding_that_no_nudge_moves_is_allowed_for(kappa):
    """inv(A)·A is exactly I for every A, so nudging A does not move it; its rounding error, ≈ κε, is
    seen by evaluating it in single precision."""
    A = conditioned(6, kappa, 1)
    assert check_equal(lambda A: inv(A) @ A, lambda A: np.eye(6), A).verdict == "passed"


@pytest.mark.parametrize("lhs, rhs", [
    (lambda A: inv(A) @ A, lambda A: np.eye(6)),
    (lambda A: inv(A) @ A, lambda A: (1 + 1e-3) * np.eye(6)),
])
def test_a_point_too_ill_conditioned_to_judge_is_inconclusive_and_says_so(lhs, rhs):
    check = check_equal(lhs, rhs, conditioned(6, 1e13, 0))
    assert check.verdict == "inconclusive" and "ill-conditioned" in check.reason


@pytest.mark.parametrize("wrong, diagnosis", [
    (lambda A, u, v: -sherman_morrison_right(A, u, v), "sign"),
    (lambda A, u, v: sherman_morrison_right(A, u, v).T, "transposed"),
    (lambda A, u, v: 2 * sherman_morrison_right(A, u, v), "factor 2"),
])
def test_a_classic_mistake_is_named(wrong, diagnosis):
    check = check_equal(sherman_morrison_left, wrong, *point(10.0))
    assert check.verdict == "failed" and check.diagnosis.startswith(diagnosis)


def test_sides_of_different_shapes_fail_naming_both():
    check = check_equal(lambda A: A, lambda A: A[:, :2], np.eye(3))
    assert check.verdict == "failed" and "(3, 3) and (3, 2)" in check.diagnosis


def test_a_right_hand_side_that_does_not_compose_fails_and_one_that_errors_otherwise_raises():
    A = np.eye(3)
    assert "could not be evaluated at these shapes" in check_equal(lambda A: A, lambda A: A @ np.ones((2, 2)), A).diagnosis
    with pytest.raises(FunctionError, match="ZeroDivisionError"):
        check_equal(lambda A: A, lambda A: 1 / 0, A)


def test_complex_sides_are_compared():
    rng = np.random.default_rng(1)
    Z = rng.standard_normal((3, 3)) + 1j * rng.standard_normal((3, 3))
    assert check_equal(lambda Z: (Z @ Z).conj().T, lambda Z: Z.conj().T @ Z.conj().T, Z).verdict == "passed"
    assert check_equal(lambda Z: (Z @ Z).conj().T, lambda Z: Z.T @ Z.T, Z).verdict == "failed"


def test_the_caller_s_arrays_are_left_alone_and_integer_data_is_not_nudged():
    A, u, v = point(10.0)
    before = A.copy()

    def scribbles(A, u, v):
        A[0, 0] = 99.0
        return sherman_morrison_right(A, u, v)
    check_equal(sherman_morrison_left, scribbles, A, u, v)
    assert np.array_equal(A, before)
    labels = np.array([2, 0, 1])
    seen = []

    def picks(X, idx):
        seen.append(idx.copy())
        return X[idx]
    check_equal(picks, lambda X, idx: X[np.argsort(np.argsort(idx))][idx][np.argsort(np.argsort(idx))][idx],
                np.arange(3.0) + 0.5, labels)
    assert all(np.array_equal(s, labels) for s in seen)
