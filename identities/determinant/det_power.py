"""The gradient of det(Xᵏ) is k det(Xᵏ) X⁻ᵀ.

For an invertible n×n X and a positive integer k, det(Xᵏ) = (det X)ᵏ, so the chain rule gives
d det(Xᵏ) = k (det X)^{k−1} d det X = k det(Xᵏ) tr(X⁻¹ dX), and the gradient is k det(Xᵏ) X⁻ᵀ.
Differentiating the power directly gives the same answer: d(Xᵏ) is a sum of k terms
X^j dX X^{k−1−j}, and (Xᵏ)⁻¹ times each of them has the trace tr(X⁻¹ dX).

The tempting wrong answers come from treating Xᵏ like a scalar power: k det(Xᵏ)(X⁻ᵀ)ᵏ, or
det(Xᵏ)(Xᵏ)⁻ᵀ, which is only the gradient with respect to Xᵏ itself. Both are rejected.

>>> from identities import get, verify
>>> verify(get("det-power")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
k = integer("k", values=(2, 3, 4))
dX = d(X)

IDENTITY = identity(
    id="det-power",
    title="Gradient of det(Xᵏ)",
    symbols=[
        variable(X, "the variable, an invertible n×n matrix", "invertible"),
        constant(k, "the power, a positive integer (checked at 2, 3 and 4)"),
    ],
    function=Determinant(X ** k),
    claims=[gradient(X, mul(k, Determinant(X ** k), Inverse(X).T))],
    derivation=derivation(
        X,
        step(mul(k, Determinant(X ** k), Trace(mul(Inverse(X), dX))),
             "det(Xᵏ) = (det X)ᵏ; chain rule k(det X)^{k−1} d det X, then Jacobi's formula d det X = det X "
             "tr(X⁻¹ dX), and (det X)^{k−1} det X = det(Xᵏ)"),
        step(Trace(mul(Transpose(mul(k, Determinant(X ** k), Inverse(X).T)), dX)), "df = tr(Gᵀ dX)"),
    ),
    see_also=("det-gradient", "log-det-power", "trace-matrix-power"),
    sources=(cookbook(58),),
    aliases=("derivative of det(X^k)", "determinant of a matrix power"),
)
