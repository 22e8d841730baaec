"""The push-through identity (I + AB)⁻¹A = A(I + BA)⁻¹.

For A of shape n×k and B of shape k×n with I + AB invertible (equivalently I + BA), the identity
follows from A(I + BA) = (I + AB)A: multiply by (I + AB)⁻¹ on the left and by (I + BA)⁻¹ on the
right. A can be pushed through the inverse from one side to the other, the inside of the inverse
turning from AB (n×n) into BA (k×k). It is an equality checked at random draws within the rounding
error both sides can make there.

It switches between the primal and the dual form of ridge regression and of Gaussian-process
prediction, (XᵀX + λI)⁻¹Xᵀ = Xᵀ(XXᵀ + λI)⁻¹, and it is how the gradient of log det(I + XᵀX) can be
written with either Gram matrix. Leaving AB inside the inverse on the right is the classic slip.

>>> import numpy as np
>>> from identities import check_equal, get, verify
>>> verify(get("push-through-identity")).ok
True
>>> A = np.array([[1.0, 2.0], [0.0, 1.0], [1.0, -1.0]]); B = np.array([[0.5, 0.0, 1.0], [1.0, 1.0, 0.0]])
>>> inv = np.linalg.inv
>>> check_equal(lambda A, B: inv(np.eye(3) + A @ B) @ A, lambda A, B: A @ inv(np.eye(2) + B @ A), A, B).ok
True
"""

from identities.define import *

A = matrix("A", "n", "k")
B = matrix("B", "k", "n")

IDENTITY = identity(
    id="push-through-identity",
    title="The push-through identity (I + AB)⁻¹A = A(I + BA)⁻¹",
    output="W",
    symbols=[constant(A, "an n×k matrix"), constant(B, "a k×n matrix")],
    function=mul(Inverse(add(eye("n"), mul(A, B))), A),
    claims=[equal(mul(A, Inverse(add(eye("k"), mul(B, A)))))],
    see_also=("searle-identity-minus", "searle-update-times-factor", "log-det-identity-plus-gram"),
    sources=(cookbook(167), cite("searle1982matrix", "p. 151")),
    aliases=("push through identity", "(I + AB)^-1 A", "primal dual identity"),
)
