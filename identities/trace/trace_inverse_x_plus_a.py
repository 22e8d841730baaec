"""The gradient of tr((X + A)⁻¹) is −((X + A)⁻²)ᵀ, and its Hessian is a sum of two Kronecker terms.

Write M = X + A (invertible). Then d tr(M⁻¹) = −tr(M⁻¹ dX M⁻¹) = −tr(M⁻² dX), so the gradient is
−(M⁻²)ᵀ = −(M⁻ᵀ)². With A = 0 it is the gradient of tr(X⁻¹), the sum of the reciprocal eigenvalues,
which is the A-optimality criterion of experimental design when X is an information matrix and the
trace of a covariance when X is a precision.

Differentiating again with dX fixed, d(M⁻¹ dX M⁻¹) brings two more factors M⁻¹ dX, and both terms
are equal under the trace: d² = 2 tr(M⁻² dX M⁻¹ dX). Since tr(P dX Q dX) = vec(dX)ᵀ K (Pᵀ ⊗ Q) vec(dX)
with the commutation matrix K = K_{n,n}, the Hessian is the symmetric part, doubled: S + Sᵀ with
S = K((M⁻²)ᵀ ⊗ M⁻¹).
The classic slips are the missing sign, the missing transpose and −M⁻ᵀ (the gradient of
log det M, not of its trace).

>>> from identities import get, verify
>>> verify(get("trace-inverse-X-plus-A")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
A = matrix("A", "n", "n")
dX = d(X)
M = named("M", add(X, A))
Mi = Inverse(M)
S = named("S", mul(commutation("n", "n"), KroneckerProduct(Transpose(mul(Mi, Mi)), Mi)))

IDENTITY = identity(
    id="trace-inverse-X-plus-A",
    title="Gradient and Hessian of tr((X + A)⁻¹)",
    symbols=[
        variable(X, "a square n×n matrix; X + A must be invertible (true for almost every draw)"),
        constant(A, "a constant n×n matrix"),
    ],
    function=Trace(Mi),
    claims=[
        gradient(X, mul(-1, Transpose(mul(Mi, Mi)))),
        hessian(X, add(S, Transpose(S)), vec="F"),
    ],
    derivation=derivation(
        X,
        step(mul(-1, Trace(mul(Mi, dX, Mi))), "d(M⁻¹) = −M⁻¹ dM M⁻¹ with dM = dX"),
        step(mul(-1, Trace(mul(Mi, Mi, dX))), "cyclic property"),
        step(Trace(mul(Transpose(mul(-1, Transpose(mul(Mi, Mi)))), dX)), "the form tr(Gᵀ dX) with G = −(M⁻²)ᵀ"),
    ),
    see_also=("trace-AXinvB", "inverse-differential", "log-det"),
    sources=(cookbook(64),),
    aliases=("trace of inverse", "tr((X+A)^-1)", "A-optimality gradient", "tr(X^-1)"),
)
