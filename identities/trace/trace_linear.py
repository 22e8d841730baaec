"""A linear function of a matrix, tr(AᵀX) = ⟨A, X⟩, has the constant gradient A.

The trace of AᵀX is the Frobenius inner product of A and X, the sum of their entrywise products,
so it is linear in X and its gradient is the matrix that pairs with the perturbation:
df = tr(Aᵀ dX). Both matrices are m×n, and the gradient has the shape of X, as the house
convention requires. This is the last move of every derivation by differentials: once df has
been brought to the form tr(Gᵀ dX), the gradient is read off as G.

In machine learning it is the gradient of any score that depends linearly on a weight matrix,
and it is the step backpropagation repeats at every node: the upstream gradient plays the role
of A, and pairing it with a perturbation of the node's output is exactly tr(Aᵀ dX).

The transpose inside the trace matters. Without it, tr(AX) needs A to be n×m and has gradient
Aᵀ; forgetting this swap is the commonest slip with linear traces, and when A is not square it
already fails the shape check.

>>> import numpy as np
>>> from identities import get, check_gradient, verify
>>> verify(get("trace-linear")).ok
True
>>> A = np.array([[1.0, -2.0, 0.5], [3.0, 0.0, 1.0]]); X = np.ones((2, 3))
>>> check_gradient(lambda X, A: np.trace(A.T @ X), lambda X, A: A, X, A).ok
True
"""

from identities.define import *

A = matrix("A", "m", "n")
X = matrix("X", "m", "n")
dX = d(X)

IDENTITY = identity(
    id="trace-linear",
    title="Gradient of a linear trace tr(AᵀX)",
    symbols=[variable(X, "the variable, an m×n matrix"), constant(A, "a constant m×n matrix")],
    function=Trace(mul(A.T, X)),
    claims=[gradient(X, A)],
    derivation=derivation(
        X,
        step(Trace(mul(A.T, dX)),
             "A is constant and tr(Aᵀ ·) is linear, so df = tr(Aᵀ dX): already tr(Gᵀ dX) with G = A"),
    ),
    see_also=("trace-AXB", "trace-quadratic", "rule-frobenius-identification", "rule-linearity"),
    sources=(cookbook(103),),
    aliases=("linear trace", "trace atx", "frobenius inner product gradient"),
)
