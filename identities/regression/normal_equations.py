"""The normal equations: the least-squares solution x̂ = A⁺y satisfies AᵀAx̂ = Aᵀy, so the gradient vanishes there.

For a design matrix A (m×n, m ≥ n) of full column rank and targets y, the gradient of ½‖Ax − y‖²
is Aᵀ(Ax − y) (least-squares-vector). It vanishes exactly where AᵀAx = Aᵀy — the normal
equations — whose unique solution is x̂ = (AᵀA)⁻¹Aᵀy = A⁺y. Geometrically the residual y − Ax̂ is
orthogonal to every column of A.

What is checked here is the equality AᵀA(A⁺y) = Aᵀy at random A and y, with A⁺ computed from a QR
factorisation of A (as a least-squares solver does, never forming (AᵀA)⁻¹), within the rounding
both sides can make. That is the statement "the gradient is zero at x̂" with its two terms moved
to opposite sides: a zero right-hand side could only be compared in absolute terms, which says
less.

>>> from identities import get, verify
>>> verify(get("normal-equations")).ok
True
"""

from identities.define import *

A = matrix("A", "m", "n")
y = vector("y", "m")
xhat = named("xhat", mul(pinv(A), y))

IDENTITY = identity(
    id="normal-equations",
    title="The normal equations: x̂ = A⁺y satisfies AᵀAx̂ = Aᵀy",
    symbols=[constant(A, "the design matrix, m×n with m ≥ n, of full column rank", "full-column-rank"),
             constant(y, "the targets, a vector of length m")],
    function=mul(A.T, A, xhat),
    claims=[equal(mul(A.T, y))],
    see_also=("least-squares-vector", "least-squares-optimal-value", "pinv-differential"),
    sources=(cite("golub1996matrix", "§5.3, the normal equations AᵀAx = Aᵀb"),),
    aliases=("least squares solution", "orthogonality of the residual", "first-order condition of least squares"),
)
