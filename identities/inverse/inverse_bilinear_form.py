"""The gradient of aᵀX⁻¹b is −X⁻ᵀabᵀX⁻ᵀ.

For an invertible n×n X and constant vectors a and b, the differential of the inverse,
d(X⁻¹) = −X⁻¹dX X⁻¹, gives d(aᵀX⁻¹b) = −aᵀX⁻¹ dX X⁻¹b, a number. Written as a trace and rotated,
it is −tr(X⁻¹baᵀX⁻¹ dX), so the gradient is the rank-one matrix −(X⁻¹baᵀX⁻¹)ᵀ = −X⁻ᵀabᵀX⁻ᵀ: the
outer product of the two solved vectors X⁻ᵀa and X⁻¹b, with a minus sign.

With a = b it is the gradient of the Mahalanobis form aᵀΣ⁻¹a in a covariance Σ (symmetric, where it
reads −Σ⁻¹aaᵀΣ⁻¹), the data term of every Gaussian log-likelihood. The order of the outer product
is the classic mistake: −X⁻¹baᵀX⁻¹ is its transpose and fails for a non-symmetric X.

>>> import numpy as np
>>> from identities import check_gradient, get, verify
>>> verify(get("inverse-bilinear-form")).ok
True
>>> X = np.array([[2.0, 1.0], [0.5, 3.0]]); a = np.array([[1.0], [2.0]]); b = np.array([[0.5], [-1.0]])
>>> inv = np.linalg.inv
>>> check_gradient(lambda X, a, b: (a.T @ inv(X) @ b).item(), lambda X, a, b: -inv(X).T @ a @ b.T @ inv(X).T,
...                X, a, b).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
a = vector("a", "n")
b = vector("b", "n")
dX = d(X)

IDENTITY = identity(
    id="inverse-bilinear-form",
    title="Gradient of the bilinear form aᵀX⁻¹b",
    symbols=[
        variable(X, "the variable, an invertible n×n matrix", "invertible"),
        constant(a, "a constant vector of length n"),
        constant(b, "a constant vector of length n"),
    ],
    function=mul(a.T, Inverse(X), b),
    claims=[gradient(X, mul(-1, Inverse(X).T, a, b.T, Inverse(X).T))],
    derivation=derivation(
        X,
        step(mul(-1, a.T, Inverse(X), dX, Inverse(X), b), "d(X⁻¹) = −X⁻¹ dX X⁻¹"),
        step(mul(-1, Trace(mul(Inverse(X), b, a.T, Inverse(X), dX))), "a 1×1 matrix is its trace; cyclic trace"),
        step(Trace(mul(Transpose(mul(-1, Inverse(X).T, a, b.T, Inverse(X).T)), dX)),
             "(X⁻¹baᵀX⁻¹)ᵀ = X⁻ᵀabᵀX⁻ᵀ, so df = tr(Gᵀ dX)"),
    ),
    see_also=("inverse-differential", "trace-AXinvB", "quadratic-form"),
    sources=(cookbook(61),),
    aliases=("derivative of a^T X^-1 b", "mahalanobis gradient", "inverse quadratic form gradient"),
)
