"""Gradient of the spectral norm: ∇‖X‖₂ = u₁v₁ᵀ, the leading singular pair.

The spectral norm (the operator 2-norm) is the largest singular value, ‖X‖₂ = s₁. When s₁ is
simple it moves by ds₁ = u₁ᵀ dX v₁ (see svd-singular-values), so d‖X‖₂ = tr(v₁u₁ᵀ dX) and the
gradient is the rank-one matrix u₁v₁ᵀ of the leading left and right singular vectors. Spectral
normalisation of neural-network weights divides by ‖W‖₂ and backpropagates through this gradient,
usually with u₁ and v₁ estimated by power iteration.

The condition matters: where the two largest singular values coincide the norm is not
differentiable (the leading pair is not unique); the inputs are built with singular values at
least s₁/(2n) apart. The joint sign flip (u₁, v₁) → (−u₁, −v₁) leaves u₁v₁ᵀ unchanged, so no gauge
convention enters the answer.

Classic mistakes rejected below: a singular vector from the wrong end of the spectrum (an ascending
eigh of XᵀX lists the largest eigenvalue last, so its first column belongs to the smallest singular
value), Vᵀ taken for V (NumPy's svd returns Vᵀ), vuᵀ for uvᵀ, and the sign. Note also that s₁u₁v₁ᵀ is
the gradient of ½‖X‖₂², not of ‖X‖₂.

Verified by the complex step through an SVD refined by Newton's method (numpy.linalg.norm(X, 2) goes
through LAPACK's svd, which drops the imaginary part); a formula off by one part in 10⁸ is rejected.

>>> import numpy as np
>>> from identities import check_gradient, get, verify
>>> verify(get("spectral-norm")).ok
True
>>> X = np.array([[3.0, 1.0], [1.0, 2.0], [0.0, 1.0]])
>>> def top_pair(X):
...     U, _, Vt = np.linalg.svd(X)
...     return np.outer(U[:, 0], Vt[0])
>>> check_gradient(lambda X: np.linalg.norm(X, 2), top_pair, X).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
dX = d(X)
u = named("u", column(svd_u(X), 1))
v = named("v", column(svd_v(X), 1))

IDENTITY = identity(
    id="spectral-norm",
    title="Gradient of the spectral norm",
    symbols=[variable(X, "the variable, m×n with m ≥ n, full column rank and distinct singular values",
                      "distinct-singular-values")],
    function=spectral_norm(X),
    claims=[gradient(X, mul(u, v.T))],
    derivation=derivation(
        X,
        step(Trace(mul(u.T, dX, v)), "‖X‖₂ = s₁, and a simple singular value moves by ds₁ = u₁ᵀ dX v₁ "
                                     "(svd-singular-values)"),
        step(Trace(mul(Transpose(mul(u, v.T)), dX)), "cyclic trace"),
    ),
    see_also=("svd-singular-values", "nuclear-norm"),
    sources=(cite("papadopoulo2000jacobian", "eq. (7), the derivative of a singular value"),
             cite("miyato2018spectral", "spectral normalization of a weight matrix")),
    aliases=("operator norm gradient", "spectral norm derivative", "largest singular value gradient",
             "matrix 2-norm gradient"),
)
