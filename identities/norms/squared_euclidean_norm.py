"""The squared Euclidean norm ‖x‖₂² = xᵀx has gradient 2x and Hessian 2I.

For a vector x of length n, xᵀx = Σᵢxᵢ² has differential dxᵀx + xᵀdx = 2xᵀdx, so the gradient
is 2x and the Hessian the constant 2Iₙ. Unlike the norm itself it is smooth everywhere, including
at zero, which is why penalties and losses use the square: the L2 penalty of weight decay, the
sum of squared errors, the energy ½‖x‖² whose gradient is x itself.

The slips are x (the gradient of ½‖x‖²) and x/‖x‖ (the gradient of the norm, without the
square).

>>> from identities import get, verify
>>> verify(get("squared-euclidean-norm")).ok
True
"""

from identities.define import *

x = vector("x", "n")
dx = d(x)

IDENTITY = identity(
    id="squared-euclidean-norm",
    title="Gradient and Hessian of the squared Euclidean norm ‖x‖₂²",
    symbols=[variable(x, "the variable, a vector of length n")],
    function=mul(x.T, x),
    claims=[gradient(x, mul(2, x)), hessian(x, mul(2, eye("n")))],
    derivation=derivation(
        x,
        step(add(mul(dx.T, x), mul(x.T, dx)), "product rule on xᵀx"),
        step(mul(2, x.T, dx), "dxᵀx is 1×1, so it equals xᵀdx"),
        step(mul(Transpose(mul(2, x)), dx), "df = (∇f)ᵀdx with ∇f = 2x"),
    ),
    see_also=("two-norm-hessian", "frobenius-norm-squared", "affine-squared-norm"),
    sources=(cookbook(131),),
    aliases=("gradient of x transpose x", "squared l2 norm gradient", "sum of squares gradient"),
)
