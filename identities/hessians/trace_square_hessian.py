"""The Hessian of tr(X²) is 2K, twice the commutation matrix, in either vec order.

For a square X, d tr(X²) = tr(dX X + X dX) = 2 tr(X dX), so the gradient is 2Xᵀ. Differentiating
once more with dX held fixed leaves the constant d²f = 2 tr(dX dX). This is not 2‖dX‖²_F, which
would be 2 tr(dXᵀ dX): the pairing needs a transpose that is not there, and vec(dXᵀ) = K vec(dX)
supplies it, so d²f = 2 vec(dX)ᵀ K vec(dX) with K = K_{n,n}. K is symmetric, so the Hessian is 2K.
Since K vec_r(dX) = vec(dX), it is also 2K in row-stacking order.

The Hessian 2K has eigenvalues +2 (on symmetric directions) and −2 (on antisymmetric ones):
tr(X²) is a saddle, neither convex nor concave, although it looks like a square. Writing 2I (the
Hessian of ‖X‖²_F) is the classic mistake.

>>> from identities import get, verify
>>> verify(get("trace-square-hessian")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
dX = d(X)
n = dim("n")
K = commutation(n, n)

IDENTITY = identity(
    id="trace-square-hessian",
    title="Hessian of tr(X²): 2K",
    symbols=[variable(X, "the variable, an n×n matrix")],
    function=Trace(X ** 2),
    claims=[
        gradient(X, mul(2, X.T)),
        hessian(X, mul(2, K), vec="F"),
        hessian(X, mul(2, K), vec="C"),
    ],
    derivation=derivation(
        X,
        step(mul(2, Trace(mul(dX, dX))), "differentiate df = 2 tr(X dX) with dX fixed"),
        step(mul(2, Vec(dX.T, "F").T, Vec(dX, "F")), "tr(PᵀQ) = vec(P)ᵀ vec(Q) with P = dXᵀ and Q = dX"),
        step(mul(2, Vec(dX, "F").T, K, Vec(dX, "F")), "vec(dXᵀ) = K vec(dX), and Kᵀ = K"),
        order=2,
    ),
    see_also=("trace-axbx-hessian", "trace-matrix-power", "commutation-transpose"),
    sources=(cookbook(106),
             cite("magnus2019matrix", "ch. 10, second-order differentials and Hessian matrices")),
    aliases=("hessian of trace X squared", "tr(X^2) hessian", "trace square hessian"),
)
