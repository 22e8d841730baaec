"""The minimum of ‖Ax − y‖² over x has gradient 2(Ax̂ − y)x̂ᵀ in A and −2(Ax̂ − y) in y: x̂ need not be differentiated.

For a design matrix A (m×n) of full column rank and targets y, the least-squares fit
x̂ = (AᵀA)⁻¹Aᵀy depends on A and y, and so does the minimum value f(A, y) = ‖Ax̂ − y‖². Its
differential has a term through dx̂, 2rᵀA dx̂ with r = Ax̂ − y, but that term is zero: Aᵀr = 0 is
the normal equations. What remains is the partial derivative with x held at x̂ (the envelope
theorem): df = 2rᵀ(dA x̂ − dy), so ∇_A f = 2r x̂ᵀ and ∇_y f = −2r.

This is the variable-projection idea of Golub and Pereyra: in a separable problem the linear
coefficients are eliminated, and the gradient with respect to the rest is computed as if they
were constant. Differentiating through the solve also works but costs more; forgetting that the
identity needs x̂ to be the exact minimiser is the trap (at any other x the term through dx̂ is
not zero).

>>> from identities import get, verify
>>> verify(get("least-squares-optimal-value")).ok
True
"""

from identities.define import *

A = matrix("A", "m", "n")
y = vector("y", "m")
dA, dy = d(A), d(y)
xhat = named("xhat", solve(mul(A.T, A), mul(A.T, y)))
r = named("r", add(mul(A, xhat), mul(-1, y)))
dxhat = solve(mul(A.T, A), add(mul(dA.T, add(y, mul(-1, A, xhat))), mul(A.T, dy), mul(-1, A.T, dA, xhat)))

IDENTITY = identity(
    id="least-squares-optimal-value",
    title="Gradient of the least-squares minimum min over x of ‖Ax − y‖² in A and y",
    symbols=[variable(A, "the design matrix, m×n with m ≥ n, of full column rank", "full-column-rank"),
             variable(y, "the targets, a vector of length m")],
    function=mul(Transpose(r), r),
    claims=[
        gradient(A, mul(2, r, xhat.T)),
        gradient(y, mul(-2, r)),
    ],
    derivation=derivation(
        (A, y),
        step(mul(2, Transpose(r), add(mul(dA, xhat), mul(A, dxhat), mul(-1, dy))),
             "d(rᵀr) = 2rᵀdr, and dr = dA x̂ + A dx̂ − dy, where dx̂ comes from differentiating AᵀAx̂ = Aᵀy"),
        step(mul(2, Transpose(r), add(mul(dA, xhat), mul(-1, dy))),
             "the normal equations Aᵀr = 0 remove the term through dx̂"),
        step(add(Trace(mul(Transpose(mul(2, r, xhat.T)), dA)), Trace(mul(Transpose(mul(-2, r)), dy))),
             "rᵀdA x̂ = tr(x̂rᵀ dA) = tr((r x̂ᵀ)ᵀ dA)"),
    ),
    see_also=("normal-equations", "least-squares-vector", "least-squares-solution-backward"),
    sources=(cite("golub1973differentiation", "the variable-projection functional and its gradient"),),
    aliases=("variable projection", "envelope theorem least squares", "gradient of the residual sum of squares at the optimum"),
)
