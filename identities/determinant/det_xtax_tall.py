"""For a tall X, the gradient of det(XᵀAX) is det(XᵀAX)(AX(XᵀAX)⁻¹ + AᵀX(XᵀAᵀX)⁻¹).

Let X be n×k with k < n and full column rank, and A a constant n×n matrix; M = XᵀAX is k×k.
Jacobi's formula gives d det M = det M tr(M⁻¹(dXᵀAX + XᵀA dX)). Unlike the square case, nothing
cancels: the first term is tr(M⁻ᵀXᵀAᵀ dX) after a transpose and the cyclic trace, the second is
tr(M⁻¹XᵀA dX), and together they give the gradient det M (AXM⁻¹ + AᵀXM⁻ᵀ), with M⁻ᵀ = (XᵀAᵀX)⁻¹.

The Matrix Cookbook prints this general form as eq. (54) and, for symmetric A, the short form
2 det(XᵀAX) AX(XᵀAX)⁻¹ as eq. (53); the short form is wrong as soon as A is not symmetric, and the
catalog checks both halves of that statement. Here A is drawn near the identity but dense and
non-symmetric (its symmetric part is positive definite), which keeps XᵀAX invertible.

>>> from identities import get, verify
>>> verify(get("det-xtax-tall")).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
X = matrix("X", "n", "k")
dX = d(X)
M = mul(X.T, A, X)
Mt = mul(X.T, A.T, X)

IDENTITY = identity(
    id="det-xtax-tall",
    title="Gradient of det(XᵀAX) for a tall X",
    symbols=[
        variable(X, "the variable, n×k of full column rank", "full-column-rank"),
        constant(A, "a constant n×n matrix, not necessarily symmetric (drawn with a positive definite symmetric "
                    "part, so that XᵀAX is invertible)", "off-negative-axis"),
    ],
    function=Determinant(M),
    claims=[gradient(X, mul(Determinant(M), add(mul(A, X, Inverse(M)), mul(A.T, X, Inverse(Mt)))))],
    derivation=derivation(
        X,
        step(mul(Determinant(M), add(Trace(mul(Inverse(M), dX.T, A, X)), Trace(mul(Inverse(M), X.T, A, dX)))),
             "Jacobi's formula d det M = det M tr(M⁻¹ dM) with dM = dXᵀAX + XᵀA dX"),
        step(mul(Determinant(M), add(Trace(mul(Inverse(M).T, X.T, A.T, dX)), Trace(mul(Inverse(M), X.T, A, dX)))),
             "tr(P) = tr(Pᵀ) on the first term, then the cyclic trace"),
        step(Trace(mul(Transpose(mul(Determinant(M), add(mul(A, X, Inverse(M)), mul(A.T, X, Inverse(Mt))))), dX)),
             "collect as tr(Gᵀ dX); M⁻ᵀ = (Mᵀ)⁻¹ = (XᵀAᵀX)⁻¹"),
    ),
    see_also=("det-xtax-square", "log-det-xtax", "trace-quadratic"),
    sources=(cookbook(54),),
    published=[published(cookbook(53), gradient(X, mul(2, Determinant(M), A, X, Inverse(M))),
                         holds_when={"A": "symmetric"},
                         note="the Cookbook states this short form for a symmetric A; for any other A the "
                              "two terms of eq. (54) differ")],
    aliases=("derivative of det(X^T A X) for non-square X", "determinant of a rectangular quadratic form"),
)
