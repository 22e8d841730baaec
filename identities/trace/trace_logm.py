"""The gradient of tr(Log X) is X⁻ᵀ — and tr(Log X) = log det X, so it is the log-determinant's.

For a matrix with no eigenvalue on the closed negative real axis, the principal logarithm Log X is
defined and its trace is Σ log λᵢ = log det X. Its differential is a Fréchet derivative that does
not commute with X, but under the trace it collapses as the exponential's does:
d tr(Log X) = tr(X⁻¹ dX), the scalar derivative 1/x evaluated at X (the Matrix Cookbook's rule
∂tr F(X)/∂X = f(X)ᵀ). Hence the gradient X⁻ᵀ, Jacobi's formula in another guise.

The classic slips are X⁻¹ (no transpose) and the entrywise logarithm ``np.log(X)``, whose trace
is Σ log Xᵢᵢ, a different function.

>>> from identities import get, verify
>>> verify(get("trace-logm")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
dX = d(X)

IDENTITY = identity(
    id="trace-logm",
    title="Gradient of the trace of the matrix logarithm tr(Log X)",
    symbols=[variable(X, "a square n×n matrix", "off-negative-axis")],
    function=Trace(logm(X)),
    claims=[gradient(X, Inverse(X).T)],
    derivation=derivation(
        X,
        step(Trace(mul(Inverse(X), dX)),
             "under the trace the Fréchet derivative of Log collapses to the scalar derivative 1/x at X: "
             "d tr(Log X) = tr(X⁻¹ dX) (equivalently d log det X, Jacobi's formula)"),
        step(Trace(mul(Transpose(Inverse(X).T), dX)), "the form tr(Gᵀ dX) with G = X⁻ᵀ"),
    ),
    see_also=("log-det", "trace-expm", "trace-sqrtm"),
    sources=(cookbook(locator="§2.5, the rule ∂Tr F(X)/∂X = f(X)ᵀ above (99)"),
             cite("higham2008functions", "ch. 11, the matrix logarithm")),
    aliases=("trace of matrix logarithm", "tr(logm(X))", "trace log equals log det"),
)
