"""The inverse of a sum of inverses: (A⁻¹ + B⁻¹)⁻¹ = A(A + B)⁻¹B.

For invertible n×n A and B with A + B invertible, A⁻¹ + B⁻¹ = B⁻¹(A + B)A⁻¹ (multiply out:
B⁻¹AA⁻¹ + B⁻¹BA⁻¹). Inverting the product reverses its order and gives A(A + B)⁻¹B; the other
factorisation A⁻¹(A + B)B⁻¹ gives B(A + B)⁻¹A in the same way, so the two are equal, as the Matrix
Cookbook prints. It is an equality checked at random draws within the rounding error both sides can
make there.

This is the "parallel sum" of matrices (resistors in parallel, 1/(1/a + 1/b) = ab/(a + b)) and the
precision-weighted combination of two Gaussian estimates: combining covariances A and B gives the
covariance (A⁻¹ + B⁻¹)⁻¹. The scalar habit AB(A + B)⁻¹ is wrong for matrices that do not commute.

>>> from identities import get, verify
>>> verify(get("searle-inverse-sum")).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
B = matrix("B", "n", "n")

IDENTITY = identity(
    id="searle-inverse-sum",
    title="The inverse of a sum of inverses: (A⁻¹ + B⁻¹)⁻¹ = A(A + B)⁻¹B",
    output="W",
    symbols=[
        constant(A, "an n×n matrix (drawn near the identity, so that A, B and A + B are invertible)",
                 "off-negative-axis"),
        constant(B, "an n×n matrix (drawn near the identity)", "off-negative-axis"),
    ],
    function=Inverse(add(Inverse(A), Inverse(B))),
    claims=[equal(mul(A, Inverse(add(A, B)), B))],
    see_also=("searle-sum-of-inverses", "searle-difference", "searle-identity-plus-inverse"),
    sources=(cookbook(163), cite("searle1982matrix", "p. 151")),
    aliases=("parallel sum of matrices", "(A^-1 + B^-1)^-1", "harmonic sum of matrices"),
)
