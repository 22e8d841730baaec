"""As a function of its matrix, the quadratic form aᵀXa has gradient aaᵀ — and so has aᵀXᵀa.

For a square n×n X and a vector a, aᵀXa is linear in X: d(aᵀXa) = aᵀ dX a = tr(aaᵀ dX), so the
gradient is the symmetric rank-one matrix aaᵀ. Since aᵀXᵀa is the same number (a 1×1 matrix
equals its transpose), it has the same gradient. This is the derivative of xᵀAx "with respect to
the constant matrix": ∂(xᵀAx)/∂A = xxᵀ, which is how the second moment E[xxᵀ] enters the
gradient of a Gaussian's exponent with respect to its precision matrix.

Only the symmetric part of X affects the value, yet the gradient needs no symmetrisation: aaᵀ is
already symmetric. The slip to avoid is the vector-side answer (X + Xᵀ)a, which belongs to the
other variable.

>>> import numpy as np
>>> from identities import check_gradient, get, verify
>>> verify(get("quadratic-form-matrix")).ok
True
>>> a = np.array([1.0, -2.0, 0.5])
>>> check_gradient(lambda X, a: a @ X @ a, lambda X, a: np.outer(a, a), np.eye(3), a).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
a = vector("a", "n")
dX = d(X)

IDENTITY = identity(
    id="quadratic-form-matrix",
    title="Gradient of the quadratic form aᵀXa with respect to its matrix",
    symbols=[variable(X, "the matrix of the form, n×n, not necessarily symmetric"),
             constant(a, "a vector of length n")],
    function=mul(a.T, X, a),
    claims=[gradient(X, mul(a, a.T))],
    derivation=derivation(
        X,
        step(mul(a.T, dX, a), "a is constant: d(aᵀXa) = aᵀ dX a"),
        step(Trace(mul(Transpose(mul(a, a.T)), dX)), "aᵀ dX a = tr(aaᵀ dX), and aaᵀ is symmetric"),
    ),
    see_also=("quadratic-form", "bilinear-form", "mahalanobis-covariance"),
    sources=(cookbook(72),),
    aliases=("derivative of x transpose A x with respect to A", "xxT gradient", "quadratic form in the matrix"),
)
