"""The gradient of tr(AXᵀB) is BA: with X transposed inside, no transpose comes out.

For A of shape p×n, X of shape m×n and B of shape m×p, the product AXᵀB is p×p. Its differential
tr(A dXᵀ B) is turned around by tr(M) = tr(Mᵀ) into tr(Bᵀ dX Aᵀ), and the cyclic property moves
Aᵀ to the front: tr(AᵀBᵀ dX) = tr((BA)ᵀ dX). So G = BA, an m×n matrix like X.

Compare tr(AXB), whose gradient is AᵀBᵀ: transposing X inside the trace transposes the answer,
which here removes both transposes. The classic slip is to carry the tr(AXB) answer over, writing
AᵀBᵀ (or its reversal BᵀAᵀ); with p, m and n distinct neither even has the shape of X.

>>> import numpy as np
>>> from identities import get, check_gradient, verify
>>> verify(get("trace-AXtB")).ok
True
>>> A = np.arange(6.0).reshape(2, 3); X = np.ones((4, 3)); B = np.arange(8.0).reshape(4, 2) - 3
>>> check_gradient(lambda A, X, B: np.trace(A @ X.T @ B), lambda A, X, B: B @ A, A, X, B, wrt=1).ok
True
"""

from identities.define import *

A = matrix("A", "p", "n")
X = matrix("X", "m", "n")
B = matrix("B", "m", "p")
dX = d(X)

IDENTITY = identity(
    id="trace-AXtB",
    title="Gradient of tr(AXᵀB)",
    symbols=[
        variable(X, "the variable, an m×n matrix"),
        constant(A, "the left factor, p×n"),
        constant(B, "the right factor, m×p, so that AXᵀB is square"),
    ],
    function=Trace(mul(A, X.T, B)),
    claims=[gradient(X, mul(B, A))],
    derivation=derivation(
        X,
        step(Trace(mul(A, dX.T, B)), "A and B are constant, and d(Xᵀ) = (dX)ᵀ"),
        step(Trace(mul(B.T, dX, A.T)), "tr(M) = tr(Mᵀ)"),
        step(Trace(mul(A.T, B.T, dX)), "cyclic property: move Aᵀ to the front"),
        step(Trace(mul(Transpose(mul(B, A)), dX)), "AᵀBᵀ = (BA)ᵀ: the form tr(Gᵀ dX) with G = BA"),
    ),
    see_also=("trace-AXB", "trace-AXt", "rule-transpose", "rule-trace-cyclic"),
    sources=(cookbook(102),),
    aliases=("trace axtb", "trace of a sandwich with transpose", "tr(AX^TB)"),
)
