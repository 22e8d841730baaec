"""The PyTorch functions that printed PyTorch code calls where ``torch`` has no one-call equivalent of a
construct, each printed above the code that uses it.

They follow the conventions of the NumPy helpers (:mod:`.factorization_code`, :mod:`.numerics`), so
that the PyTorch code computes the same matrices as the NumPy code the checker runs: eigenvalues
ascending and singular values descending, as columns; the largest entry of each eigenvector, and
of each right singular vector, positive (the left one follows); R of the QR factorization with a
positive diagonal.  PyTorch has no matrix square root, logarithm or Sylvester solver, so those are
written out with the same algorithms as the NumPy helpers; the constant matrices are made in
float64 (PyTorch's default dtype is float32); ``kron`` makes its operands contiguous, which
``torch.kron`` needs (it raises on a transposed operand).

This module is source text for printed code: the name ``torch`` is the one the code's opening
imports; nothing here imports PyTorch, and these functions are run only from printed code
(tests/test_interop.py runs it for every identity).
"""

from __future__ import annotations

__all__ = ["kron", "softplus", "expm_frechet", "sqrtm", "logm", "sylvester", "commutation", "duplication",
           "elimination", "symmetrizer", "phi_lower", "gap_matrix", "column_signs", "eigh_sorted",
           "svd_thin", "qr_reduced"]


def kron(A, B):
    """The Kronecker product A ⊗ B (torch.kron refuses some operands that are views, such as a
    transpose, so they are made contiguous first)."""
    return torch.kron(A.contiguous(), B.contiguous())


def softplus(x):
    """log(1 + eˣ) entrywise, without overflow and exact for every x (torch.nn.functional.softplus
    returns x itself above its threshold, 20 by default)."""
    return torch.logaddexp(x, torch.zeros_like(x))


def expm_frechet(X, E):
    """The Fréchet derivative L_exp(X, E) of the matrix exponential: the top-right block of
    exp([[X, E], [0, X]])."""
    n = X.shape[0]
    top = torch.cat([X, E], dim=1)
    bottom = torch.cat([torch.zeros_like(top[:, :n]), X], dim=1)
    return torch.linalg.matrix_exp(torch.cat([top, bottom], dim=0))[:n, n:]


def sqrtm(X):
    """The principal square root by the Denman–Beavers iteration (only inverses and sums).

    Defined when X has no eigenvalue on the closed negative real axis; it converges quadratically.
    """
    Y, Z = X, torch.eye(X.shape[0], dtype=X.dtype)
    for _ in range(100):
        Y_next, Z = (Y + torch.linalg.inv(Z)) / 2, (Z + torch.linalg.inv(Y)) / 2
        change = torch.linalg.matrix_norm(Y_next - Y, 1)
        Y = Y_next
        if change <= 1e-13 * torch.linalg.matrix_norm(Y, 1):
            return (Y + torch.linalg.inv(Z)) / 2
    raise ValueError("sqrtm: the iteration did not converge; X must have no eigenvalue on the closed "
                     "negative real axis")


def logm(X):
    """The principal logarithm by inverse scaling and squaring: square roots until X is close to I,
    then log(I + A) = ∫₀¹ A(I + tA)⁻¹ dt by 16-point Gauss–Legendre quadrature (its nodes and weights
    from the eigenvalues of the Jacobi matrix, Golub–Welsch), times 2ˢ."""
    I = torch.eye(X.shape[0], dtype=X.dtype)
    s = 0
    while torch.linalg.matrix_norm(X - I, 1) > 0.25:
        X = sqrtm(X)
        s += 1
        if s > 60:
            raise ValueError("logm: X must have no eigenvalue on the closed negative real axis")
    A = X - I
    k = torch.arange(1, 16, dtype=torch.float64)
    beta = k / torch.sqrt(4 * k ** 2 - 1)
    nodes, vectors = torch.linalg.eigh(torch.diag(beta, 1) + torch.diag(beta, -1))
    weights = 2 * vectors[0] ** 2
    L = sum(w / 2 * torch.linalg.solve(I + (t + 1) / 2 * A, A) for t, w in zip(nodes, weights))
    return 2.0 ** s * L


def sylvester(A, B, C):
    """The solution Y of the Sylvester equation AY + YB = C, by one solve of the n²×n² system
    (I ⊗ A + Bᵀ ⊗ I) vec Y = vec C."""
    m, n = C.shape
    K = kron(torch.eye(n, dtype=A.dtype), A) + kron(B.T, torch.eye(m, dtype=B.dtype))
    return torch.linalg.solve(K, C.T.reshape(-1, 1)).reshape(n, m).T


def commutation(m, n):
    """The commutation matrix K_{m,n}: K vec(X) = vec(Xᵀ) for X of shape m×n (vec stacks columns)."""
    return torch.eye(m * n, dtype=torch.float64)[torch.arange(m * n).reshape(n, m).T.reshape(-1)]


def duplication(n):
    """The duplication matrix D_n: D vech(X) = vec(X) for symmetric X (vech stacks the lower triangle
    column by column)."""
    pairs = [(i, j) for j in range(n) for i in range(j, n)]
    column = torch.arange(len(pairs))
    D = torch.zeros((n * n, len(pairs)), dtype=torch.float64)
    D[torch.tensor([i + j * n for i, j in pairs]), column] = 1.0
    D[torch.tensor([j + i * n for i, j in pairs]), column] = 1.0
    return D


def elimination(n):
    """The elimination matrix L_n: L vec(X) = vech(X), the lower triangle column by column."""
    pairs = [(i, j) for j in range(n) for i in range(j, n)]
    L = torch.zeros((len(pairs), n * n), dtype=torch.float64)
    L[torch.arange(len(pairs)), torch.tensor([i + j * n for i, j in pairs])] = 1.0
    return L


def symmetrizer(n):
    """N_n = (I + K_{n,n})/2: N vec(X) = vec((X + Xᵀ)/2)."""
    return (torch.eye(n * n, dtype=torch.float64) + commutation(n, n)) / 2


def phi_lower(M):
    """Φ(M): the lower triangle of M with its diagonal halved (zero above the diagonal)."""
    return torch.tril(M) - torch.diag(torch.diag(M)) / 2


def gap_matrix(x, power=1):
    """F[i, j] = 1/(x[j]**power − x[i]**power) off the diagonal, 0 on it, for a column x of distinct values."""
    x = x.reshape(-1) ** power
    off = ~torch.eye(x.numel(), dtype=torch.bool)
    gaps = torch.where(off, x[None, :] - x[:, None], 1.0)
    return torch.where(off, 1 / gaps, 0.0)


def column_signs(V):
    """±1 for each column of V: the sign that makes the column's entry of largest magnitude positive."""
    rows = torch.argmax(V.abs(), dim=0)
    return torch.where(V[rows, torch.arange(V.shape[1])] < 0, -1.0, 1.0)


def eigh_sorted(A):
    """Eigenvalues (ascending, as a column) and unit eigenvectors of a symmetric A, the largest entry
    of each eigenvector positive."""
    values, vectors = torch.linalg.eigh(A)
    return values[:, None], vectors * column_signs(vectors)


def svd_thin(A):
    """The thin SVD A = U diag(s) Vᵀ of a tall or square A: U, s (a descending column), V; the largest
    entry of each column of V is positive, and U follows it."""
    U, s, Vh = torch.linalg.svd(A, full_matrices=False)
    signs = column_signs(Vh.T)
    return U * signs, s[:, None], Vh.T * signs


def qr_reduced(A):
    """The reduced QR factorization A = QR of a tall or square A of full column rank, R with a positive diagonal."""
    Q, R = torch.linalg.qr(A)
    signs = torch.where(torch.diag(R) < 0, -1.0, 1.0)
    return Q * signs, signs[:, None] * R
