"""The transpose of a Kronecker product is the Kronecker product of the transposes, in the same order.

For A of shape m×n and B of shape p×q, (A ⊗ B)ᵀ = Aᵀ ⊗ Bᵀ. Block (i, j) of A ⊗ B is A_ij B;
transposing the whole matrix moves it to block (j, i) and transposes it, giving A_ij Bᵀ there,
which is block (j, i) of Aᵀ ⊗ Bᵀ. Unlike the transpose of an ordinary product, (AB)ᵀ = BᵀAᵀ, the
factors keep their order: writing Bᵀ ⊗ Aᵀ by analogy is the classic slip, wrong in shape as soon
as the sizes differ.

It is what makes a Kronecker-factored Jacobian easy to adjoin: the transpose of Bᵀ ⊗ A, the
Jacobian of X ↦ AXB, is B ⊗ Aᵀ, the Jacobian of the reverse-mode map Ȳ ↦ AᵀȲBᵀ.

>>> from identities import get, verify
>>> verify(get("kronecker-transpose")).ok
True
"""

from identities.define import *

A = matrix("A", "m", "n")
B = matrix("B", "p", "q")

IDENTITY = identity(
    id="kronecker-transpose",
    title="Transpose of a Kronecker product: (A ⊗ B)ᵀ = Aᵀ ⊗ Bᵀ",
    output="P",
    symbols=[constant(A, "the left factor, m×n"), constant(B, "the right factor, p×q")],
    function=Transpose(KroneckerProduct(A, B)),
    claims=[equal(KroneckerProduct(A.T, B.T))],
    see_also=("kronecker-mixed-product", "kronecker-inverse", "vec-kronecker"),
    sources=(cookbook(510),),
    aliases=("transpose of kronecker product", "kron transpose"),
)
