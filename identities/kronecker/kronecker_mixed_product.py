"""The mixed-product property: a product of Kronecker products is the Kronecker product of the products.

For A of shape m×n, C of shape n×p, B of shape q×r and D of shape r×k,

(A ⊗ B)(C ⊗ D) = AC ⊗ BD.

Block (i, j) of A ⊗ B is A_ij B and block (j, l) of C ⊗ D is C_jl D, so block (i, l) of the product
is Σⱼ A_ij C_jl BD = (AC)_il BD, which is block (i, l) of AC ⊗ BD. The shapes say which factors meet:
A with C (n columns against n rows) and B with D (r against r); the left factors of the two
Kronecker products multiply each other, and so do the right ones. It is an equality, not a
derivative, checked by evaluating both sides at random inputs of distinct sizes within the rounding
error they can make there.

It is what makes Kronecker-structured matrices cheap: inverses and square roots factor,
(A ⊗ B)⁻¹ = A⁻¹ ⊗ B⁻¹, eigen-decompositions factor, and with the vec rule vec(AXB) = (Bᵀ ⊗ A) vec X a
chain of sandwiches becomes one Kronecker product — the algebra behind K-FAC and Shampoo
preconditioners and separable Gaussian-process kernels.

Swapping the factors within a product, (CA) ⊗ (BD), or pairing them crosswise, (AB) ⊗ (CD), fails
on shapes as soon as the sizes differ; with square factors of one size they fail on values.

>>> import numpy as np
>>> from identities import check_equal, get, verify
>>> verify(get("kronecker-mixed-product")).ok
True
>>> rng = np.random.default_rng(0)
>>> A, B, C, D = (rng.standard_normal((3, 3)) for _ in range(4))
>>> lhs = lambda A, B, C, D: np.kron(A, B) @ np.kron(C, D)
>>> check_equal(lhs, lambda A, B, C, D: np.kron(A @ C, B @ D), A, B, C, D).ok
True
>>> check_equal(lhs, lambda A, B, C, D: np.kron(C @ A, B @ D), A, B, C, D).ok
False
"""

from identities.define import *

A = matrix("A", "m", "n")
C = matrix("C", "n", "p")
B = matrix("B", "q", "r")
D = matrix("D", "r", "k")

IDENTITY = identity(
    id="kronecker-mixed-product",
    title="Mixed-product property of the Kronecker product",
    output="P",
    symbols=[
        constant(A, "the left factor of the first Kronecker product, m×n"),
        constant(B, "the right factor of the first Kronecker product, q×r"),
        constant(C, "the left factor of the second Kronecker product, n×p"),
        constant(D, "the right factor of the second Kronecker product, r×k"),
    ],
    function=mul(KroneckerProduct(A, B), KroneckerProduct(C, D)),
    claims=[equal(KroneckerProduct(mul(A, C), mul(B, D)))],
    see_also=("vec-kronecker", "least-squares-hessian"),
    sources=(cookbook(511),),
    aliases=("mixed product property", "kronecker product of products", "kron mixed product"),
)
