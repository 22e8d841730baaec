"""Hessian from a product of two linear functionals: φ = tr(AX)tr(BX) has a rank-two Hessian.

The simplest second differential that is not a single trace is a product of two first-order ones,
d²φ = 2 tr(A dX) tr(B dX), which the second identification table handles as a quadratic form in
vec dX: tr(A dX) = vec(Aᵀ)ᵀ vec dX, so d²φ = vec(dX)ᵀ · 2vec(Aᵀ)vec(Bᵀ)ᵀ · vec(dX), and the Hessian
is the symmetric part, vec(Aᵀ)vec(Bᵀ)ᵀ + vec(Bᵀ)vec(Aᵀ)ᵀ. With rows stacked vec becomes vec_r; the
gradient, tr(BX)Aᵀ + tr(AX)Bᵀ, does not depend on the order.

The instance is φ(X) = tr(AX)tr(BX) for X of shape m×n and A, B of shape n×m. Forgetting the
transposes inside vec (vec A for vec Aᵀ, a different vector, and of the wrong length order when
m ≠ n) and keeping the unsymmetrised 2vec(Aᵀ)vec(Bᵀ)ᵀ are the mistakes rejected here.

>>> from identities import get, verify
>>> verify(get("identification-hessian-trace-pair")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
A = matrix("A", "n", "m")
B = matrix("B", "n", "m")
dX = d(X)
uA, uB = Vec(A.T), Vec(B.T)
rA, rB = Vec(A.T, "C"), Vec(B.T, "C")

IDENTITY = identity(
    id="identification-hessian-trace-pair",
    title="Hessian identification: tr(AX)tr(BX) ⇒ vec(Aᵀ)vec(Bᵀ)ᵀ + vec(Bᵀ)vec(Aᵀ)ᵀ",
    symbols=[variable(X, "the variable, m×n"), constant(A, "an n×m matrix"), constant(B, "an n×m matrix")],
    function=mul(Trace(mul(A, X)), Trace(mul(B, X))),
    claims=[
        gradient(X, add(mul(Trace(mul(B, X)), A.T), mul(Trace(mul(A, X)), B.T))),
        hessian(X, add(mul(uA, uB.T), mul(uB, uA.T))),
        hessian(X, add(mul(rA, rB.T), mul(rB, rA.T)), vec="C"),
    ],
    derivation=derivation(
        X,
        step(mul(2, Trace(mul(A, dX)), Trace(mul(B, dX))), "d of dφ = tr(A dX)tr(BX) + tr(AX)tr(B dX), dX fixed"),
        step(mul(2, Vec(dX).T, uA, uB.T, Vec(dX)), "tr(A dX) = vec(Aᵀ)ᵀvec(dX); a 1×1 factor equals its transpose"),
        step(mul(Vec(dX).T, add(mul(uA, uB.T), mul(uB, uA.T)), Vec(dX)), "keep the symmetric part"),
        order=2,
    ),
    see_also=("identification-hessian-vec-form", "trace-vec-inner-product", "identification-scalar-of-matrix"),
    sources=(cite("magnus2019matrix", "§10.2, the second identification table (p. 211)"),),
    aliases=("hessian of product of traces", "rank-two hessian of traces"),
)
