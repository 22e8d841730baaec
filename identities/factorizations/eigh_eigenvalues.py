"""Eigenvalues of a symmetric matrix: dλᵢ = uᵢᵀ dA uᵢ, and the backward pass Ā = U diag(λ̄) Uᵀ.

For a symmetric A = U diag(λ) Uᵀ with orthonormal eigenvectors U and simple eigenvalues,
differentiating AU = UΛ and multiplying by Uᵀ on the left gives Uᵀ dA U = dΛ + (UᵀdU)Λ − Λ(UᵀdU).
The commutator on the right has a zero diagonal, so each eigenvalue moves by the component of the
perturbation along its own eigenvector: dλ = diag(Uᵀ dA U). Reading that differential backwards,
an upstream gradient λ̄ pulls back to U diag(λ̄) Uᵀ, symmetric like A.

Eigenvalues do not depend on the signs of the eigenvectors (uᵢ and −uᵢ give the same uᵢᵀ dA uᵢ),
so this pair needs no gauge convention; they need the eigenvalues to be distinct, which the inputs
are built to have (gaps of at least ρ/(2n), ρ the spectral radius). LAPACK's eigh reads one triangle
of its argument, so the function is written λ(sym A), defined for every square A; the
antisymmetric part of a perturbation has a zero diagonal under U, so the differential keeps the
Cookbook's form diag(Uᵀ dA U). Eigenvalues are listed in ascending order, as NumPy lists them.

Classic mistakes rejected below: a transposed U on either side (eigenvectors taken as rows), the
factors of Uᵀ dA U or of U diag(λ̄) Uᵀ in the wrong order, and the sign.

Verified by the complex step through eigh followed by Newton's method on (A − λI)u = 0, uᵀu = 1
(LAPACK's eigh drops the imaginary part); a formula off by one part in 10⁸ is rejected.

>>> import numpy as np
>>> from identities import check_vjp, get, verify
>>> verify(get("eigh-eigenvalues")).ok
True
>>> A = np.array([[2.0, 1.0, 0.0], [1.0, 0.0, 0.5], [0.0, 0.5, -1.0]])
>>> values = lambda A: np.linalg.eigvalsh((A + A.T) / 2)
>>> def Abar(A, lbar):
...     U = np.linalg.eigh((A + A.T) / 2)[1]
...     return U @ np.diag(lbar) @ U.T
>>> check = check_vjp(values, Abar, A)
>>> check.verdict, check.method
('passed', 'central-richardson')
"""

from identities.define import *

A = matrix("A", "n", "n")
lambar = bar("lambda", "n", 1)
dA = d(A)
lam = named("lambda", eigh_values(sym(A)))
U = named("U", eigh_vectors(sym(A)))

IDENTITY = identity(
    id="eigh-eigenvalues",
    title="Derivative of the eigenvalues of a symmetric matrix",
    output="lambda",
    symbols=[
        variable(A, "the variable, symmetric n×n with distinct eigenvalues", "distinct-eigenvalues"),
        upstream(lambar, "the upstream gradient ∇_λ ℓ, a column of n like λ"),
    ],
    function=lam,
    claims=[
        differential_of(A, diagonal(mul(U.T, dA, U))),
        vjp(A, mul(U, DiagMatrix(lambar), U.T)),
    ],
    derivation=derivation(
        A,
        step(Trace(mul(lambar.T, diagonal(mul(U.T, sym(dA), U)))),
             "dℓ = λ̄ᵀ dλ; differentiate sym(A) U = UΛ and multiply by Uᵀ: Uᵀ sym(dA) U = dΛ + (UᵀdU)Λ − Λ(UᵀdU), "
             "whose commutator has a zero diagonal, so dλ = diag(Uᵀ sym(dA) U)"),
        step(Trace(mul(lambar.T, diagonal(mul(U.T, dA, U)))),
             "the antisymmetric part (dA − dAᵀ)/2 stays antisymmetric under Uᵀ(·)U, so its diagonal is zero"),
        step(Trace(mul(DiagMatrix(lambar), U.T, dA, U)), "λ̄ᵀ diag(M) = tr(diag(λ̄) M)"),
        step(Trace(mul(Transpose(mul(U, DiagMatrix(lambar), U.T)), dA)), "cyclic trace"),
    ),
    see_also=("eigh-eigenvectors", "eigh-backward", "svd-singular-values"),
    sources=(cookbook(67),
             cite("giles2008extended", "the eigenvalues and eigenvectors of a matrix")),
    aliases=("eigenvalue derivative", "eigenvalue gradient", "eigvalsh gradient", "derivative of eigenvalues"),
)
