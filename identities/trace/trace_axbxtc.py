"""The gradient of tr(AXBXᵀC) is AᵀCᵀXBᵀ + CAXB: one term per occurrence of X.

For X of shape n×m, A of shape p×n, B of shape m×m and C of shape n×p, the product AXBXᵀC is p×p.
The product rule gives tr(A dX BXᵀC) + tr(AXB dXᵀ C). The first rotates to tr(BXᵀCA dX), a gradient
(BXᵀCA)ᵀ = AᵀCᵀXBᵀ; the second, transposed, is tr(Cᵀ dX BᵀXᵀAᵀ) = tr(BᵀXᵀAᵀCᵀ dX), a gradient
CAXB. By the cyclic property tr(AXBXᵀC) = tr(XᵀCA XB), so it is tr(XᵀB′XC′) with B′ = CA, C′ = B.

The classic slips are to drop one of the two terms or to transpose the wrong factors, writing
CAXBᵀ + AᵀCᵀXB.

>>> from identities import get, verify
>>> verify(get("trace-AXBXtC")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "m")
A = matrix("A", "p", "n")
B = matrix("B", "m", "m")
C = matrix("C", "n", "p")
dX = d(X)

IDENTITY = identity(
    id="trace-AXBXtC",
    title="Gradient of tr(AXBXᵀC)",
    symbols=[
        variable(X, "the variable, an n×m matrix"),
        constant(A, "a constant p×n matrix"),
        constant(B, "a constant m×m matrix"),
        constant(C, "a constant n×p matrix"),
    ],
    function=Trace(mul(A, X, B, X.T, C)),
    claims=[gradient(X, add(mul(A.T, C.T, X, B.T), mul(C, A, X, B)))],
    derivation=derivation(
        X,
        step(add(Trace(mul(A, dX, B, X.T, C)), Trace(mul(A, X, B, dX.T, C))), "product rule, d(Xᵀ) = (dX)ᵀ"),
        step(add(Trace(mul(B, X.T, C, A, dX)), Trace(mul(B.T, X.T, A.T, C.T, dX))),
             "cyclic property on the first term; tr(M) = tr(Mᵀ) then cyclic on the second"),
        step(Trace(mul(Transpose(add(mul(A.T, C.T, X, B.T), mul(C, A, X, B))), dX)),
             "collect: the form tr(Gᵀ dX) with G = AᵀCᵀXBᵀ + CAXB"),
    ),
    see_also=("trace-quadratic-hessian", "trace-axbx-hessian"),
    sources=(cookbook(118),),
    aliases=("trace AXBX^TC", "tr(A X B X^T C)"),
)
