"""Weighted least squares (x − As)ᵀW(x − As): gradient −2AᵀW(x − As), constant Hessian 2AᵀWA.

For observations x ∈ ℝᵐ, a design A of shape m×n, unknown coefficients s ∈ ℝⁿ and a symmetric
positive definite weight W (typically an inverse noise covariance), the residual r = x − As moves
by −A ds, so df = −2rᵀWA ds when W is symmetric, and the gradient is −2AᵀW(x − As), the
Cookbook's eq. (84). It is affine in s, so the Hessian is the constant n×n matrix 2AᵀWA, positive
definite when A has full column rank. Setting the gradient to zero gives the weighted normal
equations AᵀWAs = AᵀWx, reached by one Newton step.

The symmetry of W is used: for a general W only its symmetric part counts, and the gradient is
−Aᵀ(W + Wᵀ)(x − As). The usual mistakes are AᵀW ↔ WA (a shape error unless m = n), AAᵀ for AᵀA,
a lost factor 2, and the sign of the residual.

>>> from identities import get, verify
>>> verify(get("weighted-least-squares-hessian")).ok
True
"""

from identities.define import *

A = matrix("A", "m", "n")
W = matrix("W", "m", "m")
x = vector("x", "m")
s = vector("s", "n")
ds = d(s)
residual = add(x, mul(-1, A, s))

IDENTITY = identity(
    id="weighted-least-squares-hessian",
    title="Gradient and Hessian of weighted least squares (x − As)ᵀW(x − As)",
    symbols=[
        variable(s, "the coefficients, a vector of length n"),
        constant(A, "the design matrix, m×n"),
        constant(W, "the weights, a symmetric positive definite m×m matrix", "spd"),
        constant(x, "the observations, a vector of length m"),
    ],
    function=mul(residual.T, W, residual),
    claims=[
        gradient(s, mul(-2, A.T, W, residual)),
        hessian(s, mul(2, A.T, W, A)),
    ],
    derivation=derivation(
        s,
        step(mul(2, ds.T, A.T, W, A, ds),
             "differentiate df = −2(A ds)ᵀW(x − As) with ds fixed: the residual moves by −A ds"),
        step(mul(Vec(ds, "F").T, mul(2, A.T, W, A), Vec(ds, "F")), "a vector is its own vec"),
        order=2,
    ),
    see_also=("least-squares-vector", "quadratic-form", "least-squares-hessian"),
    sources=(cookbook(84),
             cite("magnus2019matrix", "ch. 10, second-order differentials and Hessian matrices")),
    aliases=("weighted least squares", "generalized least squares hessian", "weighted normal equations"),
)
