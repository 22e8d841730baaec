"""Searle's identity (A + BBᵀ)⁻¹B = A⁻¹B(I + BᵀA⁻¹B)⁻¹.

For an invertible n×n A and B of shape n×k, multiply A⁻¹B(I + BᵀA⁻¹B)⁻¹ by A + BBᵀ on the left:
(B + BBᵀA⁻¹B)(I + BᵀA⁻¹B)⁻¹ = B(I + BᵀA⁻¹B)(I + BᵀA⁻¹B)⁻¹ = B. The n×n inverse applied to the k
columns of B becomes a k×k inverse — a push-through of B across the update. It is an equality
checked at random draws within the rounding error both sides can make there.

It is the ridge-regression and Gaussian-process identity in disguise: with A = λI it says
(λI + BBᵀ)⁻¹B = B(λI + BᵀB)⁻¹, the switch between the primal and the dual (kernel) form. The
transpose placement is the trap: the update is BBᵀ (n×n), the small matrix BᵀA⁻¹B (k×k).

>>> from identities import get, verify
>>> verify(get("searle-update-times-factor")).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
B = matrix("B", "n", "k")

IDENTITY = identity(
    id="searle-update-times-factor",
    title="Searle's identity (A + BBᵀ)⁻¹B = A⁻¹B(I + BᵀA⁻¹B)⁻¹",
    output="W",
    symbols=[
        constant(A, "an n×n matrix with a positive definite symmetric part (drawn near the identity), so that "
                    "A + BBᵀ and I + BᵀA⁻¹B are invertible", "off-negative-axis"),
        constant(B, "an n×k matrix"),
    ],
    function=mul(Inverse(add(A, mul(B, B.T))), B),
    claims=[equal(mul(Inverse(A), B, Inverse(add(eye("k"), mul(B.T, Inverse(A), B)))))],
    see_also=("woodbury-symmetric", "push-through-identity", "woodbury-posdef"),
    sources=(cookbook(162), cite("searle1982matrix", "p. 151")),
    aliases=("primal dual ridge identity", "(A + B B^T)^-1 B"),
)
