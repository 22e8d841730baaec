"""The form aᵀX³b has gradient abᵀ(X²)ᵀ + Xᵀabᵀ Xᵀ + (X²)ᵀabᵀ: one term for each factor X.

For a square n×n matrix X and vectors a, b, the power X³ = XXX contains X three times, so its
differential is dX X² + X dX X + X² dX, one term for each position of dX. Each term of aᵀd(X³)b
is a bilinear form aᵀP dX Q b = tr(QbaᵀP dX), whose gradient is the outer product (Pᵀa)(Qᵀb)ᵀ =
Pᵀabᵀ Qᵀ; summed over the three positions this is the Matrix Cookbook's
Σᵣ (Xʳ)ᵀabᵀ(X^{n−1−r})ᵀ for n = 3.

X does not commute with dX, so the tempting 3(X²)ᵀabᵀ — the scalar rule d(x³) = 3x²dx — is wrong
for a general X, as the check below shows; so is any answer with one of the three terms dropped or
its transposes lost, which the mutation tests plant.

>>> import numpy as np
>>> from identities import check_gradient, get, verify
>>> verify(get("bilinear-form-power")).ok
True
>>> X = np.array([[1.0, 2.0, 0.0], [0.5, -1.0, 1.0], [0.0, 3.0, 1.0]]); a = np.array([1.0, 0.0, 2.0]); b = np.ones(3)
>>> f = lambda X, a, b: a @ X @ X @ X @ b
>>> check_gradient(f, lambda X, a, b: 3 * (X @ X).T @ np.outer(a, b), X, a, b).ok
False
"""

from identities.define import *

X = matrix("X", "n", "n")
a = vector("a", "n")
b = vector("b", "n")
dX = d(X)
ab = mul(a, b.T)
G = add(mul(ab, Transpose(X ** 2)), mul(X.T, ab, X.T), mul(Transpose(X ** 2), ab))

IDENTITY = identity(
    id="bilinear-form-power",
    title="Gradient of the bilinear form of a matrix power aᵀX³b",
    symbols=[variable(X, "the matrix, n×n"), constant(a, "a vector of length n"), constant(b, "a vector of length n")],
    function=mul(a.T, X ** 3, b),
    claims=[gradient(X, G)],
    derivation=derivation(
        X,
        step(add(mul(a.T, dX, X ** 2, b), mul(a.T, X, dX, X, b), mul(a.T, X ** 2, dX, b)),
             "product rule on XXX: d(X³) = dX X² + X dX X + X² dX"),
        step(Trace(mul(add(mul(X ** 2, b, a.T), mul(X, b, a.T, X), mul(b, a.T, X ** 2)), dX)),
             "each 1×1 term is a trace; cycle dX to the end: aᵀP dX Qb = tr(Qb aᵀP dX)"),
        step(Trace(mul(Transpose(G), dX)), "(QbaᵀP)ᵀ = Pᵀabᵀ Qᵀ; collect"),
    ),
    see_also=("bilinear-form", "trace-matrix-power", "rule-product"),
    sources=(cookbook(91, locator="the case n = 3"),),
    aliases=("derivative of a transpose X cubed b", "bilinear form of a matrix power", "atx^nb"),
)
