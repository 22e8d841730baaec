"""The form aᵀ(X²)ᵀX²b has gradient X²SXᵀ + XᵀX²S with S = abᵀ + baᵀ — not what the Matrix Cookbook prints.

For a square X and vectors a, b, f = aᵀ(X²)ᵀX²b = ⟨X²a, X²b⟩ is the inner product of two images
under X². The power occurs twice and each occurrence has two positions for dX: with
d(X²) = dX X + X dX, the term aᵀd(X²)ᵀX²b = bᵀ(X²)ᵀd(X²)a contributes X²baᵀXᵀ + XᵀX²baᵀ and the
term aᵀ(X²)ᵀd(X²)b contributes X²abᵀXᵀ + XᵀX²abᵀ. Together G = X²SXᵀ + XᵀX²S with the symmetric
S = abᵀ + baᵀ, as a and b play the same role.

The Matrix Cookbook's eq. (92) states the general power, Σᵣ[X^{n−1−r}abᵀ(Xⁿ)ᵀXʳ +
(Xʳ)ᵀXⁿabᵀ(X^{n−1−r})ᵀ]. Its second sum is right; its first sum is the transpose of the right
one, Σᵣ(Xʳ)ᵀXⁿbaᵀ(X^{n−1−r})ᵀ (already at n = 1 it gives abᵀXᵀ + Xabᵀ for aᵀXᵀXb, whose gradient
is X(abᵀ + baᵀ), eq. (77)). The catalog states the printed form at n = 2 and rejects it.

>>> import numpy as np
>>> from identities import check_gradient, get, verify
>>> verify(get("gram-bilinear-form-power")).ok
True

The printed form at n = 1, against eq. (77):

>>> X = np.array([[1.0, 2.0, 0.0], [0.5, -1.0, 1.0], [0.0, 3.0, 1.0]]); a = np.array([1.0, 0.0, 2.0])
>>> b = np.array([0.5, 1.0, -1.0]); f = lambda X, a, b: a @ X.T @ X @ b
>>> check_gradient(f, lambda X, a, b: np.outer(a, b) @ X.T + X @ np.outer(a, b), X, a, b).ok
False
>>> check_gradient(f, lambda X, a, b: X @ (np.outer(a, b) + np.outer(b, a)), X, a, b).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
a = vector("a", "n")
b = vector("b", "n")
dX = d(X)
X2 = X ** 2
S = named("S", add(mul(a, b.T), mul(b, a.T)))
dX2 = add(mul(dX, X), mul(X, dX))
printed = add(mul(X, a, b.T, Transpose(X2)), mul(a, b.T, Transpose(X2), X),
              mul(X2, a, b.T, X.T), mul(X.T, X2, a, b.T))

IDENTITY = identity(
    id="gram-bilinear-form-power",
    title="Gradient of the form aᵀ(X²)ᵀX²b (the Matrix Cookbook's (92) at n = 2, corrected)",
    symbols=[variable(X, "the matrix, n×n"), constant(a, "a vector of length n"), constant(b, "a vector of length n")],
    function=mul(a.T, Transpose(X2), X2, b),
    claims=[gradient(X, add(mul(X2, S, X.T), mul(X.T, X2, S)))],
    derivation=derivation(
        X,
        step(add(mul(b.T, Transpose(X2), dX2, a), mul(a.T, Transpose(X2), dX2, b)),
             "product rule on (X²)ᵀX², the first term transposed (1×1); d(X²) = dX X + X dX"),
        step(Trace(mul(add(mul(X, a, b.T, Transpose(X2)), mul(a, b.T, Transpose(X2), X),
                           mul(X, b, a.T, Transpose(X2)), mul(b, a.T, Transpose(X2), X)), dX)),
             "write the four 1×1 terms as traces and cycle dX to the end"),
        step(Trace(mul(Transpose(add(mul(X2, S, X.T), mul(X.T, X2, S))), dX)), "collect with S = abᵀ + baᵀ"),
    ),
    published=[published(cookbook(92), gradient(X, printed),
                         note="the first sum is printed transposed: X^{n−1−r}abᵀ(Xⁿ)ᵀXʳ for (Xʳ)ᵀXⁿbaᵀ(X^{n−1−r})ᵀ")],
    see_also=("gram-bilinear-form", "bilinear-form-power", "matrix-power-differential"),
    sources=(cookbook(92, locator="the case n = 2; the printed form's first sum is transposed"),),
    aliases=("derivative of a transpose X^n transpose X^n b", "gram form of a matrix power"),
)
