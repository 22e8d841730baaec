"""Hessian from d²φ = tr(B dX C dX): Hφ(X) = ½K(Bᵀ ⊗ C + Cᵀ ⊗ B), a commutation matrix included.

When both copies of dX appear untransposed, tr(B dX C dX) pairs dX with itself through a
transpose it does not show: tr(B dX C dX) = vec(dXᵀ)ᵀ(Cᵀ ⊗ B)vec(dX) = vec(dX)ᵀK(Cᵀ ⊗ B)vec(dX).
The commutation matrix K is part of every Hessian of this row of the second identification table:
for X of shape m×q (B q×m, C q×m) it is ½K_{q,m}(Bᵀ ⊗ C + Cᵀ ⊗ B).

The instance is φ(X) = aᵀX²b for a square n×n X, the bilinear form of the matrix square. Its second
differential is 2aᵀdX dX b = 2 tr(baᵀ dX I dX): the row with B = baᵀ and C = I, so
Hφ(X) = K_{n,n}(abᵀ ⊗ I + I ⊗ baᵀ) with columns stacked, and K_{n,n}(I ⊗ abᵀ + baᵀ ⊗ I) with rows
stacked; the gradient is abᵀXᵀ + Xᵀabᵀ. Leaving K out (abᵀ ⊗ I + I ⊗ baᵀ is not even symmetric)
is the classic mistake, rejected here.

>>> from identities import get, verify
>>> verify(get("identification-hessian-trace-product")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
a = vector("a", "n")
b = vector("b", "n")
dX = d(X)
n = dim("n")

IDENTITY = identity(
    id="identification-hessian-trace-product",
    title="Hessian identification: tr(B dX C dX) ⇒ ½K(Bᵀ ⊗ C + Cᵀ ⊗ B)",
    symbols=[variable(X, "the variable, a square n×n matrix"), constant(a, "a vector of length n"),
             constant(b, "a vector of length n")],
    function=mul(a.T, X ** 2, b),
    claims=[
        gradient(X, add(mul(a, b.T, X.T), mul(X.T, a, b.T))),
        hessian(X, mul(commutation(n, n), add(KroneckerProduct(mul(a, b.T), eye("n")),
                                              KroneckerProduct(eye("n"), mul(b, a.T))))),
        hessian(X, mul(commutation(n, n), add(KroneckerProduct(eye("n"), mul(a, b.T)),
                                              KroneckerProduct(mul(b, a.T), eye("n")))), vec="C"),
    ],
    derivation=derivation(
        X,
        step(mul(2, a.T, dX, dX, b), "d of dφ = aᵀ(dX X + X dX)b with dX fixed"),
        step(mul(2, Trace(mul(b, a.T, dX, dX))), "a 1×1 matrix is its trace; cycle b to the front"),
        step(mul(2, Vec(dX.T).T, KroneckerProduct(eye("n"), mul(b, a.T)), Vec(dX)),
             "tr(PQRS) = vec(Sᵀ)ᵀ(Rᵀ ⊗ P)vec(Q) with P = baᵀ, Q = S = dX, R = I"),
        step(mul(2, Vec(dX).T, commutation(n, n), KroneckerProduct(eye("n"), mul(b, a.T)), Vec(dX)),
             "vec(dXᵀ) = K vec(dX), and Kᵀ = K for a square X"),
        step(mul(Vec(dX).T, commutation(n, n), add(KroneckerProduct(mul(a, b.T), eye("n")),
                                                   KroneckerProduct(eye("n"), mul(b, a.T))), Vec(dX)),
             "symmetric part: (K(I ⊗ baᵀ))ᵀ = (I ⊗ abᵀ)K = K(abᵀ ⊗ I)"),
        order=2,
    ),
    see_also=("identification-hessian-trace-transpose", "trace-four-product-vec", "matrix-square-jacobian"),
    sources=(cite("magnus2019matrix", "§10.2, the second identification table (p. 211)"),),
    aliases=("hessian of a^T X^2 b", "hessian with commutation matrix"),
)
