"""The pseudo-inverse of a Kronecker product is the Kronecker product of the pseudo-inverses.

For A of shape m×n and B of shape p×q, (A ⊗ B)⁺ = A⁺ ⊗ B⁺. The four Penrose conditions factor through
the mixed-product property: (A ⊗ B)(A⁺ ⊗ B⁺)(A ⊗ B) = AA⁺A ⊗ BB⁺B = A ⊗ B, the projection
(A ⊗ B)(A⁺ ⊗ B⁺) = AA⁺ ⊗ BB⁺ is symmetric because each factor is, and likewise on the other side, so
A⁺ ⊗ B⁺ meets the definition of the pseudo-inverse, which is unique. For matrices of full column rank,
the case checked here, A⁺ = (AᵀA)⁻¹Aᵀ and the statement is the least-squares solution of a
Kronecker-structured system: the minimiser of ‖(A ⊗ B) vec X − vec C‖ is vec(B⁺ C (A⁺)ᵀ), two small
least-squares problems instead of one of size mp×nq.

As for the inverse and the transpose, the factors keep their order; B⁺ ⊗ A⁺ has the wrong shape as soon
as the sizes differ.

>>> from identities import get, verify
>>> verify(get("kronecker-pseudo-inverse")).ok
True
"""

from identities.define import *

A = matrix("A", "m", "n")
B = matrix("B", "p", "q")

IDENTITY = identity(
    id="kronecker-pseudo-inverse",
    title="Pseudo-inverse of a Kronecker product: (A ⊗ B)⁺ = A⁺ ⊗ B⁺",
    output="P",
    symbols=[constant(A, "an m×n matrix of full column rank (m ≥ n)", "full-column-rank"),
             constant(B, "a p×q matrix of full column rank (p ≥ q)", "full-column-rank")],
    function=pinv(KroneckerProduct(A, B)),
    claims=[equal(KroneckerProduct(pinv(A), pinv(B)))],
    see_also=("kronecker-inverse", "kronecker-mixed-product", "pinv-differential"),
    sources=(cookbook(222),),
    aliases=("pseudo-inverse of kronecker product", "kron pinv", "moore-penrose kronecker"),
)
