"""The weighted squared distance (x − s)ᵀW(x − s) has gradient (W + Wᵀ)(x − s) in x and its negative in s.

For vectors x, s of length n and an n×n weight W, the form measures x − s in the metric of W. With
r = x − s, dr = dx − ds, and the product rule gives drᵀWr + rᵀW dr = rᵀ(W + Wᵀ)dr. So the
gradient with respect to x is (W + Wᵀ)(x − s), with respect to s its negative, and the Hessian in
x is the constant W + Wᵀ.

The Matrix Cookbook prints these as 2W(x − s) and −2W(x − s) under the standing assumption "W is
symmetric" (eqs. (85) and (86)). For a weight that is not symmetric — a product of two different
factors, a weight read from data — only the symmetric part of W counts, and 2W is wrong; the
catalog checks the printed forms both ways.

>>> from identities import get, verify
>>> verify(get("weighted-distance-form")).ok
True
"""

from identities.define import *

x = vector("x", "n")
s = vector("s", "n")
W = matrix("W", "n", "n")
dx = d(x)
r = named("r", add(x, mul(-1, s)))
S = add(W, W.T)

IDENTITY = identity(
    id="weighted-distance-form",
    title="Gradients and Hessian of the weighted squared distance (x − s)ᵀW(x − s)",
    symbols=[variable(x, "the point, a vector of length n"),
             variable(s, "the centre, a vector of length n"),
             constant(W, "the weight, n×n, not necessarily symmetric")],
    function=mul(Transpose(r), W, r),
    claims=[
        gradient(x, mul(S, r)),
        gradient(s, mul(-1, S, r)),
        hessian(x, S),
    ],
    derivation=derivation(
        x,
        step(add(mul(dx.T, W, r), mul(Transpose(r), W, dx)), "product rule; dr = dx since s is constant"),
        step(mul(Transpose(r), S, dx), "transpose the first 1×1 term to rᵀWᵀdx, and collect"),
        step(mul(Transpose(mul(S, r)), dx), "rᵀ(W + Wᵀ) = ((W + Wᵀ)r)ᵀ, so df = (∇f)ᵀdx"),
    ),
    published=[
        published(cookbook(85), gradient(x, mul(2, W, r)), holds_when={"W": "symmetric"},
                  note="printed under the assumption that W is symmetric"),
        published(cookbook(86), gradient(s, mul(-2, W, r)), holds_when={"W": "symmetric"},
                  note="printed under the assumption that W is symmetric"),
    ],
    see_also=("quadratic-form", "weighted-residual-form", "mahalanobis-distance"),
    sources=(cookbook(85, 86),),
    aliases=("derivative of (x-s)T W (x-s)", "weighted squared distance", "weighted euclidean distance gradient"),
)
