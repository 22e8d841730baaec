"""The differential of the pseudo-inverse: dA⁺ = −A⁺ dA A⁺ + A⁺A⁺ᵀ dAᵀ (I − AA⁺) for full column rank.

For an m×n matrix A of full column rank (m ≥ n) the Moore–Penrose pseudo-inverse is the left
inverse A⁺ = (AᵀA)⁻¹Aᵀ, the map that solves least squares. The product rule on it, with d(M⁻¹) =
−M⁻¹ dM M⁻¹ for M = AᵀA, gives −A⁺ dA A⁺ + (AᵀA)⁻¹dAᵀ(I − AA⁺), and (AᵀA)⁻¹ = A⁺A⁺ᵀ. The first term
is the rule for an inverse; the second is new: I − AA⁺ projects onto the orthogonal complement of
the columns of A, which is nonzero exactly when A is not square, so treating A⁺ like an inverse
misses it. Read backwards, with an upstream gradient Ȳ, the differential gives the VJP
Ā = −A⁺ᵀȲA⁺ᵀ + (I − AA⁺)ȲᵀA⁺A⁺ᵀ.

For a general matrix of constant rank, Golub and Pereyra's formula has a third term,
(I − A⁺A) dAᵀ A⁺ᵀA⁺; it vanishes for full column rank (A⁺A = I) and is the one that survives, in
place of the second, for full row rank. The rank must not change along the perturbation: at a
rank-deficient A the pseudo-inverse is not even continuous.

Classic mistakes rejected below: the inverse rule alone (dropping the projection term), the
transposes dropped or misplaced (A⁺ for A⁺ᵀ), the factors of a product swapped, and the sign.

Verified by the complex step through A⁺ = R⁻¹Qᵀ from a QR factorization written without conjugation
(numpy.linalg.pinv goes through LAPACK's svd, which drops the imaginary part); a formula off by one
part in 10⁸ is rejected.

>>> import numpy as np
>>> from identities import check_differential, get, verify
>>> verify(get("pinv-differential")).ok
True
>>> A = np.array([[2.0, 0.0], [1.0, 1.0], [0.0, 3.0]]); P = np.linalg.pinv
>>> dP = lambda A, dA: -P(A) @ dA @ P(A) + P(A) @ P(A).T @ dA.T @ (np.eye(3) - A @ P(A))
>>> check_differential(P, dP, A).ok
True
>>> check_differential(P, lambda A, dA: -P(A) @ dA @ P(A), A).ok
False
"""

from identities.define import *

A = matrix("A", "m", "n")
Ybar = bar("Y", "n", "m")
dA = d(A)
Ap = pinv(A)
projector = add(eye("m"), mul(-1, A, Ap))  # I − AA⁺, onto the complement of the columns of A

IDENTITY = identity(
    id="pinv-differential",
    title="Differential of the pseudo-inverse",
    output="Y",
    symbols=[
        variable(A, "the variable, m×n with m ≥ n and full column rank (condition number 10)", "full-column-rank"),
        upstream(Ybar, "the upstream gradient ∇_Y ℓ, n×m like Y = A⁺"),
    ],
    function=Ap,
    claims=[
        differential_of(A, add(mul(-1, Ap, dA, Ap), mul(Ap, Ap.T, dA.T, projector))),
        vjp(A, add(mul(-1, Ap.T, Ybar, Ap.T), mul(projector, Ybar.T, Ap, Ap.T))),
    ],
    derivation=derivation(
        A,
        step(Trace(mul(Ybar.T, add(mul(-1, Inverse(mul(A.T, A)), add(mul(dA.T, A), mul(A.T, dA)),
                                       Inverse(mul(A.T, A)), A.T),
                                   mul(Inverse(mul(A.T, A)), dA.T)))),
             "dℓ = ⟨Ȳ, dA⁺⟩; A⁺ = (AᵀA)⁻¹Aᵀ for full column rank; product rule with d(M⁻¹) = −M⁻¹ dM M⁻¹"),
        step(Trace(mul(Ybar.T, add(mul(-1, Ap, dA, Ap), mul(Inverse(mul(A.T, A)), dA.T, projector)))),
             "expand and use (AᵀA)⁻¹Aᵀ = A⁺ twice: −(AᵀA)⁻¹dAᵀAA⁺ + (AᵀA)⁻¹dAᵀ = (AᵀA)⁻¹dAᵀ(I − AA⁺)"),
        step(Trace(mul(Ybar.T, add(mul(-1, Ap, dA, Ap), mul(Ap, Ap.T, dA.T, projector)))),
             "(AᵀA)⁻¹ = (AᵀA)⁻¹AᵀA(AᵀA)⁻¹ = A⁺A⁺ᵀ"),
        step(add(Trace(mul(Transpose(mul(-1, Ap.T, Ybar, Ap.T)), dA)),
                 Trace(mul(Transpose(mul(projector, Ybar.T, Ap, Ap.T)), dA))),
             "cyclic trace on each term; tr(Ȳᵀ A⁺A⁺ᵀ dAᵀ P) = tr(dA (P Ȳᵀ A⁺A⁺ᵀ)ᵀ) with P = I − AA⁺ symmetric"),
    ),
    see_also=("inverse-differential", "least-squares", "solve-backward"),
    sources=(cite("golub1973differentiation", "the derivative of the pseudo-inverse under constant rank"),),
    aliases=("pseudo-inverse derivative", "pseudoinverse differential", "pinv gradient",
             "derivative of the moore-penrose inverse"),
)
