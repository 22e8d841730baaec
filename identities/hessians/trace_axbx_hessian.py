"""The Hessian of tr(AXBX) is K(Aᵀ ⊗ B + Bᵀ ⊗ A): X appears untransposed twice, so K appears.

For square n×n matrices A, B and X the gradient is AᵀXᵀBᵀ + BᵀXᵀAᵀ. With dX held fixed the
second differential is d²f = 2 tr(A dX B dX). Unlike tr(dXᵀ B dX C), neither copy of dX is
transposed, and the Frobenius pairing tr(PᵀQ) needs one: writing A dX B dX as (dXᵀAᵀ)ᵀ(B dX)
brings in vec(dXᵀ) = K vec(dX), with K = K_{n,n} the commutation matrix. Then
tr(A dX B dX) = vec(dX)ᵀ K (Aᵀ ⊗ B) vec(dX), and the Hessian is the symmetric part of twice that
matrix: K(Aᵀ ⊗ B) + (K(Aᵀ ⊗ B))ᵀ = K(Aᵀ ⊗ B + Bᵀ ⊗ A), using K(P ⊗ Q)K = Q ⊗ P.

The same pattern gives the Hessians of tr(X²) (A = B = I), of tr(X⁻¹) and of log det X. The
mistakes are dropping K (a Hessian that treats the problem as if one copy were dXᵀ) and keeping
only one of the two Kronecker terms.

>>> from identities import get, verify
>>> verify(get("trace-axbx-hessian")).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
B = matrix("B", "n", "n")
X = matrix("X", "n", "n")
dX = d(X)
n = dim("n")
K = commutation(n, n)

IDENTITY = identity(
    id="trace-axbx-hessian",
    title="Hessian of tr(AXBX): K(Aᵀ ⊗ B + Bᵀ ⊗ A)",
    symbols=[
        variable(X, "the variable, an n×n matrix"),
        constant(A, "a constant n×n matrix"),
        constant(B, "a constant n×n matrix"),
    ],
    function=Trace(mul(A, X, B, X)),
    claims=[
        gradient(X, add(mul(A.T, X.T, B.T), mul(B.T, X.T, A.T))),
        hessian(X, mul(K, add(KroneckerProduct(A.T, B), KroneckerProduct(B.T, A))), vec="F"),
        hessian(X, mul(K, add(KroneckerProduct(B, A.T), KroneckerProduct(A, B.T))), vec="C"),
    ],
    derivation=derivation(
        X,
        step(mul(2, Trace(mul(A, dX, B, dX))),
             "differentiate df = tr(A dX BX) + tr(AXB dX) with dX fixed; the two terms are equal by the cyclic "
             "trace"),
        step(mul(2, Vec(dX.T, "F").T, Vec(mul(B, dX, A), "F")),
             "tr(A dX B dX) = tr(dX (B dX A)) = tr(PᵀQ) with P = dXᵀ and Q = B dX A"),
        step(mul(2, Vec(dX, "F").T, K, KroneckerProduct(A.T, B), Vec(dX, "F")),
             "vec(B dX A) = (Aᵀ ⊗ B) vec(dX), and vec(dXᵀ) = K vec(dX) with Kᵀ = K"),
        step(mul(Vec(dX, "F").T, K, add(KroneckerProduct(A.T, B), KroneckerProduct(B.T, A)), Vec(dX, "F")),
             "replace 2M by its symmetric M + Mᵀ: (K(Aᵀ ⊗ B))ᵀ = (A ⊗ Bᵀ)K = K(Bᵀ ⊗ A)"),
        order=2,
    ),
    see_also=("trace-square-hessian", "trace-quadratic-hessian", "commutation-transpose"),
    sources=(cookbook(114),
             cite("magnus2019matrix", "ch. 10, second-order differentials and Hessian matrices")),
    aliases=("hessian of trace AXBX", "trace axbx hessian", "commutation hessian"),
)
