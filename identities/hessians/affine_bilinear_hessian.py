"""The bilinear form (Bx + b)ᵀC(Dx + d): gradient BᵀC(Dx + d) + DᵀCᵀ(Bx + b), Hessian BᵀCD + DᵀCᵀB.

For x ∈ ℝⁿ, affine maps Bx + b (B of shape m×n) and Dx + d (D of shape p×n) and an m×p matrix C, the
product rule gives df = (B dx)ᵀC(Dx + d) + (Bx + b)ᵀC D dx; transposing the first 1×1 term brings both
to the form (…)ᵀdx, and the gradient is BᵀC(Dx + d) + DᵀCᵀ(Bx + b), the Matrix Cookbook's eq. (78). It
is affine in x, so the Hessian is the constant BᵀCD + DᵀCᵀB, the symmetric part of 2BᵀCD.

Every quadratic function of a vector is a special case: B = D = I and b = d = 0 give xᵀCx with Hessian
C + Cᵀ; B = D and C = W give weighted least squares. The mistakes are the missing second term (a
Hessian BᵀCD that is not symmetric), C for Cᵀ in it, and the affine offsets b, d left in the Hessian.

>>> from identities import get, verify
>>> verify(get("affine-bilinear-hessian")).ok
True
"""

from identities.define import *

x = vector("x", "n")
B = matrix("B", "m", "n")
b = vector("b", "m")
C = matrix("C", "m", "p")
D = matrix("D", "p", "n")
dv = vector("d", "p")
dx = d(x)
u = add(mul(B, x), b)
v = add(mul(D, x), dv)

IDENTITY = identity(
    id="affine-bilinear-hessian",
    title="Gradient and Hessian of the bilinear form (Bx + b)ᵀC(Dx + d)",
    symbols=[
        variable(x, "the variable, a vector of length n"),
        constant(B, "an m×n matrix"),
        constant(b, "a vector of length m"),
        constant(C, "an m×p matrix"),
        constant(D, "a p×n matrix"),
        constant(dv, "a vector of length p"),
    ],
    function=mul(u.T, C, v),
    claims=[
        gradient(x, add(mul(B.T, C, v), mul(D.T, C.T, u))),
        hessian(x, add(mul(B.T, C, D), mul(D.T, C.T, B))),
    ],
    derivation=derivation(
        x,
        step(add(mul(Transpose(mul(B, dx)), C, v), mul(u.T, C, D, dx)), "product rule: d(Bx + b) = B dx, d(Dx + d) = D dx"),
        step(add(mul(v.T, C.T, B, dx), mul(u.T, C, D, dx)), "the first term is 1×1, so it equals its transpose"),
        step(mul(Transpose(add(mul(B.T, C, v), mul(D.T, C.T, u))), dx), "collect: the form (∇f)ᵀdx"),
    ),
    see_also=("quadratic-form", "weighted-residual-form", "rule-product"),
    sources=(cookbook(78),),
    aliases=("bilinear form hessian", "affine quadratic form gradient", "(Bx+b)^T C (Dx+d)"),
)
