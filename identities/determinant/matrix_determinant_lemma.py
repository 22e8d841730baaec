"""The matrix determinant lemma: a low-rank update multiplies the determinant by a small one.

For an invertible n×n matrix A and matrices U and V of shape n×k,

det(A + UVᵀ) = det A · det(I_k + VᵀA⁻¹U).

Factor A + UVᵀ = A(I_n + A⁻¹UVᵀ); the determinant of a product is the product of determinants,
and Sylvester's identity det(I_n + PQ) = det(I_k + QP), with P = A⁻¹U and Q = Vᵀ, trades the n×n
determinant for a k×k one. For k = 1 it reads det(A + uvᵀ) = (1 + vᵀA⁻¹u) det A, whose special case
A = I is the Matrix Cookbook's det(I + uvᵀ) = 1 + uᵀv. It is an equality, not a derivative, checked by
evaluating both sides at random inputs within the rounding error they can make there.

The same small matrix I_k + VᵀA⁻¹U is the capacitance matrix of the Woodbury identity (with C = I),
so the two are used together: Gaussian-process and factor-analysis likelihoods with a low-rank plus
diagonal covariance get both the inverse and the log-determinant from one k×k factorisation, and
normalising flows built from rank-one updates (planar flows) compute their log |det J| this way.

The order inside the small determinant matters only for its shape: VᵀA⁻¹U is k×k, while
UVᵀA⁻¹ would be n×n — det(I_n + UVᵀA⁻¹) is the same number (Sylvester's identity again) at the cost
of the large determinant. The inverse cannot be dropped: det(I_k + VᵀU) is the lemma for A = I only.

>>> import numpy as np
>>> from identities import check_equal, get, verify
>>> verify(get("matrix-determinant-lemma")).ok
True
>>> A = np.array([[2.0, 1.0], [0.0, 3.0]]); u = np.array([[1.0], [2.0]]); v = np.array([[0.5], [1.0]])
>>> lhs = lambda A, u, v: np.linalg.det(A + u @ v.T)
>>> check_equal(lhs, lambda A, u, v: (1 + v.T @ np.linalg.inv(A) @ u).item() * np.linalg.det(A), A, u, v).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
U = matrix("U", "n", "k")
V = matrix("V", "n", "k")

IDENTITY = identity(
    id="matrix-determinant-lemma",
    title="The matrix determinant lemma",
    output="D",
    symbols=[
        constant(A, "an invertible n×n matrix", "invertible"),
        constant(U, "the left factor of the update, n×k"),
        constant(V, "the right factor of the update, n×k"),
    ],
    function=Determinant(add(A, mul(U, V.T))),
    claims=[equal(mul(Determinant(A), Determinant(add(eye("k"), mul(V.T, Inverse(A), U)))))],
    see_also=("woodbury", "sherman-morrison", "log-det"),
    sources=(cite("mathlib2020lean", "Mathlib/LinearAlgebra/Matrix/SchurComplement.lean, the matrix determinant "
                                     "lemma Matrix.det_add_mul (a formal proof)"),
             cookbook(locator="eq. (24), the case A = I, k = 1: det(I + uvᵀ) = 1 + uᵀv")),
    aliases=("determinant lemma", "sylvester determinant identity", "determinant of a low-rank update"),
)
