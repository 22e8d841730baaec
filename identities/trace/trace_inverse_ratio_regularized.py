"""The gradient of tr((A + XᵀCX)⁻¹XᵀBX); the Cookbook's form also needs A symmetric, which it does not say.

For X of shape n×k, constant n×n matrices B and C and a constant k×k matrix A, let M = A + XᵀCX
(invertible), N = XᵀBX and P = M⁻¹NM⁻¹. As for the unregularised trace ratio, dM = dXᵀCX + XᵀC dX
(A is constant), and the gradient is

    BXM⁻¹ + BᵀXM⁻ᵀ − CXP − CᵀXPᵀ.

The Matrix Cookbook prints 2BXM⁻¹ − 2CXM⁻¹NM⁻¹ under "Assume B and C to be symmetric". That is not
enough: the two pairs of terms merge only when M itself is symmetric, so A must be symmetric too.
With B and C symmetric but A not, the printed form is wrong; the catalog records it as published,
checks that it fails at the identity's inputs and holds when A, B and C are all symmetric (A a
ridge term λI, as in regularised discriminant analysis, is the usual case).

>>> from identities import get, verify
>>> verify(get("trace-inverse-ratio-regularized")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "k")
A = matrix("A", "k", "k")
B = matrix("B", "n", "n")
C = matrix("C", "n", "n")
dX = d(X)
M = named("M", add(A, mul(X.T, C, X)))
N = named("N", mul(X.T, B, X))
Mi = Inverse(M)
P = named("P", mul(Mi, N, Mi))
grad = add(mul(B, X, Mi), mul(B.T, X, Mi.T), mul(-1, C, X, P), mul(-1, C.T, X, P.T))

IDENTITY = identity(
    id="trace-inverse-ratio-regularized",
    title="Gradient of tr((A + XᵀCX)⁻¹XᵀBX)",
    symbols=[
        variable(X, "the variable, an n×k matrix; A + XᵀCX must be invertible (true for almost every draw)"),
        constant(A, "a constant k×k matrix, not necessarily symmetric"),
        constant(B, "a constant n×n matrix, not necessarily symmetric"),
        constant(C, "a constant n×n matrix, not necessarily symmetric"),
    ],
    function=Trace(mul(Mi, N)),
    claims=[gradient(X, grad)],
    derivation=derivation(
        X,
        step(add(Trace(mul(Mi, add(mul(dX.T, B, X), mul(X.T, B, dX)))),
                 mul(-1, Trace(mul(Mi, add(mul(dX.T, C, X), mul(X.T, C, dX)), Mi, N)))),
             "product rule on M⁻¹N, d(M⁻¹) = −M⁻¹ dM M⁻¹ with dM = dXᵀCX + XᵀC dX (A constant)"),
        step(add(Trace(mul(Mi.T, X.T, B.T, dX)), Trace(mul(Mi, X.T, B, dX)),
                 mul(-1, Trace(mul(P.T, X.T, C.T, dX))), mul(-1, Trace(mul(P, X.T, C, dX)))),
             "tr(M) = tr(Mᵀ) on the terms with dXᵀ, the cyclic property on all, P = M⁻¹NM⁻¹"),
        step(Trace(mul(Transpose(grad), dX)), "collect: the form tr(Gᵀ dX)"),
    ),
    published=[published(cookbook(127), gradient(X, add(mul(2, B, X, Mi), mul(-2, C, X, Mi, N, Mi))),
                         {"A": "symmetric", "B": "symmetric", "C": "symmetric"},
                         note="printed under 'Assume B and C to be symmetric'; A must be symmetric as well")],
    see_also=("trace-inverse-ratio", "trace-inverse-XtCX-A"),
    sources=(cookbook(127),),
    aliases=("regularized trace ratio", "tr((A + X^T C X)^-1 X^T B X)"),
)
