"""The gradient of tr(AXB) is AᵀBᵀ: rotate the trace until dX stands last, then transpose.

With A of shape p×m, X of shape m×n and B of shape n×p, the product AXB is square and
its trace is a linear function of X. The differential is tr(A dX B), and the cyclic property of
the trace moves B to the front, giving tr(BA dX). Matching this with tr(Gᵀ dX) identifies Gᵀ as
BA, hence the gradient is G = (BA)ᵀ = AᵀBᵀ, an m×n matrix like X.

The same rotation appears whenever a weight matrix sits between two fixed factors, as in a
linear layer Z = WX seen through an upstream gradient: tr(Z̄ᵀ W X) has gradient Z̄Xᵀ with
respect to W, which is this identity with A = Z̄ᵀ and B = X.

The classic mistakes are to stop at BA (an n×m matrix, the numerator-layout answer) or to
transpose the product without reversing it, writing BᵀAᵀ. With distinct sizes p, m, n both fail
the shape check at once, which is why the catalog verifies with non-square matrices.

>>> import numpy as np
>>> from identities import get, check_gradient, verify
>>> verify(get("trace-AXB")).ok
True
>>> A = np.arange(6.0).reshape(2, 3); X = np.ones((3, 4)); B = np.arange(8.0).reshape(4, 2) - 3
>>> check_gradient(lambda A, X, B: np.trace(A @ X @ B), lambda A, X, B: A.T @ B.T, A, X, B, wrt=1).ok
True
"""

from identities.define import *

A = matrix("A", "p", "m")
X = matrix("X", "m", "n")
B = matrix("B", "n", "p")
dX = d(X)

IDENTITY = identity(
    id="trace-AXB",
    title="Gradient of tr(AXB)",
    symbols=[
        variable(X, "the variable, an m×n matrix"),
        constant(A, "the left factor, p×m"),
        constant(B, "the right factor, n×p, so that AXB is square"),
    ],
    function=Trace(mul(A, X, B)),
    claims=[gradient(X, mul(A.T, B.T))],
    derivation=derivation(
        X,
        step(Trace(mul(A, dX, B)), "A and B are constant, so d(AXB) = A dX B, and d passes through the trace"),
        step(Trace(mul(B, A, dX)), "cyclic property tr(PQ) = tr(QP) with P = A dX, Q = B"),
        step(Trace(mul(Transpose(mul(A.T, B.T)), dX)), "BA = (AᵀBᵀ)ᵀ, so df = tr(Gᵀ dX) with G = AᵀBᵀ"),
    ),
    see_also=("trace-linear", "rule-trace-cyclic", "linear-layer", "vec-kronecker"),
    sources=(cookbook(101),),
    aliases=("trace axb", "trace-axb", "trace of a sandwich"),
)
