"""The gradient of tr(AXᵀ) is A: the Frobenius pairing ⟨A, X⟩ written the other way round.

For A and X both m×n, AXᵀ is m×m and tr(AXᵀ) = Σᵢⱼ AᵢⱼXᵢⱼ, the same number as tr(XᵀA) = tr(AᵀX).
The differential is tr(A dXᵀ) = tr(dX Aᵀ) = tr(Aᵀ dX), already of the form tr(Gᵀ dX) with G = A.

It is the gradient of every bilinear score written with the weights on the right, such as
tr(Z̄ Wᵀ) in a backward pass. The slip to avoid is Aᵀ, the answer for tr(AX) (without the
transpose); for non-square A it does not even have the shape of X.

>>> import numpy as np
>>> from identities import get, check_gradient, verify
>>> verify(get("trace-AXt")).ok
True
>>> A = np.arange(6.0).reshape(2, 3); X = np.ones((2, 3))
>>> check_gradient(lambda X, A: np.trace(A @ X.T), lambda X, A: A, X, A).ok
True
"""

from identities.define import *

A = matrix("A", "m", "n")
X = matrix("X", "m", "n")
dX = d(X)

IDENTITY = identity(
    id="trace-AXt",
    title="Gradient of tr(AXᵀ)",
    symbols=[variable(X, "the variable, an m×n matrix"), constant(A, "a constant m×n matrix")],
    function=Trace(mul(A, X.T)),
    claims=[gradient(X, A)],
    derivation=derivation(
        X,
        step(Trace(mul(A, dX.T)), "A is constant and d(Xᵀ) = (dX)ᵀ"),
        step(Trace(mul(dX, A.T)), "tr(M) = tr(Mᵀ)"),
        step(Trace(mul(A.T, dX)), "cyclic property: the form tr(Gᵀ dX) with G = A"),
    ),
    see_also=("trace-linear", "trace-AXtB", "trace-XA"),
    sources=(cookbook(104),),
    aliases=("trace axt", "tr(AX^T)", "frobenius inner product"),
)
