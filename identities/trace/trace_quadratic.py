"""The gradient of a quadratic trace form depends on the symmetric part of A.

For a constant square A and a variable X with k columns, tr(XᵀAX) changes through both
occurrences of X; the transpose rule and the cyclic trace bring both terms to the form
tr(Gᵀ dX), and the two copies add up to (A + Aᵀ)X. Only when A is symmetric does it collapse to
2AX — writing 2AX for a general A is the classic "missing symmetric part" mistake.

>>> import numpy as np
>>> from identities import get, verify, check_gradient
>>> A = np.array([[1.0, 2.0], [0.0, 1.0]]); X = np.array([[1.0], [1.0]])
>>> f = lambda A, X: np.trace(X.T @ A @ X)
>>> check_gradient(f, lambda A, X: (A + A.T) @ X, A, X, wrt=1).ok
True
>>> check_gradient(f, lambda A, X: 2 * A @ X, A, X, wrt=1).diagnosis.split(":")[0]
'missing symmetric part'
>>> verify(get("trace-quadratic")).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
X = matrix("X", "n", "k")
dX = d(X)

IDENTITY = identity(
    id="trace-quadratic",
    title="Gradient of a quadratic trace form",
    symbols=[variable(X, "the variable, k columns of length n"), constant(A, "a constant square matrix")],
    function=Trace(mul(X.T, A, X)),
    claims=[gradient(X, add(A, A.T) * X)],
    derivation=derivation(
        X,
        step(add(Trace(mul(dX.T, A, X)), Trace(mul(X.T, A, dX))), "product rule, then d(Xᵀ) = (dX)ᵀ"),
        step(add(Trace(mul(X.T, A.T, dX)), Trace(mul(X.T, A, dX))), "tr(Mᵀ) = tr(M) on the first term"),
        step(Trace(mul(X.T, add(A.T, A), dX)), "linearity: collect the two terms"),
    ),
    see_also=("frobenius-norm-squared", "quadratic-form"),
    sources=(cookbook(108),),
    aliases=("quadratic trace", "trace XtAX"),
)
