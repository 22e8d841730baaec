"""The Jacobian of X ↦ X³: one Kronecker term for each position of dX, (Xᵀ)² ⊗ I + Xᵀ ⊗ X + I ⊗ X².

For a square n×n matrix the product rule puts the perturbation in each of the three places,
d(X³) = dX X² + X dX X + X² dX, and each term is a sandwich P dX Q with vec(P dX Q) = (Qᵀ ⊗ P) vec dX.
The Jacobian is the sum (Xᵀ)² ⊗ I + Xᵀ ⊗ X + I ⊗ X² with columns stacked, and
I ⊗ (Xᵀ)² + X ⊗ Xᵀ + X² ⊗ I with rows stacked. The pattern is Magnus and Neudecker's
D(Xᵖ) = Σⱼ (Xᵀ)^{p−j} ⊗ X^{j−1}, j = 1, …, p: the powers on the two sides of dX always add up to p − 1.

The scalar rule 3x² dx suggests 3X² dX, or 3(I ⊗ X²); it holds only in directions that commute with
X. Dropping the middle term X dX X, the one that is easy to forget because it is not at either end,
is the other classic mistake. Both are rejected here. In reverse mode the same three terms give
Ȳ ↦ Ȳ(X²)ᵀ + XᵀȲXᵀ + (X²)ᵀȲ.

>>> from identities import get, verify
>>> verify(get("matrix-cube-jacobian")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
Ybar = bar("Y", "n", "n")
dX = d(X)
Xt = X.T

IDENTITY = identity(
    id="matrix-cube-jacobian",
    title="Jacobian of the matrix cube X³",
    output="Y",
    symbols=[variable(X, "a square n×n matrix"), upstream(Ybar, "the upstream gradient ∇_Y L, n×n")],
    function=X ** 3,
    claims=[
        differential_of(X, add(mul(dX, X ** 2), mul(X, dX, X), mul(X ** 2, dX))),
        jacobian(X, add(KroneckerProduct(Xt ** 2, eye("n")), KroneckerProduct(Xt, X), KroneckerProduct(eye("n"), X ** 2))),
        jacobian(X, add(KroneckerProduct(eye("n"), Xt ** 2), KroneckerProduct(X, Xt), KroneckerProduct(X ** 2, eye("n"))),
                 vec="C"),
        vjp(X, add(mul(Ybar, Xt ** 2), mul(Xt, Ybar, Xt), mul(Xt ** 2, Ybar))),
    ],
    derivation=derivation(
        X,
        step(Trace(mul(Ybar.T, add(mul(dX, X ** 2), mul(X, dX, X), mul(X ** 2, dX)))),
             "dL = tr(Ȳᵀ dY), with dY = dX X² + X dX X + X² dX by the product rule"),
        step(add(Trace(mul(X ** 2, Ybar.T, dX)), Trace(mul(X, Ybar.T, X, dX)), Trace(mul(Ybar.T, X ** 2, dX))),
             "linearity, and the cyclic trace to bring dX to the end of each term"),
        step(Trace(mul(Transpose(add(mul(Ybar, Xt ** 2), mul(Xt, Ybar, Xt), mul(Xt ** 2, Ybar))), dX)),
             "each factor in front of dX is the transpose of a term of G: collect into tr(Gᵀ dX)"),
    ),
    see_also=("matrix-square-jacobian", "vec-kronecker", "rule-product"),
    sources=(cookbook(90, locator="the case n = 3, summed into a Kronecker form"),
             cite("magnus2019matrix", "ch. 9, Jacobian matrices of matrix functions")),
    aliases=("jacobian of X^3", "matrix cube derivative", "jacobian of matrix power"),
)
