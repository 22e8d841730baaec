"""The Hessian of log det X is −K(X⁻ᵀ ⊗ X⁻¹): the second derivative needs the commutation matrix.

Jacobi's formula gives d log det X = tr(X⁻¹ dX). Differentiate once more with dX held fixed: only
X⁻¹ moves, by −X⁻¹ dX X⁻¹, so d² log det X = −tr(X⁻¹ dX X⁻¹ dX). The perturbation appears twice,
on both sides of X⁻¹, and never transposed; writing the trace as vec(dXᵀ)ᵀ vec(X⁻¹ dX X⁻¹) puts a
transpose on the first copy, and the commutation matrix K = K_{n,n} (K vec(M) = vec(Mᵀ)) takes it
away: d² log det X = −vec(dX)ᵀ K (X⁻ᵀ ⊗ X⁻¹) vec(dX).

K(X⁻ᵀ ⊗ X⁻¹) is symmetric, as a Hessian must be, because K(A ⊗ B)K = B ⊗ A; in row-stacking order
it becomes K(X⁻¹ ⊗ X⁻ᵀ). The classic slip is to pair the two copies of dX as if one were transposed
and write −(X⁻ᵀ ⊗ X⁻¹) without K: that matrix gives the quadratic form −tr(dXᵀ X⁻¹ dX X⁻¹), a
different one, and it is not even symmetric unless X is. For an SPD X the form
−tr(X⁻¹ dX X⁻¹ dX) is negative for every symmetric dX: log det is concave on the SPD cone, which
is why it serves as the barrier of semidefinite programming.

>>> from identities import get, verify
>>> verify(get("log-det-hessian")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
dX = d(X)
n = dim("n")
K = commutation(n, n)
Xi = Inverse(X)

IDENTITY = identity(
    id="log-det-hessian",
    title="Hessian of the log-determinant: −K(X⁻ᵀ ⊗ X⁻¹)",
    symbols=[variable(X, "the variable, an n×n matrix", "positive-determinant")],
    function=log(Determinant(X)),
    claims=[
        gradient(X, Xi.T),
        hessian(X, mul(-1, K, KroneckerProduct(Xi.T, Xi)), vec="F"),
        hessian(X, mul(-1, K, KroneckerProduct(Xi, Xi.T)), vec="C"),
    ],
    derivation=derivation(
        X,
        step(mul(-1, Trace(mul(Xi, dX, Xi, dX))),
             "differentiate df = tr(X⁻¹ dX) with dX fixed: d(X⁻¹) = −X⁻¹ dX X⁻¹"),
        step(mul(-1, Vec(dX.T, "F").T, Vec(mul(Xi, dX, Xi), "F")),
             "tr(PᵀQ) = vec(P)ᵀ vec(Q) with P = dXᵀ and Q = X⁻¹ dX X⁻¹"),
        step(mul(-1, Vec(dX.T, "F").T, KroneckerProduct(Xi.T, Xi), Vec(dX, "F")),
             "vec(A dX B) = (Bᵀ ⊗ A) vec(dX)"),
        step(mul(-1, Vec(dX, "F").T, K, KroneckerProduct(Xi.T, Xi), Vec(dX, "F")),
             "vec(dXᵀ) = K vec(dX), and Kᵀ = K for a square dX"),
        order=2,
    ),
    see_also=("log-det", "inverse-differential", "commutation-transpose", "vec-kronecker"),
    sources=(cookbook(43, 57),
             cite("magnus2019matrix", "ch. 10, second-order differentials and Hessian matrices")),
    aliases=("hessian of log det", "log determinant hessian", "second derivative of log det",
             "log det concavity"),
)
