"""Hessian from d²φ = tr(B dXᵀ C dX): Hφ(X) = ½(Bᵀ ⊗ C + B ⊗ Cᵀ).

A second differential of the form tr(B(dX)ᵀC dX), with X of shape m×n, B n×n and C m×m, is a
quadratic form in vec dX: tr(B dXᵀ C dX) = tr(dXᵀ C dX B) = vec(dX)ᵀ(Bᵀ ⊗ C)vec(dX). The second
identification table reads off the symmetric part, ½(Bᵀ ⊗ C + B ⊗ Cᵀ) with columns stacked
(½(C ⊗ Bᵀ + Cᵀ ⊗ B) with rows stacked).

The instance is the kernel of the matrix normal density, φ(X) = tr(B(X − M)ᵀC(X − M)), where B and
C play the roles of the inverse column and row covariances (here general square matrices, to
exercise the formula). Its second differential is 2 tr(B dXᵀ C dX), so Hφ(X) = Bᵀ ⊗ C + B ⊗ Cᵀ,
independent of X and M, and the gradient is C(X − M)B + Cᵀ(X − M)Bᵀ. With symmetric B and C the
Hessian collapses to 2(B ⊗ C), the familiar form; for general B, C that shortcut, and the
unsymmetrised 2(Bᵀ ⊗ C), are rejected here.

>>> from identities import get, verify
>>> verify(get("identification-hessian-trace-transpose")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
M = matrix("M", "m", "n")
B = matrix("B", "n", "n")
C = matrix("C", "m", "m")
dX = d(X)
R = add(X, -M)

IDENTITY = identity(
    id="identification-hessian-trace-transpose",
    title="Hessian identification: tr(B dXᵀ C dX) ⇒ ½(Bᵀ ⊗ C + B ⊗ Cᵀ)",
    symbols=[
        variable(X, "the variable, m×n"),
        constant(M, "the centre, m×n"),
        constant(B, "a square n×n matrix (a column precision)"),
        constant(C, "a square m×m matrix (a row precision)"),
    ],
    function=Trace(mul(B, Transpose(R), C, R)),
    claims=[
        gradient(X, add(mul(C, R, B), mul(C.T, R, B.T))),
        hessian(X, add(KroneckerProduct(B.T, C), KroneckerProduct(B, C.T))),
        hessian(X, add(KroneckerProduct(C, B.T), KroneckerProduct(C.T, B)), vec="C"),
    ],
    derivation=derivation(
        X,
        step(mul(2, Trace(mul(B, dX.T, C, dX))), "both copies of X − M move by dX: twice the cross term"),
        step(mul(2, Trace(mul(dX.T, C, dX, B))), "cyclic trace"),
        step(mul(2, Vec(dX).T, KroneckerProduct(B.T, C), Vec(dX)),
             "tr(PᵀQ) = vec(P)ᵀvec(Q) with vec(C dX B) = (Bᵀ ⊗ C)vec(dX)"),
        step(mul(Vec(dX).T, add(KroneckerProduct(B.T, C), KroneckerProduct(B, C.T)), Vec(dX)),
             "keep the symmetric part: (Bᵀ ⊗ C)ᵀ = B ⊗ Cᵀ"),
        order=2,
    ),
    see_also=("identification-hessian-trace-product", "identification-hessian-vec-form", "least-squares-hessian"),
    sources=(cite("magnus2019matrix", "§10.2, the second identification table (p. 211)"),),
    aliases=("matrix normal hessian", "hessian of tr(B X^T C X)"),
)
