"""The gradient of tr(X²B) is (XB + BX)ᵀ: one term for each factor X, rotated into place.

For square X and B of the same size, d(X²B) = dX XB + X dX B. Under the trace the first term is
tr(XB dX) and the second tr(BX dX), so d tr(X²B) = tr((XB + BX) dX) and the gradient is
(XB + BX)ᵀ = BᵀXᵀ + XᵀBᵀ.

With B = I this is tr(X²) and its gradient 2Xᵀ. The classic slips are to merge the two terms into
2(XB)ᵀ (X and B do not commute) and to forget the transpose; the catalog draws dense, non-symmetric X
and B, so each is rejected.

>>> from identities import get, verify
>>> verify(get("trace-X-squared-B")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
B = matrix("B", "n", "n")
dX = d(X)

IDENTITY = identity(
    id="trace-X-squared-B",
    title="Gradient of tr(X²B)",
    symbols=[variable(X, "a square n×n matrix"), constant(B, "a constant n×n matrix")],
    function=Trace(mul(X, X, B)),
    claims=[gradient(X, Transpose(add(mul(X, B), mul(B, X))))],
    derivation=derivation(
        X,
        step(add(Trace(mul(dX, X, B)), Trace(mul(X, dX, B))), "product rule on XXB, B constant"),
        step(add(Trace(mul(X, B, dX)), Trace(mul(B, X, dX))), "cyclic property on each term"),
        step(Trace(mul(add(mul(X, B), mul(B, X)), dX)), "linearity: collect, the form tr(Gᵀ dX) with G = (XB + BX)ᵀ"),
    ),
    see_also=("trace-square-hessian", "trace-axbx-hessian", "trace-AXk"),
    sources=(cookbook(107),),
    aliases=("trace X squared B", "tr(X^2 B)"),
)
