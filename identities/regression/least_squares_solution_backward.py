"""Backward pass of the least-squares solution x̂ = (AᵀA)⁻¹Aᵀy: Ā = (y − Ax̂)zᵀ − Azx̂ᵀ and ȳ = Az, with z = (AᵀA)⁻¹x̄.

For A of full column rank (m×n) and y of length m, x̂ solves AᵀAx̂ = Aᵀy. Differentiating that
equation gives AᵀA dx̂ = dAᵀ(y − Ax̂) + Aᵀdy − AᵀdA x̂: the solution moves with the data and with
the design, the first term weighted by the residual s = y − Ax̂. Pairing with an upstream gradient
x̄ and solving once, z = (AᵀA)⁻¹x̄, moves every perturbation to the end: ⟨x̄, dx̂⟩ =
tr((szᵀ − Azx̂ᵀ)ᵀdA) + (Az)ᵀdy. This is the backward pass of a least-squares solve such as
numpy.linalg.lstsq for a tall matrix of full rank.

The residual term szᵀ is what distinguishes it from the backward pass of a square solve
(solve-backward), and dropping it — treating A⁺ like an inverse — is the classic mistake: it is
right only when the data are fitted exactly.

>>> from identities import get, verify
>>> verify(get("least-squares-solution-backward")).ok
True
"""

from identities.define import *

A = matrix("A", "m", "n")
y = vector("y", "m")
xbar = bar("xhat", "n", 1)
dA, dy = d(A), d(y)
xhat = named("xhat", solve(mul(A.T, A), mul(A.T, y)))
s = named("s", add(y, mul(-1, A, xhat)))
z = named("z", solve(mul(A.T, A), xbar))

IDENTITY = identity(
    id="least-squares-solution-backward",
    title="Backward pass of the least-squares solution (AᵀA)⁻¹Aᵀy",
    output="xhat",
    symbols=[variable(A, "the design matrix, m×n with m ≥ n, of full column rank", "full-column-rank"),
             variable(y, "the targets, a vector of length m"),
             upstream(xbar, "the upstream gradient ∇_x̂ L, a vector of length n")],
    function=xhat,
    claims=[
        differential_of(A, solve(mul(A.T, A), add(mul(dA.T, s), mul(-1, A.T, dA, xhat)))),
        differential_of(y, solve(mul(A.T, A), mul(A.T, dy))),
        jacobian(y, solve(mul(A.T, A), A.T)),
        vjp(A, add(mul(s, z.T), mul(-1, A, z, xhat.T))),
        vjp(y, mul(A, z)),
    ],
    derivation=derivation(
        (A, y),
        step(Trace(mul(xbar.T, solve(mul(A.T, A), add(mul(dA.T, s), mul(A.T, dy), mul(-1, A.T, dA, xhat))))),
             "dL = x̄ᵀdx̂, and AᵀA dx̂ = dAᵀs + Aᵀdy − AᵀdA x̂ from differentiating AᵀAx̂ = Aᵀy"),
        step(Trace(add(mul(z.T, dA.T, s), mul(z.T, A.T, dy), mul(-1, z.T, A.T, dA, xhat))),
             "x̄ᵀ(AᵀA)⁻¹ = zᵀ, as AᵀA is symmetric"),
        step(add(Trace(mul(Transpose(add(mul(s, z.T), mul(-1, A, z, xhat.T))), dA)), Trace(mul(Transpose(mul(A, z)), dy))),
             "zᵀdAᵀs = sᵀdA z = tr(z sᵀ dA) and zᵀAᵀdA x̂ = tr(x̂ zᵀAᵀ dA); collect"),
    ),
    see_also=("solve-backward", "pinv-differential", "least-squares-optimal-value", "normal-equations"),
    sources=(cite("golub1973differentiation", "the derivative of A⁺y, with its residual term"),),
    aliases=("lstsq backward", "least squares backward pass", "derivative of the least squares solution"),
)
