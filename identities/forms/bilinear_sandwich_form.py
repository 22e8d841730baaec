"""The form bᵀXᵀDXc has gradient DᵀXbcᵀ + DXcbᵀ, and the constant Hessian bcᵀ ⊗ D + cbᵀ ⊗ Dᵀ.

For an m×n matrix X, an m×m weight D and vectors b, c of length n, bᵀXᵀDXc = (Xb)ᵀD(Xc) weighs
the inner product of two images by D. The product rule gives bᵀdXᵀDXc + bᵀXᵀD dX c; written as
traces and cycled to tr(Gᵀ dX), the first term contributes DXcbᵀ and the second DᵀXbcᵀ. With
D = I it is gram-bilinear-form, with b = c the weighted squared norm ‖Xb‖²_D.

The second differential 2bᵀdXᵀD dX c does not depend on X: in column-stacking order the Hessian
is bcᵀ ⊗ D + cbᵀ ⊗ Dᵀ, which is symmetric as it must be. The classic slips are D for Dᵀ in the
first term (right only for symmetric D) and one term doubled.

>>> from identities import get, verify
>>> verify(get("bilinear-sandwich-form")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
D = matrix("D", "m", "m")
b = vector("b", "n")
c = vector("c", "n")
dX = d(X)

IDENTITY = identity(
    id="bilinear-sandwich-form",
    title="Gradient and Hessian of the form bᵀXᵀDXc",
    symbols=[variable(X, "the matrix, m×n"),
             constant(D, "the weight, m×m, not necessarily symmetric"),
             constant(b, "a vector of length n"),
             constant(c, "a vector of length n")],
    function=mul(b.T, X.T, D, X, c),
    claims=[
        gradient(X, add(mul(D.T, X, b, c.T), mul(D, X, c, b.T))),
        hessian(X, add(KroneckerProduct(mul(b, c.T), D), KroneckerProduct(mul(c, b.T), D.T)), vec="F"),
    ],
    derivation=derivation(
        X,
        step(add(mul(b.T, dX.T, D, X, c), mul(b.T, X.T, D, dX, c)), "product rule on XᵀDX, with d(Xᵀ) = (dX)ᵀ"),
        step(add(Trace(mul(Transpose(mul(D, X, c, b.T)), dX)), Trace(mul(c, b.T, X.T, D, dX))),
             "transpose the first 1×1 term to cᵀXᵀDᵀdX b; both terms as traces, vectors cycled to the front"),
        step(Trace(mul(Transpose(add(mul(D.T, X, b, c.T), mul(D, X, c, b.T))), dX)),
             "cbᵀXᵀD = (DᵀXbcᵀ)ᵀ; collect the two terms"),
    ),
    see_also=("gram-bilinear-form", "affine-quadratic-form", "trace-quadratic"),
    sources=(cookbook(82),),
    aliases=("derivative of b transpose X transpose D X c", "btxtdxc", "weighted bilinear form"),
)
