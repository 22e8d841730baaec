"""The Jacobian of X ↦ X² is Xᵀ ⊗ I + I ⊗ X (columns stacked), I ⊗ Xᵀ + X ⊗ I (rows stacked).

For a square n×n matrix X the product rule gives d(X²) = dX X + X dX: the perturbation enters once
on each side, and the two terms are different matrices because dX and X do not commute. Each is a
sandwich, vec(dX X) = (Xᵀ ⊗ I) vec dX and vec(X dX) = (I ⊗ X) vec dX, so the Jacobian is their
sum, an n²×n² matrix. With rows stacked both Kronecker products reverse their factors.

The scalar rule d(x²) = 2x dx suggests 2X dX, or 2(I ⊗ X) as the Jacobian; that holds only in the
directions dX that commute with X, and is rejected here. Forgetting the transpose in Xᵀ ⊗ I is the
other classic mistake. The reverse-mode product is Ȳ ↦ ȲXᵀ + XᵀȲ.

>>> from identities import get, verify
>>> verify(get("matrix-square-jacobian")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
Ybar = bar("Y", "n", "n")
dX = d(X)

IDENTITY = identity(
    id="matrix-square-jacobian",
    title="Jacobian of the matrix square X²",
    output="Y",
    symbols=[variable(X, "a square n×n matrix"), upstream(Ybar, "the upstream gradient ∇_Y L, n×n")],
    function=X ** 2,
    claims=[
        differential_of(X, add(mul(dX, X), mul(X, dX))),
        jacobian(X, add(KroneckerProduct(X.T, eye("n")), KroneckerProduct(eye("n"), X))),
        jacobian(X, add(KroneckerProduct(eye("n"), X.T), KroneckerProduct(X, eye("n"))), vec="C"),
        vjp(X, add(mul(Ybar, X.T), mul(X.T, Ybar))),
    ],
    derivation=derivation(
        X,
        step(Trace(mul(Ybar.T, add(mul(dX, X), mul(X, dX)))),
             "dL = tr(Ȳᵀ dY), with dY = dX X + X dX by the product rule (dX and X do not commute)"),
        step(add(Trace(mul(X, Ybar.T, dX)), Trace(mul(Ybar.T, X, dX))), "linearity, and the cyclic trace on the first term"),
        step(Trace(mul(Transpose(add(mul(Ybar, X.T), mul(X.T, Ybar))), dX)),
             "XȲᵀ = (ȲXᵀ)ᵀ and ȲᵀX = (XᵀȲ)ᵀ: collect into tr(Gᵀ dX)"),
    ),
    see_also=("left-product-jacobian", "right-product-jacobian", "vec-kronecker", "rule-product"),
    sources=(cookbook(90, locator="the case n = 2, summed into a Kronecker form"),
             cite("magnus2019matrix", "ch. 9, Jacobian matrices of matrix functions")),
    aliases=("jacobian of X^2", "matrix square derivative", "d(X^2)"),
)
