"""The Sherman–Morrison formula: the inverse after a rank-one update, without a new inversion.

For an invertible n×n matrix A and column vectors u and v of length n,

(A + uvᵀ)⁻¹ = A⁻¹ − A⁻¹u vᵀA⁻¹ / (1 + vᵀA⁻¹u),

provided the number 1 + vᵀA⁻¹u is not zero — which is exactly the condition for A + uvᵀ to be
invertible, by the matrix determinant lemma det(A + uvᵀ) = (1 + vᵀA⁻¹u) det A. The formula is the
rank-one case of the Woodbury identity with C = 1: the k×k capacitance matrix becomes the number
1 + vᵀA⁻¹u. Here the division is written as the inverse of that 1×1 matrix, between A⁻¹u and vᵀA⁻¹,
so that the whole right-hand side is a product of matrices. It is an equality, not a derivative,
checked by evaluating both sides at random inputs within the rounding error they can make there.

With A⁻¹ known, an update costs two matrix–vector products and an outer product, O(n²) instead of
the O(n³) of a fresh inversion. Quasi-Newton methods (BFGS updates its inverse Hessian by two such
rank-one terms), recursive least squares and leave-one-out formulas for linear regression are
built on it.

The classic slips are the denominator — vᵀA⁻¹u without the 1, or 1 − vᵀA⁻¹u — and the order of
the outer product: A⁻¹u vᵀA⁻¹ is n×n whichever way, so A⁻¹v uᵀA⁻¹ has the right shape and the
wrong value unless the update is symmetric.

>>> import numpy as np
>>> from identities import check_equal, get, verify
>>> verify(get("sherman-morrison")).ok
True
>>> A = np.array([[2.0, 1.0], [0.0, 3.0]]); u = np.array([[1.0], [2.0]]); v = np.array([[0.5], [1.0]])
>>> inv = np.linalg.inv
>>> lhs = lambda A, u, v: inv(A + u @ v.T)
>>> check_equal(lhs, lambda A, u, v: inv(A) - inv(A) @ u @ v.T @ inv(A) / (1 + v.T @ inv(A) @ u), A, u, v).ok
True
>>> check_equal(lhs, lambda A, u, v: inv(A) - inv(A) @ u @ v.T @ inv(A) / (v.T @ inv(A) @ u), A, u, v).ok
False
"""

from identities.define import *

A = matrix("A", "n", "n")
u = vector("u", "n")
v = vector("v", "n")
denominator = add(eye(1), mul(v.T, Inverse(A), u))

IDENTITY = identity(
    id="sherman-morrison",
    title="The Sherman–Morrison formula",
    output="W",
    symbols=[
        constant(A, "an invertible n×n matrix", "invertible"),
        constant(u, "the left vector of the rank-one update"),
        constant(v, "the right vector of the rank-one update"),
    ],
    function=Inverse(add(A, mul(u, v.T))),
    claims=[equal(add(Inverse(A), mul(-1, Inverse(A), u, Inverse(denominator), v.T, Inverse(A))))],
    see_also=("woodbury", "matrix-determinant-lemma", "inverse-differential"),
    sources=(cookbook(160),),
    aliases=("sherman morrison", "rank-one update of an inverse", "rank one inverse update"),
)
