"""The Hessian of aᵀX⁻¹b is K(uvᵀ ⊗ X⁻¹ + X⁻ᵀ ⊗ vuᵀ), with u = X⁻ᵀa and v = X⁻¹b.

For vectors a and b and an invertible X, d(aᵀX⁻¹b) = −aᵀX⁻¹ dX X⁻¹b = −uᵀ dX v, so the gradient is
−uvᵀ = −X⁻ᵀabᵀX⁻ᵀ (the Cookbook's eq. 61). With dX held fixed the two copies of X⁻¹ in u and v
move once more, and both terms come out equal: d²f = 2 uᵀ dX X⁻¹ dX v = 2 tr(vuᵀ dX X⁻¹ dX).
That is 2 tr(A dX B dX) with A = vuᵀ and B = X⁻¹, whose symmetric Hessian is K(Aᵀ ⊗ B + Bᵀ ⊗ A)
with K = K_{n,n} the commutation matrix.

The quantity is a single entry of an inverse (a = eᵢ, b = eⱼ), a Gaussian-process predictive mean,
or a sensitivity in a linear solve; its curvature matters to second-order methods that tune X. The
mistakes are those of every Hessian with two untransposed copies of dX: a missing K, a single
Kronecker term, u and v interchanged.

>>> from identities import get, verify
>>> verify(get("inverse-bilinear-hessian")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
a = vector("a", "n")
b = vector("b", "n")
dX = d(X)
n = dim("n")
K = commutation(n, n)
Xi = Inverse(X)
u = named("u", mul(Xi.T, a))
v = named("v", mul(Xi, b))

IDENTITY = identity(
    id="inverse-bilinear-hessian",
    title="Hessian of the bilinear form aᵀX⁻¹b",
    symbols=[
        variable(X, "the variable, an invertible n×n matrix", "invertible"),
        constant(a, "a vector of length n"),
        constant(b, "a vector of length n"),
    ],
    function=mul(a.T, Xi, b),
    claims=[
        gradient(X, mul(-1, u, v.T)),
        hessian(X, mul(K, add(KroneckerProduct(mul(u, v.T), Xi), KroneckerProduct(Xi.T, mul(v, u.T)))), vec="F"),
        hessian(X, mul(K, add(KroneckerProduct(Xi, mul(u, v.T)), KroneckerProduct(mul(v, u.T), Xi.T))), vec="C"),
    ],
    derivation=derivation(
        X,
        step(add(mul(a.T, Xi, dX, Xi, dX, Xi, b), mul(a.T, Xi, dX, Xi, dX, Xi, b)),
             "differentiate df = −aᵀX⁻¹ dX X⁻¹b with dX fixed: each X⁻¹ moves by −X⁻¹ dX X⁻¹"),
        step(mul(2, Trace(mul(v, u.T, dX, Xi, dX))),
             "aᵀX⁻¹ = uᵀ and X⁻¹b = v; a 1×1 matrix is its trace, and the trace is cyclic"),
        step(mul(2, Vec(dX, "F").T, K, KroneckerProduct(mul(u, v.T), Xi), Vec(dX, "F")),
             "tr(A dX B dX) = vec(dX)ᵀ K (Aᵀ ⊗ B) vec(dX) with A = vuᵀ and B = X⁻¹"),
        step(mul(Vec(dX, "F").T, K, add(KroneckerProduct(mul(u, v.T), Xi), KroneckerProduct(Xi.T, mul(v, u.T))),
                 Vec(dX, "F")),
             "replace 2M by its symmetric part M + Mᵀ, with (K(Aᵀ ⊗ B))ᵀ = K(Bᵀ ⊗ A)"),
        order=2,
    ),
    see_also=("trace-axbx-hessian", "inverse-differential", "trace-inverse-hessian"),
    sources=(cookbook(61),
             cite("magnus2019matrix", "ch. 10, second-order differentials and Hessian matrices")),
    aliases=("hessian of a^T X^-1 b", "inverse quadratic form hessian", "bilinear inverse hessian"),
)
