"""The gradient of tr(AX³) is (AX² + XAX + X²A)ᵀ: the constant A visits each position once.

The Matrix Cookbook states tr(AXᵏ) for any k ≥ 1: d(Xᵏ) = Σᵣ Xʳ dX X^{k−1−r} (r = 0 … k−1), and
under tr(A ·) each term rotates to tr(X^{k−1−r} A Xʳ dX), so the gradient is
Σᵣ (X^{k−1−r} A Xʳ)ᵀ, a sum of k different matrices. Unlike tr(Xᵏ), the terms do not merge: A sits
in a different place in each. This identity states and checks the case k = 3, where the three terms
are (AX²)ᵀ, (XAX)ᵀ and (X²A)ᵀ; the catalog's formulas are single expressions and have no symbolic
sum over r.

The classic slip is to copy the answer for tr(Xᵏ) and write k(AX^{k−1})ᵀ, which treats A as if it
commuted with X; another is to drop the transpose.

>>> import numpy as np
>>> from identities import get, check_gradient, verify
>>> verify(get("trace-AXk")).ok
True
>>> A = np.array([[1.0, 2.0], [0.0, 1.0]]); X = np.array([[0.5, 1.0], [2.0, 0.0]])
>>> f = lambda X, A: np.trace(A @ X @ X @ X)
>>> check_gradient(f, lambda X, A: 3 * (A @ X @ X).T, X, A).ok
False
"""

from identities.define import *

X = matrix("X", "n", "n")
A = matrix("A", "n", "n")
dX = d(X)

IDENTITY = identity(
    id="trace-AXk",
    title="Gradient of tr(AXᵏ), at k = 3",
    symbols=[variable(X, "a square n×n matrix"), constant(A, "a constant n×n matrix")],
    function=Trace(mul(A, X ** 3)),
    claims=[gradient(X, Transpose(add(mul(A, X ** 2), mul(X, A, X), mul(X ** 2, A))))],
    derivation=derivation(
        X,
        step(add(Trace(mul(A, dX, X ** 2)), Trace(mul(A, X, dX, X)), Trace(mul(A, X ** 2, dX))),
             "product rule: d(X³) = dX X² + X dX X + X² dX"),
        step(add(Trace(mul(X ** 2, A, dX)), Trace(mul(X, A, X, dX)), Trace(mul(A, X ** 2, dX))),
             "cyclic property: rotate dX to the end of each term"),
        step(Trace(mul(add(mul(A, X ** 2), mul(X, A, X), mul(X ** 2, A)), dX)),
             "collect: the form tr(Gᵀ dX) with G = (AX² + XAX + X²A)ᵀ"),
    ),
    see_also=("trace-matrix-power", "trace-X-squared-B", "trace-polynomial"),
    sources=(cookbook(122, locator="the case k = 3"),),
    aliases=("trace A X^k", "tr(A X^3)", "trace of a weighted matrix power"),
)
