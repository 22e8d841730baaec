"""Searle's identity (I + A⁻¹)⁻¹ = A(A + I)⁻¹.

For an invertible n×n A with A + I invertible, factor I + A⁻¹ = A⁻¹(A + I) and invert the product
in reverse order: (A + I)⁻¹A. Since A commutes with A + I, this equals A(A + I)⁻¹. It is the
matrix form of 1/(1 + 1/a) = a/(a + 1), the shrinkage factor that turns a signal-to-noise ratio
into a Wiener or ridge weight. It is an equality checked at random draws within the rounding error
both sides can make there.

A is drawn dense and non-symmetric near the identity, so that A + I is invertible. Because A and
(A + I)⁻¹ commute, (A + I)⁻¹A is a correct alternative; what fails is a transpose or the inverse
left off either side.

>>> from identities import get, verify
>>> verify(get("searle-identity-plus-inverse")).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")

IDENTITY = identity(
    id="searle-identity-plus-inverse",
    title="Searle's identity (I + A⁻¹)⁻¹ = A(A + I)⁻¹",
    output="W",
    symbols=[constant(A, "an n×n matrix (drawn near the identity, so that A and A + I are invertible)",
                      "off-negative-axis")],
    function=Inverse(add(eye("n"), Inverse(A))),
    claims=[equal(mul(A, Inverse(add(A, eye("n")))))],
    see_also=("searle-inverse-sum", "push-through-identity"),
    sources=(cookbook(161), cite("searle1982matrix", "p. 151")),
    aliases=("searle identity", "(I + A^-1)^-1", "shrinkage factor identity"),
)
