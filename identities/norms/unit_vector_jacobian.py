"""The unit vector u = (x − a)/‖x − a‖₂ has Jacobian (I − uuᵀ)/‖x − a‖₂.

Normalising a vector divides it by its length, and both change with x. With δ = x − a and
ρ = ‖δ‖₂, du = dx/ρ − δ(δᵀdx)/ρ³, so the Jacobian is I/ρ − δδᵀ/ρ³ = (I − uuᵀ)/ρ (the Matrix Cookbook prints the first form): the projector
onto the plane orthogonal to u, scaled by 1/ρ. The direction does not change when x moves along
u, and the closer x is to a, the faster it turns. The Jacobian is symmetric, so the backward pass
uses the same matrix: x̄ = (ū − u(uᵀū))/ρ.

This is the backward pass of every normalisation to the unit sphere — normalised embeddings,
cosine-similarity heads, the directions of a spherical parametrisation — and it is also the Hessian
of the distance ‖x − a‖₂. Forgetting the projection (I/ρ alone) and the power 3 in ρ³ are the
common mistakes.

>>> from identities import get, verify
>>> verify(get("unit-vector-jacobian")).ok
True
"""

from identities.define import *

x = vector("x", "n")
a = vector("a", "n")
ubar = bar("u", "n", 1)
dx = d(x)
delta = named("delta", add(x, mul(-1, a)))
rho = sqrt(Trace(mul(Transpose(delta), delta)))
u = named("u", mul(1 / rho, delta))
J = mul(1 / rho, add(eye("n"), mul(-1, u, u.T)))

IDENTITY = identity(
    id="unit-vector-jacobian",
    title="Jacobian of the unit vector (x − a)/‖x − a‖₂",
    output="u",
    symbols=[variable(x, "the point, a vector of length n, different from a"),
             constant(a, "the origin of the direction, a vector of length n"),
             upstream(ubar, "the upstream gradient ∇_u L, a vector of length n")],
    function=u,
    claims=[
        differential_of(x, mul(1 / rho, add(dx, mul(-1, u, u.T, dx)))),
        jacobian(x, J),
        vjp(x, mul(1 / rho, add(ubar, mul(-1, u, u.T, ubar)))),
    ],
    derivation=derivation(
        x,
        step(Trace(mul(ubar.T, add(mul(1 / rho, dx), mul(-1 / rho, u, u.T, dx)))),
             "dL = ūᵀdu; quotient rule with dρ = δᵀdx/ρ: du = dx/ρ − δ(δᵀdx)/ρ³ = (dx − u uᵀdx)/ρ"),
        step(Trace(mul(Transpose(mul(1 / rho, add(ubar, mul(-1, u, u.T, ubar)))), dx)),
             "I − uuᵀ is symmetric: move it onto ū"),
    ),
    see_also=("distance-norm", "two-norm-hessian", "cosine-similarity", "layer-norm"),
    sources=(cookbook(130),),
    aliases=("normalized vector jacobian", "derivative of x over norm x", "l2 normalization backward",
             "unit vector derivative"),
)
