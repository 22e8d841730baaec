"""The distance ‖x − a‖₂ has gradient (x − a)/‖x − a‖₂ in x, and the opposite unit vector in a.

For points x ≠ a of length n, the Euclidean distance is √((x − a)ᵀ(x − a)). Its differential is
(x − a)ᵀ(dx − da)/‖x − a‖₂, so the gradient with respect to x is the unit vector pointing from a
to x, and with respect to a its negative: moving either point along the line joining them changes
the distance at rate one, moving it across the line does not change it to first order. The
Hessian in x is the Jacobian of that unit vector, (I − uuᵀ)/‖x − a‖₂ (unit-vector-jacobian).

This is the gradient of multidimensional scaling's stress, of a spring's length in a physics
engine and of the hinge in contrastive losses. The slip is the gradient of the squared distance,
2(x − a), where the norm is meant.

>>> import numpy as np
>>> from identities import check_gradient, get, verify
>>> verify(get("distance-norm")).ok
True
>>> a = np.array([1.0, 0.0, 2.0])
>>> f = lambda x, a: np.sqrt((x - a) @ (x - a))
>>> check_gradient(f, lambda x, a: (x - a) / f(x, a), np.array([0.0, 2.0, -1.0]), a).ok
True
"""

from identities.define import *

x = vector("x", "n")
a = vector("a", "n")
dx = d(x)
delta = named("delta", add(x, mul(-1, a)))
norm = sqrt(Trace(mul(Transpose(delta), delta)))

IDENTITY = identity(
    id="distance-norm",
    title="Gradient and Hessian of the Euclidean distance ‖x − a‖₂",
    symbols=[variable(x, "the point, a vector of length n"),
             variable(a, "the other point, a vector of length n, different from x")],
    function=norm,
    claims=[
        gradient(x, mul(1 / norm, delta)),
        gradient(a, mul(-1 / norm, delta)),
        hessian(x, mul(1 / norm, add(eye("n"), mul(-1 / norm ** 2, delta, delta.T)))),
    ],
    derivation=derivation(
        x,
        step(mul(1 / (2 * norm), Trace(add(mul(dx.T, delta), mul(Transpose(delta), dx)))),
             "d√s = ds/(2√s) with s = δᵀδ, δ = x − a and dδ = dx"),
        step(Trace(mul(Transpose(mul(1 / norm, delta)), dx)), "dxᵀδ = δᵀdx; collect: df = (δ/‖δ‖)ᵀdx"),
    ),
    see_also=("two-norm-hessian", "unit-vector-jacobian", "squared-distance-matrix"),
    sources=(cookbook(129),),
    aliases=("gradient of a distance", "derivative of norm of x minus a", "euclidean distance gradient"),
)
