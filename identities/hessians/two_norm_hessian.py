"""The Euclidean distance ‖x − a‖₂: gradient (x − a)/‖x − a‖ and Hessian (I − uuᵀ)/‖x − a‖.

For x, a ∈ ℝⁿ with x ≠ a, write r = x − a and ρ = ‖r‖₂ = √(rᵀr). Then dρ = rᵀdx/ρ, so the gradient
is the unit vector u = r/ρ. Differentiating u once more: du = dx/ρ − r(rᵀdx)/ρ³, so the Hessian is
I/ρ − rrᵀ/ρ³ = (I − uuᵀ)/ρ, the Cookbook's eqs. (129)–(130).

I − uuᵀ projects onto the directions orthogonal to r: moving x towards or away from a changes ρ
linearly (zero curvature along u), moving it sideways bends the distance with curvature 1/ρ. The
Hessian is positive semidefinite, so the norm is convex, and it blows up as x → a, where the norm
has a kink. Writing I/ρ alone, or rrᵀ/ρ³ with the wrong sign or power, are the mistakes.

>>> from identities import get, verify
>>> verify(get("two-norm-hessian")).ok
True
"""

from identities.define import *

x = vector("x", "n")
a = vector("a", "n")
dx = d(x)
r = add(x, mul(-1, a))
rho = sqrt(Trace(mul(r.T, r)))

IDENTITY = identity(
    id="two-norm-hessian",
    title="Gradient and Hessian of the Euclidean distance ‖x − a‖₂",
    symbols=[variable(x, "the variable, a vector of length n"), constant(a, "a fixed point, a vector of length n")],
    function=rho,
    claims=[
        gradient(x, mul(rho ** -1, r)),
        hessian(x, add(mul(rho ** -1, eye("n")), mul(-rho ** -3, r, r.T))),
    ],
    derivation=derivation(
        x,
        step(add(mul(rho ** -1, dx.T, dx), mul(-rho ** -3, dx.T, r, r.T, dx)),
             "differentiate df = rᵀdx/ρ with dx fixed: dr = dx and dρ = rᵀdx/ρ, so d(1/ρ) = −rᵀdx/ρ³"),
        step(mul(Vec(dx, "F").T, add(mul(rho ** -1, eye("n")), mul(-rho ** -3, r, r.T)), Vec(dx, "F")),
             "collect between dxᵀ and dx; a vector is its own vec"),
        order=2,
    ),
    see_also=("quadratic-form", "least-squares-vector"),
    sources=(cookbook(129, 130),),
    aliases=("norm hessian", "euclidean distance hessian", "two-norm gradient", "distance function hessian"),
)
