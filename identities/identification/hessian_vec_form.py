"""Hessian of a scalar function of a matrix: d²φ = (d vec X)ᵀB d vec X ⇒ Hφ(X) = ½(B + Bᵀ).

For a matrix variable the second identification table first asks for the second differential as a
quadratic form in d vec X; the Hessian is then the symmetric part of its matrix, an mn×mn matrix in
the chosen vec order. The instance is the product of two bilinear forms, φ(X) = (aᵀXb)(cᵀXd),
with X of shape m×n. Each factor is linear, aᵀdX b = (b ⊗ a)ᵀ vec dX, so
d²φ = 2(aᵀdX b)(cᵀdX d) = vec(dX)ᵀ · 2(b ⊗ a)(d ⊗ c)ᵀ · vec(dX), and the Hessian is the symmetric
part (b ⊗ a)(d ⊗ c)ᵀ + (d ⊗ c)(b ⊗ a)ᵀ, of rank two. With rows stacked each b ⊗ a becomes a ⊗ b.

The unsymmetrised 2(b ⊗ a)(d ⊗ c)ᵀ gives the right second differential but the wrong Hessian —
the checker evaluates the Hessian as a bilinear form in two independent directions and rejects
it. The gradient is (cᵀXd)abᵀ + (aᵀXb)cdᵀ.

>>> from identities import get, verify
>>> verify(get("identification-hessian-vec-form")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
a = vector("a", "m")
b = vector("b", "n")
c = vector("c", "m")
e = vector("e", "n")
dX = d(X)

IDENTITY = identity(
    id="identification-hessian-vec-form",
    title="Hessian identification, matrix variable: d²φ = vec(dX)ᵀB vec(dX) ⇒ H = ½(B + Bᵀ)",
    symbols=[
        variable(X, "the variable, m×n"),
        constant(a, "a vector of length m"), constant(b, "a vector of length n"),
        constant(c, "a vector of length m"), constant(e, "a vector of length n"),
    ],
    function=mul(a.T, X, b, c.T, X, e),
    claims=[
        gradient(X, add(mul(a, c.T, X, e, b.T), mul(c, a.T, X, b, e.T))),
        hessian(X, add(mul(KroneckerProduct(b, a), Transpose(KroneckerProduct(e, c))),
                       mul(KroneckerProduct(e, c), Transpose(KroneckerProduct(b, a))))),
        hessian(X, add(mul(KroneckerProduct(a, b), Transpose(KroneckerProduct(c, e))),
                       mul(KroneckerProduct(c, e), Transpose(KroneckerProduct(a, b)))), vec="C"),
    ],
    derivation=derivation(
        X,
        step(mul(2, a.T, dX, b, c.T, dX, e), "d of dφ = (aᵀdXb)(cᵀXe) + (aᵀXb)(cᵀdXe) with dX fixed"),
        step(mul(2, Vec(dX).T, KroneckerProduct(b, a), Transpose(KroneckerProduct(e, c)), Vec(dX)),
             "aᵀdX b = vec(dX)ᵀ(b ⊗ a) and cᵀdX e = (e ⊗ c)ᵀvec(dX)", vec="F"),
        step(mul(Vec(dX).T, add(mul(KroneckerProduct(b, a), Transpose(KroneckerProduct(e, c))),
                                mul(KroneckerProduct(e, c), Transpose(KroneckerProduct(b, a)))), Vec(dX)),
             "keep the symmetric part: 2M ↦ M + Mᵀ"),
        order=2,
    ),
    see_also=("identification-hessian-vector", "vec-quadratic-form", "identification-scalar-of-matrix"),
    sources=(cite("magnus2019matrix", "§10.2, the second identification table (p. 211)"),),
    aliases=("hessian of product of bilinear forms", "rank-two hessian"),
)
