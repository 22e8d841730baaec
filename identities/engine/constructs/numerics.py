"""The NumPy functions that generated code calls for the constructs, printed above it from this source.

Each is self-contained (it uses ``np`` and the other functions here, nothing else), so the code on a
page runs as it stands, and each is written to be exact under the complex step where a form that
is exists: only arithmetic, ``solve``/``inv`` and analytic NumPy functions act on the data, and
decisions (a branch, a scaling, when to stop) are taken on real parts or norms, which the
step of size 1e-20 does not move.  SciPy's ``expit`` refuses complex input and its ``sqrtm`` and
``logm`` (Schur-based) return a wrong imaginary part, which is why these are written out here;
the tests compare every one with SciPy.
"""

from __future__ import annotations

import numpy as np

__all__ = ["sigmoid", "softplus", "expm", "expm_frechet", "sqrtm", "logm", "sylvester", "commutation",
           "duplication", "elimination", "symmetrizer"]


def sigmoid(x):
    """The logistic function 1/(1 + e⁻ˣ) entrywise, without overflow (a branch on the real part)."""
    x = np.asarray(x)
    out = np.empty(x.shape, dtype=np.result_type(x, 1.0))
    right = x.real >= 0
    out[right] = 1 / (1 + np.exp(-x[right]))
    e = np.exp(x[~right])
    out[~right] = e / (1 + e)
    return out


def softplus(x):
    """log(1 + eˣ) entrywise, without overflow (a branch on the real part; abs would break the complex step)."""
    x = np.asarray(x)
    out = np.empty(x.shape, dtype=np.result_type(x, 1.0))
    right = x.real > 0
    out[right] = x[right] + np.log1p(np.exp(-x[right]))
    out[~right] = np.log1p(np.exp(x[~right]))
    return out


def expm(X):
    """The matrix exponential e^X by scaling and squaring with the [13/13] Padé approximant (Higham 2005)."""
    b = (64764752532480000.0, 32382376266240000.0, 7771770303897600.0, 1187353796428800.0, 129060195264000.0,
         10559470521600.0, 670442572800.0, 33522128640.0, 1323241920.0, 40840800.0, 960960.0, 16380.0, 182.0, 1.0)
    X = np.asarray(X)
    n = X.shape[0]
    norm = np.linalg.norm(X.real, 1) + np.linalg.norm(X.imag, 1)
    s = max(0, int(np.ceil(np.log2(norm / 5.371920351148152)))) if norm > 0 else 0
    A = X / 2.0 ** s
    I = np.eye(n)
    A2 = A @ A
    A4 = A2 @ A2
    A6 = A4 @ A2
    U = A @ (A6 @ (b[13] * A6 + b[11] * A4 + b[9] * A2) + b[7] * A6 + b[5] * A4 + b[3] * A2 + b[1] * I)
    V = A6 @ (b[12] * A6 + b[10] * A4 + b[8] * A2) + b[6] * A6 + b[4] * A4 + b[2] * A2 + b[0] * I
    E = np.linalg.solve(V - U, V + U)
    for _ in range(s):
        E = E @ E
    return E


def expm_frechet(X, E):
    """The Fréchet derivative L_exp(X, E) of the matrix exponential: the top-right block of
    exp([[X, E], [0, X]])."""
    n = X.shape[0]
    zero = np.zeros_like(X, dtype=np.result_type(X, E))
    return expm(np.block([[X, E], [zero, X]]))[:n, n:]


def sqrtm(X):
    """The principal square root by the Denman–Beavers iteration (only inverses and sums).

    Defined when X has no eigenvalue on the closed negative real axis; it converges quadratically.
    """
    X = np.asarray(X)
    Y, Z = X, np.eye(X.shape[0], dtype=X.dtype)
    try:
        for _ in range(100):
            Y_next, Z = (Y + np.linalg.inv(Z)) / 2, (Z + np.linalg.inv(Y)) / 2
            change = np.linalg.norm((Y_next - Y).real, 1)
            Y = Y_next
            if change <= 1e-13 * np.linalg.norm(Y.real, 1):
                Y, Z = (Y + np.linalg.inv(Z)) / 2, (Z + np.linalg.inv(Y)) / 2  # one more step settles the
                return (Y + np.linalg.inv(Z)) / 2                                 # derivative part too
    except np.linalg.LinAlgError:
        pass
    raise np.linalg.LinAlgError("sqrtm: the iteration broke down; X must have no eigenvalue on the closed "
                                "negative real axis")


def logm(X):
    """The principal logarithm by inverse scaling and squaring: square roots until X is close to I,
    then log(I + A) = ∫₀¹ A(I + tA)⁻¹ dt by 16-point Gauss–Legendre quadrature (a diagonal Padé
    approximant), times 2ˢ."""
    X = np.asarray(X)
    n = X.shape[0]
    I = np.eye(n)
    s = 0
    while np.linalg.norm((X - I).real, 1) > 0.25:
        X = sqrtm(X)
        s += 1
        if s > 60:
            raise np.linalg.LinAlgError("logm: X must have no eigenvalue on the closed negative real axis")
    A = X - I
    nodes, weights = np.polynomial.legendre.leggauss(16)
    L = sum(w / 2 * np.linalg.solve(I + (t + 1) / 2 * A, A) for t, w in zip(nodes, weights))
    return 2.0 ** s * L


def sylvester(A, B, C):
    """The solution Y of the Sylvester equation AY + YB = C, by one solve of the n²×n² system
    (I ⊗ A + Bᵀ ⊗ I) vec Y = vec C (fine for the sizes of a check; Bartels–Stewart scales better)."""
    m, n = C.shape
    K = np.kron(np.eye(n), A) + np.kron(B.T, np.eye(m))
    return np.linalg.solve(K, C.reshape(-1, order="F")).reshape(m, n, order="F")


def commutation(m, n):
    """The commutation matrix K_{m,n}: K vec(X) = vec(Xᵀ) for X of shape m×n (vec stacks columns)."""
    K = np.zeros((m * n, m * n))
    for i in range(m):
        for j in range(n):
            K[j + i * n, i + j * m] = 1.0
    return K


def duplication(n):
    """The duplication matrix D_n: D vech(X) = vec(X) for symmetric X (vech stacks the lower triangle
    column by column)."""
    D = np.zeros((n * n, n * (n + 1) // 2))
    column = 0
    for j in range(n):
        for i in range(j, n):
            D[i + j * n, column] = D[j + i * n, column] = 1.0
            column += 1
    return D


def elimination(n):
    """The elimination matrix L_n: L vec(X) = vech(X), the lower triangle column by column."""
    L = np.zeros((n * (n + 1) // 2, n * n))
    row = 0
    for j in range(n):
        for i in range(j, n):
            L[row, i + j * n] = 1.0
            row += 1
    return L


def symmetrizer(n):
    """N_n = (I + K_{n,n})/2: N vec(X) = vec((X + Xᵀ)/2)."""
    return (np.eye(n * n) + commutation(n, n)) / 2
