"""The Hessian of bᵀXᵀDXc is bcᵀ ⊗ D + cbᵀ ⊗ Dᵀ: X appears twice, once transposed.

For X of shape m×n, vectors b, c ∈ ℝⁿ and an m×m matrix D, the gradient is DᵀXbcᵀ + DXcbᵀ, the
Matrix Cookbook's eq. (82) (D = I gives eq. (77), X(bcᵀ + cbᵀ)). With dX held fixed the two
occurrences give d²f = 2bᵀdXᵀD dX c = 2 tr(dXᵀ D dX cbᵀ) = 2 vec(dX)ᵀ(bcᵀ ⊗ D)vec(dX), and the
Hessian is the symmetric part of 2(bcᵀ ⊗ D): bcᵀ ⊗ D + cbᵀ ⊗ Dᵀ in column-stacking order,
D ⊗ bcᵀ + Dᵀ ⊗ cbᵀ in row-stacking order.

This is tr(XᵀDX cbᵀ), a quadratic trace form with the rank-one right factor cbᵀ, so it is also the case
C = cbᵀ of tr(XᵀDXC). Keeping only bcᵀ ⊗ D (not symmetric), or swapping b and c in one term, are the
mistakes.

>>> from identities import get, verify
>>> verify(get("bilinear-gram-hessian")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
D = matrix("D", "m", "m")
b = vector("b", "n")
c = vector("c", "n")
dX = d(X)

IDENTITY = identity(
    id="bilinear-gram-hessian",
    title="Gradient and Hessian of bᵀXᵀDXc",
    symbols=[
        variable(X, "the variable, an m×n matrix"),
        constant(D, "a constant m×m matrix, not necessarily symmetric"),
        constant(b, "a vector of length n"),
        constant(c, "a vector of length n"),
    ],
    function=mul(b.T, X.T, D, X, c),
    claims=[
        gradient(X, add(mul(D.T, X, b, c.T), mul(D, X, c, b.T))),
        hessian(X, add(KroneckerProduct(mul(b, c.T), D), KroneckerProduct(mul(c, b.T), D.T)), vec="F"),
        hessian(X, add(KroneckerProduct(D, mul(b, c.T)), KroneckerProduct(D.T, mul(c, b.T))), vec="C"),
    ],
    derivation=derivation(
        X,
        step(mul(2, b.T, dX.T, D, dX, c), "differentiate df = bᵀdXᵀDXc + bᵀXᵀD dX c with dX fixed; both give bᵀdXᵀD dX c"),
        step(mul(2, Vec(dX, "F").T, Vec(mul(D, dX, c, b.T), "F")), "a 1×1 matrix is its trace: tr(dXᵀ(D dX cbᵀ)) = vec(dX)ᵀvec(D dX cbᵀ)"),
        step(mul(2, Vec(dX, "F").T, KroneckerProduct(mul(b, c.T), D), Vec(dX, "F")), "vec(D dX cbᵀ) = (bcᵀ ⊗ D) vec(dX)"),
        step(mul(Vec(dX, "F").T, add(KroneckerProduct(mul(b, c.T), D), KroneckerProduct(mul(c, b.T), D.T)), Vec(dX, "F")),
             "replace 2M by its symmetric part M + Mᵀ"),
        order=2,
    ),
    see_also=("trace-quadratic-hessian", "trace-quadratic", "vec-kronecker"),
    sources=(cookbook(82),
             cite("magnus2019matrix", "ch. 10, second-order differentials and Hessian matrices")),
    aliases=("hessian of b^T X^T D X c", "bilinear gram hessian", "xtdx hessian"),
)
