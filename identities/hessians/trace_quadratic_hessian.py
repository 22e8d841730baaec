"""The Hessian of tr(XᵀBXC) is Cᵀ ⊗ B + C ⊗ Bᵀ: a Kronecker product and its transpose.

With X of shape m×n, B of shape m×m and C of shape n×n, the gradient is BXC + BᵀXCᵀ. X occurs
twice, so with dX held fixed each occurrence contributes once more and
d²f = 2 tr(dXᵀ B dX C) = 2 vec(dX)ᵀ (Cᵀ ⊗ B) vec(dX). A quadratic form only sees the symmetric
part of its matrix, and the Hessian is that symmetric part: 2(Cᵀ ⊗ B) becomes Cᵀ ⊗ B + C ⊗ Bᵀ.
Stacking rows instead of columns swaps the factors: B ⊗ Cᵀ + Bᵀ ⊗ C.

This one formula covers the quadratic trace forms of the Cookbook's second-order table: C = I gives
tr(XᵀBX) with Hessian I ⊗ (B + Bᵀ), B = I gives tr(XᵀXC) with (C + Cᵀ) ⊗ I, and B = AᵀA, C = I
the least-squares Hessian. The classic slip is 2(Cᵀ ⊗ B): it gives the right d²f along a single
direction but is not symmetric, and it pairs two different directions wrongly.

>>> from identities import get, verify
>>> verify(get("trace-quadratic-hessian")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
B = matrix("B", "m", "m")
C = matrix("C", "n", "n")
dX = d(X)

IDENTITY = identity(
    id="trace-quadratic-hessian",
    title="Hessian of the quadratic trace form tr(XᵀBXC)",
    symbols=[
        variable(X, "the variable, an m×n matrix"),
        constant(B, "a constant m×m matrix, not necessarily symmetric"),
        constant(C, "a constant n×n matrix, not necessarily symmetric"),
    ],
    function=Trace(mul(X.T, B, X, C)),
    claims=[
        gradient(X, add(mul(B, X, C), mul(B.T, X, C.T))),
        hessian(X, add(KroneckerProduct(C.T, B), KroneckerProduct(C, B.T)), vec="F"),
        hessian(X, add(KroneckerProduct(B, C.T), KroneckerProduct(B.T, C)), vec="C"),
    ],
    derivation=derivation(
        X,
        step(add(Trace(mul(dX.T, B, dX, C)), Trace(mul(dX.T, B, dX, C))),
             "differentiate df = tr(dXᵀBXC) + tr(XᵀB dX C) with dX fixed: X moves by dX in each term"),
        step(mul(2, Vec(dX, "F").T, Vec(mul(B, dX, C), "F")), "tr(PᵀQ) = vec(P)ᵀ vec(Q)"),
        step(mul(2, Vec(dX, "F").T, KroneckerProduct(C.T, B), Vec(dX, "F")), "vec(B dX C) = (Cᵀ ⊗ B) vec(dX)"),
        step(mul(Vec(dX, "F").T, add(KroneckerProduct(C.T, B), KroneckerProduct(C, B.T)), Vec(dX, "F")),
             "vᵀMv = vᵀMᵀv, so 2M may be replaced by the symmetric M + Mᵀ, and (Cᵀ ⊗ B)ᵀ = C ⊗ Bᵀ"),
        order=2,
    ),
    see_also=("trace-quadratic", "least-squares-hessian", "vec-kronecker"),
    sources=(cookbook(117),
             cite("magnus2019matrix", "ch. 10, second-order differentials and Hessian matrices")),
    aliases=("hessian of trace XtBXC", "quadratic trace hessian", "kronecker hessian"),
)
