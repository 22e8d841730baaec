"""The matrix tr(X)·X has Jacobian vec(X)vec(I)ᵀ + tr(X)I, and its backward pass is tr(X)Ȳ + tr(XᵀȲ)I.

A matrix-valued function built from a trace: F(X) = tr(X) X for a square X. The product rule for a
scalar times a matrix gives dF = tr(dX) X + tr(X) dX. In vec form, tr(dX) = vec(I)ᵀ vec(dX), so the
Jacobian is vec(X) vec(I)ᵀ + tr(X) I_{n²}: a multiple of the identity plus a rank-one term. In
reverse mode, ⟨Ȳ, dF⟩ = tr(ȲᵀX) tr(dX) + tr(X) tr(Ȳᵀ dX), so X̄ = tr(X)Ȳ + tr(XᵀȲ) I.

It is a small example of a Jacobian that is not a Kronecker product, and the pattern of every
normalisation by a trace. The classic slips are to drop the rank-one term (treating tr(X) as a
constant), and in reverse mode to write tr(Ȳ)X, pairing the wrong factors.

>>> from identities import get, verify
>>> verify(get("trace-times-X")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
Ybar = bar("Y", "n", "n")
dX = d(X)
I_nn = KroneckerProduct(eye("n"), eye("n"))

IDENTITY = identity(
    id="trace-times-X",
    title="Jacobian and backward pass of tr(X)·X",
    output="Y",
    symbols=[variable(X, "a square n×n matrix"), upstream(Ybar, "the upstream gradient ∇_Y L, n×n like Y")],
    function=mul(Trace(X), X),
    claims=[
        jacobian(X, add(mul(Vec(X, "F"), Vec(eye("n"), "F").T), mul(Trace(X), I_nn)), vec="F"),
        jacobian(X, add(mul(Vec(X, "C"), Vec(eye("n"), "C").T), mul(Trace(X), I_nn)), vec="C"),
        vjp(X, add(mul(Trace(X), Ybar), mul(Trace(mul(X.T, Ybar)), eye("n")))),
    ],
    derivation=derivation(
        X,
        step(add(mul(Trace(mul(Ybar.T, X)), Trace(dX)), mul(Trace(X), Trace(mul(Ybar.T, dX)))),
             "dL = tr(Ȳᵀ dY) with dY = tr(dX) X + tr(X) dX (product rule, d tr(X) = tr(dX))"),
        step(Trace(mul(Transpose(add(mul(Trace(X), Ybar), mul(Trace(mul(X.T, Ybar)), eye("n")))), dX)),
             "tr(dX) = tr(Iᵀ dX) and tr(ȲᵀX) = tr(XᵀȲ): the form tr(X̄ᵀ dX)"),
    ),
    see_also=("trace-X", "trace-normalize", "rule-product"),
    sources=(cookbook(locator="§2, the basic rules ∂Tr(X) = Tr(∂X) (36) and the product rule (37)"),),
    aliases=("trace times matrix", "jacobian of tr(X) X", "scalar times matrix product rule"),
)
