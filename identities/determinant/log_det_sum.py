"""The gradient of log det(A + X) is (A + X)⁻ᵀ.

For a constant A, the perturbation of A + X is dX, so d log det(A + X) = tr((A + X)⁻¹ dX) and
the gradient is (A + X)⁻ᵀ. It is the log-determinant's rule at the shifted point A + X, not
A⁻ᵀ + X⁻ᵀ: the logarithm of a determinant of a sum does not split into a sum of logarithms.

Shifted log-determinants are everywhere a regulariser or a noise term is added to a matrix:
log det(K + σ²I) in Gaussian-process likelihoods, log det(Σ + λI) in shrinkage estimators, and the
barrier log det(X − A) of a matrix inequality X ≻ A. Here both matrices are drawn dense and
non-symmetric near the identity, so that A + X has a positive determinant and a transposed answer
fails.

>>> from identities import get, verify
>>> verify(get("log-det-sum")).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
X = matrix("X", "n", "n")
dX = d(X)
S = add(A, X)

IDENTITY = identity(
    id="log-det-sum",
    title="Gradient of log det(A + X)",
    symbols=[
        variable(X, "the variable, an n×n matrix (drawn near the identity, so that det(A + X) > 0)",
                 "off-negative-axis"),
        constant(A, "a constant n×n matrix (drawn near the identity)", "off-negative-axis"),
    ],
    function=log(Determinant(S)),
    claims=[gradient(X, Inverse(S).T)],
    derivation=derivation(
        X,
        step(Trace(mul(Inverse(S), dX)), "d log det M = tr(M⁻¹ dM) with M = A + X and dM = dX"),
        step(Trace(mul(Transpose(Inverse(S).T), dX)), "df = tr(Gᵀ dX) with G = (A + X)⁻ᵀ"),
    ),
    see_also=("log-det", "gp-log-marginal-likelihood", "trace-inverse-X-plus-A"),
    sources=(cite("magnus2019matrix", "ch. 8, the differential of a log-determinant d log|X| = tr(X⁻¹ dX)"),),
    aliases=("log det(A + X)", "shifted log-determinant", "regularised log-determinant"),
)
