"""The determinant of a block matrix: det [A, B; C, D] = det A · det(D − CA⁻¹B).

For a square block matrix with an invertible n×n block A, an m×m block D and B (n×m), C (m×n),
block Gaussian elimination factors it as [I, 0; CA⁻¹, I] [A, B; 0, S] with the Schur complement
S = D − CA⁻¹B of A. The first factor is unit lower block-triangular (determinant 1), the second
block upper-triangular, whose determinant is the product of the determinants of its diagonal
blocks: det A · det S. With D invertible instead, the mirror formula det D · det(A − BD⁻¹C) holds.
It is an equality, checked at random draws within the rounding error both sides can make there.

It turns the log-determinant of a joint Gaussian covariance into the marginal plus the
conditional term, log det Σ = log det Σ₁₁ + log det(Σ₂₂ − Σ₂₁Σ₁₁⁻¹Σ₁₂), and it is the source of the
matrix determinant lemma (take A = I and D = I). The scalar habit det A det D − det B det C is wrong
for blocks larger than 1×1, and so is the complement with its factors in the wrong order.

>>> import numpy as np
>>> from identities import check_equal, get, verify
>>> verify(get("det-block-schur")).ok
True
>>> A, D = np.array([[2.0, 1.0], [0.0, 1.0]]), np.array([[3.0]]); B, C = np.array([[1.0], [2.0]]), np.array([[0.5, 1.0]])
>>> lhs = lambda A, B, C, D: np.linalg.det(np.block([[A, B], [C, D]]))
>>> check_equal(lhs, lambda A, B, C, D: np.linalg.det(A) * np.linalg.det(D - C @ np.linalg.inv(A) @ B), A, B, C, D).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
B = matrix("B", "n", "m")
C = matrix("C", "m", "n")
D = matrix("D", "m", "m")
S = named("S", add(D, mul(-1, C, Inverse(A), B)))

IDENTITY = identity(
    id="det-block-schur",
    title="Determinant of a block matrix through the Schur complement",
    output="d",
    symbols=[
        constant(A, "the leading n×n block, invertible", "invertible"),
        constant(B, "the upper right block, n×m"),
        constant(C, "the lower left block, m×n"),
        constant(D, "the trailing m×m block"),
    ],
    function=Determinant(block([[A, B], [C, D]])),
    claims=[equal(mul(Determinant(A), Determinant(S)))],
    see_also=("block-inverse-schur", "det-lemma-general", "matrix-determinant-lemma"),
    sources=(cookbook(locator="§9.1.2, det = det(A₁₁) det(C₂), with the Schur complement C₂ of eq. (398)"),),
    aliases=("schur complement determinant", "determinant of a partitioned matrix", "block determinant"),
)
