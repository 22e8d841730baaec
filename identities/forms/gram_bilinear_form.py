"""The form bᵀXᵀXc has gradient X(bcᵀ + cbᵀ) and the constant Hessian (bcᵀ + cbᵀ) ⊗ I.

For an m×n matrix X and vectors b, c of length n, bᵀXᵀXc = (Xb)ᵀ(Xc) is the inner product of two
images under X. X occurs twice, so d(bᵀXᵀXc) = bᵀdXᵀXc + bᵀXᵀdX c; each term is 1×1, so the first equals
cᵀXᵀdX b, and moved to the form tr(Gᵀ dX) the two add up to G = X(bcᵀ + cbᵀ). The
symmetric sum appears because b and c play the same role; for b = c it is 2Xbbᵀ, the gradient of
‖Xb‖².

The second differential is 2bᵀdXᵀdX c, the same for every X, so the Hessian is constant:
(bcᵀ + cbᵀ) ⊗ Iₘ in column-stacking vec order and Iₘ ⊗ (bcᵀ + cbᵀ) in row-stacking order. The
usual slip is a single term, Xbcᵀ or 2Xbcᵀ, correct only when b and c are parallel.

>>> from identities import get, verify
>>> verify(get("gram-bilinear-form")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
b = vector("b", "n")
c = vector("c", "n")
dX = d(X)
S = named("S", add(mul(b, c.T), mul(c, b.T)))

IDENTITY = identity(
    id="gram-bilinear-form",
    title="Gradient and Hessian of the form bᵀXᵀXc",
    symbols=[variable(X, "the matrix, m×n"),
             constant(b, "a vector of length n"),
             constant(c, "a vector of length n")],
    function=mul(b.T, X.T, X, c),
    claims=[
        gradient(X, mul(X, S)),
        hessian(X, KroneckerProduct(S, eye("m")), vec="F"),
        hessian(X, KroneckerProduct(eye("m"), S), vec="C"),
    ],
    derivation=derivation(
        X,
        step(add(mul(b.T, dX.T, X, c), mul(b.T, X.T, dX, c)), "product rule on XᵀX, and d(Xᵀ) = (dX)ᵀ"),
        step(add(Trace(mul(b, c.T, X.T, dX)), Trace(mul(c, b.T, X.T, dX))),
             "transpose the first 1×1 term to cᵀXᵀdX b; write both as traces and cycle the vectors to the front"),
        step(Trace(mul(Transpose(mul(X, S)), dX)), "collect: (bcᵀ + cbᵀ)Xᵀ = (X(bcᵀ + cbᵀ))ᵀ"),
    ),
    see_also=("bilinear-form", "bilinear-gram-hessian", "frobenius-norm-squared"),
    sources=(cookbook(77),),
    aliases=("derivative of b transpose X transpose X c", "btxtxc", "gram bilinear form"),
)
