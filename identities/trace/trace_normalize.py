"""Normalising by the trace, X/tr(X): Jacobian (I − vec(Y)vec(I)ᵀ)/tr(X), backward pass (Ȳ − tr(ȲᵀY) I)/tr(X).

For a square X with tr(X) ≠ 0, Y = X/tr(X) has trace one (a density matrix, when X is symmetric
positive semidefinite). The quotient rule gives dY = dX/t − X tr(dX)/t² = (dX − Y tr(dX))/t with t = tr(X). The function is
invariant to scaling X, and the differential shows it: dX = εX gives dY = 0. In vec form,
tr(dX) = vec(I)ᵀ vec(dX), so the Jacobian is (I − vec(Y) vec(I)ᵀ)/t. In reverse mode,
⟨Ȳ, dY⟩ = (tr(Ȳᵀ dX) − tr(ȲᵀY) tr(dX))/t, so X̄ = (Ȳ − tr(ȲᵀY) I)/t: the upstream gradient minus its
component along Y, spread over the diagonal.

The classic slips are to forget the second term (treating the normaliser as a constant), its sign,
and 1/t² where 1/t belongs. X is drawn with positive entries so that tr(X) > 0; only tr(X) ≠ 0 is
needed.

>>> from identities import get, verify
>>> verify(get("trace-normalize")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
Ybar = bar("Y", "n", "n")
dX = d(X)
t = Trace(X)
Y = named("Y", mul(1 / t, X))
I_nn = KroneckerProduct(eye("n"), eye("n"))

IDENTITY = identity(
    id="trace-normalize",
    title="Jacobian and backward pass of the trace normalisation X/tr(X)",
    output="Y",
    symbols=[
        variable(X, "a square n×n matrix with tr(X) ≠ 0 (drawn with positive entries)", "positive"),
        upstream(Ybar, "the upstream gradient ∇_Y L, n×n like Y"),
    ],
    function=Y,
    claims=[
        jacobian(X, mul(1 / t, add(I_nn, mul(-1, Vec(Y, "F"), Vec(eye("n"), "F").T))), vec="F"),
        jacobian(X, mul(1 / t, add(I_nn, mul(-1, Vec(Y, "C"), Vec(eye("n"), "C").T))), vec="C"),
        vjp(X, mul(1 / t, add(Ybar, mul(-1, Trace(mul(Ybar.T, Y)), eye("n"))))),
    ],
    derivation=derivation(
        X,
        step(mul(1 / t, add(Trace(mul(Ybar.T, dX)), mul(-1, Trace(mul(Ybar.T, Y)), Trace(dX)))),
             "dL = tr(Ȳᵀ dY) with dY = (dX − Y tr(dX))/tr(X), the quotient rule"),
        step(Trace(mul(Transpose(mul(1 / t, add(Ybar, mul(-1, Trace(mul(Ybar.T, Y)), eye("n"))))), dX)),
             "tr(dX) = tr(Iᵀ dX): the form tr(X̄ᵀ dX)"),
    ),
    see_also=("trace-times-X", "trace-X", "softmax-jacobian"),
    sources=(cookbook(locator="§2, the basic rules ∂Tr(X) = Tr(∂X) (36) and the product rule (37)"),),
    aliases=("trace normalization", "density matrix normalization", "X / tr(X)"),
)
