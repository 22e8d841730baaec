"""A sum of inverses as a product: A⁻¹ + B⁻¹ = A⁻¹(A + B)B⁻¹.

For invertible n×n A and B, multiply out the right-hand side: A⁻¹AB⁻¹ + A⁻¹BB⁻¹ = B⁻¹ + A⁻¹. The
matrix form of 1/a + 1/b = (a + b)/(ab) keeps A⁻¹ on the left and B⁻¹ on the right of A + B; the
mirror image B⁻¹(A + B)A⁻¹ is equally right. It is an equality checked at random draws within the
rounding error both sides can make there.

Inverting both sides gives the parallel sum (A⁻¹ + B⁻¹)⁻¹ = B(A + B)⁻¹A, and the factorisation
shows that A⁻¹ + B⁻¹ is singular exactly when A + B is. The scalar habit (A + B)A⁻¹B⁻¹ is the
mistake for matrices that do not commute.

>>> from identities import get, verify
>>> verify(get("searle-sum-of-inverses")).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
B = matrix("B", "n", "n")

IDENTITY = identity(
    id="searle-sum-of-inverses",
    title="Searle's identity A⁻¹ + B⁻¹ = A⁻¹(A + B)B⁻¹",
    output="W",
    symbols=[
        constant(A, "an invertible n×n matrix", "invertible"),
        constant(B, "an invertible n×n matrix", "invertible"),
    ],
    function=add(Inverse(A), Inverse(B)),
    claims=[equal(mul(Inverse(A), add(A, B), Inverse(B)))],
    see_also=("searle-inverse-sum", "searle-difference"),
    sources=(cookbook(165), cite("searle1982matrix", "p. 151")),
    aliases=("sum of inverses", "A^-1 + B^-1"),
)
