"""The gradient of log det(XᵀAX) for a tall X is AX(XᵀAX)⁻¹ + AᵀX(XᵀAᵀX)⁻¹.

For X of shape n×k with full column rank and a constant n×n matrix A with XᵀAX invertible, the
logarithm turns Jacobi's formula into d log det M = tr(M⁻¹ dM), M = XᵀAX. The two terms of
dM = dXᵀAX + XᵀA dX give AXM⁻¹ and AᵀXM⁻ᵀ; dividing the determinant's gradient by det M
leaves their sum. For a symmetric A the two coincide and the gradient is 2AX(XᵀAX)⁻¹; with A = I
it is the 2X(XᵀX)⁻¹ = 2X⁺ᵀ of log det(XᵀX).

A weighted Gram matrix XᵀAX appears in the log-likelihood of factor models and in D-optimal
design with a weight matrix. Writing 2AX(XᵀAX)⁻¹ for a non-symmetric A is the classic slip; A is
drawn dense and non-symmetric here (near the identity, so that det(XᵀAX) > 0), and that slip
fails.

>>> from identities import get, verify
>>> verify(get("log-det-xtax")).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
X = matrix("X", "n", "k")
dX = d(X)
M = mul(X.T, A, X)
Mt = mul(X.T, A.T, X)

IDENTITY = identity(
    id="log-det-xtax",
    title="Gradient of log det(XᵀAX) for a tall X",
    symbols=[
        variable(X, "the variable, n×k of full column rank", "full-column-rank"),
        constant(A, "a constant n×n matrix, not necessarily symmetric (drawn with a positive definite symmetric "
                    "part, so that det(XᵀAX) > 0)", "off-negative-axis"),
    ],
    function=log(Determinant(M)),
    claims=[gradient(X, add(mul(A, X, Inverse(M)), mul(A.T, X, Inverse(Mt))))],
    derivation=derivation(
        X,
        step(add(Trace(mul(Inverse(M), dX.T, A, X)), Trace(mul(Inverse(M), X.T, A, dX))),
             "d log det M = tr(M⁻¹ dM) with dM = dXᵀAX + XᵀA dX"),
        step(add(Trace(mul(Inverse(M).T, X.T, A.T, dX)), Trace(mul(Inverse(M), X.T, A, dX))),
             "tr(P) = tr(Pᵀ) on the first term, then the cyclic trace"),
        step(Trace(mul(Transpose(add(mul(A, X, Inverse(M)), mul(A.T, X, Inverse(Mt)))), dX)),
             "collect as tr(Gᵀ dX); M⁻ᵀ = (XᵀAᵀX)⁻¹"),
    ),
    see_also=("det-xtax-tall", "log-det-gram", "log-det"),
    sources=(cookbook(locator="§2.1.3: eq. (54) divided by det(XᵀAX)"),),
    aliases=("log det X^T A X", "weighted gram log-determinant"),
)
