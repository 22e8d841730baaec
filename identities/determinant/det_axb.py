"""For square invertible A, X and B, the gradient of det(AXB) is det(AXB) X⁻ᵀ.

Jacobi's formula gives d det(AXB) = det(AXB) tr((AXB)⁻¹ A dX B). The cyclic trace moves B to the
front, and when all three factors are square and invertible B(AXB)⁻¹A = BB⁻¹X⁻¹A⁻¹A = X⁻¹: the
constant factors cancel out of the relative change, which is tr(X⁻¹ dX) whatever A and B are. So
the gradient is the determinant times X⁻ᵀ, as for det X alone; the Matrix Cookbook prints it in
both spellings, det(AXB)(X⁻¹)ᵀ = det(AXB)(Xᵀ)⁻¹.

The cancellation needs square factors. For rectangular factors, with AXB square, the gradient is
det(AXB) Aᵀ(AXB)⁻ᵀBᵀ, read off the line before the cancellation in the derivation below (the
rectangular version of this identity writes it with AᵀXB); X⁻ᵀ does not even exist there if X is
not square.

>>> import numpy as np
>>> from identities import check_gradient, get, verify
>>> verify(get("det-axb")).ok
True
>>> A = np.array([[1.0, 2.0], [0.0, 1.0]]); X = np.array([[2.0, 1.0], [0.5, 3.0]]); B = np.array([[1.0, 0.0], [1.0, 2.0]])
>>> f = lambda X, A, B: np.linalg.det(A @ X @ B)
>>> check_gradient(f, lambda X, A, B: f(X, A, B) * np.linalg.inv(X).T, X, A, B).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
X = matrix("X", "n", "n")
B = matrix("B", "n", "n")
dX = d(X)
P = mul(A, X, B)

IDENTITY = identity(
    id="det-axb",
    title="Gradient of det(AXB)",
    symbols=[
        variable(X, "the variable, an invertible n×n matrix", "invertible"),
        constant(A, "a constant invertible n×n matrix", "invertible"),
        constant(B, "a constant invertible n×n matrix", "invertible"),
    ],
    function=Determinant(P),
    claims=[gradient(X, mul(Determinant(P), Inverse(X).T))],
    derivation=derivation(
        X,
        step(mul(Determinant(P), Trace(mul(Inverse(P), A, dX, B))),
             "Jacobi's formula d det M = det M tr(M⁻¹ dM) with dM = A dX B"),
        step(mul(Determinant(P), Trace(mul(B, Inverse(P), A, dX))), "cyclic trace: move B to the front"),
        step(mul(Determinant(P), Trace(mul(Inverse(X), dX))),
             "B(AXB)⁻¹A = B B⁻¹X⁻¹A⁻¹ A = X⁻¹ for square invertible factors"),
        step(Trace(mul(Transpose(mul(Determinant(P), Inverse(X).T)), dX)), "df = tr(Gᵀ dX) with G = det(AXB) X⁻ᵀ"),
    ),
    see_also=("det-atxb-rectangular", "det-gradient", "log-det"),
    sources=(cookbook(51),),
    aliases=("derivative of det(AXB)", "determinant of a product gradient"),
)
