"""The residual norm ‖Ax − y‖₂ has gradient Aᵀr/‖r‖₂ in x and rxᵀ/‖r‖₂ in A, with r = Ax − y.

For an m×n matrix A, x of length n and targets y, the unsquared residual norm is the objective
of square-root lasso and of least absolute deviations' smooth cousin, and a constraint in
basis-pursuit denoising. The chain rule composes the unit vector r/‖r‖₂ of the residual with the
map r = Ax − y: its transpose takes the unit vector back to x (Aᵀr/‖r‖₂), and the outer product
with the input gives the gradient in A (rxᵀ/‖r‖₂). Once more in x, the unit vector's Jacobian
(I − uuᵀ)/‖r‖₂ (u = r/‖r‖₂) is sandwiched by the map: the Hessian is Aᵀ(I − uuᵀ)A/‖r‖₂, positive
semidefinite as the norm of an affine function is convex. It is undefined when the fit is exact
(r = 0).

The slips are the missing normalisation (the gradient of the square, 2Aᵀr) and A for Aᵀ.

>>> from identities import get, verify
>>> verify(get("residual-norm")).ok
True
"""

from identities.define import *

A = matrix("A", "m", "n")
x = vector("x", "n")
y = vector("y", "m")
dx = d(x)
r = named("r", add(mul(A, x), mul(-1, y)))
norm = sqrt(Trace(mul(Transpose(r), r)))

IDENTITY = identity(
    id="residual-norm",
    title="Gradients and Hessian of the residual norm ‖Ax − y‖₂",
    symbols=[variable(x, "the coefficients, a vector of length n"),
             variable(A, "the design matrix, m×n"),
             constant(y, "the targets, a vector of length m")],
    function=norm,
    claims=[
        gradient(x, mul(1 / norm, A.T, r)),
        gradient(A, mul(1 / norm, r, x.T)),
        hessian(x, mul(1 / norm, A.T, add(eye("m"), mul(-1 / norm ** 2, r, r.T)), A)),
    ],
    derivation=derivation(
        x,
        step(mul(1 / norm, Trace(mul(Transpose(r), A, dx))), "d‖r‖ = rᵀdr/‖r‖ and dr = A dx"),
        step(Trace(mul(Transpose(mul(1 / norm, A.T, r)), dx)), "rᵀA = (Aᵀr)ᵀ: df = (∇f)ᵀdx"),
    ),
    see_also=("two-norm-hessian", "least-squares-vector", "frobenius-residual-norm", "affine-squared-norm"),
    sources=(cookbook(locator="eq. (129) composed with r = Ax − y by the chain rule"),),
    aliases=("gradient of norm of Ax minus b", "square root lasso gradient", "residual norm gradient"),
)
