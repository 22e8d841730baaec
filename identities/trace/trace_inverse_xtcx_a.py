"""The gradient of tr((XᵀCX)⁻¹A) is −CXM⁻¹AM⁻¹ − CᵀXM⁻ᵀAᵀM⁻ᵀ with M = XᵀCX; the Cookbook's form needs C symmetric.

For X of shape n×k, a constant n×n matrix C and a constant k×k matrix A, let M = XᵀCX (k×k,
invertible). The inverse's differential gives df = −tr(M⁻¹ dM M⁻¹ A) with dM = dXᵀCX + XᵀC dX.
Rotating each term until dX stands last gives the two terms of the gradient, n×k like X:
−CXM⁻¹AM⁻¹ from dXᵀ (after transposing) and −CᵀXM⁻ᵀAᵀM⁻ᵀ from dX.

The Matrix Cookbook prints −CXM⁻¹(A + Aᵀ)M⁻¹ under the assumption that B and C are symmetric. Only
C matters (there is no B in this formula): with C symmetric, M is symmetric too and the two terms
merge. For a general C the printed form is wrong, which the catalog shows by rejecting it at dense
non-symmetric C and accepting it once C is symmetric. It is the gradient of the trace of a
projected covariance, as in linear discriminant analysis and optimal design.

>>> from identities import get, verify
>>> verify(get("trace-inverse-XtCX-A")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "k")
C = matrix("C", "n", "n")
A = matrix("A", "k", "k")
dX = d(X)
M = named("M", mul(X.T, C, X))
Mi = Inverse(M)

IDENTITY = identity(
    id="trace-inverse-XtCX-A",
    title="Gradient of tr((XᵀCX)⁻¹A)",
    symbols=[
        variable(X, "the variable, an n×k matrix with k ≤ n; XᵀCX must be invertible (true for almost every "
                    "draw)", "full-column-rank"),
        constant(C, "a constant n×n matrix, not necessarily symmetric"),
        constant(A, "a constant k×k matrix"),
    ],
    function=Trace(mul(Mi, A)),
    claims=[gradient(X, add(mul(-1, C, X, Mi, A, Mi), mul(-1, C.T, X, Mi.T, A.T, Mi.T)))],
    derivation=derivation(
        X,
        step(mul(-1, Trace(mul(Mi, add(mul(dX.T, C, X), mul(X.T, C, dX)), Mi, A))),
             "d(M⁻¹) = −M⁻¹ dM M⁻¹ with dM = dXᵀCX + XᵀC dX"),
        step(add(mul(-1, Trace(mul(Mi.T, A.T, Mi.T, X.T, C.T, dX))), mul(-1, Trace(mul(Mi, A, Mi, X.T, C, dX)))),
             "split the terms; tr(M) = tr(Mᵀ) on the one with dXᵀ, then the cyclic property on both"),
        step(Trace(mul(Transpose(add(mul(-1, C, X, Mi, A, Mi), mul(-1, C.T, X, Mi.T, A.T, Mi.T))), dX)),
             "collect: the form tr(Gᵀ dX)"),
    ),
    published=[published(cookbook(125), gradient(X, mul(-1, C, X, Mi, add(A, A.T), Mi)), {"C": "symmetric"},
                         note="printed under 'Assume B and C to be symmetric'; only C enters this formula")],
    see_also=("trace-inverse-ratio", "trace-AXinvB", "trace-quadratic"),
    sources=(cookbook(125),),
    aliases=("trace of inverse quadratic form", "tr((X^T C X)^-1 A)"),
)
