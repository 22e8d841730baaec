"""The Kailath variant of Woodbury: (A + BC)⁻¹ = A⁻¹ − A⁻¹B(I + CA⁻¹B)⁻¹CA⁻¹.

For an invertible n×n matrix A, B of shape n×k and C of shape k×n, the update BC has no core
matrix, so none has to be inverted: the capacitance is I_k + CA⁻¹B. It is the Woodbury identity
with its core set to the identity (or absorbed into one of the factors), and the form to use when
the update comes as a product of two rectangular factors. It is an equality checked at random
draws within the rounding error both sides can make there.

The identity in the capacitance cannot be dropped: (CA⁻¹B)⁻¹ would be the wrong matrix and may not
even exist. With k = 1 it is the Sherman–Morrison formula.

>>> from identities import get, verify
>>> verify(get("kailath-variant")).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
B = matrix("B", "n", "k")
C = matrix("C", "k", "n")

IDENTITY = identity(
    id="kailath-variant",
    title="The Kailath variant of the Woodbury identity",
    output="W",
    symbols=[
        constant(A, "an invertible n×n matrix", "invertible"),
        constant(B, "the left factor of the update, n×k"),
        constant(C, "the right factor of the update, k×n"),
    ],
    function=Inverse(add(A, mul(B, C))),
    claims=[equal(add(Inverse(A), mul(-1, Inverse(A), B, Inverse(add(eye("k"), mul(C, Inverse(A), B))), C,
                                      Inverse(A))))],
    see_also=("woodbury", "sherman-morrison", "searle-identity-minus"),
    sources=(cookbook(159),),
    aliases=("kailath variant", "inverse of A + BC", "woodbury without core"),
)
