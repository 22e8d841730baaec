"""The Euclidean norm ‖x‖₂ has gradient x/‖x‖₂, the unit vector along x, and Hessian (I − uuᵀ)/‖x‖₂.

For a vector x ≠ 0 of length n, ‖x‖₂ = √(xᵀx). The square root turns the differential
2xᵀdx of xᵀx into xᵀdx/‖x‖₂, so the gradient is u = x/‖x‖₂: a unit vector, whatever the size of
x. Differentiating once more, du = (I − uuᵀ)dx/‖x‖₂ (see unit-vector-jacobian), so the Hessian
is the projector onto the plane orthogonal to x, divided by the norm: positive semidefinite, with
x itself in its null space, since the norm grows linearly along x.

The norm is what a gradient-clipping step divides by, and the derivative of a length in
geometry and physics (the force of a spring is the gradient of its length). The norm is not
differentiable at x = 0, where only a subgradient exists; the inputs are drawn away from it.

The classic mistakes are the gradient of the square, 2x (the norm itself has no factor 2 and is
homogeneous of degree one, so its gradient has length one), and x/‖x‖² for x/‖x‖.

>>> import numpy as np
>>> from identities import check_gradient, get, verify
>>> verify(get("euclidean-norm")).ok
True
>>> x = np.array([3.0, -4.0, 12.0])
>>> check_gradient(lambda x: np.sqrt(x @ x), lambda x: x / np.sqrt(x @ x), x).ok
True
"""

from identities.define import *

x = vector("x", "n")
dx = d(x)
norm = sqrt(Trace(mul(x.T, x)))
u = named("u", mul(1 / norm, x))

IDENTITY = identity(
    id="euclidean-norm",
    title="Gradient and Hessian of the Euclidean norm ‖x‖₂",
    symbols=[variable(x, "the variable, a nonzero vector of length n")],
    function=norm,
    claims=[
        gradient(x, u),
        hessian(x, mul(1 / norm, add(eye("n"), mul(-1, u, u.T)))),
    ],
    derivation=derivation(
        x,
        step(mul(1 / (2 * norm), Trace(add(mul(dx.T, x), mul(x.T, dx)))),
             "d√s = ds/(2√s) with s = xᵀx, and ds = dxᵀx + xᵀdx"),
        step(mul(1 / norm, Trace(mul(x.T, dx))), "dxᵀx = xᵀdx, a 1×1 matrix equal to its transpose"),
        step(Trace(mul(u.T, dx)), "df = uᵀdx with u = x/‖x‖₂"),
    ),
    see_also=("distance-norm", "unit-vector-jacobian", "squared-euclidean-norm", "frobenius-norm"),
    sources=(cookbook(129, locator="the case a = 0"),),
    aliases=("l2 norm gradient", "two norm derivative", "gradient of the vector norm"),
)
