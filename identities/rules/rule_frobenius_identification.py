"""Frobenius identification: if df = tr(Gᵀ dX) for every dX, then ∇_X f = G.

A scalar function's derivative at X is a linear functional on m×n matrices, and every such
functional is a Frobenius inner product ⟨G, dX⟩ = tr(Gᵀ dX) = Σᵢⱼ G_ij dX_ij with exactly one
matrix G of the shape of X. That G is the gradient. The recipe is therefore: compute df, rewrite
it as a single tr(Gᵀ dX), and read off G.

The transpose in tr(Gᵀ dX) is where mistakes happen. A differential that arrives as tr(M dX)
gives the gradient Mᵀ, not M. The checked instance, with X of shape m×n, constant C of shape
m×n and constant D of shape n×m, has f = tr(CᵀX) + tr(DX): the first term is already in the
canonical form and contributes C, the second contributes Dᵀ, and ∇f = C + Dᵀ. Reading off D
instead would not even have the shape of X.

>>> from identities import get, verify
>>> verify(get("rule-frobenius-identification")).ok
True
"""

from identities.define import *

C = matrix("C", "m", "n")
D = matrix("D", "n", "m")
X = matrix("X", "m", "n")
dX = d(X)

IDENTITY = identity(
    id="rule-frobenius-identification",
    title="Reading off the gradient: df = tr(Gᵀ dX) ⇒ ∇f = G",
    symbols=[
        variable(X, "the variable, m×n"),
        constant(C, "a constant of the shape of X, m×n"),
        constant(D, "a constant of the transposed shape, n×m"),
    ],
    function=add(Trace(mul(C.T, X)), Trace(mul(D, X))),
    claims=[gradient(X, add(C, D.T))],
    derivation=derivation(
        X,
        step(add(Trace(mul(C.T, dX)), Trace(mul(D, dX))), "both terms are linear in X"),
        step(add(Trace(mul(C.T, dX)), Trace(mul(Transpose(D.T), dX))),
             "write D = (Dᵀ)ᵀ so that the second term also reads tr(Gᵀ dX)"),
        step(Trace(mul(Transpose(add(C, D.T)), dX)),
             "collect into one tr(Gᵀ dX) with G = C + Dᵀ, which is the gradient"),
    ),
    see_also=("rule-trace-cyclic", "rule-linearity", "trace-linear", "log-det"),
    sources=(cite("magnus2019matrix", "§9.6, the first identification table (p. 197)"),),
    aliases=("frobenius identification", "reading off the gradient", "canonical form"),
)
