"""Backward pass of a linear solve X = A⁻¹B: B̄ = A⁻ᵀX̄ and Ā = −B̄Xᵀ.

Solving AX = B for an invertible n×n A and an n×k right-hand side B (a column when k = 1) is the
step behind least squares, Gaussian log-likelihoods and implicit layers. Differentiating AX = B
gives dA X + A dX = dB, so dX = A⁻¹(dB − dA X). Pairing with the upstream gradient X̄ and moving
A⁻¹ across as A⁻ᵀ: ⟨X̄, dX⟩ = ⟨A⁻ᵀX̄, dB − dA X⟩, which names both gradients at once: B̄ = A⁻ᵀX̄
(one more solve, with the transpose) and Ā = −B̄Xᵀ (an outer product, no inverse at all).

This is how automatic-differentiation libraries backpropagate through ``solve``: one solve with
Aᵀ, reusing the factorization of A, and never forming A⁻¹. The formulas are written with A⁻¹B in
the notation of the page, but the code computes them with ``np.linalg.solve``.

Classic mistakes rejected below: a solve with A instead of Aᵀ (A⁻¹X̄), the outer product B̄Xᵀ
without its transpose or in the wrong order, and the sign of Ā.

Verified by the complex step (NumPy's solve is complex-analytic); a formula off by one part in 10⁸ is
rejected.

>>> import numpy as np
>>> from identities import check_vjp, get, verify
>>> verify(get("solve-backward")).ok
True
>>> A = np.array([[3.0, 1.0], [0.5, 2.0]]); B = np.array([[1.0], [2.0]])
>>> Abar = lambda A, B, Xbar: -np.linalg.solve(A.T, Xbar) @ np.linalg.solve(A, B).T
>>> check_vjp(np.linalg.solve, Abar, A, B, wrt=0).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
B = matrix("B", "n", "k")
Xbar = bar("X", "n", "k")
dA, dB = d(A), d(B)
X = named("X", solve(A, B))
Bbar = named(bar("B", "n", "k"), solve(A.T, Xbar))

IDENTITY = identity(
    id="solve-backward",
    title="Backward pass of a linear solve",
    output="X",
    symbols=[
        variable(A, "the matrix of the system, invertible n×n (condition number 10)", "invertible"),
        variable(B, "the right-hand side, n×k (a column when k = 1)"),
        upstream(Xbar, "the upstream gradient ∇_X ℓ, n×k like X"),
    ],
    function=X,
    claims=[vjp(B, Bbar), vjp(A, mul(-1, Bbar, X.T))],
    derivation=derivation(
        (A, B),
        step(Trace(mul(Xbar.T, Inverse(A), add(dB, mul(-1, dA, X)))),
             "dℓ = ⟨X̄, dX⟩; differentiating AX = B gives dA X + A dX = dB, so dX = A⁻¹(dB − dA X)"),
        step(Trace(mul(Bbar.T, add(dB, mul(-1, dA, X)))), "X̄ᵀA⁻¹ = (A⁻ᵀX̄)ᵀ = B̄ᵀ"),
        step(add(Trace(mul(Bbar.T, dB)), Trace(mul(Transpose(mul(-1, Bbar, X.T)), dA))),
             "linearity, and the cyclic trace on tr(B̄ᵀ dA X) = tr(X B̄ᵀ dA)"),
    ),
    see_also=("inverse-differential", "least-squares"),
    sources=(cite("christianson1998reverse", "the linear case: the adjoint of solving Ay = b"),
             cite("giles2008extended", "the inverse and the solution of linear equations")),
    aliases=("solve vjp", "backpropagation through solve", "linear solve gradient", "gradient of A^-1 b"),
)
