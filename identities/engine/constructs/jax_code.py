"""The JAX functions that printed JAX code calls where ``jax.numpy`` and ``jax.scipy`` have no one-call
equivalent of a construct, each printed above the code that uses it.

They follow the conventions of the NumPy helpers (:mod:`.factorization_code`, :mod:`.numerics`), so
that the JAX code computes the same matrices as the NumPy code the checker runs: eigenvalues
ascending and singular values descending, as columns; the largest entry of each eigenvector, and
of each right singular vector, positive (the left one follows); R of the QR factorization with a
positive diagonal.  Unlike the NumPy helpers they need not survive the complex step (JAX
differentiates by itself), so they call the library's factorizations directly.

This module is source text for printed code: the names ``jax`` and ``jnp`` are those the code's
opening imports (``import jax``, ``import jax.numpy as jnp``); nothing here imports JAX, and these
functions are run only from printed code (tests/test_interop.py runs it for every identity).
"""

from __future__ import annotations

__all__ = ["sqrtm", "logm", "commutation", "duplication", "elimination", "symmetrizer", "phi_lower", "gap_matrix",
           "column_signs", "eigh_sorted", "svd_thin", "qr_reduced"]


def sqrtm(X):
    """The principal square root (jax.scipy's Schur-based sqrtm answers in complex; the root of a real X is real)."""
    root = jax.scipy.linalg.sqrtm(X)
    return root if jnp.iscomplexobj(X) else root.real


def logm(X):
    """The principal logarithm by inverse scaling and squaring: square roots until X is close to I,
    then log(I + A) = ∫₀¹ A(I + tA)⁻¹ dt by 16-point Gauss–Legendre quadrature (its nodes and weights
    from the eigenvalues of the Jacobi matrix, Golub–Welsch), times 2ˢ."""
    n = X.shape[0]
    I = jnp.eye(n)
    s = 0
    while jnp.linalg.norm(X - I, 1) > 0.25:
        X = sqrtm(X)
        s += 1
        if s > 60:
            raise ValueError("logm: X must have no eigenvalue on the closed negative real axis")
    A = X - I
    k = jnp.arange(1.0, 16.0)
    beta = k / jnp.sqrt(4 * k ** 2 - 1)
    nodes, vectors = jnp.linalg.eigh(jnp.diag(beta, 1) + jnp.diag(beta, -1))
    weights = 2 * vectors[0] ** 2
    L = sum(w / 2 * jnp.linalg.solve(I + (t + 1) / 2 * A, A) for t, w in zip(nodes, weights))
    return 2.0 ** s * L


def commutation(m, n):
    """The commutation matrix K_{m,n}: K vec(X) = vec(Xᵀ) for X of shape m×n (vec stacks columns)."""
    return jnp.eye(m * n)[jnp.arange(m * n).reshape(n, m).T.reshape(-1)]


def duplication(n):
    """The duplication matrix D_n: D vech(X) = vec(X) for symmetric X (vech stacks the lower triangle
    column by column)."""
    pairs = [(i, j) for j in range(n) for i in range(j, n)]
    column = jnp.arange(len(pairs))
    D = jnp.zeros((n * n, len(pairs)))
    D = D.at[jnp.array([i + j * n for i, j in pairs]), column].set(1.0)
    return D.at[jnp.array([j + i * n for i, j in pairs]), column].set(1.0)


def elimination(n):
    """The elimination matrix L_n: L vec(X) = vech(X), the lower triangle column by column."""
    pairs = [(i, j) for j in range(n) for i in range(j, n)]
    L = jnp.zeros((len(pairs), n * n))
    return L.at[jnp.arange(len(pairs)), jnp.array([i + j * n for i, j in pairs])].set(1.0)


def symmetrizer(n):
    """N_n = (I + K_{n,n})/2: N vec(X) = vec((X + Xᵀ)/2)."""
    return (jnp.eye(n * n) + commutation(n, n)) / 2


def phi_lower(M):
    """Φ(M): the lower triangle of M with its diagonal halved (zero above the diagonal)."""
    return jnp.tril(M) - jnp.diag(jnp.diag(M)) / 2


def gap_matrix(x, power=1):
    """F[i, j] = 1/(x[j]**power − x[i]**power) off the diagonal, 0 on it, for a column x of distinct values."""
    x = jnp.ravel(x) ** power
    off = ~jnp.eye(x.size, dtype=bool)
    gaps = jnp.where(off, x[None, :] - x[:, None], 1)
    return jnp.where(off, 1 / gaps, 0)


def column_signs(V):
    """±1 for each column of V: the sign that makes the column's entry of largest magnitude positive."""
    rows = jnp.argmax(jnp.abs(V), axis=0)
    return jnp.where(V[rows, jnp.arange(V.shape[1])] < 0, -1, 1)


def eigh_sorted(A):
    """Eigenvalues (ascending, as a column) and unit eigenvectors of a symmetric A, the largest entry
    of each eigenvector positive."""
    values, vectors = jnp.linalg.eigh(A)
    return values[:, None], vectors * column_signs(vectors)


def svd_thin(A):
    """The thin SVD A = U diag(s) Vᵀ of a tall or square A: U, s (a descending column), V; the largest
    entry of each column of V is positive, and U follows it."""
    U, s, Vt = jnp.linalg.svd(A, full_matrices=False)
    signs = column_signs(Vt.T)
    return U * signs, s[:, None], Vt.T * signs


def qr_reduced(A):
    """The reduced QR factorization A = QR of a tall or square A of full column rank, R with a positive diagonal."""
    Q, R = jnp.linalg.qr(A)
    signs = jnp.where(jnp.diag(R) < 0, -1, 1)
    return Q * signs, signs[:, None] * R
