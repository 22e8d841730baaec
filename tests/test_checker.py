"""The public checker plants wrong answers and must see them rejected, and must not cry wolf."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import Counted, conditioned, inv_T, logdet, logdet_slog
from identities import check_differential, check_gradient, check_hessian, check_jacobian, check_vjp
from identities.engine.checks import CENTRAL, COMPLEX, MAX_EVALUATIONS

RNG = np.random.default_rng(20261126)
A5 = RNG.standard_normal((5, 5))
X53 = RNG.standard_normal((5, 3))


def quad(A, X):
    return np.trace(X.T @ A @ X)


# -- planted wrong answers ---------------------------------------------------------------------

def test_correct_quadratic_gradient_passes():
    check = check_gradient(quad, lambda A, X: (A + A.T) @ X, A5, X53, wrt=1)
    assert check.ok and check.method == COMPLEX, check


def test_2AX_for_symmetric_part_is_rejected_and_named():
    check = check_gradient(quad, lambda A, X: 2 * A @ X, A5, X53, wrt=1)
    assert not check.ok
    assert check.diagnosis.startswith("missing symmetric part"), check


def test_inverse_for_inverse_transpose_is_rejected_as_transposed():
    X = conditioned(6, 10, seed=1)
    check = check_gradient(logdet, np.linalg.inv, X)
    assert not check.ok and check.diagnosis.startswith("transposed"), check


def test_transposed_gradient_of_rectangular_variable_is_a_shape_failure_naming_layout():
    f = lambda A, X: np.sum((A[:, :3] @ X.T) ** 2)
    grad = lambda A, X: (2 * (A[:, :3] @ X.T).T @ A[:, :3]).T  # right shape would be X's (5, 3)
    check = check_gradient(f, grad, A5, X53, wrt=1)
    assert not check.ok and check.method == "shape"
    assert "(3, 5)" in check.diagnosis and "(5, 3)" in check.diagnosis and "numerator layout" in check.diagnosis


@pytest.mark.parametrize("factor, name", [(-1.0, "sign"), (2.0, "factor 2"), (0.5, "factor ½")])
def test_scaled_answers_are_named(factor, name):
    check = check_gradient(quad, lambda A, X: factor * (A + A.T) @ X, A5, X53, wrt=1)
    assert not check.ok and check.diagnosis.startswith(name), check


@pytest.mark.parametrize("seed", range(5))
def test_off_by_one_part_in_1e8_is_rejected_with_complex_step(seed):
    X = conditioned(8, 100, seed)
    check = check_gradient(logdet, lambda X: inv_T(X) * (1 + 1e-8), X, seed=seed)
    assert not check.ok and check.method == COMPLEX, check


@pytest.mark.parametrize("seed", range(5))
def test_off_by_one_part_in_a_million_is_rejected_by_the_fallback(seed):
    X = conditioned(6, 10, seed)
    good = check_gradient(logdet_slog, inv_T, X, seed=seed)
    bad = check_gradient(logdet_slog, lambda X: inv_T(X) * (1 + 1e-6), X, seed=seed)
    assert good.ok and good.method == CENTRAL, good
    assert not bad.ok and bad.method == CENTRAL, bad


@pytest.mark.parametrize("n, kappa", [(5, 1e5), (20, 1e5), (50, 1e4), (50, 1e5)])
def test_no_false_alarm_up_to_condition_number_1e5(n, kappa):
    for seed in range(10):
        X = conditioned(n, kappa, seed)
        check = check_gradient(logdet, inv_T, X, seed=seed)
        assert check.ok, f"false alarm at n={n}, kappa={kappa:g}, seed={seed}: {check}"


def test_no_false_alarm_in_the_fallback_up_to_condition_number_1e5():
    for seed in range(10):
        X = conditioned(6, 1e5, seed)
        check = check_gradient(logdet_slog, inv_T, X, seed=seed)
        assert check.ok and check.method == CENTRAL, f"seed={seed}: {check}"


# -- cost and method ----------------------------------------------------------------------------

def test_cost_does_not_grow_with_size_300x300():
    X = conditioned(300, 100, seed=3)
    for grad in (inv_T, np.linalg.inv):  # a passing and a failing check (ladder, cross-check, diagnosis)
        f = Counted(logdet)
        check = check_gradient(f, grad, X)
        assert f.calls <= MAX_EVALUATIONS and check.evaluations == f.calls, (f.calls, check)


def test_fallback_is_detected_and_reported_for_a_real_result():
    f = lambda X: np.sum(np.abs(X) ** 3)
    check = check_gradient(f, lambda X: 3 * X * np.abs(X), X53)
    assert check.ok and check.method == CENTRAL
    assert any("real" in note for note in check.notes), check.notes


def test_non_analytic_complex_path_is_caught_by_the_cross_check():
    # vdot conjugates its first argument: the complex step sees Im = 0 although the result is complex.
    f = lambda X: np.vdot(X, X)
    good = check_gradient(f, lambda X: 2 * X, X53)
    bad = check_gradient(f, lambda X: 2 * X * (1 + 1e-6), X53)
    assert good.ok and good.method == CENTRAL and any("not complex-analytic" in n for n in good.notes), good
    assert not bad.ok


def test_same_seed_same_verdict_and_numbers():
    a = check_gradient(quad, lambda A, X: 2 * A @ X, A5, X53, wrt=1, seed=7)
    b = check_gradient(quad, lambda A, X: 2 * A @ X, A5, X53, wrt=1, seed=7)
    assert a == b


def test_repr_is_readable():
    text = repr(check_gradient(quad, lambda A, X: (A + A.T) @ X, A5, X53, wrt=1))
    assert text.startswith("Check(passed, method='complex-step'") and "evaluations=" in text


# -- the other checks --------------------------------------------------------------------------

def test_differential_of_inverse_and_its_sign_mistake():
    X = conditioned(4, 10, seed=0)
    inv = np.linalg.inv
    assert check_differential(inv, lambda X, dX: -inv(X) @ dX @ inv(X), X)
    bad = check_differential(inv, lambda X, dX: inv(X) @ dX @ inv(X), X)
    assert not bad.ok and bad.diagnosis.startswith("sign")
    swapped = check_differential(inv, lambda X, dX: -inv(X) @ inv(X) @ dX, X)
    assert not swapped.ok


def test_jacobian_vec_orders_and_layouts():
    A, X, B = RNG.standard_normal((3, 2)), RNG.standard_normal((2, 4)), RNG.standard_normal((4, 5))
    F = lambda A, X, B: A @ X @ B
    assert check_jacobian(F, lambda A, X, B: np.kron(B.T, A), A, X, B, wrt=1, vec="F")
    assert check_jacobian(F, lambda A, X, B: np.kron(A, B.T), A, X, B, wrt=1, vec="C")
    wrong_order = check_jacobian(F, lambda A, X, B: np.kron(A, B.T), A, X, B, wrt=1, vec="F")
    assert not wrong_order.ok and wrong_order.diagnosis.startswith("other vec order")
    transposed = check_jacobian(F, lambda A, X, B: np.kron(B.T, A).T, A, X, B, wrt=1)
    assert not transposed.ok and "denominator layout" in transposed.diagnosis


def test_vjp_of_linear_layer_and_swapped_product():
    W, X = RNG.standard_normal((3, 4)), RNG.standard_normal((4, 6))
    F = lambda W, X: W @ X
    assert check_vjp(F, lambda W, X, Zb: Zb @ X.T, W, X, wrt=0)
    assert check_vjp(F, lambda W, X, Zb: W.T @ Zb, W, X, wrt=1)
    # Square factors, so that the operands in the wrong order still give the right shape.
    Ws, Xs = RNG.standard_normal((2, 4, 4))
    wrong = check_vjp(F, lambda W, X, Zb: X.T @ Zb, Ws, Xs, wrt=0)
    assert wrong.verdict == "failed" and wrong.method == COMPLEX, wrong


def test_hessian_bilinear_form_sees_the_antisymmetric_part():
    A, x = RNG.standard_normal((4, 4)), RNG.standard_normal(4)
    f = lambda A, x: x @ A @ x
    assert check_hessian(f, lambda A, x: A + A.T, A, x, wrt=1)
    bad = check_hessian(f, lambda A, x: 2 * A, A, x, wrt=1)
    assert not bad.ok and bad.diagnosis.startswith("missing symmetric part"), bad


def test_hessian_vec_order_for_matrix_variable():
    A, X, B = RNG.standard_normal((5, 3)), RNG.standard_normal((3, 4)), RNG.standard_normal((5, 4))
    f = lambda A, X, B: 0.5 * np.sum((A @ X - B) * (A @ X - B))
    assert check_hessian(f, lambda A, X, B: np.kron(np.eye(4), A.T @ A), A, X, B, wrt=1, vec="F")
    assert check_hessian(f, lambda A, X, B: np.kron(A.T @ A, np.eye(4)), A, X, B, wrt=1, vec="C")
    bad = check_hessian(f, lambda A, X, B: np.kron(A.T @ A, np.eye(4)), A, X, B, wrt=1, vec="F")
    assert not bad.ok and "vec order" in bad.diagnosis


# -- bad input is refused clearly -------------------------------------------------------------------

def test_non_scalar_function_is_refused_for_a_gradient():
    with pytest.raises(ValueError, match="scalar-valued"):
        check_gradient(lambda X: X @ X, lambda X: X, A5)


@pytest.mark.parametrize("kwargs, error", [({"wrt": 3}, ValueError), ({"wrt": "X"}, ValueError)])
def test_bad_wrt_is_refused(kwargs, error):
    with pytest.raises(error, match="wrt"):
        check_gradient(quad, lambda A, X: (A + A.T) @ X, A5, X53, **kwargs)


def test_empty_variable_is_refused():
    with pytest.raises(ValueError, match="empty"):
        check_gradient(lambda x: np.sum(x ** 2), lambda x: 2 * x, np.zeros((0, 3)))


def test_bad_vec_order_and_complex_input_are_refused():
    with pytest.raises(ValueError, match="vec"):
        check_jacobian(lambda X: X, lambda X: np.eye(15), X53, vec="R")
    with pytest.raises(TypeError, match="a gradient is defined for a real-valued function"):
        check_gradient(np.sum, np.ones_like, X53 + 1j)
    with pytest.raises(TypeError, match="point"):
        check_gradient(np.sum, np.ones_like)


def test_row_gradient_for_a_column_variable_is_numerator_layout():
    C, x = RNG.standard_normal((5, 3)), RNG.standard_normal((3, 1))
    f = lambda C, x: 0.5 * np.sum((C @ x) ** 2)
    assert check_gradient(f, lambda C, x: C.T @ C @ x, C, x, wrt=1)
    assert check_gradient(f, lambda C, x: (C.T @ C @ x).ravel(), C, x, wrt=1)  # 1-D stands for the column
    row = check_gradient(f, lambda C, x: (C.T @ C @ x).T, C, x, wrt=1)
    assert not row.ok and "numerator layout" in row.diagnosis
