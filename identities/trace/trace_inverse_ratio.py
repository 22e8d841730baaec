"""The gradient of the trace ratio tr((XᵀCX)⁻¹XᵀBX) has four terms; the Cookbook's two need B and C symmetric.

For X of shape n×k and constant n×n matrices B and C, let M = XᵀCX (invertible) and N = XᵀBX.
Then f = tr(M⁻¹N) and df = tr(M⁻¹ dN) − tr(M⁻¹ dM M⁻¹N). With P = M⁻¹NM⁻¹, each of dN and dM has
a dXᵀ term and a dX term, and rotating them gives the gradient

    BXM⁻¹ + BᵀXM⁻ᵀ − CXP − CᵀXPᵀ,

n×k like X. The function is invariant to X → XR for invertible k×k R (it depends only on the column
span of X); it is the objective of Fisher's linear discriminant (B the between-class, C the
within-class scatter) and of trace-ratio dimension reduction.

The Matrix Cookbook prints 2BXM⁻¹ − 2CXM⁻¹NM⁻¹, assuming B and C symmetric; then M and N are
symmetric and the terms pair up. The catalog records that form and checks that it fails for
general B and C and holds once both are symmetric.

>>> from identities import get, verify
>>> verify(get("trace-inverse-ratio")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "k")
B = matrix("B", "n", "n")
C = matrix("C", "n", "n")
dX = d(X)
M = named("M", mul(X.T, C, X))
N = named("N", mul(X.T, B, X))
Mi = Inverse(M)
P = named("P", mul(Mi, N, Mi))
grad = add(mul(B, X, Mi), mul(B.T, X, Mi.T), mul(-1, C, X, P), mul(-1, C.T, X, P.T))

IDENTITY = identity(
    id="trace-inverse-ratio",
    title="Gradient of the trace ratio tr((XᵀCX)⁻¹XᵀBX)",
    symbols=[
        variable(X, "the variable, an n×k matrix with k ≤ n; XᵀCX must be invertible (true for almost every "
                    "draw)", "full-column-rank"),
        constant(B, "a constant n×n matrix, not necessarily symmetric"),
        constant(C, "a constant n×n matrix, not necessarily symmetric"),
    ],
    function=Trace(mul(Mi, N)),
    claims=[gradient(X, grad)],
    derivation=derivation(
        X,
        step(add(Trace(mul(Mi, add(mul(dX.T, B, X), mul(X.T, B, dX)))),
                 mul(-1, Trace(mul(Mi, add(mul(dX.T, C, X), mul(X.T, C, dX)), Mi, N)))),
             "product rule on M⁻¹N, d(M⁻¹) = −M⁻¹ dM M⁻¹, dN = dXᵀBX + XᵀB dX, dM = dXᵀCX + XᵀC dX"),
        step(add(Trace(mul(Mi.T, X.T, B.T, dX)), Trace(mul(Mi, X.T, B, dX)),
                 mul(-1, Trace(mul(P.T, X.T, C.T, dX))), mul(-1, Trace(mul(P, X.T, C, dX)))),
             "tr(M) = tr(Mᵀ) on the terms with dXᵀ, the cyclic property on all, P = M⁻¹NM⁻¹"),
        step(Trace(mul(Transpose(grad), dX)), "collect: the form tr(Gᵀ dX)"),
    ),
    published=[published(cookbook(126), gradient(X, add(mul(2, B, X, Mi), mul(-2, C, X, Mi, N, Mi))),
                         {"B": "symmetric", "C": "symmetric"},
                         note="printed under 'Assume B and C to be symmetric'")],
    see_also=("trace-inverse-XtCX-A", "trace-inverse-ratio-regularized", "trace-quadratic"),
    sources=(cookbook(126),),
    aliases=("trace ratio", "fisher discriminant gradient", "generalized rayleigh quotient trace"),
)
