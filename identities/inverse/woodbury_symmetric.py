"""The symmetric Woodbury identity: (A + CBCᵀ)⁻¹ = A⁻¹ − A⁻¹C(B⁻¹ + CᵀA⁻¹C)⁻¹CᵀA⁻¹.

For an invertible n×n matrix A, an invertible k×k matrix B and C of shape n×k, this is the Woodbury
identity with the update's outer factors transposes of each other, U = C and V = Cᵀ. It is the
form that appears with covariances: A + CBCᵀ is the covariance of Cz + e with cov(z) = B and
cov(e) = A, the marginal covariance of a factor-analysis or linear-Gaussian state-space model, and
the identity inverts it through the k×k matrix B⁻¹ + CᵀA⁻¹C, which is the posterior precision of z.
It is an equality, checked at random draws within the rounding error both sides can make there.

Nothing here needs A or B to be symmetric, and they are drawn dense and non-symmetric. The
mistakes to avoid are those of the general identity: B in the capacitance where B⁻¹ belongs, the
sign, and C and Cᵀ swapped (which does not even fit unless k = n).

>>> from identities import get, verify
>>> verify(get("woodbury-symmetric")).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
B = matrix("B", "k", "k")
C = matrix("C", "n", "k")
capacitance = add(Inverse(B), mul(C.T, Inverse(A), C))

IDENTITY = identity(
    id="woodbury-symmetric",
    title="The Woodbury identity for a symmetric update A + CBCᵀ",
    output="W",
    symbols=[
        constant(A, "an invertible n×n matrix", "invertible"),
        constant(B, "the core of the update, an invertible k×k matrix", "invertible"),
        constant(C, "the factor of the update, n×k"),
    ],
    function=Inverse(add(A, mul(C, B, C.T))),
    claims=[equal(add(Inverse(A), mul(-1, Inverse(A), C, Inverse(capacitance), C.T, Inverse(A))))],
    see_also=("woodbury", "woodbury-posdef", "det-lemma-general"),
    sources=(cookbook(156),),
    aliases=("woodbury covariance form", "inverse of A + C B C^T", "factor analysis inverse"),
)
