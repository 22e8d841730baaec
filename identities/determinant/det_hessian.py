"""The Hessian of det X: d² det X = det X [(tr X⁻¹dX)² − tr(X⁻¹dX X⁻¹dX)].

Differentiate d det X = det X tr(X⁻¹ dX) once more with dX held fixed. The product rule gives two
terms: d det X · tr(X⁻¹dX) = det X (tr X⁻¹dX)², and det X · tr(d(X⁻¹) dX) = −det X tr(X⁻¹dX X⁻¹dX).
This is the Matrix Cookbook's second derivative (48) along the line Y = X + x dX, whose second
derivative ∂²Y/∂x² vanishes. As a matrix, (tr X⁻¹dX)² = (vec(X⁻ᵀ)ᵀvec dX)² is a rank-one term and
tr(X⁻¹dX X⁻¹dX) = vec(dX)ᵀ K(X⁻ᵀ ⊗ X⁻¹) vec(dX), so the Hessian in column-stacking order is
det X [vec(X⁻ᵀ)vec(X⁻ᵀ)ᵀ − K(X⁻ᵀ ⊗ X⁻¹)], K the commutation matrix K_{n,n}.

For n = 2 the determinant is a quadratic form in the entries and this Hessian is a constant
matrix; in general it is neither definite nor constant. The rank-one term is the one most often
forgotten: it is what separates the Hessian of det X from det X times the Hessian of log det X.

>>> from identities import get, verify
>>> verify(get("det-hessian")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
dX = d(X)
n = dim("n")
K = commutation(n, n)
g = Vec(Inverse(X).T, "F")
g_rows = Vec(Inverse(X).T, "C")

IDENTITY = identity(
    id="det-hessian",
    title="Hessian of the determinant",
    symbols=[variable(X, "the variable, an invertible n×n matrix", "invertible")],
    function=Determinant(X),
    claims=[
        gradient(X, mul(Determinant(X), Inverse(X).T)),
        hessian(X, mul(Determinant(X), add(mul(g, g.T), mul(-1, K, KroneckerProduct(Inverse(X).T, Inverse(X))))),
                vec="F"),
        hessian(X, mul(Determinant(X), add(mul(g_rows, g_rows.T),
                                           mul(-1, K, KroneckerProduct(Inverse(X), Inverse(X).T)))), vec="C"),
    ],
    derivation=derivation(
        X,
        step(add(mul(Determinant(X), Trace(mul(Inverse(X), dX)) ** 2),
                 mul(-1, Determinant(X), Trace(mul(Inverse(X), dX, Inverse(X), dX)))),
             "d of d det X = det X tr(X⁻¹dX) with dX fixed: d det X = det X tr(X⁻¹dX), d(X⁻¹) = −X⁻¹dX X⁻¹"),
        step(mul(Determinant(X), add(mul(Vec(dX, "F").T, g, g.T, Vec(dX, "F")),
                                     mul(-1, Vec(dX, "F").T, K, KroneckerProduct(Inverse(X).T, Inverse(X)),
                                         Vec(dX, "F")))),
             "tr(X⁻¹dX) = vec(X⁻ᵀ)ᵀvec(dX); tr(X⁻¹dX X⁻¹dX) = vec(dXᵀ)ᵀ(X⁻ᵀ ⊗ X⁻¹)vec(dX) with "
             "vec(dXᵀ) = K vec(dX), Kᵀ = K"),
        step(mul(Vec(dX, "F").T,
                 mul(Determinant(X), add(mul(g, g.T), mul(-1, K, KroneckerProduct(Inverse(X).T, Inverse(X))))),
                 Vec(dX, "F")),
             "collect the quadratic form vec(dX)ᵀ H vec(dX)"),
        order=2,
    ),
    see_also=("det-gradient", "log-det-hessian", "commutation-transpose"),
    sources=(cookbook(locator="eq. (48) along the line Y = X + x·dX, where ∂²Y/∂x² = 0"),),
    aliases=("second derivative of the determinant", "determinant hessian"),
)
