"""The gradient of tr(BXXᵀ) is (B + Bᵀ)X: the Gram matrix XXᵀ sees only the symmetric part of B.

For X of shape n×k and a constant n×n matrix B, the differential of XXᵀ is dX Xᵀ + X dXᵀ. Under the
trace the first term is tr(XᵀB dX) and the second, transposed, tr(XᵀBᵀ dX), so the gradient is
(B + Bᵀ)X, n×k like X. Since XXᵀ is symmetric, tr(BXXᵀ) = tr(XᵀBX): it is the quadratic trace form
with its factors rotated, and it has the same gradient.

The classic mistake is 2BX, right only for symmetric B: an antisymmetric part of B does not change
the value but does change 2BX.

>>> import numpy as np
>>> from identities import get, check_gradient, verify
>>> verify(get("trace-BXXt")).ok
True
>>> B = np.array([[1.0, 2.0], [0.0, 1.0]]); X = np.array([[1.0, 0.0, 2.0], [1.0, 1.0, 0.0]])
>>> check_gradient(lambda X, B: np.trace(B @ X @ X.T), lambda X, B: 2 * B @ X, X, B).diagnosis[:22]
'missing symmetric part'
"""

from identities.define import *

X = matrix("X", "n", "k")
B = matrix("B", "n", "n")
dX = d(X)

IDENTITY = identity(
    id="trace-BXXt",
    title="Gradient of tr(BXXᵀ)",
    symbols=[variable(X, "the variable, an n×k matrix"),
             constant(B, "a constant n×n matrix, not necessarily symmetric")],
    function=Trace(mul(B, X, X.T)),
    claims=[gradient(X, mul(add(B, B.T), X))],
    derivation=derivation(
        X,
        step(add(Trace(mul(B, dX, X.T)), Trace(mul(B, X, dX.T))), "product rule on XXᵀ, d(Xᵀ) = (dX)ᵀ"),
        step(add(Trace(mul(X.T, B, dX)), Trace(mul(X.T, B.T, dX))),
             "cyclic property on the first term; tr(M) = tr(Mᵀ) on the second"),
        step(Trace(mul(Transpose(mul(add(B, B.T), X)), dX)), "collect: the form tr(Gᵀ dX) with G = (B + Bᵀ)X"),
    ),
    see_also=("trace-quadratic", "trace-XXtB", "trace-XBXt"),
    sources=(cookbook(109),),
    aliases=("trace BXX^T", "tr(B X X^T)"),
)
