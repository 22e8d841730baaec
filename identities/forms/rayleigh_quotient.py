"""The Rayleigh quotient ρ = xᵀAx/xᵀx has gradient ((A + Aᵀ)x − 2ρx)/xᵀx, and a Hessian built from it.

For x ≠ 0 of length n and a square A, ρ(x) = xᵀAx/xᵀx. The quotient rule gives
dρ = (xᵀ(A + Aᵀ)dx)/xᵀx − ρ·2xᵀdx/xᵀx, so ∇ρ = ((A + Aᵀ)x − 2ρx)/xᵀx. It is orthogonal to x
(xᵀ∇ρ = 0: the quotient does not change along x, since it is homogeneous of degree zero), and for
symmetric A it vanishes exactly at eigenvectors, with ρ the eigenvalue: the fact behind the power
method, Rayleigh-quotient iteration and the variational characterisation of eigenvalues.

Differentiating the gradient once more, with g = ∇ρ, gives the Hessian
(A + Aᵀ − 2ρI − 2xgᵀ − 2gxᵀ)/xᵀx, symmetric as it must be; at an eigenvector of a symmetric A
(where g = 0) it is 2(A − ρI)/xᵀx, whose signature tells a minimum from a saddle.

The classic slips are 2Ax for the symmetric part (wrong for non-symmetric A, which the catalog
samples) and a dropped factor 2 in the correction −2ρx.

>>> from identities import get, verify
>>> verify(get("rayleigh-quotient")).ok
True
"""

from identities.define import *

x = vector("x", "n")
A = matrix("A", "n", "n")
dx = d(x)
nrm2 = Trace(mul(x.T, x))
rho = Trace(mul(x.T, A, x)) / nrm2
S = add(A, A.T)
grad = mul(1 / nrm2, add(mul(S, x), mul(-2 * rho, x)))
g = named("g", grad)

IDENTITY = identity(
    id="rayleigh-quotient",
    title="Gradient and Hessian of the Rayleigh quotient xᵀAx/xᵀx",
    symbols=[variable(x, "the variable, a nonzero vector of length n"),
             constant(A, "a square n×n matrix, not necessarily symmetric")],
    function=rho,
    claims=[
        gradient(x, grad),
        hessian(x, mul(1 / nrm2, add(S, mul(-2 * rho, eye("n")), mul(-2, x, g.T), mul(-2, g, x.T)))),
    ],
    derivation=derivation(
        x,
        step(add(mul(1 / nrm2, Trace(mul(x.T, add(A, A.T), dx))), mul(-rho / nrm2, Trace(mul(2, x.T, dx)))),
             "quotient rule: d(xᵀAx) = xᵀ(A + Aᵀ)dx and d(xᵀx) = 2xᵀdx"),
        step(Trace(mul(Transpose(grad), dx)), "collect: df = (∇f)ᵀdx"),
    ),
    see_also=("generalized-rayleigh-quotient", "quadratic-form", "eigh-eigenvalues"),
    sources=(cookbook(locator="eq. (95) with B = I, for the symmetric AᵀA; here for any square A"),),
    aliases=("rayleigh quotient gradient", "derivative of xTAx over xTx", "eigenvalue variational"),
)
