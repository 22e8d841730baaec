"""The NumPy functions printed above generated code agree with SciPy, and survive the complex step.

Each function is executed from the very source a page prints (``helper_functions``), and compared
with an independent reference: SciPy's ``expm``, ``expm_frechet``, ``sqrtm``, ``logm`` and
``solve_sylvester``, ``scipy.special.expit``, NumPy's ``logaddexp``, and the defining property of
each special matrix.

**Error model.**  Both sides are backward stable, with a backward error of a small multiple of
n·eps; the forward error is then at most the relative condition number κ of the problem times
that.  A comparison may differ by ``ROUNDING_MARGIN · n · eps · max(κ, 1)`` (κ below 1 cannot make
the answer more accurate than its own rounding).  The margin covers the unknown constants of the
two backward errors; the observed ratio on these draws is at most about 2.
"""

from __future__ import annotations

import numpy as np
import pytest
import scipy.linalg as sla
import scipy.special as special

from identities.engine.conditions import construct
from identities.engine.printing import helper_functions

EPS = float(np.finfo(float).eps)
ROUNDING_MARGIN = 10.0
#: The complex step: Im f(X + ihE)/h is the directional derivative up to O(h²), far below rounding.
STEP = 1e-20

HELPERS = helper_functions("expm", "expm_frechet", "sqrtm", "logm", "sylvester", "sigmoid", "softplus",
                           "commutation", "duplication", "elimination", "symmetrizer")


def relative(a, b) -> float:
    return float(np.linalg.norm(a - b) / np.linalg.norm(b))


def allowance(n: int, kappa: float) -> float:
    return ROUNDING_MARGIN * n * EPS * max(kappa, 1.0)


def operator(linear, n: int) -> np.ndarray:
    """The n²×n² matrix of a linear map of n×n matrices (vec stacking columns)."""
    basis = np.eye(n * n)
    return np.column_stack([linear(basis[:, j].reshape(n, n, order="F")).reshape(-1, order="F")
                            for j in range(n * n)])


def off_negative_axis(seed: int, n: int, scale: float = 3.0) -> np.ndarray:
    return scale * construct(np.random.default_rng(seed), (n, n), ("off-negative-axis",))


def spd(seed: int, n: int, kappa: float) -> np.ndarray:
    return construct(np.random.default_rng(seed), (n, n), ("spd",), kappa)


CASES = [(seed, n, scale) for seed, (n, scale) in enumerate([(2, 0.01), (5, 1.0), (8, 1.0), (4, 10.0), (6, 40.0)])]


@pytest.mark.parametrize("seed, n, scale", CASES)
def test_expm_and_its_frechet_derivative_agree_with_scipy(seed, n, scale):
    rng = np.random.default_rng(seed)
    X, E = scale * rng.standard_normal((n, n)) / np.sqrt(n), rng.standard_normal((n, n))
    err = relative(HELPERS["expm"](X), sla.expm(X))
    assert err <= allowance(n, sla.expm_cond(X)), (seed, n, scale, err)
    block = np.block([[X, E], [np.zeros_like(X), X]])  # the Fréchet derivative is an exponential of this
    err = relative(HELPERS["expm_frechet"](X, E), sla.expm_frechet(X, E, compute_expm=False))
    assert err <= allowance(2 * n, sla.expm_cond(block)), (seed, n, scale, err)


@pytest.mark.parametrize("X", [off_negative_axis(0, 2), off_negative_axis(1, 5), off_negative_axis(2, 8),
                               spd(3, 4, 100.0), spd(4, 6, 1e3)], ids=["near-I 2", "near-I 5", "near-I 8",
                                                                        "spd κ=1e2", "spd κ=1e3"])
def test_sqrtm_and_logm_agree_with_scipy(X):
    n = len(X)
    S, L = sla.sqrtm(X), sla.logm(X)
    sylvester_of_S = np.kron(np.eye(n), S) + np.kron(S.T, np.eye(n))  # dX = S dS + dS S
    kappa_sqrt = np.linalg.norm(np.linalg.inv(sylvester_of_S), 2) * np.linalg.norm(X) / np.linalg.norm(S)
    assert relative(HELPERS["sqrtm"](X), S) <= allowance(n, kappa_sqrt)
    frechet_exp = operator(lambda E: sla.expm_frechet(L, E, compute_expm=False), n)  # log is its inverse
    kappa_log = np.linalg.norm(np.linalg.inv(frechet_exp), 2) * np.linalg.norm(X) / np.linalg.norm(L)
    assert relative(HELPERS["logm"](X), L) <= allowance(n, kappa_log)


def test_sqrtm_refuses_a_matrix_it_cannot_take_the_principal_root_of():
    for X in (-np.eye(3), np.diag([2.0, -1.0, 3.0])):
        with pytest.raises(np.linalg.LinAlgError, match="negative real axis"):
            HELPERS["sqrtm"](X)


@pytest.mark.parametrize("seed, m, n", [(0, 2, 2), (1, 3, 5), (2, 6, 4)])
def test_sylvester_agrees_with_scipy(seed, m, n):
    rng = np.random.default_rng(seed)
    A, B = rng.standard_normal((m, m)) + 3 * np.eye(m), rng.standard_normal((n, n)) + 3 * np.eye(n)
    C = rng.standard_normal((m, n))
    kappa = np.linalg.cond(np.kron(np.eye(n), A) + np.kron(B.T, np.eye(m)))
    Y = HELPERS["sylvester"](A, B, C)
    assert relative(Y, sla.solve_sylvester(A, B, C)) <= allowance(m * n, kappa)


def test_sigmoid_and_softplus_are_accurate_everywhere_without_overflow():
    x = np.concatenate([np.linspace(-800, 800, 161), np.linspace(-5, 5, 101), [0.0, -1e-300, 1e-300]])
    # σ and log(1 + eˣ) are well conditioned relative to their values: four roundings cover exp, 1 +, ÷,
    # log1p; below the normal range (σ(−740) ≈ 4e−322) precision is absolute, and SciPy flushes to 0
    tiny = np.finfo(float).tiny
    reference = special.expit(x)
    assert np.all(np.abs(HELPERS["sigmoid"](x) - reference) <= 4 * EPS * reference + tiny)
    reference = np.logaddexp(0.0, x)
    assert np.all(np.abs(HELPERS["softplus"](x) - reference) <= 4 * EPS * reference + tiny)


def _complex_step(fn, X, E):
    return np.imag(fn(X + 1j * STEP * E)) / STEP


def test_the_complex_step_through_each_function_is_its_derivative():
    rng = np.random.default_rng(7)
    n = 4
    X, E = rng.standard_normal((n, n)) / 2, rng.standard_normal((n, n))
    exact = sla.expm_frechet(X, E, compute_expm=False)
    assert relative(_complex_step(HELPERS["expm"], X, E), exact) <= allowance(2 * n, sla.expm_cond(
        np.block([[X, E], [np.zeros_like(X), X]])))
    Y = off_negative_axis(8, n)
    S = sla.sqrtm(Y)
    dS = sla.solve_sylvester(S, S, E)  # S dS + dS S = E
    kappa = np.linalg.cond(np.kron(np.eye(n), S) + np.kron(S.T, np.eye(n)))
    assert relative(_complex_step(HELPERS["sqrtm"], Y, E), dS) <= allowance(n, kappa)
    L = sla.logm(Y)
    dL = np.linalg.solve(operator(lambda F: sla.expm_frechet(L, F, compute_expm=False), n), E.reshape(-1, order="F"))
    assert relative(_complex_step(HELPERS["logm"], Y, E).reshape(-1, order="F"), dL) <= allowance(n, kappa)
    x, v = np.linspace(-30, 30, 13), np.ones(13)
    s = special.expit(x)
    assert np.allclose(_complex_step(HELPERS["sigmoid"], x, v), s * special.expit(-x), rtol=8 * EPS, atol=0)
    assert np.allclose(_complex_step(HELPERS["softplus"], x, v), s, rtol=8 * EPS, atol=0)


@pytest.mark.parametrize("m, n", [(2, 3), (4, 1), (3, 3)])
def test_the_commutation_matrix_turns_vec_x_into_vec_x_transposed(m, n):
    X = np.arange(1.0, m * n + 1).reshape(m, n)
    K = HELPERS["commutation"](m, n)
    assert np.array_equal(K @ X.reshape(-1, order="F"), X.T.reshape(-1, order="F"))
    assert np.array_equal(K.T, HELPERS["commutation"](n, m)) and np.array_equal(K.T @ K, np.eye(m * n))


@pytest.mark.parametrize("n", [1, 2, 4])
def test_duplication_elimination_and_symmetriser_meet_their_definitions(n):
    G = np.arange(1.0, n * n + 1).reshape(n, n)
    S = G + G.T
    vech = np.concatenate([S[j:, j] for j in range(n)])  # the lower triangle, column by column
    D, L, N = HELPERS["duplication"](n), HELPERS["elimination"](n), HELPERS["symmetrizer"](n)
    assert np.array_equal(D @ vech, S.reshape(-1, order="F"))
    assert np.array_equal(L @ S.reshape(-1, order="F"), vech) and np.array_equal(L @ D, np.eye(len(vech)))
    assert np.array_equal(N @ G.reshape(-1, order="F"), ((G + G.T) / 2).reshape(-1, order="F"))
    assert np.array_equal(N, HELPERS["symmetrizer"](n) @ N)  # a projection
