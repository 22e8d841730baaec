"""The quadratic function xᵀAx + bᵀx has gradient (A + Aᵀ)x + b and Hessian A + Aᵀ.

For x of length n, a square A and a vector b, f = xᵀAx + bᵀx is the general quadratic model (a
constant term would not change its derivatives). Each part is differentiated on its own: the
quadratic form gives (A + Aᵀ)x, the linear form b. The Hessian, A + Aᵀ, does not depend on x, so
a single Newton step from any point lands on the stationary point x* = −(A + Aᵀ)⁻¹b when the
Hessian is invertible.

With a symmetric A this is 2Ax + b and 2A; for the common normalisation ½xᵀAx − bᵀx (the energy
of conjugate gradients) it is Ax − b and A. Mixing those conventions costs a factor 2 or a sign.

>>> from identities import get, verify
>>> verify(get("quadratic-function")).ok
True
"""

from identities.define import *

x = vector("x", "n")
A = matrix("A", "n", "n")
b = vector("b", "n")
dx = d(x)

IDENTITY = identity(
    id="quadratic-function",
    title="Gradient and Hessian of the quadratic function xᵀAx + bᵀx",
    symbols=[variable(x, "the variable, a vector of length n"),
             constant(A, "a square n×n matrix, not necessarily symmetric"),
             constant(b, "the linear coefficients, a vector of length n")],
    function=add(mul(x.T, A, x), mul(b.T, x)),
    claims=[
        gradient(x, add(mul(add(A, A.T), x), b)),
        hessian(x, add(A, A.T)),
    ],
    derivation=derivation(
        x,
        step(add(mul(dx.T, A, x), mul(x.T, A, dx), mul(b.T, dx)), "product rule on xᵀAx; the linear term gives bᵀdx"),
        step(add(mul(x.T, add(A.T, A), dx), mul(b.T, dx)), "transpose the 1×1 term dxᵀAx to xᵀAᵀdx, and collect"),
        step(mul(Transpose(add(mul(add(A, A.T), x), b)), dx), "df = (∇f)ᵀdx"),
    ),
    see_also=("quadratic-form", "linear-form", "least-squares-vector"),
    sources=(cookbook(97, 98, locator="(96) defines f"),),
    aliases=("gradient of xTAx + bTx", "quadratic model", "hessian of a quadratic"),
)
