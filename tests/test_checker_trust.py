"""The checker's trust: three verdicts, hands off the caller's data, errors that say where, clear
refusals, no false alarms at the edges.  Each test is named after the behaviour it protects; most
reproduce a way the checker once said "ok" when it could not know, or failed a correct claim."""

from __future__ import annotations

import math

import numpy as np
import pytest

from helpers import Counted, conditioned
from identities import check_differential, check_gradient, check_hessian, check_jacobian, check_vjp
from identities.engine.checks import COMPLEX, MAX_EVALUATIONS, FunctionError, calls

inv = np.linalg.inv


def rng(seed):
    return np.random.default_rng([20261202, seed])


# -- the three verdicts ---------------------------------------------------------------------------

def test_ok_and_bool_are_true_only_for_passed_and_inconclusive_carries_a_reason():
    x = np.array([0.0, 1.0, -2.0])
    check = check_gradient(lambda x: np.sum(np.abs(x)), np.sign, x)
    assert check.verdict == "inconclusive" and not check.ok and not bool(check) and check.reason, check
    assert check_gradient(lambda x: x @ x, lambda x: 2 * x, x).verdict == "passed"
    assert check_gradient(lambda x: x @ x, lambda x: 3 * x, x).verdict == "failed"


# -- noise and non-determinism are measured ----------------------------------------------------------

@pytest.mark.parametrize("factor", [1.01, 1.1, 3.0, -1.0, 0.0])
def test_noisy_function_without_complex_support_never_passes_a_wrong_gradient(factor):
    X = rng(1).standard_normal((4, 4))
    noise = np.random.default_rng(5)
    f = lambda X: np.sum(np.abs(X) ** 3) + 1e-3 * noise.standard_normal()  # noqa: E731
    check = check_gradient(f, lambda X: factor * 3 * X * np.abs(X), X)
    assert check.verdict != "passed", check
    assert any("noisy or not deterministic" in n for n in check.notes), check.notes


def test_noisy_function_with_a_correct_gradient_is_inconclusive_naming_the_noise():
    X = rng(1).standard_normal((4, 4))
    noise = np.random.default_rng(6)
    check = check_gradient(lambda X: np.sum(np.abs(X) ** 3) + 1e-3 * noise.standard_normal(),
                           lambda X: 3 * X * np.abs(X), X)
    assert check.verdict == "inconclusive" and "noisy or not deterministic" in check.reason, check


def test_function_drifting_on_the_complex_path_cannot_pass_a_ten_percent_error():
    X = rng(2).standard_normal((3, 3))
    count = [0]

    def drifting(X):
        count[0] += 1
        return np.trace(X @ X) * (1 + 1e-3 * count[0])
    check = check_gradient(drifting, lambda X: 1.1 * 2 * X.T, X)
    assert check.verdict != "passed" and any("not deterministic" in n for n in check.notes), check


# -- hands off the caller's data ------------------------------------------------------------------

def test_a_function_that_changes_a_constant_never_touches_the_callers_array():
    A, X = rng(3).standard_normal((2, 4, 4))
    A_before = A.copy()

    def f(A, X):
        A += 0.1
        return np.trace((A - 0.1) @ X)
    check = check_gradient(f, lambda A, X: A.T, A, X, wrt=1)
    assert np.array_equal(A, A_before)
    assert check.ok and any("the function modifies argument 0 in place" in n for n in check.notes), check


def test_a_gradient_that_zeroes_a_constant_never_touches_the_callers_array():
    A, X = rng(4).standard_normal((2, 4, 4))
    A_before = A.copy()

    def grad(A, X):
        G = A.T.copy()
        A[:] = 0
        return G
    check = check_gradient(lambda A, X: np.trace(A @ X), grad, A, X, wrt=1)
    assert np.array_equal(A, A_before)
    assert check.ok and any("the gradient modifies argument 0 in place" in n for n in check.notes), check


def test_a_function_that_changes_the_variable_is_measured_at_the_intended_point():
    X = rng(5).standard_normal((3, 3))
    X_before = X.copy()

    def f(X):
        value = np.trace(X @ X @ X)
        X *= 2
        return value
    check = check_gradient(f, lambda X: 3 * (X @ X).T, X)
    assert np.array_equal(X, X_before) and check.ok, check
    wrong = check_gradient(f, lambda X: 3 * (X @ X), X)
    assert wrong.verdict == "failed", wrong


# -- time limit and errors ------------------------------------------------------------------------

def test_a_check_that_runs_out_of_time_is_inconclusive_and_says_after_how_many_calls(monkeypatch):
    now = [0.0]
    monkeypatch.setattr(calls, "clock", lambda: now[0])

    def slow(X):
        now[0] += 20.0          # every call takes 20 s on the test's clock
        return np.sum(np.abs(X) ** 3)
    X = rng(6).standard_normal((3, 3))
    check = check_gradient(slow, lambda X: 3 * X * np.abs(X), X, timeout=100)
    assert check.verdict == "inconclusive" and "ran out of time" in check.reason, check
    assert f"after {check.evaluations} calls" in check.reason and check.evaluations * 20 <= 100, check


def test_an_exception_inside_the_function_propagates_naming_the_call():
    count = [0]

    def f(X):
        count[0] += 1
        if count[0] == 2:
            raise ZeroDivisionError("boom")
        return np.trace(X @ X)
    with pytest.raises(FunctionError, match=r"raised ZeroDivisionError at call 2, the complex-step evaluation "
                                            r"along direction 1") as info:
        check_gradient(f, lambda X: 2 * X.T, rng(7).standard_normal((3, 3)))
    assert isinstance(info.value.__cause__, ZeroDivisionError)


def test_an_exception_at_the_cross_check_step_propagates_naming_the_call():
    # a finite-difference point may leave the domain (ArithmeticError, LinAlgError, ValueError:
    # skipped and counted); any other exception there is the user's bug and must surface
    count = [0]

    def f(X):
        count[0] += 1
        if count[0] == 3:
            raise KeyError("boom")
        return np.trace(X @ X)
    with pytest.raises(FunctionError, match=r"raised KeyError at call 3, the cross-check step along direction 2"):
        check_gradient(f, lambda X: 2 * X.T, rng(7).standard_normal((3, 3)))


def test_an_exception_inside_the_derivative_propagates_naming_it():
    def grad(X):
        raise KeyError("oops")
    with pytest.raises(FunctionError, match="the gradient raised KeyError at its call 1"):
        check_gradient(lambda X: np.sum(X ** 2), grad, rng(8).standard_normal(3))


def test_a_function_that_rejects_complex_input_falls_back_and_says_so():
    x = rng(9).standard_normal(3)
    check = check_gradient(lambda x: sum(math.sin(v) for v in x.tolist()), lambda x: np.cos(x), x)
    assert check.ok and check.method != COMPLEX, check
    assert any("does not accept complex input" in n for n in check.notes), check.notes


def test_leaving_the_domain_at_large_steps_is_counted_not_raised():
    def f(x):
        if np.any(np.abs(x - 1.0) > 1e-3):
            raise np.linalg.LinAlgError("outside")
        return float(np.sum(np.log(x)))
    x = np.ones(3) + 1e-5 * rng(10).standard_normal(3)
    check = check_gradient(f, lambda x: 1 / x, x)
    assert check.ok and any("left its domain" in n for n in check.notes), (check, check.notes)


# -- refusals: one sentence naming the argument ---------------------------------------------------

X3 = np.array([1.0, 2.0, -0.5])


@pytest.mark.parametrize("call, error, words", [
    (lambda: check_gradient(lambda x: x @ x, lambda x: 2 * x, X3, seed=-1), ValueError, "seed must be a non-negative int"),
    (lambda: check_gradient(lambda x: x @ x, lambda x: 2 * x, X3, seed=1.5), TypeError, "seed must be a non-negative int"),
    (lambda: check_gradient(lambda x: x @ x, lambda x: 2 * x, X3, seed=True), TypeError, "seed"),
    (lambda: check_gradient(lambda A, x: x @ x, lambda A, x: 2 * x, X3, X3, wrt=(0, 1)), ValueError,
     "names 2 arguments, but check_gradient differentiates with respect to one"),
    (lambda: check_gradient(lambda x: x @ x, lambda x: 2 * x, X3, wrt=()), ValueError, "names no argument"),
    (lambda: check_gradient(lambda x: x @ x, lambda x: 2 * x, X3, wrt=True), ValueError, "position of an argument"),
    (lambda: check_differential(lambda x: x, lambda x, d: d, X3, wrt=(0, 0)), ValueError, "same argument twice"),
    (lambda: check_gradient(lambda x: None, lambda x: 2 * x, X3), TypeError, "the function returned None at call 1"),
    (lambda: check_gradient(lambda x: "1.0", lambda x: 2 * x, X3), TypeError, "the function returned a str"),
    (lambda: check_gradient(lambda x: {"loss": 1.0}, lambda x: 2 * x, X3), TypeError, "the function returned a dict"),
    (lambda: check_gradient(lambda x: x @ x, lambda x: None, X3), TypeError, "the gradient returned None"),
    (lambda: check_gradient(lambda x: x @ x, lambda x: {"x": x}, X3), TypeError, "the gradient returned a dict"),
    (lambda: check_gradient(lambda x: x @ x, lambda x: 2 * x, np.array([1, "a"], dtype=object)), TypeError,
     "argument 0 is differentiated, so it must be a real array, not an array of dtype object"),
    (lambda: check_gradient(lambda x: x @ x, lambda x: 2 * x, None), TypeError, "argument 0 is differentiated"),
    (lambda: check_gradient(lambda x: x @ x, lambda x: 2 * x, X3, timeout=0), ValueError, "timeout must be a positive"),
    (lambda: check_gradient(lambda x: x @ x, lambda x: 2 * x, X3, timeout=float("nan")), ValueError, "timeout"),
    (lambda: check_gradient("f", lambda x: 2 * x, X3), TypeError, "the function must be a callable"),
    (lambda: check_vjp(lambda x: x, None, X3), TypeError, "the VJP must be a callable"),
    (lambda: check_hessian(lambda x: x @ x, lambda x: np.eye(3), X3, vec="R"), ValueError, "vec must be"),
])
def test_bad_input_is_refused_in_one_sentence_naming_the_argument(call, error, words):
    with pytest.raises(error, match=words):
        call()


# -- no false alarms at the edges -------------------------------------------------------------------

@pytest.mark.parametrize("kappa", [1e7, 1e8])
def test_inverse_gradients_at_condition_1e7_and_1e8_are_not_rejected_or_blamed_on_the_function(kappa):
    for seed in range(3):
        X, A = conditioned(6, kappa, seed), rng(seed).standard_normal((6, 6))
        a, b = rng(seed + 10).standard_normal((2, 6))
        checks = [
            check_gradient(lambda X: np.trace(np.linalg.solve(X, A)), lambda X: -(inv(X) @ A @ inv(X)).T, X, seed=seed),
            check_gradient(lambda X: a @ np.linalg.solve(X, b), lambda X: -np.outer(inv(X).T @ a, inv(X) @ b), X,
                           seed=seed),
            check_gradient(lambda X: np.trace(inv(X)), lambda X: -(inv(X) @ inv(X)).T, X, seed=seed),
            check_vjp(inv, lambda X, Yb: -inv(X).T @ Yb @ inv(X).T, X, seed=seed),
        ]
        for check in checks:
            assert check.verdict != "failed" and check.method == COMPLEX, (seed, check, check.notes)
            assert not any("not complex-analytic" in n for n in check.notes), (seed, check.notes)


def test_ill_conditioned_constant_in_a_closure_is_no_worse_than_as_an_argument():
    # κ(A) = 1e6 out of the checker's reach: nothing can nudge A, yet the verdicts must match those
    # of the same function with A passed as an argument (where the ladder measures its conditioning)
    verdicts = {"closure": [], "argument": []}
    for seed in range(40):
        r = rng(100 + seed)
        A = conditioned(4 + seed % 5, 1e6, seed)
        X, B, C = r.standard_normal((3,) + A.shape)
        grad = lambda X, A, B=B, C=C: np.linalg.solve(A.T, C) @ B.T  # noqa: E731
        closure = check_gradient(lambda X, B=B, C=C: np.sum(C * (np.linalg.solve(A, X) @ B)),
                                 lambda X, A=A: grad(X, A), X, seed=seed)
        argument = check_gradient(lambda X, A, B=B, C=C: np.sum(C * (np.linalg.solve(A, X) @ B)), grad, X, A,
                                  seed=seed)
        verdicts["closure"].append(closure.verdict)
        verdicts["argument"].append(argument.verdict)
    assert verdicts["closure"].count("passed") >= verdicts["argument"].count("passed") == 40, verdicts


def test_data_scaled_by_1e_minus_160_is_checked_and_a_1e_minus_8_error_still_rejected():
    X, A = 1e-160 * conditioned(5, 10, 0), 1e-160 * rng(11).standard_normal((5, 5))
    f = lambda X, A: np.trace(np.linalg.solve(X, A))  # noqa: E731
    g = lambda X, A: -(inv(X) @ A @ inv(X)).T  # noqa: E731
    assert check_gradient(f, g, X, A).ok
    assert check_gradient(f, lambda *a: g(*a) * (1 + 1e-8), X, A).verdict == "failed"


# -- kinks are reported, not averaged -----------------------------------------------------------------

@pytest.mark.parametrize("label, f, grad, x", [
    ("|x| at 0", lambda x: np.sum(np.abs(x)), np.sign, np.array([0.0, 1.0, -2.0])),
    ("|x - 1| at 1", lambda x: np.sum(np.abs(x - 1)), lambda x: np.sign(x - 1), np.array([1.0, 3.0])),
    ("max with a tie, average", lambda x: np.maximum(x[0], x[1]), lambda x: np.array([0.5, 0.5]), np.ones(2)),
    ("max with a tie, one side", lambda x: np.maximum(x[0], x[1]), lambda x: np.array([1.0, 0.0]), np.ones(2)),
])
def test_a_kink_at_the_point_is_inconclusive_and_named(label, f, grad, x):
    check = check_gradient(f, grad, x)
    assert check.verdict == "inconclusive" and "not smooth" in check.reason, (label, check)


def test_relu_a_hair_from_its_kink_passes_by_the_complex_step():
    r = rng(12)
    W2, x, W1 = r.standard_normal((3, 5)), r.standard_normal(5), r.standard_normal((5, 5))
    W1[0] -= ((W1 @ x)[0] - 1e-9) / (x @ x) * x
    relu = lambda t: np.maximum(t, 0)  # noqa: E731
    check = check_gradient(lambda W1: np.sum((W2 @ relu(W1 @ x)) ** 2),
                           lambda W1: np.outer((W2.T @ (2 * W2 @ relu(W1 @ x))) * (W1 @ x > 0), x), W1)
    assert check.ok and check.method == COMPLEX, check


def test_lasso_with_tiny_lambda_passes_the_true_gradient_and_rejects_the_one_without_the_l1_term():
    r = rng(13)
    A, b, w = r.standard_normal((10, 5)), r.standard_normal(10), r.standard_normal(5)
    lam = 1e-5
    f = lambda w: 0.5 * np.sum((A @ w - b) ** 2) + lam * np.sum(np.abs(w))  # noqa: E731
    assert check_gradient(f, lambda w: A.T @ (A @ w - b) + lam * np.sign(w), w).ok
    assert check_gradient(f, lambda w: A.T @ (A @ w - b), w).verdict == "failed"


# -- precision below float64 is named -----------------------------------------------------------------

def test_a_float32_gradient_of_the_right_formula_is_inconclusive_naming_the_dtype():
    X = conditioned(5, 10, 0)
    check = check_gradient(lambda X: np.log(np.linalg.det(X)), lambda X: inv(X.astype(np.float32)).T, X)
    assert check.verdict == "inconclusive" and "the gradient computes in a precision below float64" in check.reason
    wrong = check_gradient(lambda X: np.log(np.linalg.det(X)), lambda X: inv(X.astype(np.float32)), X)
    assert wrong.verdict == "failed" and wrong.diagnosis.startswith("transposed"), wrong


def test_a_float32_function_is_named_as_the_reason():
    X = conditioned(5, 10, 1)
    check = check_gradient(lambda X: np.log(np.linalg.det(X.astype(np.float32))), lambda X: inv(X).T, X)
    assert check.verdict == "inconclusive" and "the function computes in a precision below float64" in check.reason


# -- cost -------------------------------------------------------------------------------------------

def test_a_passing_complex_step_check_at_a_well_conditioned_point_takes_four_calls():
    # F(X), one complex step, one central difference along another direction
    for seed in range(5):
        X = conditioned(40, 10, seed)
        f = Counted(lambda X: np.log(np.linalg.det(X)))
        check = check_gradient(f, lambda X: inv(X).T, X, seed=seed)
        assert check.ok and f.calls == check.evaluations == 4, check


def test_every_verdict_stays_within_the_call_budget_for_jacobians_and_differentials():
    X = conditioned(5, 1e3, 0)
    for check in (check_jacobian(inv, lambda X: -np.kron(inv(X).T, inv(X)).T, X),
                  check_differential(lambda X: np.abs(X) ** 3, lambda X, dX: 3 * X * np.abs(X) * dX * 1.1, X)):
        assert check.evaluations <= MAX_EVALUATIONS and check.verdict == "failed", check
