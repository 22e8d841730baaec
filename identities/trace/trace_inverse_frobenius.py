"""The gradient of ‖X⁻¹‖²_F = tr(X⁻ᵀX⁻¹) is −2X⁻ᵀX⁻¹X⁻ᵀ: the squared Frobenius norm through an inverse.

For an invertible n×n X, write Y = X⁻¹ and f = tr(YᵀY) = ‖Y‖²_F. Then df = 2 tr(Yᵀ dY), and the
inverse's differential dY = −Y dX Y gives df = −2 tr(YᵀY dX Y) = −2 tr(YYᵀY dX), the form tr(Gᵀ dX)
with G = −2(YYᵀY)ᵀ = −2X⁻ᵀX⁻¹X⁻ᵀ. Together with ‖X‖²_F it bounds the condition number
(κ_F(X)² = ‖X‖²_F ‖X⁻¹‖²_F), and it is the penalty that keeps a learned matrix far from singular.

The classic slips are −2X⁻³ (the inverse treated as commuting with its transpose, right only for
symmetric X), −2X⁻ᵀX⁻ᵀX⁻¹ (the factors in the wrong order) and the missing sign.

>>> from identities import get, verify
>>> verify(get("trace-inverse-frobenius")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
dX = d(X)
Y = named("Y", Inverse(X))

IDENTITY = identity(
    id="trace-inverse-frobenius",
    title="Gradient of the squared Frobenius norm of the inverse, tr(X⁻ᵀX⁻¹)",
    symbols=[variable(X, "an invertible n×n matrix", "invertible")],
    function=Trace(mul(Y.T, Y)),
    claims=[gradient(X, mul(-2, Y.T, Y, Y.T))],
    derivation=derivation(
        X,
        step(mul(2, Trace(mul(Y.T, mul(-1, Y, dX, Y)))), "d tr(YᵀY) = 2 tr(Yᵀ dY), and dY = −Y dX Y"),
        step(mul(-2, Trace(mul(Y, Y.T, Y, dX))), "cyclic property: move the last Y to the front"),
        step(Trace(mul(Transpose(mul(-2, Y.T, Y, Y.T)), dX)), "the form tr(Gᵀ dX) with G = −2YᵀYYᵀ"),
    ),
    see_also=("trace-AXinvB", "inverse-differential", "frobenius-norm-squared"),
    sources=(cookbook(locator="§2, the inverse rule ∂(X⁻¹) = −X⁻¹(∂X)X⁻¹ (40) and the Frobenius norm (132)"),),
    aliases=("frobenius norm of inverse", "tr(X^-T X^-1)", "inverse penalty"),
)
