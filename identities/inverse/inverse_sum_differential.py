"""The differential of (A + X)⁻¹: −(A + X)⁻¹ dX (A + X)⁻¹, Jacobian −(A + X)⁻ᵀ ⊗ (A + X)⁻¹.

For a constant n×n matrix A and A + X invertible, the perturbation of A + X is dX, so the rule
for the inverse applies at the shifted point: d(A + X)⁻¹ = −R dX R with R = (A + X)⁻¹. The
backward pass is X̄ = −RᵀȲRᵀ and the Jacobian, by vec(PQS) = (Sᵀ ⊗ P)vec(Q), is −Rᵀ ⊗ R with
columns stacked, −R ⊗ Rᵀ with rows stacked.

This is the derivative of a resolvent (X − zI)⁻¹ and of a regularised inverse (X + λI)⁻¹, as in
ridge regression and Levenberg–Marquardt steps. The shift does not split: −A⁻¹dXA⁻¹ − X⁻¹dXX⁻¹
is the classic wrong answer, and so are the products in the wrong order.

>>> from identities import get, verify
>>> verify(get("inverse-sum-differential")).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
X = matrix("X", "n", "n")
Ybar = bar("Y", "n", "n")
dX = d(X)
R = Inverse(add(A, X))

IDENTITY = identity(
    id="inverse-sum-differential",
    title="Differential, Jacobian and backward pass of (A + X)⁻¹",
    output="Y",
    symbols=[
        variable(X, "the variable, an n×n matrix (drawn near the identity, so that A + X is invertible)",
                 "off-negative-axis"),
        constant(A, "a constant n×n matrix (drawn near the identity)", "off-negative-axis"),
        upstream(Ybar, "the upstream gradient ∇_Y ℓ, n×n like Y"),
    ],
    function=R,
    claims=[
        differential_of(X, mul(-1, R, dX, R)),
        vjp(X, mul(-1, R.T, Ybar, R.T)),
        jacobian(X, mul(-1, KroneckerProduct(R.T, R)), vec="F"),
        jacobian(X, mul(-1, KroneckerProduct(R, R.T)), vec="C"),
    ],
    derivation=derivation(
        X,
        step(mul(-1, Trace(mul(Ybar.T, R, dX, R))), "dℓ = ⟨Ȳ, dY⟩; d(M⁻¹) = −M⁻¹ dM M⁻¹ with M = A + X, dM = dX"),
        step(mul(-1, Trace(mul(R, Ybar.T, R, dX))), "cyclic trace"),
        step(Trace(mul(Transpose(mul(-1, R.T, Ybar, R.T)), dX)), "(RȲᵀR)ᵀ = RᵀȲRᵀ: tr(X̄ᵀ dX)"),
    ),
    see_also=("inverse-differential", "trace-inverse-X-plus-A", "log-det-sum"),
    sources=(cookbook(locator="eq. (59), ∂Y⁻¹/∂x = −Y⁻¹(∂Y/∂x)Y⁻¹, with Y = A + X"),),
    aliases=("derivative of (A + X)^-1", "resolvent derivative", "regularised inverse derivative"),
)
