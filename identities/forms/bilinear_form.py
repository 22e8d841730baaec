"""The bilinear form aᵀXb has gradient abᵀ with respect to X, Xb with respect to a and Xᵀa with respect to b.

For a of length m, an m×n matrix X and b of length n, aᵀXb = Σᵢⱼ aᵢXᵢⱼbⱼ. It is linear in X:
d(aᵀXb) = aᵀdX b = tr(b aᵀ dX) by the cyclic trace, so the gradient is the rank-one matrix abᵀ,
of the shape of X. In a and in b the same form is linear too, with gradients Xb and Xᵀa.

The pattern is the one of every backward pass through a linear map y = Xb: the gradient of the
weights is the outer product of the upstream gradient a with the input b. The classic slip is
baᵀ (the numerator layout, of the wrong shape unless m = n) — which is the answer for aᵀXᵀb
(see bilinear-form-transposed).

>>> import numpy as np
>>> from identities import check_gradient, get, verify
>>> verify(get("bilinear-form")).ok
True
>>> a, b = np.array([1.0, 2.0]), np.array([0.5, -1.0, 3.0])
>>> check_gradient(lambda X, a, b: a @ X @ b, lambda X, a, b: np.outer(a, b), np.ones((2, 3)), a, b).ok
True
"""

from identities.define import *

a = vector("a", "m")
X = matrix("X", "m", "n")
b = vector("b", "n")
dX = d(X)

IDENTITY = identity(
    id="bilinear-form",
    title="Gradients of the bilinear form aᵀXb",
    symbols=[variable(X, "the matrix of the form, m×n"),
             variable(a, "the left vector, of length m"),
             variable(b, "the right vector, of length n")],
    function=mul(a.T, X, b),
    claims=[gradient(X, mul(a, b.T)), gradient(a, mul(X, b)), gradient(b, mul(X.T, a))],
    derivation=derivation(
        X,
        step(mul(a.T, dX, b), "a and b are constant: d(aᵀXb) = aᵀ dX b"),
        step(Trace(mul(b, a.T, dX)), "a 1×1 matrix is its trace; cyclic trace moves b to the front"),
        step(Trace(mul(Transpose(mul(a, b.T)), dX)), "baᵀ = (abᵀ)ᵀ, so df = tr(Gᵀ dX) with G = abᵀ"),
    ),
    see_also=("linear-form", "trace-AXB", "linear-layer"),
    sources=(cookbook(70),),
    aliases=("bilinear form gradient", "derivative of a transpose X b", "outer product gradient", "atxb"),
)
