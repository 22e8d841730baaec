"""The gradient of tr(Xᵏ) is k(Xᵀ)^{k−1}: k terms of the product rule, made equal by the cyclic trace.

For a square X and an integer k ≥ 1, the matrix power Xᵏ = X·X·…·X changes through each of its k
factors: d(Xᵏ) = Σⱼ Xʲ dX X^{k−1−j}. The matrix power does not commute with dX, so d(Xᵏ) itself
is no simpler than that; but under the trace every term can be rotated into tr(X^{k−1} dX), and
the k terms add up to dtr(Xᵏ) = k tr(X^{k−1} dX). Reading off the gradient in the form
tr(Gᵀ dX) gives G = k (X^{k−1})ᵀ = k (Xᵀ)^{k−1}.

The exponent is a symbol here: the identity is checked at several values of k (2, 3 and 4, one per
draw), not at one number. The classic mistakes are the missing transpose (right only for symmetric
X), the missing factor k, the exponent not lowered, and the entrywise power X^⊙(k−1) — in NumPy
``X**(k-1)`` is entrywise; the matrix power is ``np.linalg.matrix_power``. At k = 1 the gradient is
I, and the transpose and the factor k are then invisible; that is why k = 1 is not among the draws.

>>> import numpy as np
>>> from identities import check_gradient, get, verify
>>> X = np.array([[1.0, 2.0], [0.5, 3.0]]); k = 3
>>> f = lambda X: np.trace(np.linalg.matrix_power(X, k))
>>> check_gradient(f, lambda X: k * np.linalg.matrix_power(X.T, k - 1), X).ok
True
>>> check_gradient(f, lambda X: k * np.linalg.matrix_power(X, k - 1), X).ok
False
>>> verify(get("trace-matrix-power")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
k = integer("k", values=(2, 3, 4))
dX = d(X)

IDENTITY = identity(
    id="trace-matrix-power",
    title="Gradient of the trace of a matrix power tr(Xᵏ)",
    symbols=[
        variable(X, "a square matrix"),
        constant(k, "the power, an integer (checked at 2, 3 and 4)"),
    ],
    function=Trace(X ** k),
    claims=[gradient(X, mul(k, Transpose(X) ** (k - 1)))],
    derivation=derivation(
        X,
        step(mul(k, Trace(mul(X ** (k - 1), dX))),
             "product rule: d(Xᵏ) = Σⱼ Xʲ dX X^{k−1−j}, j = 0 … k−1; the cyclic trace turns each of the k "
             "terms into tr(X^{k−1} dX)"),
        step(Trace(mul(Transpose(mul(k, Transpose(X) ** (k - 1))), dX)),
             "(Xᵀ)^{k−1} = (X^{k−1})ᵀ: the form tr(Gᵀ dX)"),
    ),
    see_also=("trace-linear", "expm-frechet", "rule-trace-cyclic"),
    sources=(cookbook(121),),
    aliases=("trace of matrix power", "trace X^k", "derivative of tr(X^k)"),
)
