"""tr(X ⊗ X) = tr(X)², so its gradient is 2 tr(X) I: a square of a linear function.

The trace of a Kronecker product is the product of the traces, so tr(X ⊗ X) = tr(X)², the square
of the linear function tr(X). The chain rule gives d tr(X)² = 2 tr(X) tr(dX), the form tr(Gᵀ dX) with
G = 2 tr(X) I. Differentiating once more with dX fixed, d² = 2 tr(dX)², which is
vec(dX)ᵀ vec(I) vec(I)ᵀ vec(dX): the Hessian is the rank-one matrix 2 vec(I) vec(I)ᵀ, the same in
both vec orders because vec(I) is.

The product rule on X ⊗ X gives two terms dX ⊗ X and X ⊗ dX, and both have trace tr(X) tr(dX):
forgetting one of them, the classic slip, loses the factor 2.

>>> import numpy as np
>>> from identities import get, check_gradient, verify
>>> verify(get("trace-kronecker-XX")).ok
True
>>> X = np.arange(9.0).reshape(3, 3)
>>> check_gradient(lambda X: np.trace(np.kron(X, X)), lambda X: np.trace(X) * np.eye(3), X).diagnosis[:8]
'factor ½'
"""

from identities.define import *

X = matrix("X", "n", "n")
dX = d(X)
vec_i = Vec(eye("n"), "F")

IDENTITY = identity(
    id="trace-kronecker-XX",
    title="Gradient and Hessian of tr(X ⊗ X) = tr(X)²",
    symbols=[variable(X, "a square n×n matrix")],
    function=Trace(KroneckerProduct(X, X)),
    claims=[
        gradient(X, mul(2, Trace(X), eye("n"))),
        hessian(X, mul(2, vec_i, vec_i.T), vec="F"),
        hessian(X, mul(2, Vec(eye("n"), "C"), Vec(eye("n"), "C").T), vec="C"),
    ],
    derivation=derivation(
        X,
        step(add(Trace(KroneckerProduct(dX, X)), Trace(KroneckerProduct(X, dX))),
             "product rule: d(X ⊗ X) = dX ⊗ X + X ⊗ dX"),
        step(mul(2, Trace(X), Trace(dX)), "tr(P ⊗ Q) = tr(P) tr(Q) on each term"),
        step(Trace(mul(Transpose(mul(2, Trace(X), eye("n"))), dX)), "the form tr(Gᵀ dX) with G = 2 tr(X) I"),
    ),
    see_also=("trace-kronecker-AX", "trace-X", "kronecker-mixed-product"),
    sources=(cookbook(120),),
    aliases=("trace of X kron X", "square of the trace", "tr(X)^2"),
)
