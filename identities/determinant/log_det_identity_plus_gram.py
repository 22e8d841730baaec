"""The gradient of log det(I + XᵀX) is 2X(I + XᵀX)⁻¹.

For any n×k matrix X, I_k + XᵀX is symmetric positive definite, so its log-determinant is defined
without conditions on X. By d log det M = tr(M⁻¹ dM) with dM = dXᵀX + XᵀdX, and since the two
terms are transposes of each other (M is symmetric), df = 2 tr((I + XᵀX)⁻¹Xᵀ dX) and the gradient
is 2X(I + XᵀX)⁻¹, an n×k matrix like X.

By Sylvester's determinant identity the same number is log det(I_n + XXᵀ), so whichever of k and n
is smaller can be used; the gradient can equally be written 2(I + XXᵀ)⁻¹X (the push-through
identity). It is the log-determinant term of a Gaussian likelihood with covariance I + XXᵀ —
probabilistic PCA, factor analysis, and Gaussian processes with a low-rank kernel — and the
capacity log det(I + HᵀH) of a MIMO channel.

>>> from identities import get, verify
>>> verify(get("log-det-identity-plus-gram")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "k")
dX = d(X)
M = add(eye("k"), mul(X.T, X))

IDENTITY = identity(
    id="log-det-identity-plus-gram",
    title="Gradient of log det(I + XᵀX)",
    symbols=[variable(X, "the variable, any n×k matrix")],
    function=log(Determinant(M)),
    claims=[gradient(X, mul(2, X, Inverse(M)))],
    derivation=derivation(
        X,
        step(add(Trace(mul(Inverse(M), dX.T, X)), Trace(mul(Inverse(M), X.T, dX))),
             "d log det M = tr(M⁻¹ dM) with M = I + XᵀX and dM = dXᵀX + XᵀdX"),
        step(mul(2, Trace(mul(Inverse(M), X.T, dX))),
             "the first term is the transpose of the second (M is symmetric)"),
        step(Trace(mul(Transpose(mul(2, X, Inverse(M))), dX)), "(M⁻¹Xᵀ)ᵀ = XM⁻¹, so df = tr(Gᵀ dX)"),
    ),
    see_also=("log-det-gram", "matrix-determinant-lemma", "push-through-identity"),
    sources=(cite("magnus2019matrix", "ch. 8, the differential of a log-determinant d log|X| = tr(X⁻¹ dX)"),),
    aliases=("log det(I + X^T X)", "mimo capacity gradient", "low-rank log-determinant"),
)
