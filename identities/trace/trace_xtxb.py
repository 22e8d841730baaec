"""The gradient of tr(XᵀXB) is X(B + Bᵀ), as for tr(BXᵀX) to which the cyclic property turns it.

For X of shape m×n and a constant n×n matrix B, the product rule on XᵀX gives
tr(dXᵀ XB) + tr(Xᵀ dX B) = tr(BᵀXᵀ dX) + tr(BXᵀ dX), so the gradient is X(Bᵀ + B), m×n like X.
With B = I it is the squared Frobenius norm and the gradient 2X.

The classic mistake is 2XB, right only for symmetric B.

>>> from identities import get, verify
>>> verify(get("trace-XtXB")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
B = matrix("B", "n", "n")
dX = d(X)

IDENTITY = identity(
    id="trace-XtXB",
    title="Gradient of tr(XᵀXB)",
    symbols=[variable(X, "the variable, an m×n matrix"),
             constant(B, "a constant n×n matrix, not necessarily symmetric")],
    function=Trace(mul(X.T, X, B)),
    claims=[gradient(X, mul(X, add(B.T, B)))],
    derivation=derivation(
        X,
        step(add(Trace(mul(dX.T, X, B)), Trace(mul(X.T, dX, B))), "product rule on XᵀX, d(Xᵀ) = (dX)ᵀ"),
        step(add(Trace(mul(B.T, X.T, dX)), Trace(mul(B, X.T, dX))),
             "tr(M) = tr(Mᵀ) on the first term; the cyclic property on the second"),
        step(Trace(mul(Transpose(mul(X, add(B.T, B))), dX)), "collect: the form tr(Gᵀ dX) with G = X(Bᵀ + B)"),
    ),
    see_also=("trace-BXtX", "trace-XBXt", "frobenius-norm-squared"),
    sources=(cookbook(113),),
    aliases=("trace X^TXB", "tr(X^T X B)"),
)
