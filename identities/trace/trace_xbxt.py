"""The gradient of tr(XBXᵀ) is X(B + Bᵀ): the quadratic form acting on the rows of X.

For X of shape m×n and a constant n×n matrix B, tr(XBXᵀ) = Σᵢ xᵢᵀBxᵢ over the rows xᵢᵀ of X. The
product rule gives tr(dX BXᵀ) + tr(XB dXᵀ) = tr(BXᵀ dX) + tr(BᵀXᵀ dX), so the gradient is
X(Bᵀ + B), m×n like X. Compare tr(XᵀBX), where B multiplies X from the left and the gradient is
(B + Bᵀ)X.

Classic mistakes: 2XB (right only for symmetric B) and (B + Bᵀ)X, the left-multiplying form, which
for m ≠ n does not even have the shape of X.

>>> import numpy as np
>>> from identities import get, check_gradient, verify
>>> verify(get("trace-XBXt")).ok
True
>>> X = np.array([[1.0, 2.0], [0.0, 1.0], [3.0, 1.0]]); B = np.array([[1.0, 2.0], [0.0, 1.0]])
>>> check_gradient(lambda X, B: np.trace(X @ B @ X.T), lambda X, B: X @ (B + B.T), X, B).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
B = matrix("B", "n", "n")
dX = d(X)

IDENTITY = identity(
    id="trace-XBXt",
    title="Gradient of tr(XBXᵀ)",
    symbols=[variable(X, "the variable, an m×n matrix"),
             constant(B, "a constant n×n matrix, not necessarily symmetric")],
    function=Trace(mul(X, B, X.T)),
    claims=[gradient(X, mul(X, add(B.T, B)))],
    derivation=derivation(
        X,
        step(add(Trace(mul(dX, B, X.T)), Trace(mul(X, B, dX.T))), "product rule, d(Xᵀ) = (dX)ᵀ"),
        step(add(Trace(mul(B, X.T, dX)), Trace(mul(B.T, X.T, dX))),
             "cyclic property on the first term; tr(M) = tr(Mᵀ) on the second"),
        step(Trace(mul(Transpose(mul(X, add(B.T, B))), dX)), "collect: the form tr(Gᵀ dX) with G = X(Bᵀ + B)"),
    ),
    see_also=("trace-quadratic", "trace-BXtX", "trace-XtXB"),
    sources=(cookbook(111),),
    aliases=("trace XBX^T", "tr(X B X^T)", "row quadratic form"),
)
