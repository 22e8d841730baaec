"""The ratio of quadratic forms ‖Ax‖²/‖Bx‖²: gradient (2/D)(AᵀAx − f BᵀBx) and its Hessian.

For x ∈ ℝⁿ, A of shape m×n and an invertible n×n B, write N = xᵀAᵀAx, D = xᵀBᵀBx and f = N/D, the
generalized Rayleigh quotient (B = I gives the Rayleigh quotient of AᵀA). The quotient rule gives
∇f = (2/D)(AᵀAx − f BᵀBx), which vanishes exactly at the generalized eigenvectors, AᵀAx = f BᵀBx.
Differentiating once more, with g = AᵀAx − f BᵀBx,
H = (2/D)(AᵀA − f BᵀB) − (4/D²)(g xᵀBᵀB + BᵀBx gᵀ), a symmetric matrix; at a stationary point g = 0
and only (2/D)(AᵀA − f BᵀB) is left, whose inertia tells a minimum from a saddle.

The Matrix Cookbook prints the gradient (its eq. 95) with xᵀBBx in the first denominator where xᵀBᵀBx
belongs; the two agree only when B is symmetric, and the check below rejects the printed form at a
general B and accepts it at a symmetric one. f is invariant under scaling of x, so the gradient is
orthogonal to x and x is in the null space of the Hessian's first term at a stationary point.

>>> from identities import get, verify
>>> verify(get("quadratic-ratio-hessian")).ok
True
"""

from identities.define import *

x = vector("x", "n")
A = matrix("A", "m", "n")
B = matrix("B", "n", "n")
dx = d(x)
P = mul(A.T, A)
Q = mul(B.T, B)
N = Trace(mul(x.T, P, x))
D = Trace(mul(x.T, Q, x))
f = N * D ** -1
g = named("g", add(mul(P, x), mul(-f, Q, x)))

IDENTITY = identity(
    id="quadratic-ratio-hessian",
    title="Gradient and Hessian of the ratio of quadratic forms ‖Ax‖²/‖Bx‖²",
    symbols=[
        variable(x, "the variable, a nonzero vector of length n"),
        constant(A, "an m×n matrix"),
        constant(B, "an invertible n×n matrix, not necessarily symmetric", "invertible"),
    ],
    function=f,
    claims=[
        gradient(x, add(mul(2 * D ** -1, P, x), mul(-2 * N * D ** -2, Q, x))),
        hessian(x, add(mul(2 * D ** -1, add(P, mul(-f, Q))), mul(-4 * D ** -2, add(mul(g, x.T, Q), mul(Q, x, g.T))))),
    ],
    derivation=derivation(
        x,
        step(add(mul(2 * D ** -1, Trace(mul(x.T, P, dx))), mul(-2 * N * D ** -2, Trace(mul(x.T, Q, dx)))),
             "quotient rule d(N/D) = dN/D − N dD/D², with dN = 2xᵀAᵀA dx and dD = 2xᵀBᵀB dx"),
        step(Trace(mul(Transpose(add(mul(2 * D ** -1, P, x), mul(-2 * N * D ** -2, Q, x))), dx)),
             "AᵀA and BᵀB are symmetric: xᵀAᵀA = (AᵀAx)ᵀ; the form (∇f)ᵀdx"),
    ),
    published=[published(cookbook(95), gradient(x, add(mul(2 * Trace(mul(x.T, B, B, x)) ** -1, P, x),
                                                       mul(-2 * N * D ** -2, Q, x))),
                         holds_when={"B": "symmetric"},
                         note="the first denominator is printed xᵀBBx; it is xᵀBᵀBx, equal only for a symmetric B")],
    see_also=("quadratic-form", "two-norm-hessian", "eigh-eigenvalues"),
    sources=(cookbook(locator="§2.4.3, eqs. (94)–(95): the gradient, printed with xᵀBBx (see the published form)"),),
    aliases=("rayleigh quotient hessian", "generalized rayleigh quotient", "ratio of quadratic forms gradient",
             "fisher discriminant gradient"),
)
