"""The gradient of tr(BᵀXᵀCXB) is (C + Cᵀ)XBBᵀ, and its Hessian is BBᵀ ⊗ (C + Cᵀ).

For X of shape n×m, C of shape n×n and B of shape m×p, tr(BᵀXᵀCXB) = tr(XᵀCX BBᵀ) is a quadratic
form in X weighted on the left by C and on the right by BBᵀ. The product rule gives
tr(Bᵀ dXᵀ CXB) + tr(BᵀXᵀC dX B) = tr(BBᵀXᵀCᵀ dX) + tr(BBᵀXᵀC dX), so the gradient is
CᵀXBBᵀ + CXBBᵀ = (C + Cᵀ)XBBᵀ, n×m like X.

With dX fixed, d² = 2 tr(dXᵀ C dX BBᵀ) = 2 vec(dX)ᵀ (BBᵀ ⊗ C) vec(dX), so the Hessian is
BBᵀ ⊗ (C + Cᵀ) in column-stacking order and (C + Cᵀ) ⊗ BBᵀ in row-stacking order. The classic
slip is 2CXBBᵀ, right only for symmetric C.

>>> from identities import get, verify
>>> verify(get("trace-BtXtCXB")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "m")
B = matrix("B", "m", "p")
C = matrix("C", "n", "n")
dX = d(X)

IDENTITY = identity(
    id="trace-BtXtCXB",
    title="Gradient and Hessian of tr(BᵀXᵀCXB)",
    symbols=[
        variable(X, "the variable, an n×m matrix"),
        constant(B, "a constant m×p matrix"),
        constant(C, "a constant n×n matrix, not necessarily symmetric"),
    ],
    function=Trace(mul(B.T, X.T, C, X, B)),
    claims=[
        gradient(X, add(mul(C.T, X, B, B.T), mul(C, X, B, B.T))),
        hessian(X, KroneckerProduct(mul(B, B.T), add(C, C.T)), vec="F"),
        hessian(X, KroneckerProduct(add(C, C.T), mul(B, B.T)), vec="C"),
    ],
    derivation=derivation(
        X,
        step(add(Trace(mul(B.T, dX.T, C, X, B)), Trace(mul(B.T, X.T, C, dX, B))),
             "product rule, d(Xᵀ) = (dX)ᵀ"),
        step(add(Trace(mul(B, B.T, X.T, C.T, dX)), Trace(mul(B, B.T, X.T, C, dX))),
             "tr(M) = tr(Mᵀ) then the cyclic property on the first term; cyclic on the second"),
        step(Trace(mul(Transpose(add(mul(C.T, X, B, B.T), mul(C, X, B, B.T))), dX)),
             "collect: the form tr(Gᵀ dX) with G = CᵀXBBᵀ + CXBBᵀ"),
    ),
    see_also=("trace-quadratic", "trace-quadratic-hessian", "least-squares-hessian"),
    sources=(cookbook(116),),
    aliases=("trace B^TX^TCXB", "weighted quadratic trace"),
)
