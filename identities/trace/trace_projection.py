"""The gradient of tr(PA), P = X(XᵀX)⁻¹Xᵀ the projection onto the columns of X, is (I − P)(A + Aᵀ)X(XᵀX)⁻¹.

For X of shape n×k with full column rank, P = X(XᵀX)⁻¹Xᵀ projects onto its column span, and
f = tr(PA) = tr((XᵀX)⁻¹XᵀAX) depends on X only through that span: replacing X by XR, R invertible,
changes nothing. Differentiating, dP = (I − P) dX X⁺ + (X⁺)ᵀ dXᵀ (I − P) with X⁺ = (XᵀX)⁻¹Xᵀ, and
rotating both terms gives the gradient (I − P)(A + Aᵀ)X(XᵀX)⁻¹, n×k like X.

The factor I − P makes the gradient orthogonal to the columns of X, as the invariance demands
(moving X within its own span changes nothing, so the gradient has no component there). It is the
objective of PCA and of subspace tracking (maximise tr(PA) for a covariance A), and the case C = I of
the Cookbook's tr((XᵀCX)⁻¹XᵀBX). The classic slips are to drop I − P and to write 2AX(XᵀX)⁻¹ for a
non-symmetric A.

>>> from identities import get, verify
>>> verify(get("trace-projection")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "k")
A = matrix("A", "n", "n")
dX = d(X)
G = named("G", mul(X.T, X))
Gi = Inverse(G)
P = named("P", mul(X, Gi, X.T))
Q = add(eye("n"), -P)

IDENTITY = identity(
    id="trace-projection",
    title="Gradient of tr(PA) for the projection P = X(XᵀX)⁻¹Xᵀ",
    symbols=[
        variable(X, "the variable, an n×k matrix of full column rank (k ≤ n)", "full-column-rank"),
        constant(A, "a constant n×n matrix, not necessarily symmetric"),
    ],
    function=Trace(mul(P, A)),
    claims=[gradient(X, mul(Q, add(A, A.T), X, Gi))],
    derivation=derivation(
        X,
        step(add(Trace(mul(Q, dX, Gi, X.T, A)), Trace(mul(X, Gi, dX.T, Q, A))),
             "dP = (I − P) dX (XᵀX)⁻¹Xᵀ + X(XᵀX)⁻¹ dXᵀ (I − P): product rule on X(XᵀX)⁻¹Xᵀ, with "
             "d(XᵀX)⁻¹ = −(XᵀX)⁻¹(dXᵀX + XᵀdX)(XᵀX)⁻¹"),
        step(add(Trace(mul(Gi, X.T, A, Q, dX)), Trace(mul(Gi, X.T, A.T, Q, dX))),
             "cyclic property on the first term; tr(M) = tr(Mᵀ) then cyclic on the second (P, XᵀX symmetric)"),
        step(Trace(mul(Transpose(mul(Q, add(A, A.T), X, Gi)), dX)), "collect: the form tr(Gᵀ dX)"),
    ),
    see_also=("trace-inverse-ratio", "trace-inverse-gram", "pinv-differential"),
    sources=(cookbook(locator="§2.5.4, the case C = I of (126)"),),
    aliases=("projection matrix gradient", "subspace trace", "PCA objective gradient", "tr(X (X^T X)^-1 X^T A)"),
)
