"""The NumPy functions printed factorization code calls: right answers, fixed signs, and derivatives
that survive the complex step (which LAPACK's routines do not).

Each factorization is compared with NumPy's own, and with its defining equations, within an
allowance from the usual error model of a backward-stable algorithm: a perturbation of the input
of about n·eps·‖A‖ moves a factor by that much times its condition number (κ(A) for Cholesky and
QR, ‖A‖ over the smallest gap for eigenvectors and singular vectors).  ``SLACK`` covers the
constant of that model.
"""

from __future__ import annotations

import numpy as np
import pytest

from identities.engine.conditions import construct
from identities.engine.constructs import factorization_code as fc

EPS = np.finfo(float).eps
#: The constant in front of n·eps·(condition) in the error bound of a backward-stable factorization.
SLACK = 100.0
#: The complex step's step, and the central difference it is compared with: truncation h²·f‴/6 ≈ 1e-12,
#: rounding eps·|f|/h ≈ 2e-10 of the scale, so agreement within 1e-7 of the scale is conclusive and a
#: lost or wrong imaginary part (an O(1) error) is not.
H_COMPLEX, H_CENTRAL, DERIVATIVE_TOLERANCE = 1e-20, 1e-6, 1e-7
SEEDS = range(4)


def rel(a, b) -> float:
    return float(np.linalg.norm(a - b) / max(np.linalg.norm(b), np.finfo(float).tiny))


def spd(seed, n):
    return construct(np.random.default_rng(seed), (n, n), ("spd",))


def symmetric_distinct(seed, n):
    return construct(np.random.default_rng(seed), (n, n), ("distinct-eigenvalues",))


def tall(seed, m, n, condition="distinct-singular-values"):
    return construct(np.random.default_rng(seed), (m, n), (condition,))


def smallest_gap(values) -> float:
    return float(np.min(np.diff(np.sort(np.ravel(values)))))


@pytest.mark.parametrize("seed", SEEDS)
def test_cholesky_matches_lapack_and_refuses_an_indefinite_matrix(seed):
    n = 3 + seed
    A = spd(seed, n)
    L = fc.cholesky_lower(A)
    assert rel(L, np.linalg.cholesky(A)) <= SLACK * n * EPS * np.linalg.cond(A), f"seed {seed}, n {n}"
    assert np.array_equal(L, np.tril(L)) and np.all(np.diag(L) > 0)
    with pytest.raises(np.linalg.LinAlgError, match="not positive definite"):
        fc.cholesky_lower(A - 2 * np.eye(n))


@pytest.mark.parametrize("seed", SEEDS)
def test_eigh_matches_lapack_with_the_sign_of_each_vector_fixed(seed):
    n = 3 + seed
    A = symmetric_distinct(seed, n)
    lam, U = fc.eigh_sorted(A)
    ref_lam, ref_U = np.linalg.eigh(A)
    scale = np.linalg.norm(A, 2)
    assert lam.shape == (n, 1) and np.max(np.abs(lam[:, 0] - ref_lam)) <= SLACK * n * EPS * scale
    signs = np.sign(np.sum(U * ref_U, axis=0))
    assert rel(U, ref_U * signs) <= SLACK * n * EPS * scale / smallest_gap(ref_lam), f"seed {seed}"
    rows = np.argmax(np.abs(U), axis=0)
    assert np.all(U[rows, np.arange(n)] > 0), "the largest entry of each eigenvector is positive"


@pytest.mark.parametrize("seed", SEEDS)
def test_thin_svd_matches_lapack_with_joint_signs_fixed(seed):
    m, n = 4 + 2 * seed, 3 + seed
    A = tall(seed, m, n)
    U, s, V = fc.svd_thin(A)
    ref_U, ref_s, ref_Vt = np.linalg.svd(A, full_matrices=False)
    scale = ref_s[0]
    assert s.shape == (n, 1) and np.max(np.abs(s[:, 0] - ref_s)) <= SLACK * m * EPS * scale
    signs = np.sign(np.sum(V * ref_Vt.T, axis=0))
    vectors = SLACK * m * EPS * scale / smallest_gap(ref_s)
    assert rel(V, ref_Vt.T * signs) <= vectors and rel(U, ref_U * signs) <= vectors, f"seed {seed}"
    rows = np.argmax(np.abs(V), axis=0)
    assert np.all(V[rows, np.arange(n)] > 0)
    with pytest.raises(ValueError, match="tall or square"):
        fc.svd_thin(A.T)


@pytest.mark.parametrize("seed", SEEDS)
def test_householder_qr_matches_lapack_with_a_positive_diagonal(seed):
    m, n = 4 + 2 * seed, 3 + seed
    A = tall(seed, m, n, "full-column-rank")
    Q, R = fc.qr_reduced(A)
    ref_Q, ref_R = np.linalg.qr(A)
    signs = np.sign(np.diag(ref_R))
    allowance = SLACK * m * EPS * np.linalg.cond(A)
    assert rel(R, signs[:, None] * ref_R) <= allowance and rel(Q, ref_Q * signs) <= allowance, f"seed {seed}"
    assert np.array_equal(R, np.triu(R)) and np.all(np.diag(R) > 0)
    square_Q, square_R = fc.qr_reduced(A[:n])  # a square matrix: no reflector for the last column
    assert rel(square_Q @ square_R, A[:n]) <= allowance and np.all(np.diag(square_R) > 0)


@pytest.mark.parametrize("seed", SEEDS)
def test_pseudo_inverse_and_norms_match_numpy(seed):
    m, n = 4 + 2 * seed, 3 + seed
    A = tall(seed, m, n)
    kappa = np.linalg.cond(A)
    assert rel(fc.pinv_full_rank(A), np.linalg.pinv(A)) <= SLACK * m * EPS * kappa ** 2
    assert rel(fc.pinv_full_rank(A.T), np.linalg.pinv(A.T)) <= SLACK * m * EPS * kappa ** 2
    for X in (A, A.T):
        assert abs(fc.nuclear_norm(X) - np.linalg.norm(X, "nuc")) <= SLACK * m * EPS * np.linalg.norm(X, "nuc")
        assert abs(fc.spectral_norm(X) - np.linalg.norm(X, 2)) <= SLACK * m * EPS * np.linalg.norm(X, 2)


def test_the_parts_of_a_matrix():
    M = np.arange(9.0).reshape(3, 3) - 4
    assert np.array_equal(fc.sym(M), (M + M.T) / 2)
    assert np.array_equal(fc.phi_lower(M), np.array([[-2.0, 0, 0], [-1, 0, 0], [2, 3, 2]]))
    S = M + M.T
    assert np.array_equal(fc.phi_lower(S) + fc.phi_lower(S).T, S), "Φ(S) + Φ(S)ᵀ = S for symmetric S"
    x = np.array([[1.0], [3.0], [4.0]])
    assert np.array_equal(fc.gap_matrix(x), np.array([[0, 1 / 2, 1 / 3], [-1 / 2, 0, 1], [-1 / 3, -1, 0]]))
    assert np.array_equal(fc.gap_matrix(x, 2), np.array([[0, 1 / 8, 1 / 15], [-1 / 8, 0, 1 / 7],
                                                          [-1 / 15, -1 / 7, 0]]))


def _complex_step(f, X, V):
    return np.imag(f(X + 1j * H_COMPLEX * V)) / H_COMPLEX


def _central(f, X, V):
    return (f(X + H_CENTRAL * V) - f(X - H_CENTRAL * V)) / (2 * H_CENTRAL)


@pytest.mark.parametrize("name, f, point", [
    ("cholesky_lower", fc.cholesky_lower, lambda seed: spd(seed, 5)),
    ("eigenvalues", lambda A: fc.eigenvalues(fc.sym(A)), lambda seed: symmetric_distinct(seed, 5)),
    ("eigenvectors", lambda A: fc.eigenvectors(fc.sym(A)), lambda seed: symmetric_distinct(seed, 5)),
    ("svd_u", fc.svd_u, lambda seed: tall(seed, 6, 4)),
    ("svd_s", fc.svd_s, lambda seed: tall(seed, 6, 4)),
    ("svd_v", fc.svd_v, lambda seed: tall(seed, 6, 4)),
    ("qr_q", fc.qr_q, lambda seed: tall(seed, 6, 4, "full-column-rank")),
    ("qr_r", fc.qr_r, lambda seed: tall(seed, 6, 4, "full-column-rank")),
    ("pinv_full_rank", fc.pinv_full_rank, lambda seed: tall(seed, 6, 4, "full-column-rank")),
    ("nuclear_norm", fc.nuclear_norm, lambda seed: tall(seed, 6, 4)),
    ("spectral_norm", fc.spectral_norm, lambda seed: tall(seed, 6, 4)),
])
@pytest.mark.parametrize("seed", SEEDS)
def test_the_complex_step_through_each_function_is_its_derivative(name, f, point, seed):
    X = point(seed)
    V = np.random.default_rng([seed, 1]).standard_normal(X.shape)
    if name == "cholesky_lower":
        V = (V + V.T) / 2  # it reads the lower triangle; a symmetric direction keeps the argument symmetric
    exact, estimate = _complex_step(f, X, V), _central(f, X, V)
    assert rel(exact, estimate) <= DERIVATIVE_TOLERANCE, f"{name}: seed {seed}"


def test_lapack_loses_what_the_complex_step_needs():
    """Why the rewrites exist: LAPACK's Cholesky conjugates and its eigh drops the imaginary part."""
    A, V = spd(0, 4), np.eye(4)
    assert rel(_complex_step(np.linalg.cholesky, A, V), _central(np.linalg.cholesky, A, V)) > 0.1
    assert not np.any(_complex_step(np.linalg.eigvalsh, A, V))
