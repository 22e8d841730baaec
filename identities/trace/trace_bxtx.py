"""The gradient of tr(BXᵀX) is X(B + Bᵀ): the Gram matrix XᵀX sees only the symmetric part of B.

For X of shape m×n and a constant n×n matrix B, d(XᵀX) = dXᵀ X + Xᵀ dX. Under the trace,
tr(B dXᵀ X) = tr(XᵀdX Bᵀ) = tr(BᵀXᵀ dX) and tr(BXᵀ dX) is already in place, so the gradient is
X(Bᵀ + B), m×n like X. By the cyclic property tr(BXᵀX) = tr(XBXᵀ), with the same gradient.

Weighted Gram penalties tr(BXᵀX) appear in regularisers on the columns of a weight matrix. The
classic slips are 2XB (right only for symmetric B) and (B + Bᵀ)X on the wrong side.

>>> from identities import get, verify
>>> verify(get("trace-BXtX")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
B = matrix("B", "n", "n")
dX = d(X)

IDENTITY = identity(
    id="trace-BXtX",
    title="Gradient of tr(BXᵀX)",
    symbols=[variable(X, "the variable, an m×n matrix"),
             constant(B, "a constant n×n matrix, not necessarily symmetric")],
    function=Trace(mul(B, X.T, X)),
    claims=[gradient(X, mul(X, add(B.T, B)))],
    derivation=derivation(
        X,
        step(add(Trace(mul(B, dX.T, X)), Trace(mul(B, X.T, dX))), "product rule on XᵀX, d(Xᵀ) = (dX)ᵀ"),
        step(add(Trace(mul(B.T, X.T, dX)), Trace(mul(B, X.T, dX))),
             "tr(M) = tr(Mᵀ) then the cyclic property on the first term"),
        step(Trace(mul(Transpose(mul(X, add(B.T, B))), dX)), "collect: the form tr(Gᵀ dX) with G = X(Bᵀ + B)"),
    ),
    see_also=("trace-XBXt", "trace-XtXB", "frobenius-norm-squared"),
    sources=(cookbook(112),),
    aliases=("trace BX^TX", "tr(B X^T X)", "weighted gram trace"),
)
