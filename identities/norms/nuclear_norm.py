"""Gradient of the nuclear norm: ∇‖X‖_* = UVᵀ, from the thin SVD X = U diag(s) Vᵀ.

The nuclear norm (trace norm) is the sum of the singular values, ‖X‖_* = Σᵢ sᵢ. Each singular
value moves by dsᵢ = uᵢᵀ dX vᵢ (see svd-singular-values), so d‖X‖_* = Σᵢ uᵢᵀ dX vᵢ = tr(Uᵀ dX V) =
tr((UVᵀ)ᵀ dX), and the gradient is UVᵀ: the orthogonal polar factor of X, which for full column
rank also equals X(XᵀX)^{-1/2}. It has the shape of X and all its singular values equal to one.

The norm is differentiable where every singular value is positive: for an m×n X with m ≥ n, full
column rank. Unlike the individual singular vectors, UVᵀ is unchanged by the joint sign flips
(uᵢ, vᵢ) → (−uᵢ, −vᵢ) and even by rotations within a repeated singular value, so no gauge
convention enters the answer. Where a singular value vanishes the norm has a kink and only a
subgradient exists; proximal methods for low-rank problems work with that set instead.

Classic mistakes rejected below: (UVᵀ)ᵀ (the numerator layout, of the wrong shape unless X is
square), Vᵀ taken for V (NumPy's svd returns Vᵀ), the factors swapped, and the sign.

Verified by the complex step through an SVD refined by Newton's method (LAPACK's svd, and so
numpy.linalg.norm(X, "nuc"), drop the imaginary part); a formula off by one part in 10⁸ is rejected.

>>> import numpy as np
>>> from identities import check_gradient, get, verify
>>> verify(get("nuclear-norm")).ok
True
>>> X = np.array([[3.0, 1.0], [1.0, 2.0], [0.0, 1.0]])
>>> def polar(X):
...     U, _, Vt = np.linalg.svd(X, full_matrices=False)
...     return U @ Vt
>>> check_gradient(lambda X: np.linalg.norm(X, "nuc"), polar, X).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
dX = d(X)
U = named("U", svd_u(X))
V = named("V", svd_v(X))

IDENTITY = identity(
    id="nuclear-norm",
    title="Gradient of the nuclear norm",
    symbols=[variable(X, "the variable, m×n with m ≥ n and full column rank (condition number 10)",
                      "full-column-rank")],
    function=nuclear_norm(X),
    claims=[gradient(X, mul(U, V.T))],
    derivation=derivation(
        X,
        step(Trace(mul(U.T, dX, V)),
             "‖X‖_* = Σᵢ sᵢ and dsᵢ = uᵢᵀ dX vᵢ (svd-singular-values): the sum is the trace of Uᵀ dX V"),
        step(Trace(mul(Transpose(mul(U, V.T)), dX)), "cyclic trace"),
    ),
    see_also=("svd-singular-values", "spectral-norm", "frobenius-norm-squared"),
    sources=(cite("papadopoulo2000jacobian", "eq. (7), the derivative of a singular value, summed here"),),
    aliases=("trace norm gradient", "nuclear norm derivative", "gradient of the trace norm"),
)
