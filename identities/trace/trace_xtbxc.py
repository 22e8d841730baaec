"""The gradient of tr(XᵀBXC) is BXC + BᵀXCᵀ, and its Hessian is Cᵀ ⊗ B + C ⊗ Bᵀ.

For X of shape n×m, B of shape n×n and C of shape m×m, X is weighted on the left by B and on the
right by C. The product rule gives tr(dXᵀ BXC) + tr(XᵀB dX C); the first is tr(CᵀXᵀBᵀ dX) after
transposing and rotating, the second tr(CXᵀB dX), so the gradient is BXC + BᵀXCᵀ, n×m like X.
Neither B nor C need be symmetric; when both are, the gradient is 2BXC.

With dX fixed, d² = 2 tr(dXᵀ B dX C) = 2 vec(dX)ᵀ (Cᵀ ⊗ B) vec(dX): the Hessian is the symmetric
Cᵀ ⊗ B + C ⊗ Bᵀ in column-stacking order and B ⊗ Cᵀ + Bᵀ ⊗ C in row-stacking order. This is the
curvature of matrix-normal log-likelihoods and of Sylvester-type least squares. The classic slips:
2BXC for non-symmetric weights, and BXCᵀ + BᵀXC (the transposes on the wrong factor).

>>> from identities import get, verify
>>> verify(get("trace-XtBXC")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "m")
B = matrix("B", "n", "n")
C = matrix("C", "m", "m")
dX = d(X)

IDENTITY = identity(
    id="trace-XtBXC",
    title="Gradient and Hessian of tr(XᵀBXC)",
    symbols=[
        variable(X, "the variable, an n×m matrix"),
        constant(B, "a constant n×n matrix, not necessarily symmetric"),
        constant(C, "a constant m×m matrix, not necessarily symmetric"),
    ],
    function=Trace(mul(X.T, B, X, C)),
    claims=[
        gradient(X, add(mul(B, X, C), mul(B.T, X, C.T))),
        hessian(X, add(KroneckerProduct(C.T, B), KroneckerProduct(C, B.T)), vec="F"),
        hessian(X, add(KroneckerProduct(B, C.T), KroneckerProduct(B.T, C)), vec="C"),
    ],
    derivation=derivation(
        X,
        step(add(Trace(mul(dX.T, B, X, C)), Trace(mul(X.T, B, dX, C))), "product rule, d(Xᵀ) = (dX)ᵀ"),
        step(add(Trace(mul(C.T, X.T, B.T, dX)), Trace(mul(C, X.T, B, dX))),
             "tr(M) = tr(Mᵀ) on the first term; the cyclic property on both"),
        step(Trace(mul(Transpose(add(mul(B, X, C), mul(B.T, X, C.T))), dX)),
             "collect: the form tr(Gᵀ dX) with G = BXC + BᵀXCᵀ"),
    ),
    see_also=("trace-quadratic", "trace-BtXtCXB", "vec-kronecker"),
    sources=(cookbook(117),),
    aliases=("trace X^TBXC", "two-sided quadratic trace", "matrix normal quadratic"),
)
