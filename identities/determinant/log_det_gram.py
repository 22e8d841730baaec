"""The gradient of log det(XᵀX) is 2(X⁺)ᵀ, twice the transposed pseudo-inverse.

For an n×k matrix X of full column rank, the Gram matrix XᵀX is k×k and positive definite, and
d log det(XᵀX) = tr((XᵀX)⁻¹(dXᵀX + XᵀdX)). The two terms are transposes of each other (XᵀX is
symmetric), so df = 2 tr((XᵀX)⁻¹Xᵀ dX) = 2 tr(X⁺ dX), where X⁺ = (XᵀX)⁻¹Xᵀ is the Moore–Penrose
pseudo-inverse of a full-column-rank matrix. The gradient is 2X⁺ᵀ = 2X(XᵀX)⁻¹, of the shape of X.

log det(XᵀX) is twice the log-volume of the parallelotope spanned by the columns of X; it is the
D-optimal design criterion and the log-Jacobian term of injective normalising flows. For square X
it is 2 log|det X| and the gradient is 2X⁻ᵀ; the classic mistake is to write that for a tall X,
where no inverse exists.

>>> import numpy as np
>>> from identities import check_gradient, get, verify
>>> verify(get("log-det-gram")).ok
True
>>> X = np.array([[2.0, 0.0], [1.0, 1.0], [0.0, 3.0]])
>>> check_gradient(lambda X: np.log(np.linalg.det(X.T @ X)), lambda X: 2 * np.linalg.pinv(X).T, X).ok
True
"""

from identities.define import *

X = matrix("X", "n", "k")
dX = d(X)
G = mul(X.T, X)

IDENTITY = identity(
    id="log-det-gram",
    title="Gradient of log det(XᵀX)",
    symbols=[variable(X, "the variable, n×k of full column rank (condition number 10)", "full-column-rank")],
    function=log(Determinant(G)),
    claims=[gradient(X, mul(2, pinv(X).T))],
    derivation=derivation(
        X,
        step(add(Trace(mul(Inverse(G), dX.T, X)), Trace(mul(Inverse(G), X.T, dX))),
             "d log det M = tr(M⁻¹ dM) with M = XᵀX and dM = dXᵀX + XᵀdX"),
        step(mul(2, Trace(mul(Inverse(G), X.T, dX))),
             "the first term is the transpose of the second: tr(M⁻¹dXᵀX) = tr(XᵀdX M⁻¹) = tr(M⁻¹XᵀdX), M symmetric"),
        step(mul(2, Trace(mul(pinv(X), dX))), "X⁺ = (XᵀX)⁻¹Xᵀ for full column rank"),
        step(Trace(mul(Transpose(mul(2, pinv(X).T)), dX)), "df = tr(Gᵀ dX) with G = 2X⁺ᵀ"),
    ),
    see_also=("log-det", "pinv-differential", "log-det-identity-plus-gram"),
    sources=(cookbook(55),),
    aliases=("log det X^T X", "log volume gradient", "d-optimal design gradient", "gram determinant"),
)
