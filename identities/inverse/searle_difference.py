"""Searle's identity A − A(A + B)⁻¹A = A(A + B)⁻¹B, which is also B − B(A + B)⁻¹B.

For n×n A and B with S = A + B invertible, A − AS⁻¹A = AS⁻¹(S − A) = AS⁻¹B. The same steps with the
roles of A and B exchanged give B − BS⁻¹B = BS⁻¹A, and AS⁻¹B = (S − B)S⁻¹B = B − BS⁻¹B: the three
expressions are one matrix, and A − A(A + B)⁻¹A is symmetric under swapping A and B, which is how
the Matrix Cookbook prints it (eq. 164). Neither A nor B needs to be invertible, only their sum. It
is an equality checked at random draws within the rounding error both sides can make there.

When A and B are invertible all of them equal (A⁻¹ + B⁻¹)⁻¹, the parallel sum. In Gaussian
conditioning, with A and B the covariances of a signal x and of the noise in y = x + e,
A − A(A + B)⁻¹A is the posterior covariance of x: the prior covariance minus what the measurement
explains.

>>> from identities import get, verify
>>> verify(get("searle-difference")).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
B = matrix("B", "n", "n")
S = Inverse(add(A, B))

IDENTITY = identity(
    id="searle-difference",
    title="Searle's identity A − A(A + B)⁻¹A = A(A + B)⁻¹B",
    output="W",
    symbols=[
        constant(A, "an n×n matrix (drawn near the identity, so that A + B is invertible)", "off-negative-axis"),
        constant(B, "an n×n matrix (drawn near the identity)", "off-negative-axis"),
    ],
    function=add(A, mul(-1, A, S, A)),
    claims=[equal(mul(A, S, B))],
    see_also=("searle-inverse-sum", "searle-sum-of-inverses"),
    sources=(cookbook(locator="eq. (164), A − A(A + B)⁻¹A = B − B(A + B)⁻¹B, whose two sides both equal "
                              "A(A + B)⁻¹B"),
             cite("searle1982matrix", "p. 151")),
    aliases=("A - A(A+B)^-1 A", "searle symmetric difference"),
)
