"""The gradient of tr(X^{1/2}) is ½(X^{−1/2})ᵀ: the scalar derivative of √x, at Xᵀ.

For a matrix with no eigenvalue on the closed negative real axis, the principal square root
S = X^{1/2} exists, and its differential dS solves the Sylvester equation S dS + dS S = dX. The
trace needs only part of that solution: multiply the equation by S⁻¹ and take the trace, and
tr(S⁻¹S dS) + tr(S⁻¹ dS S) = 2 tr(dS) = tr(S⁻¹ dX). So d tr(S) = ½ tr(X^{−1/2} dX), the gradient is
½(X^{−1/2})ᵀ, and no Sylvester equation has to be solved.

For a symmetric positive semidefinite X, tr(X^{1/2}) is the nuclear norm of X^{1/2}, and
tr((A^{1/2} B A^{1/2})^{1/2}) is the fidelity between two covariances, the core of the
Bures–Wasserstein distance, whose gradients start from this one. The classic slips are the missing ½, the missing
transpose and ½X^{−1/2} replaced by the differential of the square root itself.

>>> from identities import get, verify
>>> verify(get("trace-sqrtm")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
dX = d(X)
S = named("S", sqrtm(X))

IDENTITY = identity(
    id="trace-sqrtm",
    title="Gradient of the trace of the matrix square root tr(√X)",
    symbols=[variable(X, "a square n×n matrix", "off-negative-axis")],
    function=Trace(S),
    claims=[gradient(X, mul(Rational(1, 2), Transpose(Inverse(S))))],
    derivation=derivation(
        X,
        step(Trace(sylvester(S, S, dX)), "dS solves S dS + dS S = dX"),
        step(mul(Rational(1, 2), Trace(mul(Inverse(S), dX))),
             "multiply S dS + dS S = dX by S⁻¹ and take the trace: 2 tr(dS) = tr(S⁻¹ dX)"),
        step(Trace(mul(Transpose(mul(Rational(1, 2), Transpose(Inverse(S)))), dX)),
             "the form tr(Gᵀ dX) with G = ½ S⁻ᵀ"),
    ),
    see_also=("sqrtm-differential", "trace-logm", "trace-expm"),
    sources=(cookbook(locator="§2.5, the rule ∂Tr F(X)/∂X = f(X)ᵀ above (99)"),),
    aliases=("trace of matrix square root", "tr(sqrtm(X))", "fidelity gradient"),
)
