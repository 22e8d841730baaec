"""The total-least-squares objective ‖Ax − y‖²/(1 + xᵀx) has gradient 2(Aᵀr(1 + xᵀx) − ‖r‖²x)/(1 + xᵀx)².

When the design matrix A (m×n) is as noisy as the targets y, total least squares minimises the sum
of squared orthogonal distances to the hyperplane, ‖Ax − y‖²/(1 + ‖x‖²) with r = Ax − y. The
quotient rule gives df = 2rᵀA dx/(1 + xᵀx) − ‖r‖²·2xᵀdx/(1 + xᵀx)², so the gradient is
2(Aᵀr(1 + xᵀx) − ‖r‖²x)/(1 + xᵀx)². It vanishes where the vector (x, −1) is a singular vector of
the augmented matrix [A y] — which is how the TLS solution is computed, by an SVD.

The slips are the missing square in the denominator and the correction term's factor 2.

>>> from identities import get, verify
>>> verify(get("total-least-squares")).ok
True
"""

from identities.define import *

A = matrix("A", "m", "n")
x = vector("x", "n")
y = vector("y", "m")
dx = d(x)
r = named("r", add(mul(A, x), mul(-1, y)))
q = 1 + Trace(mul(x.T, x))
rr = Trace(mul(Transpose(r), r))
grad = mul(2 / q ** 2, add(mul(q, A.T, r), mul(-rr, x)))

IDENTITY = identity(
    id="total-least-squares",
    title="Gradient of the total-least-squares objective ‖Ax − y‖²/(1 + ‖x‖²)",
    symbols=[variable(x, "the coefficients, a vector of length n"),
             constant(A, "the design matrix, m×n"),
             constant(y, "the targets, a vector of length m")],
    function=rr / q,
    claims=[gradient(x, grad)],
    derivation=derivation(
        x,
        step(add(mul(2 / q, Trace(mul(Transpose(r), A, dx))), mul(-rr / q ** 2, Trace(mul(2, x.T, dx)))),
             "quotient rule: d(rᵀr) = 2rᵀA dx and d(1 + xᵀx) = 2xᵀdx"),
        step(Trace(mul(Transpose(grad), dx)), "collect: df = (∇f)ᵀdx"),
    ),
    see_also=("least-squares-vector", "rayleigh-quotient", "svd-singular-values"),
    sources=(cite("golub1996matrix", "§12.3, total least squares"),),
    aliases=("total least squares gradient", "orthogonal regression", "errors in variables"),
)
