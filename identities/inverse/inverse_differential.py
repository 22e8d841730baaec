"""The differential of the inverse: d(X⁻¹) = −X⁻¹ dX X⁻¹, Jacobian −X⁻ᵀ ⊗ X⁻¹.

For an invertible n×n matrix X, differentiate the identity XX⁻¹ = I with the product rule:
dX X⁻¹ + X d(X⁻¹) = 0, because I is constant. Multiplying on the left by X⁻¹ isolates the
change of the inverse, d(X⁻¹) = −X⁻¹ dX X⁻¹. It is the matrix form of d(1/x) = −dx/x², with the
two factors of the inverse kept on either side of dX. Vectorising with the sandwich rule
vec(PQR) = (Rᵀ ⊗ P) vec(Q) gives the n²×n² Jacobian −(X⁻ᵀ ⊗ X⁻¹) for column-stacking vec; with
row stacking the factors trade places and it is −(X⁻¹ ⊗ X⁻ᵀ).

Every derivative that passes through a linear solve or a matrix inverse uses it: Gaussian
process marginal likelihoods (the derivative of K⁻¹ with respect to a kernel parameter),
Gaussian log-likelihoods written with a covariance, and backpropagation through np.linalg.solve.
In reverse mode it gives the vector–Jacobian product Ȳ ↦ −X⁻ᵀ Ȳ X⁻ᵀ.

Matrix products do not commute, so −X⁻² dX and −dX X⁻² are wrong unless dX commutes with X.
The Jacobian is never formed in practice; the differential, two solves with X, is what code
computes. The Kronecker form shows the cost of forgetting the vec order: the two orders differ
by swapping the factors, and both are listed and verified here.

>>> import numpy as np
>>> from identities import get, check_differential, verify
>>> verify(get("inverse-differential")).ok
True
>>> X = np.array([[2.0, 1.0], [0.5, 3.0]]); inv = np.linalg.inv
>>> check_differential(inv, lambda X, dX: -inv(X) @ dX @ inv(X), X).ok
True
>>> check_differential(inv, lambda X, dX: -inv(X) @ inv(X) @ dX, X).ok
False
"""

from identities.define import *

X = matrix("X", "n", "n")
dX = d(X)

IDENTITY = identity(
    id="inverse-differential",
    title="Differential and Jacobian of the matrix inverse",
    output="Y",
    symbols=[variable(X, "the variable, an invertible n×n matrix", "invertible")],
    function=Inverse(X),
    claims=[
        differential_of(X, mul(-1, Inverse(X), dX, Inverse(X))),
        jacobian(X, -KroneckerProduct(Inverse(X).T, Inverse(X)), vec="F"),
    ],
    derivation=derivation(
        X,
        step(mul(Inverse(X), mul(-1, dX, Inverse(X))),
             "product rule on XX⁻¹ = I gives X d(X⁻¹) = −dX X⁻¹; multiply on the left by X⁻¹"),
        step(mul(-1, Inverse(X), dX, Inverse(X)), "move the sign to the front"),
        step(mul(-KroneckerProduct(Inverse(X).T, Inverse(X)), Vec(dX, "F")),
             "vec(PQR) = (Rᵀ ⊗ P) vec(Q) with P = −X⁻¹, Q = dX, R = X⁻¹", vec="F"),
    ),
    see_also=("log-det", "vec-kronecker", "rule-product"),
    sources=(cookbook(40, locator="the Jacobian through vec(AXB) = (Bᵀ ⊗ A) vec(X), eq. (520)"),),
    aliases=("derivative of the inverse", "matrix inverse derivative", "inverse jacobian", "d inverse"),
)
