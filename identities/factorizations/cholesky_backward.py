"""The backward pass of the Cholesky factorization: Ā = sym(L⁻ᵀ Φ(LᵀL̄) L⁻¹).

Given the upstream gradient L̄ = ∇_L ℓ of a loss, the gradient with respect to the symmetric
positive definite argument follows from the differential dL = L Φ(L⁻¹ dA L⁻ᵀ) by moving every
factor across the pairing ⟨L̄, dL⟩: L goes to the other side as Lᵀ, Φ is its own adjoint (it
multiplies each entry by 1, ½ or 0), and L⁻¹(·)L⁻ᵀ becomes L⁻ᵀ(·)L⁻¹. The result is symmetric, as a
gradient with respect to a symmetric matrix must be.

As for the differential, L = chol(sym A): the routine reads one triangle, and writing the function
on sym(A) makes it defined, and this gradient correct, for every perturbation of A. Without sym
the unsymmetrised L⁻ᵀ Φ(LᵀL̄) L⁻¹ gives the right change only for symmetric perturbations; with
LAPACK's lower-reading routine and dense perturbations one measures tril(2Ā − Ā ⊙ I) instead, a
third answer. The symmetric gradient is what PyTorch's ``torch.linalg.cholesky`` returns.

Classic mistakes rejected below: the missing sym(·), tril in place of Φ, L̄Lᵀ in place of LᵀL̄,
L⁻¹ where L⁻ᵀ belongs, and the upper factor Lᵀ where L belongs.

Verified by the complex step through a Cholesky factorization written without conjugation (a
formula off by one part in 10⁸ is rejected); a random upstream gradient L̄ stands for the loss.

>>> import numpy as np
>>> from identities import check_vjp, get, verify
>>> verify(get("cholesky-backward")).ok
True
>>> A = np.array([[4.0, 1.0], [1.0, 3.0]])
>>> chol = lambda A: np.linalg.cholesky((A + A.T) / 2)
>>> def Abar(A, Lbar):
...     L = chol(A); Li = np.linalg.inv(L); M = L.T @ Lbar
...     P = Li.T @ (np.tril(M) - np.diag(np.diag(M)) / 2) @ Li
...     return (P + P.T) / 2
>>> check_vjp(chol, Abar, A).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
Lbar = bar("L", "n", "n")
dA = d(A)
L = named("L", chol(sym(A)))
Linv = Inverse(L)
inner = mul(Linv, sym(dA), Transpose(Linv))
P = mul(Transpose(Linv), phi(mul(Transpose(L), Lbar)), Linv)

IDENTITY = identity(
    id="cholesky-backward",
    title="Backward pass of the Cholesky factorization",
    output="L",
    symbols=[
        variable(A, "the variable, symmetric positive definite n×n (condition number 10)", "spd"),
        upstream(Lbar, "the upstream gradient ∇_L ℓ, n×n like L"),
    ],
    function=L,
    claims=[vjp(A, sym(P))],
    derivation=derivation(
        A,
        step(Trace(mul(Transpose(Lbar), L, phi(inner))), "dL = L Φ(L⁻¹ sym(dA) L⁻ᵀ) (cholesky-differential)"),
        step(Trace(mul(Transpose(phi(mul(Transpose(L), Lbar))), inner)),
             "⟨LᵀL̄, Φ(M)⟩ = ⟨Φ(LᵀL̄), M⟩: Φ scales each entry by 1, ½ or 0, so it is its own adjoint"),
        step(Trace(mul(Transpose(P), sym(dA))), "cyclic trace: L⁻¹ and L⁻ᵀ move to the other side"),
        step(Trace(mul(Transpose(sym(P)), dA)), "⟨P, sym(dA)⟩ = ⟨sym(P), dA⟩: sym is its own adjoint"),
    ),
    see_also=("cholesky-differential", "log-det"),
    sources=(cite("murray2016cholesky", "§3, symbolic results: the reverse-mode update"),),
    aliases=("cholesky vjp", "cholesky gradient", "backpropagation through cholesky"),
)
