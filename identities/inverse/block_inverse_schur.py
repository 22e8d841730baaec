"""The inverse of a block matrix through the Schur complement S = D − CA⁻¹B.

For a square block matrix [A, B; C, D] with an invertible n×n block A and an invertible Schur
complement S = D − CA⁻¹B (m×m),

[A, B; C, D]⁻¹ = [A⁻¹ + A⁻¹BS⁻¹CA⁻¹, −A⁻¹BS⁻¹; −S⁻¹CA⁻¹, S⁻¹].

Block Gaussian elimination writes the matrix as [I, 0; CA⁻¹, I] [A, 0; 0, S] [I, A⁻¹B; 0, I]; the
outer factors are unit block-triangular with inverses obtained by flipping the sign of their
off-diagonal block, and multiplying the three inverses in reverse order gives the formula. It is
an equality, checked at random draws within the rounding error both sides can make there.

The lower right block of the inverse is S⁻¹: the precision of x₂ given x₁ in a joint Gaussian is the
inverse of the conditional covariance, and marginalising and conditioning Gaussians are both read
off this formula. Comparing the upper left block with the mirror formula (eliminating D first)
gives the Woodbury identity. The classic mistakes are A⁻¹ in the corner (forgetting the correction
term), the sign of the off-diagonal blocks, and A⁻¹B and CA⁻¹ exchanged between them.

>>> from identities import get, verify
>>> verify(get("block-inverse-schur")).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
B = matrix("B", "n", "m")
C = matrix("C", "m", "n")
D = matrix("D", "m", "m")
Ai = Inverse(A)
S = named("S", add(D, mul(-1, C, Ai, B)))
Si = Inverse(S)

IDENTITY = identity(
    id="block-inverse-schur",
    title="Inverse of a block matrix through the Schur complement",
    output="W",
    symbols=[
        constant(A, "the leading n×n block, invertible", "invertible"),
        constant(B, "the upper right block, n×m"),
        constant(C, "the lower left block, m×n"),
        constant(D, "the trailing m×m block (the Schur complement S = D − CA⁻¹B is invertible)"),
    ],
    function=Inverse(block([[A, B], [C, D]])),
    claims=[equal(block([[add(Ai, mul(Ai, B, Si, C, Ai)), mul(-1, Ai, B, Si)],
                         [mul(-1, Si, C, Ai), Si]]))],
    see_also=("det-block-schur", "woodbury", "searle-inverse-sum"),
    sources=(cookbook(locator="§9.1.3, the second form of the inverse, with the Schur complement C₂ of eq. (400)"),
             cite("golub1996matrix", "block LU factorization and the Schur complement")),
    aliases=("schur complement inverse", "inverse of a partitioned matrix", "block matrix inversion"),
)
