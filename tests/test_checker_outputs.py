"""check_vjp and check_differential take a function with several outputs (a tuple): the VJP gets one
upstream gradient per output, a differential returns one array per output, and the pairing sums
over the outputs: ⟨W, DF[V]⟩ = Σₖ ⟨Wₖ, DFₖ[V]⟩."""

from __future__ import annotations

import numpy as np
import pytest

from identities import check_differential, check_gradient, check_jacobian, check_vjp

X = np.random.default_rng(5).standard_normal((3, 3)) + 3 * np.eye(3)
A = np.random.default_rng(6).standard_normal((2, 3))


def F(X, A):
    """Two outputs of different shapes: a 2×3 product and a scalar."""
    return A @ X, np.trace(X @ X)


def vjp(X, A, Pbar, tbar):
    return A.T @ Pbar + 2 * tbar * X.T


def dF(X, A, dX):
    return A @ dX, 2 * np.trace(X @ dX)


def test_a_vjp_with_one_upstream_gradient_per_output_passes():
    check = check_vjp(F, vjp, X, A, wrt=0)
    assert check.verdict == "passed" and check.method == "complex-step", check


@pytest.mark.parametrize("wrong", [
    lambda X, A, Pbar, tbar: A.T @ Pbar,                        # the second output forgotten
    lambda X, A, Pbar, tbar: 2 * tbar * X.T,                    # the first output forgotten
    lambda X, A, Pbar, tbar: A.T @ Pbar + 2 * tbar * X,         # the second output's VJP transposed
])
def test_a_vjp_wrong_in_any_one_output_fails(wrong):
    assert check_vjp(F, wrong, X, A, wrt=0).verdict == "failed"


def test_the_upstream_gradients_arrive_in_the_order_and_shapes_of_the_outputs():
    seen = []

    def spy(X, A, Pbar, tbar):
        seen.append((np.shape(Pbar), np.shape(tbar)))
        return vjp(X, A, Pbar, tbar)

    assert check_vjp(F, spy, X, A, wrt=0).ok
    assert set(seen) == {((2, 3), ())}


def test_a_differential_returns_one_array_per_output():
    assert check_differential(F, dF, X, A, wrt=0).ok
    assert check_differential(F, lambda X, A, dX: (A @ dX, np.trace(X @ dX)), X, A, wrt=0).verdict == "failed"


@pytest.mark.parametrize("bad, message", [
    (lambda X, A, dX: A @ dX, "must return one array per output of the function \\(2 of them\\)"),
    (lambda X, A, dX: (A @ dX,), "must return one array per output"),
    (lambda X, A, dX: ((A @ dX).T, 0.0), "shape \\(3, 2\\) for output 1, which has shape \\(2, 3\\)"),
])
def test_a_differential_of_the_wrong_form_fails_naming_the_output(bad, message):
    check = check_differential(F, bad, X, A, wrt=0)
    assert check.verdict == "failed"
    assert __import__("re").search(message, check.diagnosis), check.diagnosis


def test_several_outputs_are_refused_where_they_mean_nothing():
    with pytest.raises(TypeError, match="only check_vjp and check_differential take a function with several"):
        check_gradient(lambda X, A: (np.trace(X), np.trace(X)), lambda X, A: np.eye(3), X, A)
    with pytest.raises(TypeError, match="only check_vjp and check_differential"):
        check_jacobian(F, lambda X, A: np.zeros((7, 9)), X, A)


def test_outputs_that_change_shape_between_calls_are_refused():
    calls = []

    def shifty(X):
        calls.append(1)
        return (X, X) if len(calls) == 1 else (X, X[0])

    with pytest.raises(TypeError, match="outputs of shapes .* but .* at its first call"):
        check_vjp(shifty, lambda X, a, b: a + b, X)
    with pytest.raises(TypeError, match="output 2 of the function is a str"):
        check_vjp(lambda X: (X, "x"), lambda X, a, b: a, X)
