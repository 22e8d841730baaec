"""Commutation matrices swap the factors of a Kronecker product: K_{p,m}(A ⊗ B)K_{n,q} = B ⊗ A.

A ⊗ B and B ⊗ A hold the same products A_ij B_kl, in different places: the two are permutations of
each other, by rows and by columns. For A of shape m×n and B of shape p×q the row permutation is
K_{p,m} and the column permutation K_{n,q}. The vec rule proves it: for every n×q matrix X,
K_{n,q} vec X = vec Xᵀ, then (A ⊗ B) vec Xᵀ = vec(BXᵀAᵀ), and K_{p,m} turns that into
vec((BXᵀAᵀ)ᵀ) = vec(AXBᵀ), which is (B ⊗ A) vec X.

This is the rule that moves a commutation matrix across a Kronecker product, used in the Jacobians
of XXᵀ and XᵀX and of X ⊗ A; for square factors of one size it reads K(A ⊗ B)K = B ⊗ A with the same
K on both sides, since K_{n,n} is its own inverse. The sizes are where it goes wrong: each K is
indexed by one size of A and one of B, and swapping them (K_{m,p} on the left, say) fails at
distinct sizes, as the checks here do.

>>> from identities import get, verify
>>> verify(get("commutation-kronecker-swap")).ok
True
"""

from identities.define import *

A = matrix("A", "m", "n")
B = matrix("B", "p", "q")
m, n, p, q = dim("m"), dim("n"), dim("p"), dim("q")

IDENTITY = identity(
    id="commutation-kronecker-swap",
    title="Commutation matrices swap Kronecker factors: K(A ⊗ B)K = B ⊗ A",
    output="P",
    symbols=[constant(A, "the first factor, m×n"), constant(B, "the second factor, p×q")],
    function=mul(commutation(p, m), KroneckerProduct(A, B), commutation(n, q)),
    claims=[equal(KroneckerProduct(B, A))],
    see_also=("commutation-transpose", "kronecker-product-jacobian", "gram-matrix-jacobian"),
    sources=(cite("magnus1979commutation"),),
    aliases=("commutation matrix kronecker", "swap kronecker factors", "K (A kron B) K"),
)
