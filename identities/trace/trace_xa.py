"""The gradient of tr(XA) is Aᵀ: the factor beside X comes back transposed.

For X of shape m×n and A of shape n×m, XA is square and tr(XA) = Σᵢⱼ XᵢⱼAⱼᵢ pairs each entry of X
with the mirror entry of A. The differential is tr(dX A) = tr(A dX), and reading off tr(Gᵀ dX) gives
Gᵀ = A, so G = Aᵀ, an m×n matrix like X.

This is the transpose of the numerator-layout answer ∂tr(XA)/∂X = A (n×m) found in texts that lay
out derivatives by the rows of the numerator; with non-square A the two differ in shape, and the
checker rejects A as the gradient at once. By the cyclic property it is also the gradient of tr(AX),
and it is tr(AXB) with the identity as left factor.

>>> import numpy as np
>>> from identities import get, check_gradient, verify
>>> verify(get("trace-XA")).ok
True
>>> X = np.ones((2, 3)); A = np.arange(6.0).reshape(3, 2)
>>> check_gradient(lambda X, A: np.trace(X @ A), lambda X, A: A.T, X, A).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
A = matrix("A", "n", "m")
dX = d(X)

IDENTITY = identity(
    id="trace-XA",
    title="Gradient of tr(XA)",
    symbols=[variable(X, "the variable, an m×n matrix"), constant(A, "a constant n×m matrix, so that XA is square")],
    function=Trace(mul(X, A)),
    claims=[gradient(X, A.T)],
    derivation=derivation(
        X,
        step(Trace(mul(dX, A)), "A is constant: d tr(XA) = tr(dX A)"),
        step(Trace(mul(A, dX)), "cyclic property tr(PQ) = tr(QP)"),
        step(Trace(mul(Transpose(A.T), dX)), "A = (Aᵀ)ᵀ: the form tr(Gᵀ dX) with G = Aᵀ"),
    ),
    see_also=("trace-linear", "trace-AXB", "trace-X", "rule-trace-cyclic"),
    sources=(cookbook(100),),
    aliases=("trace xa", "trace ax", "tr(XA)"),
)
