"""The quadratic form (Xb + c)ᵀD(Xb + c) has gradient (D + Dᵀ)(Xb + c)bᵀ and Hessian bbᵀ ⊗ (D + Dᵀ).

For an m×n matrix X, b of length n, c of length m and an m×m weight D, the form weighs the image
r = Xb + c by D. Its differential is (dX b)ᵀDr + rᵀD dX b = rᵀ(D + Dᵀ) dX b = tr(b rᵀ(D + Dᵀ) dX),
so the gradient is the rank-one (D + Dᵀ)rbᵀ: the gradient of the quadratic form in r, times the
input b, as for the weights of a linear layer under a weighted squared loss.

The second differential (dX b)ᵀ(D + Dᵀ)(dX b) is constant: vec(dX b) = (bᵀ ⊗ I)vec(dX) gives
the Hessian bbᵀ ⊗ (D + Dᵀ) in column-stacking order and (D + Dᵀ) ⊗ bbᵀ in row-stacking order.
Writing 2Drbᵀ is right only for symmetric D.

>>> from identities import get, verify
>>> verify(get("affine-quadratic-form")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
b = vector("b", "n")
c = vector("c", "m")
D = matrix("D", "m", "m")
dX = d(X)
r = named("r", add(mul(X, b), c))
S = add(D, D.T)

IDENTITY = identity(
    id="affine-quadratic-form",
    title="Gradient and Hessian of the quadratic form (Xb + c)ᵀD(Xb + c)",
    symbols=[variable(X, "the matrix, m×n"),
             constant(b, "the input, a vector of length n"),
             constant(c, "the offset, a vector of length m"),
             constant(D, "the weight, m×m, not necessarily symmetric")],
    function=mul(Transpose(r), D, r),
    claims=[
        gradient(X, mul(S, r, b.T)),
        hessian(X, KroneckerProduct(mul(b, b.T), S), vec="F"),
        hessian(X, KroneckerProduct(S, mul(b, b.T)), vec="C"),
    ],
    derivation=derivation(
        X,
        step(add(mul(b.T, dX.T, D, r), mul(Transpose(r), D, dX, b)), "product rule; dr = dX b since b and c are constant"),
        step(mul(Transpose(r), S, dX, b), "transpose the first 1×1 term to rᵀDᵀdX b, and collect"),
        step(Trace(mul(Transpose(mul(S, r, b.T)), dX)), "rᵀ(D + Dᵀ)dX b = tr(b rᵀ(D + Dᵀ) dX) = tr(Gᵀ dX)"),
    ),
    see_also=("bilinear-gram-hessian", "quadratic-form", "least-squares"),
    sources=(cookbook(83),),
    aliases=("derivative of (Xb+c)T D (Xb+c)", "weighted squared residual in the weights", "affine quadratic form"),
)
