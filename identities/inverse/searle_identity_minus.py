"""Searle's identity (I + AB)⁻¹ = I − A(I + BA)⁻¹B.

For A of shape n×k and B of shape k×n, I_n + AB is invertible exactly when I_k + BA is, and then
(I + AB)(I − A(I + BA)⁻¹B) = I + AB − A(I + BA)(I + BA)⁻¹B = I. It is the Kailath variant of the
Woodbury identity with the first matrix equal to I: an n×n inverse traded for a k×k one. It is an
equality checked at random draws within the rounding error both sides can make there.

The order inside the small inverse is reversed, BA for AB; keeping AB does not even fit unless
k = n, and for square factors it is the classic wrong answer. The identity with A and B both
square is also how one shows that AB and BA have the same nonzero eigenvalues.

>>> from identities import get, verify
>>> verify(get("searle-identity-minus")).ok
True
"""

from identities.define import *

A = matrix("A", "n", "k")
B = matrix("B", "k", "n")

IDENTITY = identity(
    id="searle-identity-minus",
    title="Searle's identity (I + AB)⁻¹ = I − A(I + BA)⁻¹B",
    output="W",
    symbols=[constant(A, "an n×k matrix"), constant(B, "a k×n matrix")],
    function=Inverse(add(eye("n"), mul(A, B))),
    claims=[equal(add(eye("n"), mul(-1, A, Inverse(add(eye("k"), mul(B, A))), B)))],
    see_also=("push-through-identity", "kailath-variant", "woodbury"),
    sources=(cookbook(166), cite("searle1982matrix", "p. 151")),
    aliases=("(I + AB)^-1", "inverse of identity plus product"),
)
