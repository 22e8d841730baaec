"""The trace is linear, and its gradient is the identity matrix: ∇ tr(X) = I.

tr(X) adds up the diagonal entries of a square X, so it changes by one for a unit change of a
diagonal entry and not at all for an off-diagonal one. Without indices: d tr(X) = tr(dX) = tr(Iᵀ dX),
which is already the form tr(Gᵀ dX) with G = I.

It is the seed of every trace derivative (tr(AX), tr(X²), tr(Xᵏ) all start from d tr(M) = tr(dM)),
and the gradient of the trace penalty λ tr(X) used for positive semidefinite matrices, where the
trace equals the nuclear norm. The slip to avoid is to answer with a matrix of ones, or with the
number n: the derivative by an off-diagonal entry is zero.

>>> import numpy as np
>>> from identities import get, check_gradient, verify
>>> verify(get("trace-X")).ok
True
>>> X = np.arange(9.0).reshape(3, 3)
>>> check_gradient(np.trace, lambda X: np.ones((3, 3)), X).ok
False
"""

from identities.define import *

X = matrix("X", "n", "n")
dX = d(X)

IDENTITY = identity(
    id="trace-X",
    title="Gradient of the trace tr(X)",
    symbols=[variable(X, "a square matrix")],
    function=Trace(X),
    claims=[gradient(X, eye("n"))],
    derivation=derivation(
        X,
        step(Trace(dX), "the trace is linear: d tr(X) = tr(dX)"),
        step(Trace(mul(Transpose(eye("n")), dX)), "tr(dX) = tr(Iᵀ dX): the form tr(Gᵀ dX) with G = I"),
    ),
    see_also=("trace-linear", "trace-XA", "rule-linearity"),
    sources=(cookbook(36, 99),),
    aliases=("trace of X", "derivative of the trace", "gradient of trace"),
)
