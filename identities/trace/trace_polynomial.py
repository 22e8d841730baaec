"""The gradient of tr p(X), for a polynomial p, is p′(X)ᵀ: the scalar derivative, at Xᵀ.

For p(x) = a₁x + a₂x² + a₃x³ and a square X, p(X) = a₁X + a₂X² + a₃X³. Each power differentiates,
under the trace, to k tr(X^{k−1} dX), so d tr p(X) = tr(p′(X) dX) with p′(X) = a₁I + 2a₂X + 3a₃X², and
the gradient is p′(X)ᵀ. This is the Matrix Cookbook's rule ∂tr F(X)/∂X = f(X)ᵀ, with f the scalar
derivative of F, for a polynomial F; the same rule gives (e^X)ᵀ for tr e^X and X⁻ᵀ for tr Log X, the
matrix functions being limits of polynomials.

The trace is essential: the matrix p(X) itself does not have p′(X) dX as its differential, because
X and dX do not commute. Only under the trace do the k terms of d(Xᵏ) become equal. The classic
slips are the missing transpose and the power not lowered.

>>> from identities import get, verify
>>> verify(get("trace-polynomial")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
a1, a2, a3 = number("a_1", values=(0.5, -1.0)), number("a_2", values=(2.0, 0.75)), number("a_3", values=(-0.5, 1.5))
dX = d(X)
derivative = add(mul(a1, eye("n")), mul(2, a2, X), mul(3, a3, X ** 2))

IDENTITY = identity(
    id="trace-polynomial",
    title="Gradient of the trace of a matrix polynomial tr p(X)",
    symbols=[
        variable(X, "a square n×n matrix"),
        constant(a1, "the coefficient of X"),
        constant(a2, "the coefficient of X²"),
        constant(a3, "the coefficient of X³"),
    ],
    function=Trace(add(mul(a1, X), mul(a2, X ** 2), mul(a3, X ** 3))),
    claims=[gradient(X, Transpose(derivative))],
    derivation=derivation(
        X,
        step(add(mul(a1, Trace(dX)), mul(2, a2, Trace(mul(X, dX))), mul(3, a3, Trace(mul(X ** 2, dX)))),
             "linearity, and d tr(Xᵏ) = k tr(X^{k−1} dX): the k terms of the product rule rotate into one"),
        step(Trace(mul(derivative, dX)), "collect: the form tr(Gᵀ dX) with G = p′(X)ᵀ"),
    ),
    see_also=("trace-matrix-power", "trace-square-hessian", "trace-expm"),
    sources=(cookbook(locator="§2.5, the rule ∂Tr F(X)/∂X = f(X)ᵀ above (99)"),),
    aliases=("trace of a polynomial", "tr p(X)", "trace of a matrix function"),
)
