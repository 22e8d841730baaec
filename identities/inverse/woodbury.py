"""The Woodbury identity: the inverse of a low-rank update is a low-rank update of the inverse.

For an invertible n×n matrix A, an invertible k×k matrix C, and U of shape n×k and V of shape k×n,

(A + UCV)⁻¹ = A⁻¹ − A⁻¹U(C⁻¹ + VA⁻¹U)⁻¹VA⁻¹,

whenever A + UCV is invertible — equivalently, whenever the k×k capacitance matrix C⁻¹ + VA⁻¹U
is. Multiplying the right-hand side by A + UCV and collecting terms gives I, which is the whole
proof. This is an equality between two expressions, not a derivative: it is checked by
evaluating both sides at random inputs and comparing them within the rounding error the two
computations can make there.

Its use is computational. When A is cheap to invert (diagonal, or already factored) and k ≪ n,
the right-hand side replaces an n×n inversion by a k×k one: Gaussian-process regression with
inducing points, Kalman-filter updates, and second-order optimisers that keep a low-rank
curvature approximation all rest on it. The rank-one case is the Sherman–Morrison formula, and
the same capacitance matrix appears in the matrix determinant lemma.

The sign and the order of the factors matter: A⁻¹U(…)⁻¹VA⁻¹ sandwiches the small inverse
between U and V exactly as UCV sandwiches C. The capacitance holds C⁻¹, not C; the two agree
only when C = I.

>>> import numpy as np
>>> from identities import check_equal, get, verify
>>> verify(get("woodbury")).ok
True
>>> rng = np.random.default_rng(0)
>>> A = np.diag([1.0, 2.0, 3.0, 4.0]); U = rng.standard_normal((4, 2)); V = rng.standard_normal((2, 4))
>>> C = np.eye(2); inv = np.linalg.inv
>>> lhs = lambda A, U, C, V: inv(A + U @ C @ V)
>>> check_equal(lhs, lambda A, U, C, V: inv(A) - inv(A) @ U @ inv(inv(C) + V @ inv(A) @ U) @ V @ inv(A),
...             A, U, C, V).verdict
'passed'
>>> check_equal(lhs, lambda A, U, C, V: inv(A) + inv(A) @ U @ inv(inv(C) + V @ inv(A) @ U) @ V @ inv(A),
...             A, U, C, V).verdict
'failed'
"""

from identities.define import *

A = matrix("A", "n", "n")
U = matrix("U", "n", "k")
C = matrix("C", "k", "k")
V = matrix("V", "k", "n")
capacitance = add(Inverse(C), mul(V, Inverse(A), U))

IDENTITY = identity(
    id="woodbury",
    title="The Woodbury matrix identity",
    output="W",
    symbols=[
        constant(A, "an invertible n×n matrix", "invertible"),
        constant(U, "the left factor of the update, n×k"),
        constant(C, "the core of the update, an invertible k×k matrix", "invertible"),
        constant(V, "the right factor of the update, k×n"),
    ],
    function=Inverse(add(A, mul(U, C, V))),
    claims=[equal(add(Inverse(A), mul(-1, Inverse(A), U, Inverse(capacitance), V, Inverse(A))))],
    see_also=("sherman-morrison", "matrix-determinant-lemma", "inverse-differential"),
    sources=(cookbook(157, locator="the general form; eq. (156) is the symmetric form A + CBCᵀ"),
             cite("golub1996matrix", "p. 51")),
    aliases=("woodbury identity", "matrix inversion lemma", "woodbury formula", "inverse of a low-rank update"),
)
