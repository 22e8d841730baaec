"""The NumPy functions that printed factorization code calls, each printed above the code that uses it.

They take and return 2-D arrays (vectors as columns), and every one of them is *complex-step
valid*: written without conjugation, absolute values or branches on the imaginary part, so that
F(X + ihV) carries the directional derivative h·DF(X)[V] in its imaginary part, as the checker's
complex step requires.  LAPACK's own routines are not (``cholesky`` conjugates, ``eigh`` and
``svd`` drop the imaginary part), so each factorization below is either written out (Cholesky,
Householder QR) or started from LAPACK on the real part and finished by Newton's method on the
defining equations (symmetric eigendecomposition, SVD), which carries any perturbation of the
input into the result.  All are backward stable; the eigenvector and singular-vector signs are fixed
(the largest entry of each eigenvector, and of each right singular vector, is positive), so each
function is single-valued and smooth wherever the eigenvalues or singular values are distinct.

The source of each function is also the text printed on the handbook's pages, so each one is
self-contained: it uses ``np`` and the other functions of this module by name, nothing else.
"""

from __future__ import annotations

import numpy as np

__all__ = ["sym", "phi_lower", "gap_matrix", "cholesky_lower", "column_signs", "refine_eigenpairs",
           "eigh_sorted", "eigenvalues", "eigenvectors", "svd_thin", "svd_u", "svd_s", "svd_v", "qr_reduced",
           "qr_q", "qr_r", "pinv_full_rank", "nuclear_norm", "spectral_norm"]


def sym(M):
    """The symmetric part (M + Mᵀ)/2 of a square matrix."""
    return (M + M.T) / 2


def phi_lower(M):
    """Φ(M): the lower triangle of M with its diagonal halved (zero above the diagonal)."""
    return np.tril(M) - np.diag(np.diag(M)) / 2


def gap_matrix(x, power=1):
    """F[i, j] = 1/(x[j]**power − x[i]**power) off the diagonal, 0 on it, for a column x of distinct values."""
    x = np.ravel(x) ** power
    off = ~np.eye(x.size, dtype=bool)
    gaps = np.where(off, x[None, :] - x[:, None], 1)
    return np.where(off, 1 / gaps, 0)


def cholesky_lower(A):
    """The lower-triangular L with a positive diagonal and LLᵀ = A, for a symmetric positive definite A.

    Column by column (reading the lower triangle of A only); a pivot that is not positive raises
    numpy.linalg.LinAlgError, as numpy.linalg.cholesky does.
    """
    A = np.asarray(A)
    L = np.zeros(A.shape, dtype=np.result_type(A, float))
    for j in range(A.shape[0]):
        pivot = A[j, j] - L[j, :j] @ L[j, :j]
        if not pivot.real > 0:
            raise np.linalg.LinAlgError("cholesky_lower: the matrix is not positive definite")
        L[j, j] = np.sqrt(pivot)
        L[j + 1:, j] = (A[j + 1:, j] - L[j + 1:, :j] @ L[j, :j]) / L[j, j]
    return L


def column_signs(V):
    """±1 for each column of V: the sign that makes the column's entry of largest magnitude positive."""
    rows = np.argmax(np.abs(V.real), axis=0)
    return np.where(V.real[rows, np.arange(V.shape[1])] < 0, -1, 1)


def refine_eigenpairs(M, values, vectors, steps=2):
    """Newton's method on (M − λI)u = 0, uᵀu = 1 from the given pairs (columns of *vectors*), all at once.

    The bordered Jacobian [[M − λI, −u], [uᵀ, 0]] is invertible at a simple eigenvalue; no step
    conjugates, so a complex perturbation of a symmetric M is carried into λ and u.
    """
    n, k = M.shape[0], values.size
    lam = values.astype(M.dtype)
    U = vectors.astype(M.dtype)
    eye = np.eye(n)
    for _ in range(steps):
        shifted = M[None, :, :] - lam[:, None, None] * eye
        jacobian = np.zeros((k, n + 1, n + 1), dtype=M.dtype)
        jacobian[:, :n, :n] = shifted
        jacobian[:, :n, n] = -U.T
        jacobian[:, n, :n] = U.T
        residual = np.concatenate([np.einsum("kij,jk->ki", shifted, U), ((U * U).sum(axis=0)[:, None] - 1) / 2],
                                  axis=1)
        step = np.linalg.solve(jacobian, -residual[:, :, None])[:, :, 0]
        U = U + step[:, :n].T
        lam = lam + step[:, n]
    return lam, U


def eigh_sorted(A):
    """Eigenvalues (ascending, as a column) and unit eigenvectors of a symmetric A, signs fixed.

    LAPACK's eigh of the real part starts Newton's method (see refine_eigenpairs); the
    eigenvalues must be distinct.
    """
    A = np.asarray(A, dtype=np.result_type(A, float))
    values, vectors = np.linalg.eigh(A.real)
    values, vectors = refine_eigenpairs(A, values, vectors)
    return values[:, None], vectors * column_signs(vectors)


def eigenvalues(A):
    """The eigenvalues of a symmetric A, ascending, as a column."""
    return eigh_sorted(A)[0]


def eigenvectors(A):
    """The unit eigenvectors of a symmetric A, in the order of its ascending eigenvalues, signs fixed."""
    return eigh_sorted(A)[1]


def svd_thin(A):
    """The thin SVD A = U diag(s) Vᵀ of a tall or square A (rows ≥ columns): U, s (a descending column), V.

    LAPACK's SVD of the real part gives the start; Newton's method on the eigenpairs (s, [u; v]/√2)
    of the symmetric [[0, A], [Aᵀ, 0]] finishes it without squaring A's condition number.  The
    singular values must be distinct and positive; the largest entry of each column of V is
    positive, and U follows it.
    """
    A = np.asarray(A, dtype=np.result_type(A, float))
    m, n = A.shape
    if m < n:
        raise ValueError(f"svd_thin takes a tall or square matrix, not {m}×{n}; take the SVD of the transpose")
    U0, s0, Vt0 = np.linalg.svd(A.real, full_matrices=False)
    augmented = np.block([[np.zeros((m, m)), A], [A.T, np.zeros((n, n))]])
    s, W = refine_eigenpairs(augmented, s0, np.vstack([U0, Vt0.T]) / np.sqrt(2))
    U, V = np.sqrt(2) * W[:m], np.sqrt(2) * W[m:]
    signs = column_signs(V)
    return U * signs, s[:, None], V * signs


def svd_u(A):
    """The left singular vectors U (m×n) of the thin SVD of a tall A, signs following V."""
    return svd_thin(A)[0]


def svd_s(A):
    """The singular values of a tall A, descending, as a column."""
    return svd_thin(A)[1]


def svd_v(A):
    """The right singular vectors V (n×n) of the thin SVD of a tall A, largest entry of each column positive."""
    return svd_thin(A)[2]


def qr_reduced(A):
    """The reduced QR factorization A = QR of a tall or square A of full column rank: Q (m×n) with
    orthonormal columns and R (n×n) upper triangular with a positive diagonal, by Householder
    reflections written without conjugation."""
    A = np.asarray(A, dtype=np.result_type(A, float))
    m, n = A.shape
    if m < n:
        raise ValueError(f"qr_reduced takes a tall or square matrix, not {m}×{n}")
    R = A.copy()
    Q = np.eye(m, n, dtype=A.dtype)
    reflectors = []
    for j in range(min(n, m - 1)):
        x = R[j:, j]
        norm = np.sqrt(x @ x)
        if norm == 0:
            raise np.linalg.LinAlgError("qr_reduced: the matrix does not have full column rank")
        v = x.copy()
        v[0] = v[0] + (1 if x[0].real >= 0 else -1) * norm
        v = v / np.sqrt(v @ v)
        R[j:, j:] = R[j:, j:] - 2 * np.outer(v, v @ R[j:, j:])
        reflectors.append(v)
    for j in reversed(range(len(reflectors))):
        v = reflectors[j]
        Q[j:, :] = Q[j:, :] - 2 * np.outer(v, v @ Q[j:, :])
    R = np.triu(R[:n])
    if R[n - 1, n - 1] == 0:
        raise np.linalg.LinAlgError("qr_reduced: the matrix does not have full column rank")
    signs = np.where(np.diag(R).real < 0, -1, 1)
    return Q * signs, signs[:, None] * R


def qr_q(A):
    """Q of the reduced QR factorization of a tall A (positive diagonal of R)."""
    return qr_reduced(A)[0]


def qr_r(A):
    """R of the reduced QR factorization of a tall A: upper triangular, positive diagonal."""
    return qr_reduced(A)[1]


def pinv_full_rank(A):
    """The Moore–Penrose pseudo-inverse of a matrix of full rank: R⁻¹Qᵀ from the QR factorization of a
    tall A (full column rank), and the transpose of that of Aᵀ for a wide A (full row rank)."""
    A = np.asarray(A)
    if A.shape[0] < A.shape[1]:
        return pinv_full_rank(A.T).T
    Q, R = qr_reduced(A)
    return np.linalg.solve(R, Q.T)


def nuclear_norm(X):
    """‖X‖_*: the sum of the singular values of X (any shape)."""
    return np.sum(svd_s(X if X.shape[0] >= X.shape[1] else X.T))


def spectral_norm(X):
    """‖X‖₂: the largest singular value of X (any shape)."""
    return svd_s(X if X.shape[0] >= X.shape[1] else X.T)[0, 0]

