"""The gradient of det(X⁻¹) is −det(X⁻¹) X⁻ᵀ.

For an invertible n×n X, det(X⁻¹) = 1/det X, and the chain rule with Jacobi's formula gives
d det(X⁻¹) = −det(X)⁻² d det X = −det(X⁻¹) tr(X⁻¹ dX). The gradient is −det(X⁻¹) X⁻ᵀ: the same
direction as the gradient of det X, with the opposite sign and the reciprocal size.

Going through d(X⁻¹) = −X⁻¹dX X⁻¹ and Jacobi's formula at X⁻¹ gives the same answer, since
tr(X · X⁻¹dX X⁻¹) = tr(X⁻¹dX). The classic mistake is to apply the determinant's rule at the
inverse and return det(X⁻¹)Xᵀ (X⁻¹ in place of X in det(X)X⁻ᵀ), which forgets the chain rule
through X ↦ X⁻¹ and even has the wrong sign.

>>> from identities import get, verify
>>> verify(get("det-inverse")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
dX = d(X)

IDENTITY = identity(
    id="det-inverse",
    title="Gradient of det(X⁻¹)",
    symbols=[variable(X, "the variable, an invertible n×n matrix", "invertible")],
    function=Determinant(Inverse(X)),
    claims=[gradient(X, mul(-1, Determinant(Inverse(X)), Inverse(X).T))],
    derivation=derivation(
        X,
        step(mul(Determinant(Inverse(X)), Trace(mul(X, mul(-1, Inverse(X), dX, Inverse(X))))),
             "Jacobi's formula at X⁻¹, d det M = det M tr(M⁻¹ dM), with dM = d(X⁻¹) = −X⁻¹ dX X⁻¹"),
        step(mul(-1, Determinant(Inverse(X)), Trace(mul(Inverse(X), dX))), "XX⁻¹ = I, then the cyclic trace"),
        step(Trace(mul(Transpose(mul(-1, Determinant(Inverse(X)), Inverse(X).T)), dX)), "df = tr(Gᵀ dX)"),
    ),
    see_also=("det-gradient", "inverse-differential", "log-det"),
    sources=(cookbook(62),),
    aliases=("derivative of det(X^-1)", "determinant of the inverse gradient"),
)
