"""The Hessian of tr(X⁻¹) is K(X⁻²ᵀ ⊗ X⁻¹ + X⁻ᵀ ⊗ X⁻²).

With d(X⁻¹) = −X⁻¹ dX X⁻¹, the first differential is −tr(X⁻¹ dX X⁻¹) = −tr(X⁻² dX), so the gradient
is −(X⁻²)ᵀ (the Cookbook's rule for tr((X + A)⁻¹) with A = 0). With dX held fixed each of the two
copies of X⁻¹ moves once more, and the cyclic trace collects them into
d²f = 2 tr(X⁻² dX X⁻¹ dX). That is the pattern 2 tr(A dX B dX) with A = X⁻² and B = X⁻¹, whose
symmetric Hessian is K(Aᵀ ⊗ B + Bᵀ ⊗ A), K = K_{n,n} the commutation matrix.

tr(X⁻¹) is the A-optimal design criterion and, for an SPD X, the sum of the reciprocals of the
eigenvalues; on SPD matrices and symmetric directions d²f = 2 tr(X⁻² dX X⁻¹ dX) > 0, so it is convex
there. The mistakes are the missing K, one Kronecker term kept twice, and X⁻¹ where X⁻² belongs.

>>> from identities import get, verify
>>> verify(get("trace-inverse-hessian")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
dX = d(X)
n = dim("n")
K = commutation(n, n)
Xi = Inverse(X)
Xi2 = mul(Xi, Xi)

IDENTITY = identity(
    id="trace-inverse-hessian",
    title="Hessian of tr(X⁻¹)",
    symbols=[variable(X, "the variable, an invertible n×n matrix", "invertible")],
    function=Trace(Xi),
    claims=[
        gradient(X, mul(-1, Transpose(Xi2))),
        hessian(X, mul(K, add(KroneckerProduct(Transpose(Xi2), Xi), KroneckerProduct(Xi.T, Xi2))), vec="F"),
        hessian(X, mul(K, add(KroneckerProduct(Xi, Transpose(Xi2)), KroneckerProduct(Xi2, Xi.T))), vec="C"),
    ],
    derivation=derivation(
        X,
        step(add(Trace(mul(Xi, dX, Xi, dX, Xi)), Trace(mul(Xi, dX, Xi, dX, Xi))),
             "differentiate df = −tr(X⁻¹ dX X⁻¹) with dX fixed: each X⁻¹ moves by −X⁻¹ dX X⁻¹"),
        step(mul(2, Trace(mul(Xi2, dX, Xi, dX))), "cyclic trace: move the last X⁻¹ to the front"),
        step(mul(2, Vec(dX, "F").T, K, KroneckerProduct(Transpose(Xi2), Xi), Vec(dX, "F")),
             "tr(A dX B dX) = vec(dXᵀ)ᵀ vec(B dX A) = vec(dX)ᵀ K (Aᵀ ⊗ B) vec(dX), A = X⁻², B = X⁻¹"),
        step(mul(Vec(dX, "F").T, K, add(KroneckerProduct(Transpose(Xi2), Xi), KroneckerProduct(Xi.T, Xi2)),
                 Vec(dX, "F")),
             "replace 2M by its symmetric part M + Mᵀ, with (K(Aᵀ ⊗ B))ᵀ = K(Bᵀ ⊗ A)"),
        order=2,
    ),
    see_also=("trace-axbx-hessian", "log-det-hessian", "inverse-differential"),
    sources=(cookbook(locator="eq. (64) with A = 0 for the gradient"),
             cite("magnus2019matrix", "ch. 10, second-order differentials and Hessian matrices")),
    aliases=("hessian of trace inverse", "tr(X^-1) hessian", "a-optimal design hessian"),
)
