"""The gradient of tr(AXBX) is AᵀXᵀBᵀ + BᵀXᵀAᵀ: X occurs twice, between different neighbours.

For X of shape n×m, A of shape m×n and B of shape m×n, AXBX is m×m. The product rule gives
tr(A dX BX) + tr(AXB dX); rotating each until dX stands last, tr(BXA dX) + tr(AXB dX), so the
gradient is (BXA + AXB)ᵀ = AᵀXᵀBᵀ + BᵀXᵀAᵀ, n×m like X.

Differentiating again with dX fixed, d² = 2 tr(A dX B dX). Writing tr(dX B dX A) = vec(dXᵀ)ᵀ
vec(B dX A) and vec(dXᵀ) = K_{n,m} vec(dX) gives vec(dX)ᵀ K_{m,n}(Aᵀ ⊗ B) vec(dX), whose symmetric
part, doubled, is the Hessian K_{m,n}(Aᵀ ⊗ B) + (A ⊗ Bᵀ)K_{n,m}. It is indefinite: like tr(X²), to
which it reduces for A = B = I, the function is a saddle.

The classic slip is to treat the two occurrences alike and write 2(AXB)ᵀ.

>>> from identities import get, verify
>>> verify(get("trace-AXBX")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "m")
A = matrix("A", "m", "n")
B = matrix("B", "m", "n")
dX = d(X)
K_mn, K_nm = commutation("m", "n"), commutation("n", "m")

IDENTITY = identity(
    id="trace-AXBX",
    title="Gradient and Hessian of tr(AXBX)",
    symbols=[
        variable(X, "the variable, an n×m matrix"),
        constant(A, "a constant m×n matrix"),
        constant(B, "a constant m×n matrix"),
    ],
    function=Trace(mul(A, X, B, X)),
    claims=[
        gradient(X, add(mul(A.T, X.T, B.T), mul(B.T, X.T, A.T))),
        hessian(X, add(mul(K_mn, KroneckerProduct(A.T, B)), mul(KroneckerProduct(A, B.T), K_nm)), vec="F"),
    ],
    derivation=derivation(
        X,
        step(add(Trace(mul(A, dX, B, X)), Trace(mul(A, X, B, dX))), "product rule, A and B constant"),
        step(add(Trace(mul(B, X, A, dX)), Trace(mul(A, X, B, dX))), "cyclic property on the first term"),
        step(Trace(mul(Transpose(add(mul(A.T, X.T, B.T), mul(B.T, X.T, A.T))), dX)),
             "collect: BXA + AXB = (AᵀXᵀBᵀ + BᵀXᵀAᵀ)ᵀ, the form tr(Gᵀ dX)"),
    ),
    see_also=("trace-X-squared", "trace-X-squared-B", "commutation-transpose"),
    sources=(cookbook(114),),
    aliases=("trace AXBX", "tr(A X B X)"),
)
