"""The form aᵀXᵀb has gradient baᵀ with respect to X: the transpose moves the outer product around.

For an m×n matrix X, a of length n and b of length m, aᵀXᵀb is the same number as bᵀXa (a 1×1
matrix equals its transpose), so by the bilinear rule its gradient is baᵀ, an m×n matrix like X.
Directly: d(aᵀXᵀb) = aᵀdXᵀb = bᵀdX a = tr(a bᵀ dX) = tr((baᵀ)ᵀ dX).

The classic mistake is to carry over abᵀ from aᵀXb without noticing the transpose on X; with a
and b of different lengths it does not even have the shape of X.

>>> import numpy as np
>>> from identities import check_gradient, get, verify
>>> verify(get("bilinear-form-transposed")).ok
True
>>> a, b = np.array([1.0, 2.0, -1.0]), np.array([0.5, 3.0])
>>> check_gradient(lambda X, a, b: a @ X.T @ b, lambda X, a, b: np.outer(b, a), np.ones((2, 3)), a, b).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
a = vector("a", "n")
b = vector("b", "m")
dX = d(X)

IDENTITY = identity(
    id="bilinear-form-transposed",
    title="Gradient of the bilinear form aᵀXᵀb",
    symbols=[variable(X, "the matrix of the form, m×n"),
             constant(a, "a vector of length n"),
             constant(b, "a vector of length m")],
    function=mul(a.T, X.T, b),
    claims=[gradient(X, mul(b, a.T))],
    derivation=derivation(
        X,
        step(mul(a.T, dX.T, b), "a and b are constant and d(Xᵀ) = (dX)ᵀ"),
        step(mul(b.T, dX, a), "a 1×1 matrix equals its transpose"),
        step(Trace(mul(Transpose(mul(b, a.T)), dX)), "bᵀdX a = tr(a bᵀ dX) = tr((baᵀ)ᵀ dX)"),
    ),
    see_also=("bilinear-form", "rule-transpose"),
    sources=(cookbook(71),),
    aliases=("derivative of a transpose X transpose b", "atxtb", "transposed bilinear form"),
)
