"""The Hessian of det X is det X · (vec(X⁻ᵀ) vec(X⁻ᵀ)ᵀ − K(X⁻ᵀ ⊗ X⁻¹)).

Jacobi's formula gives d det X = det X · tr(X⁻¹ dX) and the gradient det X · X⁻ᵀ. With dX held
fixed both factors move: det X by det X · tr(X⁻¹ dX) and X⁻¹ by −X⁻¹ dX X⁻¹, so
d² det X = det X · (tr(X⁻¹ dX)² − tr(X⁻¹ dX X⁻¹ dX)), the Cookbook's second derivative of a
determinant along a path. The square of the trace is a rank-one term, vec(X⁻ᵀ)ᵀ vec(dX) squared;
the second term is the one of the log-determinant's Hessian, with its commutation matrix K = K_{n,n}.

The rank-one part is what the log-determinant does not have: d² log det X = d² det X / det X −
(d det X / det X)², and the second term cancels it exactly. In row-stacking order vec(X⁻ᵀ) becomes vec(X⁻¹) and K(X⁻ᵀ ⊗ X⁻¹) becomes
K(X⁻¹ ⊗ X⁻ᵀ). Dropping either term, or the K, are the mistakes to avoid.

>>> from identities import get, verify
>>> verify(get("det-hessian")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
dX = d(X)
n = dim("n")
K = commutation(n, n)
Xi = Inverse(X)
v = Vec(Xi.T, "F")
v_rows = Vec(Xi, "F")

IDENTITY = identity(
    id="det-hessian",
    title="Hessian of the determinant",
    symbols=[variable(X, "the variable, an invertible n×n matrix", "invertible")],
    function=Determinant(X),
    claims=[
        gradient(X, mul(Determinant(X), Xi.T)),
        hessian(X, mul(Determinant(X), add(mul(v, v.T), mul(-1, K, KroneckerProduct(Xi.T, Xi)))), vec="F"),
        hessian(X, mul(Determinant(X), add(mul(v_rows, v_rows.T), mul(-1, K, KroneckerProduct(Xi, Xi.T)))),
                vec="C"),
    ],
    derivation=derivation(
        X,
        step(mul(Determinant(X), add(Trace(mul(Xi, dX)) ** 2, mul(-1, Trace(mul(Xi, dX, Xi, dX))))),
             "differentiate df = det X · tr(X⁻¹ dX) with dX fixed: d det X = det X · tr(X⁻¹ dX) and "
             "d(X⁻¹) = −X⁻¹ dX X⁻¹"),
        step(mul(Determinant(X), add(mul(Vec(dX, "F").T, v, v.T, Vec(dX, "F")),
                                     mul(-1, Vec(dX, "F").T, K, KroneckerProduct(Xi.T, Xi), Vec(dX, "F")))),
             "tr(X⁻¹ dX) = vec(X⁻ᵀ)ᵀ vec(dX); tr(X⁻¹ dX X⁻¹ dX) = vec(dX)ᵀ K (X⁻ᵀ ⊗ X⁻¹) vec(dX)"),
        step(mul(Vec(dX, "F").T, Determinant(X), add(mul(v, v.T), mul(-1, K, KroneckerProduct(Xi.T, Xi))),
                 Vec(dX, "F")),
             "collect between vec(dX)ᵀ and vec(dX)"),
        order=2,
    ),
    see_also=("log-det-hessian", "log-det"),
    sources=(cookbook(48, 49),
             cite("magnus2019matrix", "ch. 10, second-order differentials and Hessian matrices")),
    aliases=("hessian of determinant", "second derivative of det", "determinant hessian"),
)
