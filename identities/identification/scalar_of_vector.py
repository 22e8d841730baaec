"""Scalar function of a vector: dφ = aᵀdx ⇒ Dφ(x) = aᵀ, a row; the gradient is its transpose, a.

The identification theorem reads the derivative of φ(x) off dφ = aᵀdx: Dφ(x) = aᵀ, a 1×n row (the
numerator-layout Jacobian), whose transpose a is the gradient ∇φ, a column like x. The instance
here is the product of two linear forms, φ(x) = (aᵀx)(bᵀx) = xᵀabᵀx. The product rule gives
dφ = (aᵀdx)(bᵀx) + (aᵀx)(bᵀdx) = xᵀ(baᵀ + abᵀ) dx, already in the canonical form, so
Dφ(x) = xᵀ(baᵀ + abᵀ) and ∇φ = (abᵀ + baᵀ)x.

The page shows both: the gradient in the house convention, and the row Dφ(x) as its
numerator-layout form. The row is what chains with other Jacobians, D(φ∘g) = Dφ·Dg; the column is
what an optimiser steps along. Writing 2abᵀx (as if abᵀ were symmetric) is the classic mistake.

>>> from identities import get, verify
>>> verify(get("identification-scalar-of-vector")).ok
True
"""

from identities.define import *

x = vector("x", "n")
a = vector("a", "n")
b = vector("b", "n")
dx = d(x)

IDENTITY = identity(
    id="identification-scalar-of-vector",
    title="Identification, scalar of a vector: dφ = aᵀdx ⇒ Dφ = aᵀ, ∇φ = a",
    symbols=[variable(x, "the variable, a vector of length n"), constant(a, "a vector of length n"),
             constant(b, "a vector of length n")],
    function=mul(a.T, x, b.T, x),
    claims=[gradient(x, mul(add(mul(a, b.T), mul(b, a.T)), x))],
    derivation=derivation(
        x,
        step(add(mul(a.T, dx, b.T, x), mul(a.T, x, b.T, dx)), "product rule on the two linear forms"),
        step(add(mul(x.T, b, a.T, dx), mul(x.T, a, b.T, dx)), "a 1×1 factor commutes: (aᵀdx)(bᵀx) = (xᵀb)(aᵀdx)"),
        step(mul(x.T, add(mul(b, a.T), mul(a, b.T)), dx), "collect into the canonical form (row) · dx"),
    ),
    see_also=("identification-scalar-of-matrix", "identification-hessian-vector", "quadratic-form"),
    sources=(cite("magnus2019matrix", "§9.6, the first identification table (p. 197)"),),
    aliases=("gradient vs jacobian row", "product of linear forms"),
)
