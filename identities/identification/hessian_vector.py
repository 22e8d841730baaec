"""Hessian of a scalar function of a vector: d²φ = (dx)ᵀB dx ⇒ Hφ(x) = ½(B + Bᵀ).

The second identification table starts here: take the differential twice, with dx held fixed,
bring it to the form (dx)ᵀB dx, and read off the Hessian — but only the symmetric part of B, since
a quadratic form cannot see the rest. The Hessian is ½(B + Bᵀ); it equals B only when B happens to
be symmetric, and reading off B itself is the classic mistake.

The instance is the cubic φ(x) = (xᵀx)(aᵀx). Its second differential is
d²φ = 2(aᵀx)(dxᵀdx) + 4(xᵀdx)(aᵀdx) = dxᵀ(2(aᵀx)I + 4xaᵀ)dx. The matrix in the middle is not
symmetric, and the Hessian is Hφ(x) = 2(aᵀx)I + 2(xaᵀ + axᵀ); the gradient is 2(aᵀx)x + (xᵀx)a.
The non-symmetric 2(aᵀx)I + 4xaᵀ is rejected here: the checker pairs the Hessian with two
independent directions, where a quadratic form in one direction would not tell them apart.

>>> from identities import get, verify
>>> verify(get("identification-hessian-vector")).ok
True
"""

from identities.define import *

x = vector("x", "n")
a = vector("a", "n")
dx = d(x)

IDENTITY = identity(
    id="identification-hessian-vector",
    title="Hessian identification, vector variable: d²φ = dxᵀB dx ⇒ H = ½(B + Bᵀ)",
    symbols=[variable(x, "the variable, a vector of length n"), constant(a, "a vector of length n")],
    function=mul(x.T, x, a.T, x),
    claims=[
        gradient(x, add(mul(2, x, a.T, x), mul(a, x.T, x))),
        hessian(x, add(mul(2, Trace(mul(a.T, x)), eye("n")), mul(2, add(mul(x, a.T), mul(a, x.T))))),
    ],
    derivation=derivation(
        x,
        step(add(mul(2, dx.T, dx, a.T, x), mul(4, x.T, dx, a.T, dx)),
             "differentiate dφ = 2(xᵀdx)(aᵀx) + (xᵀx)(aᵀdx) again with dx fixed"),
        step(mul(dx.T, add(mul(2, Trace(mul(a.T, x)), eye("n")), mul(4, x, a.T)), dx),
             "the form dxᵀB dx, with B = 2(aᵀx)I + 4xaᵀ (1×1 factors commute)"),
        step(mul(dx.T, add(mul(2, Trace(mul(a.T, x)), eye("n")), mul(2, add(mul(x, a.T), mul(a, x.T)))), dx),
             "a quadratic form sees only the symmetric part: replace B by ½(B + Bᵀ)"),
        order=2,
    ),
    see_also=("identification-scalar-of-vector", "identification-hessian-vec-form", "quadratic-form"),
    sources=(cite("magnus2019matrix", "§10.2, the second identification table (p. 211)"),),
    aliases=("second identification table", "hessian symmetric part", "hessian of a cubic"),
)
