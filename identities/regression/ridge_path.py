"""Along the ridge path x̂(λ) = (AᵀA + λI)⁻¹Aᵀy the solution moves by dx̂/dλ = −(AᵀA + λI)⁻¹x̂.

For a design matrix A (m×n), targets y and a penalty λ > 0, the ridge solution solves
(AᵀA + λI)x̂ = Aᵀy. Differentiating that equation in λ gives (AᵀA + λI)dx̂ + x̂ dλ = 0, so the
path's tangent is −(AᵀA + λI)⁻¹x̂: the solution shrinks as the penalty grows. Reverse mode needs
one more solve: λ̄ = −x̄ᵀ(AᵀA + λI)⁻¹x̂, and the targets receive ȳ = A(AᵀA + λI)⁻¹x̄ (in y the map
is linear, with Jacobian (AᵀA + λI)⁻¹Aᵀ). The tangent in λ itself is stated through its reverse
mode, since a perturbation of a scalar is a number and the catalog writes differentials of
matrices. That is
how a validation loss is differentiated with respect to the regularisation strength
(hyper-parameter optimisation by implicit differentiation).

The classic slips are the sign and −x̂/λ (the derivative of x̂ if it were proportional to 1/λ).

>>> from identities import get, verify
>>> verify(get("ridge-path")).ok
True
"""

from identities.define import *

A = matrix("A", "m", "n")
y = vector("y", "m")
lam = scalar("lamda")   # SymPy prints the name lamda as λ (lambda is a Python keyword)
xbar = bar("xhat", "n", 1)
dy = d(y)
H = named("H", add(mul(A.T, A), mul(lam, eye("n"))))
xhat = named("xhat", solve(H, mul(A.T, y)))
z = named("z", solve(H, xbar))

IDENTITY = identity(
    id="ridge-path",
    title="Derivative of the ridge solution (AᵀA + λI)⁻¹Aᵀy along λ and in y",
    output="xhat",
    symbols=[variable(lam, "the penalty λ, a positive number", "positive"),
             variable(y, "the targets, a vector of length m"),
             constant(A, "the design matrix, m×n; the formula needs only λ > 0, but A is drawn of full column rank "
                         "so that dropping λI, a classic slip, can be judged", "full-column-rank"),
             upstream(xbar, "the upstream gradient ∇_x̂ L, a vector of length n")],
    function=xhat,
    claims=[
        differential_of(y, solve(H, mul(A.T, dy))),
        jacobian(y, solve(H, A.T)),
        vjp(lam, mul(-1, Trace(mul(z.T, xhat)))),
        vjp(y, mul(A, z)),
    ],
    derivation=derivation(
        y,
        step(Trace(mul(xbar.T, solve(H, mul(A.T, dy)))), "dL = x̄ᵀdx̂, and dx̂ = (AᵀA + λI)⁻¹Aᵀdy when y moves"),
        step(Trace(mul(Transpose(mul(A, z)), dy)), "x̄ᵀ(AᵀA + λI)⁻¹Aᵀ = (A(AᵀA + λI)⁻¹x̄)ᵀ = (Az)ᵀ, the matrix being symmetric"),
    ),
    see_also=("ridge-regression", "solve-backward", "least-squares-solution-backward"),
    sources=(cite("golub1996matrix", "§12.1, least squares with a quadratic inequality constraint (ridge as the Lagrangian)"),),
    aliases=("ridge path derivative", "derivative with respect to the regularization parameter",
             "implicit differentiation of ridge regression"),
)
