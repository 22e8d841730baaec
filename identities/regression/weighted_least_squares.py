"""Weighted least squares (Ax − y)ᵀdiag(w)(Ax − y): gradient 2Aᵀdiag(w)(Ax − y), Hessian 2Aᵀdiag(w)A, and r ⊙ r in the weights.

With a design matrix A (m×n), targets y and positive weights w (both of length m), each squared
residual rᵢ² of r = Ax − y is weighted by wᵢ. The differential in x is 2rᵀdiag(w)A dx, so the
gradient is 2Aᵀdiag(w)r and the Hessian the constant 2Aᵀdiag(w)A; the zero of the gradient is
the weighted normal equations AᵀWAx = AᵀWy. In the weights the objective is linear,
f = Σᵢ wᵢrᵢ², with gradient r ⊙ r: the squared residuals that iteratively reweighted least
squares and robust regression use to update w.

The slips are the factor 2 (halved objectives are common), diag(w) on the wrong side of Aᵀ, and
the weight gradient r ⊙ r confused with 2w ⊙ r.

>>> from identities import get, verify
>>> verify(get("weighted-least-squares")).ok
True
"""

from identities.define import *

A = matrix("A", "m", "n")
x = vector("x", "n")
y = vector("y", "m")
w = vector("w", "m")
dx = d(x)
W = DiagMatrix(w)
r = named("r", add(mul(A, x), mul(-1, y)))

IDENTITY = identity(
    id="weighted-least-squares",
    title="Gradients and Hessian of weighted least squares (Ax − y)ᵀdiag(w)(Ax − y)",
    symbols=[variable(x, "the coefficients, a vector of length n"),
             variable(w, "the weights, a positive vector of length m", "positive"),
             constant(A, "the design matrix, m×n"),
             constant(y, "the targets, a vector of length m")],
    function=mul(Transpose(r), W, r),
    claims=[
        gradient(x, mul(2, A.T, W, r)),
        gradient(w, HadamardProduct(r, r)),
        hessian(x, mul(2, A.T, W, A)),
    ],
    derivation=derivation(
        x,
        step(add(mul(dx.T, A.T, W, r), mul(Transpose(r), W, A, dx)), "product rule; dr = A dx"),
        step(mul(2, Transpose(r), W, A, dx), "the first 1×1 term is the transpose of the second (diag(w) is symmetric)"),
        step(mul(Transpose(mul(2, A.T, W, r)), dx), "df = (∇f)ᵀdx with ∇f = 2Aᵀdiag(w)r"),
    ),
    see_also=("weighted-residual-form", "least-squares-vector", "generalized-least-squares"),
    sources=(cookbook(locator="eq. (84) with W = diag(w), for the gradient in x"),
             cite("bishop2006pattern", "§4.3.3, iterative reweighted least squares")),
    aliases=("weighted least squares gradient", "wls", "irls", "weighted residual sum of squares"),
)
