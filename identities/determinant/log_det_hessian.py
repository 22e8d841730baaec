"""The Hessian of log det X: d² log det X = −tr(X⁻¹dX X⁻¹dX), H = −K(X⁻ᵀ ⊗ X⁻¹).

Differentiate d log det X = tr(X⁻¹ dX) once more with dX held fixed: only X⁻¹ moves, by
−X⁻¹dX X⁻¹, so the second differential is −tr(X⁻¹dX X⁻¹dX). To store it as a matrix, write
tr(PᵀQ) = vec(P)ᵀvec(Q) with P = dXᵀ: vec(dXᵀ) = K vec(dX), where K = K_{n,n} is the commutation
matrix, and vec(X⁻¹dX X⁻¹) = (X⁻ᵀ ⊗ X⁻¹) vec(dX). The Hessian in column-stacking order is
−K(X⁻ᵀ ⊗ X⁻¹), a symmetric n²×n² matrix; with rows stacked it is −K(X⁻¹ ⊗ X⁻ᵀ).

The commutation matrix is the part that is easy to forget: −(X⁻ᵀ ⊗ X⁻¹) is the Jacobian of the
gradient's transpose X⁻¹, not of the gradient X⁻ᵀ, and it is not even symmetric. On symmetric
positive definite matrices, where dX is symmetric too, the same second differential is
−tr(X⁻¹dX X⁻¹dX) = −‖X^{−1/2}dX X^{−1/2}‖²_F < 0: the log-determinant is concave there, which is
why it serves as a barrier in semidefinite programming.

>>> from identities import get, verify
>>> verify(get("log-det-hessian")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
dX = d(X)
n = dim("n")
K = commutation(n, n)

IDENTITY = identity(
    id="log-det-hessian",
    title="Hessian of the log-determinant",
    symbols=[variable(X, "the variable, an n×n matrix with positive determinant", "positive-determinant")],
    function=log(Determinant(X)),
    claims=[
        gradient(X, Inverse(X).T),
        hessian(X, mul(-1, K, KroneckerProduct(Inverse(X).T, Inverse(X))), vec="F"),
        hessian(X, mul(-1, K, KroneckerProduct(Inverse(X), Inverse(X).T)), vec="C"),
    ],
    derivation=derivation(
        X,
        step(mul(-1, Trace(mul(Inverse(X), dX, Inverse(X), dX))),
             "d of df = tr(X⁻¹ dX) with dX fixed: d(X⁻¹) = −X⁻¹ dX X⁻¹"),
        step(mul(-1, Trace(mul(Transpose(dX.T), Inverse(X), dX, Inverse(X)))), "cyclic trace, and dX = (dXᵀ)ᵀ"),
        step(mul(-1, Vec(dX.T, "F").T, Vec(mul(Inverse(X), dX, Inverse(X)), "F")), "tr(PᵀQ) = vec(P)ᵀ vec(Q)"),
        step(mul(-1, Transpose(mul(K, Vec(dX, "F"))), KroneckerProduct(Inverse(X).T, Inverse(X)), Vec(dX, "F")),
             "vec(dXᵀ) = K vec(dX); vec(X⁻¹ dX X⁻¹) = (X⁻ᵀ ⊗ X⁻¹) vec(dX)"),
        step(mul(Vec(dX, "F").T, mul(-1, K, KroneckerProduct(Inverse(X).T, Inverse(X))), Vec(dX, "F")),
             "Kᵀ = K for the square commutation matrix K_{n,n}"),
        order=2,
    ),
    see_also=("log-det", "inverse-differential", "commutation-transpose", "det-hessian"),
    sources=(cite("magnus2019matrix", "ch. 10, second-order differentials and the identification of Hessian matrices"),),
    aliases=("second derivative of log det", "log-determinant hessian", "log det concavity"),
)
