"""Matrix function of a vector: d vec F = A dx ⇒ DF(x) = A; for F(x) = xxᵀ, A = I ⊗ x + x ⊗ I.

For an m×p matrix depending on a vector x of length n the Jacobian is mp×n: vectorise the
differential and read off the matrix in d vec F = A dx. The instance is the outer product
F(x) = xxᵀ, whose differential dx xᵀ + x dxᵀ vectorises term by term: vec(dx xᵀ) = (x ⊗ I_n)dx and
vec(x dxᵀ) = (I_n ⊗ x)dx, so DF(x) = I_n ⊗ x + x ⊗ I_n, an n²×n matrix.

Because F is symmetric, vec_r F = vec F, and with rows stacked the Jacobian is the same matrix with
its two terms written in the other order. Keeping only one of the terms (2(x ⊗ I), as if
dx xᵀ = x dxᵀ) is the classic mistake and is rejected here.

>>> from identities import get, verify
>>> verify(get("identification-matrix-of-vector")).ok
True
"""

from identities.define import *

x = vector("x", "n")
dx = d(x)

IDENTITY = identity(
    id="identification-matrix-of-vector",
    title="Identification, matrix of a vector: xxᵀ has Jacobian I ⊗ x + x ⊗ I",
    output="F",
    symbols=[variable(x, "the variable, a vector of length n")],
    function=mul(x, x.T),
    claims=[
        differential_of(x, add(mul(dx, x.T), mul(x, dx.T))),
        jacobian(x, add(KroneckerProduct(eye("n"), x), KroneckerProduct(x, eye("n")))),
        jacobian(x, add(KroneckerProduct(x, eye("n")), KroneckerProduct(eye("n"), x)), vec="C"),
    ],
    derivation=derivation(
        x,
        step(add(mul(dx, x.T), mul(x, dx.T)), "product rule"),
        step(add(mul(KroneckerProduct(x, eye("n")), Vec(dx)), mul(KroneckerProduct(eye("n"), x), Vec(dx.T))),
             "vec(PMQ) = (Qᵀ ⊗ P) vec(M) on each term", vec="F"),
        step(mul(add(KroneckerProduct(x, eye("n")), KroneckerProduct(eye("n"), x)), dx),
             "vec of a column or of a row is the vector itself"),
    ),
    see_also=("identification-vector-of-vector", "identification-matrix-of-matrix", "gram-matrix-jacobian"),
    sources=(cite("magnus2019matrix", "§9.6, the first identification table (p. 197)"),),
    aliases=("jacobian of outer product", "d(xx^T)"),
)
