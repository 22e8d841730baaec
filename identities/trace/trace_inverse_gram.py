"""The gradient of tr((XᵀX)⁻¹) is −2X(XᵀX)⁻²: the A-optimality criterion of a design X.

For X of shape n×k with full column rank, G = XᵀX is symmetric positive definite and tr(G⁻¹) is the
sum of the variances of the least-squares coefficients (up to σ²): the A-optimality criterion of
experimental design. The inverse's differential gives df = −tr(G⁻¹ dG G⁻¹) with dG = dXᵀX + XᵀdX, and
both terms equal −tr(G⁻²XᵀdX) under the trace (G is symmetric), so the gradient is −2XG⁻², n×k
like X. It is the case A = C = I of the Matrix Cookbook's tr((XᵀCX)⁻¹A).

Scaling the design up lowers the criterion, and the gradient agrees: ⟨−2XG⁻², X⟩ = −2 tr(G⁻¹) < 0.
The classic slips are the missing factor 2, −2XG⁻¹ (one inverse short) and −2G⁻²X, which has the
wrong shape.

>>> from identities import get, verify
>>> verify(get("trace-inverse-gram")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "k")
dX = d(X)
G = named("G", mul(X.T, X))
Gi = Inverse(G)

IDENTITY = identity(
    id="trace-inverse-gram",
    title="Gradient of tr((XᵀX)⁻¹)",
    symbols=[variable(X, "the design, an n×k matrix of full column rank (k ≤ n)", "full-column-rank")],
    function=Trace(Gi),
    claims=[gradient(X, mul(-2, X, Gi, Gi))],
    derivation=derivation(
        X,
        step(mul(-1, Trace(mul(Gi, add(mul(dX.T, X), mul(X.T, dX)), Gi))),
             "d(G⁻¹) = −G⁻¹ dG G⁻¹ with dG = dXᵀX + XᵀdX"),
        step(mul(-2, Trace(mul(Gi, Gi, X.T, dX))),
             "cyclic property, and tr(G⁻² dXᵀX) = tr(G⁻²XᵀdX) since G is symmetric"),
        step(Trace(mul(Transpose(mul(-2, X, Gi, Gi)), dX)), "the form tr(Gᵀ dX) with gradient −2XG⁻²"),
    ),
    see_also=("trace-inverse-XtCX-A", "trace-inverse-X-plus-A", "least-squares"),
    sources=(cookbook(locator="§2.5.4, the case A = C = I of (125)"),),
    aliases=("A-optimality", "trace of inverse gram matrix", "tr((X^T X)^-1)"),
)
