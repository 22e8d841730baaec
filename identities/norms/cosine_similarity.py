"""The cosine similarity c = xᵀy/(‖x‖‖y‖) has gradient (v − cu)/‖x‖ in x, with u, v the unit vectors of x, y.

For nonzero vectors x, y of length n, c = xᵀy/(‖x‖₂‖y‖₂) is the inner product of their unit
vectors. Through x it changes by the unit vector of y projected off the direction of x, divided
by ‖x‖ — the Jacobian of x/‖x‖ (unit-vector-jacobian) applied to y/‖y‖. With
u = x/‖x‖ and v = y/‖y‖, ∇ₓc = (v − cu)/‖x‖, orthogonal to x: scaling x does not change the cosine. The gradient
in y is the same with the roles swapped.

This is the backward pass of cosine-similarity heads, of contrastive losses on normalised
embeddings and of retrieval scores. The classic slip keeps only y/(‖x‖‖y‖), forgetting that the
norm of x moves too.

>>> from identities import get, verify
>>> verify(get("cosine-similarity")).ok
True
"""

from identities.define import *

x = vector("x", "n")
y = vector("y", "n")
dx, dy = d(x), d(y)
nx = sqrt(Trace(mul(x.T, x)))
ny = sqrt(Trace(mul(y.T, y)))
xu = named("u", mul(1 / nx, x))
yu = named("v", mul(1 / ny, y))
c = Trace(mul(xu.T, yu))
gx = mul(1 / nx, add(yu, mul(-c, xu)))
gy = mul(1 / ny, add(xu, mul(-c, yu)))

IDENTITY = identity(
    id="cosine-similarity",
    title="Gradient of the cosine similarity xᵀy/(‖x‖‖y‖)",
    symbols=[variable(x, "a nonzero vector of length n"), variable(y, "a nonzero vector of length n")],
    function=c,
    claims=[gradient(x, gx), gradient(y, gy)],
    derivation=derivation(
        (x, y),
        step(add(mul(1 / nx, Trace(mul(yu.T, dx))), mul(-c / nx, Trace(mul(xu.T, dx))),
                 mul(1 / ny, Trace(mul(xu.T, dy))), mul(-c / ny, Trace(mul(yu.T, dy)))),
             "c = uᵀv with u = x/‖x‖, v = y/‖y‖; quotient rule with d‖x‖ = uᵀdx: dc = vᵀdx/‖x‖ − c uᵀdx/‖x‖, "
             "and the same in y"),
        step(add(Trace(mul(Transpose(gx), dx)), Trace(mul(Transpose(gy), dy))), "collect: dc = (∇ₓc)ᵀdx + (∇_y c)ᵀdy"),
    ),
    see_also=("unit-vector-jacobian", "two-norm-hessian", "linear-form"),
    sources=(cookbook(locator="eq. (130), the Jacobian of x/‖x‖₂, applied to the unit vector of y"),),
    aliases=("cosine similarity gradient", "normalized dot product gradient", "cosine distance derivative"),
)
