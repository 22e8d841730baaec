"""The gradient of tr(X²) is 2Xᵀ, and its Hessian is twice the commutation matrix.

For a square X, d(X²) = dX X + X dX, and under the trace both terms are tr(X dX), so
d tr(X²) = 2 tr(X dX): the form tr(Gᵀ dX) with G = 2Xᵀ. The transpose is the whole content of the
identity; 2X is right only for symmetric X.

With dX held fixed, d² tr(X²) = 2 tr(dX dX) = 2 vec(dXᵀ)ᵀ vec(dX), and vec(dXᵀ) = K vec(dX) with the
commutation matrix K = K_{n,n}. The Hessian is therefore 2K, the same in both vec orders: a constant,
symmetric, indefinite matrix (K has eigenvalues ±1), so tr(X²) is a saddle, as it must be, since it
is positive on symmetric and negative on antisymmetric matrices.

>>> import numpy as np
>>> from identities import get, check_gradient, verify
>>> verify(get("trace-X-squared")).ok
True
>>> X = np.array([[1.0, 2.0], [0.0, 3.0]])
>>> check_gradient(lambda X: np.trace(X @ X), lambda X: 2 * X, X).diagnosis.split(":")[0]
'transposed'
"""

from identities.define import *

X = matrix("X", "n", "n")
dX = d(X)

IDENTITY = identity(
    id="trace-X-squared",
    title="Gradient and Hessian of tr(X²)",
    symbols=[variable(X, "a square n×n matrix")],
    function=Trace(X ** 2),
    claims=[
        gradient(X, mul(2, X.T)),
        hessian(X, mul(2, commutation("n", "n")), vec="F"),
        hessian(X, mul(2, commutation("n", "n")), vec="C"),
    ],
    derivation=derivation(
        X,
        step(add(Trace(mul(dX, X)), Trace(mul(X, dX))), "product rule: d(X²) = dX X + X dX"),
        step(mul(2, Trace(mul(X, dX))), "cyclic property: tr(dX X) = tr(X dX)"),
        step(Trace(mul(Transpose(mul(2, X.T)), dX)), "the form tr(Gᵀ dX) with G = 2Xᵀ"),
    ),
    see_also=("trace-matrix-power", "trace-X-squared-B", "commutation-transpose"),
    sources=(cookbook(106),),
    aliases=("trace of X squared", "tr(X^2)", "trace of square"),
)
