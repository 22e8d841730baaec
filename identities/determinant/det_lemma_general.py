"""The generalized matrix determinant lemma: det(A + UCV) = det(C⁻¹ + VA⁻¹U) det C det A.

For an invertible n×n matrix A, an invertible k×k matrix C, U of shape n×k and V of shape k×n,
factor A + UCV = A(I_n + A⁻¹UCV). Sylvester's identity det(I_n + PQ) = det(I_k + QP) with
P = A⁻¹U and Q = CV turns the n×n determinant into det(I_k + CVA⁻¹U) = det C det(C⁻¹ + VA⁻¹U).
It is the determinant companion of the Woodbury identity, with the same k×k capacitance matrix
C⁻¹ + VA⁻¹U, and it is an equality checked at random draws within the rounding error both sides can
make there.

With C = I_k and V = Wᵀ it is the plain matrix determinant lemma det(A + UWᵀ) = det A det(I + WᵀA⁻¹U).
In log form, log det(A + UCV) = log det(C⁻¹ + VA⁻¹U) + log det C + log det A: low-rank plus
diagonal Gaussian likelihoods get their log-determinant from one k×k factorisation. The factor
det C is the one most often dropped; it is there because the capacitance holds C⁻¹, not C.

>>> from identities import get, verify
>>> verify(get("det-lemma-general")).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
U = matrix("U", "n", "k")
C = matrix("C", "k", "k")
V = matrix("V", "k", "n")
capacitance = add(Inverse(C), mul(V, Inverse(A), U))

IDENTITY = identity(
    id="det-lemma-general",
    title="The generalized matrix determinant lemma",
    output="D",
    symbols=[
        constant(A, "an invertible n×n matrix", "invertible"),
        constant(U, "the left factor of the update, n×k"),
        constant(C, "the core of the update, an invertible k×k matrix", "invertible"),
        constant(V, "the right factor of the update, k×n"),
    ],
    function=Determinant(add(A, mul(U, C, V))),
    claims=[equal(mul(Determinant(capacitance), Determinant(C), Determinant(A)))],
    see_also=("matrix-determinant-lemma", "woodbury", "log-det"),
    sources=(cite("harville1997matrix", "§18.1, determinants of sums of matrices"),),
    aliases=("generalized determinant lemma", "determinant of a low-rank update with core", "det(A + UCV)"),
)
