"""The gradient of tr(XXᵀB) is (B + Bᵀ)X, the same as for tr(BXXᵀ).

The cyclic property makes tr(XXᵀB) = tr(BXXᵀ), so the two have the same gradient; written out,
d(XXᵀ) = dX Xᵀ + X dXᵀ gives tr(dX XᵀB) + tr(X dXᵀ B) = tr(XᵀB dX) + tr(XᵀBᵀ dX), and the gradient
is (B + Bᵀ)X, n×k like X.

Where B is a covariance or a graph Laplacian (symmetric), this is the familiar 2BX; for a general B
only the symmetric part counts, and 2BX is the classic mistake the catalog checks against.

>>> from identities import get, verify
>>> verify(get("trace-XXtB")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "k")
B = matrix("B", "n", "n")
dX = d(X)

IDENTITY = identity(
    id="trace-XXtB",
    title="Gradient of tr(XXᵀB)",
    symbols=[variable(X, "the variable, an n×k matrix"),
             constant(B, "a constant n×n matrix, not necessarily symmetric")],
    function=Trace(mul(X, X.T, B)),
    claims=[gradient(X, mul(add(B, B.T), X))],
    derivation=derivation(
        X,
        step(add(Trace(mul(dX, X.T, B)), Trace(mul(X, dX.T, B))), "product rule on XXᵀ, d(Xᵀ) = (dX)ᵀ"),
        step(add(Trace(mul(X.T, B, dX)), Trace(mul(X.T, B.T, dX))),
             "cyclic property on the first term; tr(M) = tr(Mᵀ), then cyclic, on the second"),
        step(Trace(mul(Transpose(mul(add(B, B.T), X)), dX)), "collect: the form tr(Gᵀ dX) with G = (B + Bᵀ)X"),
    ),
    see_also=("trace-BXXt", "trace-quadratic"),
    sources=(cookbook(110),),
    aliases=("trace XX^TB", "tr(X X^T B)"),
)
