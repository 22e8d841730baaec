"""For a square invertible X, the gradient of det(XᵀAX) is 2 det(XᵀAX) X⁻ᵀ, for any square A.

With M = XᵀAX, Jacobi's formula gives d det M = det M tr(M⁻¹(dXᵀ AX + XᵀA dX)). When X is square
and invertible, M⁻¹ = X⁻¹A⁻¹X⁻ᵀ and each of the two terms collapses to tr(X⁻¹ dX): the relative
change of det(XᵀAX) = det(A) det(X)² is twice that of det X. The gradient is therefore
2 det(XᵀAX) X⁻ᵀ, with no trace of A left in it — and no need for A to be symmetric.

That simplification is special to square X. For a tall X (more rows than columns) det(XᵀAX) is
not det(A) det(X)², A does not cancel, and the gradient is the one of the companion identity
for tall X. The catalog samples A dense and non-symmetric, so a formula that silently assumed a
symmetric A would fail here.

>>> from identities import get, verify
>>> verify(get("det-xtax-square")).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
X = matrix("X", "n", "n")
dX = d(X)
M = mul(X.T, A, X)

IDENTITY = identity(
    id="det-xtax-square",
    title="Gradient of det(XᵀAX) for a square X",
    symbols=[
        variable(X, "the variable, an invertible n×n matrix", "invertible"),
        constant(A, "a constant invertible n×n matrix, not necessarily symmetric", "invertible"),
    ],
    function=Determinant(M),
    claims=[gradient(X, mul(2, Determinant(M), Inverse(X).T))],
    derivation=derivation(
        X,
        step(mul(Determinant(M), add(Trace(mul(Inverse(M), dX.T, A, X)), Trace(mul(Inverse(M), X.T, A, dX)))),
             "Jacobi's formula d det M = det M tr(M⁻¹ dM) with dM = dXᵀAX + XᵀA dX"),
        step(mul(Determinant(M), add(Trace(mul(Inverse(X), Inverse(A), Inverse(X).T, dX.T, A, X)),
                                     Trace(mul(Inverse(X), Inverse(A), Inverse(X).T, X.T, A, dX)))),
             "M⁻¹ = X⁻¹A⁻¹X⁻ᵀ for square invertible X and A"),
        step(mul(Determinant(M), add(Trace(mul(dX.T, Inverse(X).T)), Trace(mul(Inverse(X), dX)))),
             "cyclic trace on the first term, AXX⁻¹A⁻¹ = I; X⁻ᵀXᵀ = I and A⁻¹A = I in the second"),
        step(mul(2, Determinant(M), Trace(mul(Inverse(X), dX))), "tr(dXᵀX⁻ᵀ) = tr((X⁻¹dX)ᵀ) = tr(X⁻¹dX)"),
        step(Trace(mul(Transpose(mul(2, Determinant(M), Inverse(X).T)), dX)), "df = tr(Gᵀ dX)"),
    ),
    see_also=("det-xtax-tall", "det-gradient", "trace-quadratic"),
    sources=(cookbook(52),),
    aliases=("derivative of det(X^T A X)", "determinant of a quadratic form"),
)
