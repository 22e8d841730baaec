"""For rectangular A and B, the gradient of det(AᵀXB) is det(AᵀXB) A(AᵀXB)⁻ᵀBᵀ.

Let X be n×m, and A (n×k) and B (m×k) have full column rank, so that AᵀXB is a square k×k matrix;
assume it invertible. Jacobi's formula gives d det(AᵀXB) = det(AᵀXB) tr((AᵀXB)⁻¹Aᵀ dX B), and the
cyclic trace moves B to the front: tr(B(AᵀXB)⁻¹Aᵀ dX). The gradient is
det(AᵀXB)(B(AᵀXB)⁻¹Aᵀ)ᵀ = det(AᵀXB) A(AᵀXB)⁻ᵀBᵀ, an n×m matrix like X (A is written
transposed so that both constants have k columns).

The Matrix Cookbook's eq. (51), det(AXB)X⁻ᵀ, is the special case of square invertible factors,
where B(AᵀXB)⁻¹Aᵀ collapses to X⁻¹ (see the square version of this identity). For a rectangular X
there is no X⁻ᵀ, and this general form is the one to use — for instance for det(AᵀX) with a tall X,
the case B = I.

>>> from identities import get, verify
>>> verify(get("det-atxb-rectangular")).ok
True
"""

from identities.define import *

A = matrix("A", "n", "k")
X = matrix("X", "n", "m")
B = matrix("B", "m", "k")
dX = d(X)
P = mul(A.T, X, B)

IDENTITY = identity(
    id="det-atxb-rectangular",
    title="Gradient of det(AᵀXB) for rectangular factors",
    symbols=[
        variable(X, "the variable, an n×m matrix"),
        constant(A, "a constant n×k matrix of full column rank", "full-column-rank"),
        constant(B, "a constant m×k matrix of full column rank (AᵀXB is k×k and invertible)", "full-column-rank"),
    ],
    function=Determinant(P),
    claims=[gradient(X, mul(Determinant(P), A, Inverse(P).T, B.T))],
    derivation=derivation(
        X,
        step(mul(Determinant(P), Trace(mul(Inverse(P), A.T, dX, B))),
             "Jacobi's formula d det M = det M tr(M⁻¹ dM) with M = AᵀXB, dM = Aᵀ dX B"),
        step(mul(Determinant(P), Trace(mul(B, Inverse(P), A.T, dX))), "cyclic trace: move B to the front"),
        step(Trace(mul(Transpose(mul(Determinant(P), A, Inverse(P).T, B.T)), dX)),
             "(B(AᵀXB)⁻¹Aᵀ)ᵀ = A(AᵀXB)⁻ᵀBᵀ, so df = tr(Gᵀ dX)"),
    ),
    see_also=("det-axb", "det-gradient", "trace-AXB"),
    sources=(cookbook(locator="§2.1.2: eq. (51) before its square factors cancel"),),
    aliases=("derivative of det(A^T X B)", "determinant of a product with rectangular factors"),
)
