"""The residual norm ‖AX − B‖_F has gradient Aᵀ(AX − B)/‖AX − B‖_F.

For a p×m design A, an m×n unknown X and p×n targets B, the unsquared Frobenius norm of the
residual E = AX − B changes by tr(EᵀA dX)/‖E‖_F, so the gradient is AᵀE/‖E‖_F: the least-squares
gradient 2AᵀE divided by 2‖E‖_F. Objectives that use the norm rather than its square (robust and
scale-free fits, constraints ‖AX − B‖_F ≤ ε) need this form; it is undefined at an exact fit.

The slips are the gradient of the square and EAᵀ (of the wrong shape) for AᵀE.

>>> from identities import get, verify
>>> verify(get("frobenius-residual-norm")).ok
True
"""

from identities.define import *

A = matrix("A", "p", "m")
X = matrix("X", "m", "n")
B = matrix("B", "p", "n")
dX = d(X)
E = named("E", add(mul(A, X), mul(-1, B)))
norm = sqrt(Trace(mul(Transpose(E), E)))

IDENTITY = identity(
    id="frobenius-residual-norm",
    title="Gradient of the Frobenius norm of the residual AX − B",
    symbols=[variable(X, "the unknown, m×n"),
             constant(A, "the design matrix, p×m"),
             constant(B, "the targets, p×n")],
    function=norm,
    claims=[gradient(X, mul(1 / norm, A.T, E))],
    derivation=derivation(
        X,
        step(mul(1 / norm, Trace(mul(Transpose(E), A, dX))), "d‖E‖_F = tr(EᵀdE)/‖E‖_F and dE = A dX"),
        step(Trace(mul(Transpose(mul(1 / norm, A.T, E)), dX)), "EᵀA = (AᵀE)ᵀ: df = tr(Gᵀ dX)"),
    ),
    see_also=("frobenius-norm", "least-squares", "residual-norm"),
    sources=(cookbook(locator="eq. (132) with the chain rule through E = AX − B"),),
    aliases=("gradient of the frobenius norm of a residual", "norm of AX minus B gradient"),
)
