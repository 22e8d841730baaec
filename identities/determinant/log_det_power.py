"""The gradient of log det(Xᵏ) is k X⁻ᵀ.

For an n×n X with positive determinant and a positive integer k, det(Xᵏ) = (det X)ᵏ > 0 and
log det(Xᵏ) = k log det X: the power comes out of the logarithm as a factor, and the gradient is
k times that of the log-determinant, kX⁻ᵀ. Nothing of the power Xᵏ survives in the result — the
classic mistake is k(Xᵏ)⁻ᵀ or k(X^{k−1})⁻ᵀ, carried over from the gradient of tr(Xᵏ).

The same holds with log |det| for any invertible X, and for k = −1 it gives the gradient −X⁻ᵀ of
log det X⁻¹.

>>> from identities import get, verify
>>> verify(get("log-det-power")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
k = integer("k", values=(2, 3, 4))
dX = d(X)

IDENTITY = identity(
    id="log-det-power",
    title="Gradient of log det(Xᵏ)",
    symbols=[
        variable(X, "the variable, an n×n matrix with positive determinant", "positive-determinant"),
        constant(k, "the power, a positive integer (checked at 2, 3 and 4)"),
    ],
    function=log(Determinant(X ** k)),
    claims=[gradient(X, mul(k, Inverse(X).T))],
    derivation=derivation(
        X,
        step(mul(k, Trace(mul(Inverse(X), dX))), "log det(Xᵏ) = k log det X, and d log det X = tr(X⁻¹ dX)"),
        step(Trace(mul(Transpose(mul(k, Inverse(X).T)), dX)), "df = tr(Gᵀ dX) with G = kX⁻ᵀ"),
    ),
    see_also=("log-det", "det-power"),
    sources=(cookbook(locator="eqs. (23) and (57): det(Xᵏ) = det(X)ᵏ and the gradient of log |det X|"),),
    aliases=("log det X^k", "log-determinant of a matrix power"),
)
