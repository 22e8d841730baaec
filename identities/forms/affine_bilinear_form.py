"""The form (Bx + b)ᵀC(Dx + e) has gradient BᵀC(Dx + e) + DᵀCᵀ(Bx + b) and Hessian BᵀCD + DᵀCᵀB.

For x of length n, two affine maps Bx + b (B p×n) and Dx + e (D q×n) and a p×q matrix C, the
bilinear form of the two images is a quadratic function of x. The product rule gives
(B dx)ᵀC(Dx + e) + (Bx + b)ᵀC D dx; the first term is 1×1, so it equals its transpose, and both
become (…)ᵀdx. The gradient is affine in x and the Hessian is the constant BᵀCD + DᵀCᵀB — the
symmetric part of 2BᵀCD, as a Hessian must be.

Every quadratic objective of linear models is a special case: B = D, C = W gives weighted least
squares, B = D = I the quadratic form, C = I the inner product of two residuals. The slips are the
missing transpose on C in the second term (right only for symmetric C) and the Hessian 2BᵀCD,
which is not symmetric.

>>> from identities import get, verify
>>> verify(get("affine-bilinear-form")).ok
True
"""

from identities.define import *

x = vector("x", "n")
B = matrix("B", "p", "n")
b = vector("b", "p")
C = matrix("C", "p", "q")
D = matrix("D", "q", "n")
e = vector("e", "q")
dx = d(x)
u = add(mul(B, x), b)
v = add(mul(D, x), e)

IDENTITY = identity(
    id="affine-bilinear-form",
    title="Gradient and Hessian of the bilinear form of two affine maps (Bx + b)ᵀC(Dx + e)",
    symbols=[variable(x, "the variable, a vector of length n"),
             constant(B, "the first map, p×n"), constant(b, "its offset, of length p"),
             constant(C, "the weight, p×q, not necessarily square or symmetric"),
             constant(D, "the second map, q×n"), constant(e, "its offset, of length q")],
    function=mul(Transpose(u), C, v),
    claims=[
        gradient(x, add(mul(B.T, C, v), mul(D.T, C.T, u))),
        hessian(x, add(mul(B.T, C, D), mul(D.T, C.T, B))),
    ],
    derivation=derivation(
        x,
        step(add(mul(dx.T, B.T, C, v), mul(Transpose(u), C, D, dx)),
             "product rule: d(Bx + b) = B dx and d(Dx + e) = D dx"),
        step(add(mul(Transpose(v), C.T, B, dx), mul(Transpose(u), C, D, dx)),
             "the first term is 1×1, so it equals its transpose"),
        step(mul(Transpose(add(mul(B.T, C, v), mul(D.T, C.T, u))), dx), "collect: df = (∇f)ᵀdx"),
    ),
    see_also=("quadratic-form", "weighted-residual-form", "quadratic-function"),
    sources=(cookbook(78),),
    aliases=("derivative of (Bx+b)T C (Dx+d)", "bilinear form of affine maps", "affine bilinear form"),
)
