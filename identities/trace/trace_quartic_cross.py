"""The gradient of tr(BᵀXᵀCXXᵀCXB) has four terms, one for each occurrence of X.

With X of shape n×m, C of shape n×n and B of shape m×p, write M = XᵀCX (m×m): the function is
tr(BᵀM²B) = tr(M² BBᵀ), a quartic in X. The product rule gives four terms, one per X, and
rotating each until dX stands last (transposing where dX appears transposed) gives the gradient

    CXXᵀCXBBᵀ + CᵀXBBᵀXᵀCᵀX + CXBBᵀXᵀCX + CᵀXXᵀCᵀXBBᵀ.

For symmetric C the terms pair up; for a general C all four differ, and dropping one, or putting C
where Cᵀ belongs, is what goes wrong in practice. With B and C identities the function is
tr((XᵀX)²) = ‖XᵀX‖²_F, with gradient 4XXᵀX.

>>> from identities import get, verify
>>> verify(get("trace-BtXtCXXtCXB")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "m")
B = matrix("B", "m", "p")
C = matrix("C", "n", "n")
dX = d(X)
BBt = mul(B, B.T)

IDENTITY = identity(
    id="trace-BtXtCXXtCXB",
    title="Gradient of the quartic trace tr(BᵀXᵀCXXᵀCXB)",
    symbols=[
        variable(X, "the variable, an n×m matrix"),
        constant(B, "a constant m×p matrix"),
        constant(C, "a constant n×n matrix, not necessarily symmetric"),
    ],
    function=Trace(mul(B.T, X.T, C, X, X.T, C, X, B)),
    claims=[gradient(X, add(mul(C, X, X.T, C, X, BBt), mul(C.T, X, BBt, X.T, C.T, X),
                            mul(C, X, BBt, X.T, C, X), mul(C.T, X, X.T, C.T, X, BBt)))],
    derivation=derivation(
        X,
        step(add(Trace(mul(B.T, dX.T, C, X, X.T, C, X, B)), Trace(mul(B.T, X.T, C, dX, X.T, C, X, B)),
                 Trace(mul(B.T, X.T, C, X, dX.T, C, X, B)), Trace(mul(B.T, X.T, C, X, X.T, C, dX, B))),
             "product rule: one term per occurrence of X, d(Xᵀ) = (dX)ᵀ"),
        step(add(Trace(mul(BBt, X.T, C.T, X, X.T, C.T, dX)), Trace(mul(X.T, C, X, BBt, X.T, C, dX)),
                 Trace(mul(X.T, C.T, X, BBt, X.T, C.T, dX)), Trace(mul(BBt, X.T, C, X, X.T, C, dX))),
             "tr(M) = tr(Mᵀ) on the terms with dXᵀ, then the cyclic property on all four"),
        step(Trace(mul(Transpose(add(mul(C, X, X.T, C, X, BBt), mul(C.T, X, BBt, X.T, C.T, X),
                                     mul(C, X, BBt, X.T, C, X), mul(C.T, X, X.T, C.T, X, BBt))), dX)),
             "collect the four terms: the form tr(Gᵀ dX)"),
    ),
    see_also=("trace-BtXtCXB", "trace-AXBXtC", "frobenius-norm-squared"),
    sources=(cookbook(123),),
    aliases=("quartic trace", "trace of a product of gram matrices", "tr(B^T X^T C X X^T C X B)"),
)
