"""The projector P = A(AᵀA)⁻¹Aᵀ onto the columns of A changes by (I − P)dA A⁺ + ((I − P)dA A⁺)ᵀ.

For a tall A (m×n) of full column rank, P = AA⁺ is the orthogonal projector onto its column space
— the hat matrix of least squares, mapping targets to fitted values. Moving A moves the subspace,
and only the part of dA that leaves the subspace matters: with Q = I − P,
dP = Q dA A⁺ + (A⁺)ᵀdAᵀQ, a symmetric matrix with no component inside the range of P (PdPP = 0)
nor in its complement (QdPQ = 0). The backward pass follows by moving dA to the end:
Ā = Q(P̄ + P̄ᵀ)(A⁺)ᵀ.

This is the derivative at the heart of Golub and Pereyra's variable projection, and of subspace
tracking. Treating A⁺ as an inverse (dP = 0 for square invertible A) or forgetting the transposed
term are the slips; the catalog checks both forms at random tall A.

>>> from identities import get, verify
>>> verify(get("projection-matrix-differential")).ok
True
"""

from identities.define import *

A = matrix("A", "m", "n")
Pbar = bar("P", "m", "m")
dA = d(A)
Ap = named("Aplus", pinv(A))
Q = named("Q", add(eye("m"), mul(-1, A, Ap)))

IDENTITY = identity(
    id="projection-matrix-differential",
    title="Differential and backward pass of the orthogonal projector A(AᵀA)⁻¹Aᵀ",
    output="P",
    symbols=[variable(A, "the matrix, m×n with m > n, of full column rank", "full-column-rank"),
             upstream(Pbar, "the upstream gradient ∇_P L, m×m")],
    function=mul(A, Ap),
    claims=[
        differential_of(A, add(mul(Q, dA, Ap), mul(Ap.T, dA.T, Q))),
        vjp(A, mul(Q, add(Pbar, Pbar.T), Ap.T)),
    ],
    derivation=derivation(
        A,
        step(Trace(mul(Pbar.T, add(mul(Q, dA, Ap), mul(Ap.T, dA.T, Q)))),
             "dL = tr(P̄ᵀdP), with dP = (I − P)dA A⁺ + (A⁺)ᵀdAᵀ(I − P) from the derivative of AA⁺"),
        step(add(Trace(mul(Ap, Pbar.T, Q, dA)), Trace(mul(Ap, Pbar, Q, dA))),
             "cycle the first trace; transpose the second (Q is symmetric) and cycle it"),
        step(Trace(mul(Transpose(mul(Q, add(Pbar, Pbar.T), Ap.T)), dA)), "collect: tr(Āᵀ dA)"),
    ),
    see_also=("pinv-differential", "least-squares-optimal-value", "normal-equations"),
    sources=(cite("golub1973differentiation", "the derivative of the orthogonal projector AA⁺ (their P_A)"),),
    aliases=("hat matrix derivative", "projector differential", "derivative of the orthogonal projection"),
)
