"""The gradient of ‖AXB + C‖²_F = tr((AXB + C)(AXB + C)ᵀ) is 2Aᵀ(AXB + C)Bᵀ.

For A of shape p×m, X of shape m×n, B of shape n×q and C of shape p×q, name the residual
R = AXB + C. Then f = tr(RRᵀ) = ‖R‖²_F, df = 2 tr(Rᵀ dR) with dR = A dX B, and the cyclic property
gives 2 tr(BRᵀA dX): the gradient is 2AᵀRBᵀ, m×n like X. Once more with dX fixed,
d² = 2‖A dX B‖²_F = 2 vec(dX)ᵀ (BBᵀ ⊗ AᵀA) vec(dX), so the Hessian is 2(BBᵀ ⊗ AᵀA) (column
stacking) or 2(AᵀA ⊗ BBᵀ) (row stacking), positive semidefinite.

It is the least-squares loss of a bilinear model (a two-sided regression, a low-rank layer Y ≈ AXB)
and contains the squared Frobenius norm (A, B identities, C = 0) as a special case. The classic slips
are the missing factor 2, the factors in the wrong order (BᵀRA), and R without its constant C.

>>> from identities import get, verify
>>> verify(get("trace-affine-residual")).ok
True
"""

from identities.define import *

A = matrix("A", "p", "m")
X = matrix("X", "m", "n")
B = matrix("B", "n", "q")
C = matrix("C", "p", "q")
dX = d(X)
R = named("R", add(mul(A, X, B), C))

IDENTITY = identity(
    id="trace-affine-residual",
    title="Gradient and Hessian of tr((AXB + C)(AXB + C)ᵀ)",
    symbols=[
        variable(X, "the variable, an m×n matrix"),
        constant(A, "a constant p×m matrix"),
        constant(B, "a constant n×q matrix"),
        constant(C, "a constant p×q offset"),
    ],
    function=Trace(mul(R, R.T)),
    claims=[
        gradient(X, mul(2, A.T, R, B.T)),
        hessian(X, mul(2, KroneckerProduct(mul(B, B.T), mul(A.T, A))), vec="F"),
        hessian(X, mul(2, KroneckerProduct(mul(A.T, A), mul(B, B.T))), vec="C"),
    ],
    derivation=derivation(
        X,
        step(add(Trace(mul(A, dX, B, R.T)), Trace(mul(R, Transpose(mul(A, dX, B))))),
             "product rule on RRᵀ with dR = A dX B"),
        step(mul(2, Trace(mul(B, R.T, A, dX))), "tr(Mᵀ) = tr(M) and the cyclic property make both terms equal"),
        step(Trace(mul(Transpose(mul(2, A.T, R, B.T)), dX)), "the form tr(Gᵀ dX) with G = 2AᵀRBᵀ"),
    ),
    see_also=("frobenius-norm-squared", "least-squares", "least-squares-hessian", "trace-BtXtCXB"),
    sources=(cookbook(119),),
    aliases=("bilinear least squares", "frobenius norm of AXB + C", "two-sided regression"),
)
