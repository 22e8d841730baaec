"""The inverse of a Kronecker product is the Kronecker product of the inverses, in the same order.

For invertible A (n×n) and B (m×m), (A ⊗ B)⁻¹ = A⁻¹ ⊗ B⁻¹: by the mixed-product property
(A ⊗ B)(A⁻¹ ⊗ B⁻¹) = AA⁻¹ ⊗ BB⁻¹ = I_n ⊗ I_m = I_{nm}. An nm×nm inversion, O(n³m³) work, becomes
two small ones, O(n³ + m³): this is how separable covariance matrices (a Gaussian process on a grid,
the matrix normal distribution) and Kronecker-factored curvature (K-FAC, Shampoo) are inverted in
practice, and how the Jacobian −(X⁻ᵀ ⊗ X⁻¹) of the matrix inverse is itself inverted.

As with the transpose, and unlike (AB)⁻¹ = B⁻¹A⁻¹, the order of the factors is kept; B⁻¹ ⊗ A⁻¹
is a different matrix (and of a different block structure when n ≠ m). It is an equality, checked
at random invertible A and B of distinct sizes within the rounding error both sides can make.

>>> from identities import get, verify
>>> verify(get("kronecker-inverse")).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
B = matrix("B", "m", "m")

IDENTITY = identity(
    id="kronecker-inverse",
    title="Inverse of a Kronecker product: (A ⊗ B)⁻¹ = A⁻¹ ⊗ B⁻¹",
    output="P",
    symbols=[constant(A, "an invertible n×n matrix", "invertible"),
             constant(B, "an invertible m×m matrix", "invertible")],
    function=Inverse(KroneckerProduct(A, B)),
    claims=[equal(KroneckerProduct(Inverse(A), Inverse(B)))],
    see_also=("kronecker-mixed-product", "kronecker-transpose", "inverse-differential"),
    sources=(cookbook(512),),
    aliases=("inverse of kronecker product", "kron inverse", "kronecker factored inverse"),
)
