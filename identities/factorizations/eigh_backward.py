"""Backward pass of the symmetric eigendecomposition: Ā = U (diag(λ̄) + F ⊙ (UᵀŪ − ŪᵀU)/2) Uᵀ.

The function has two outputs, the eigenvalues λ (ascending) and the orthonormal eigenvectors U of
a symmetric A = U diag(λ) Uᵀ, and a loss downstream may use both: it sends back one upstream
gradient per output, λ̄ and Ū, and the change of the loss is the sum ⟨λ̄, dλ⟩ + ⟨Ū, dU⟩. With the
forward rules dλ = diag(Uᵀ dA U) and dU = U (F ⊙ Uᵀ dA U), where Fᵢⱼ = 1/(λⱼ − λᵢ) off the diagonal
and 0 on it (see eigh-eigenvalues and eigh-eigenvectors), every factor moves across the pairing:
⟨Ū, U(F ⊙ C)⟩ = ⟨F ⊙ UᵀŪ, C⟩ and C = Uᵀ dA U. Because the perturbation enters through sym(dA), the
gradient is the symmetric part of U(diag(λ̄) + F ⊙ UᵀŪ)Uᵀ, and since F is antisymmetric that is the
form above. It is the formula PyTorch's ``torch.linalg.eigh`` backward uses for real input.

Gauge: each eigenvector is determined only up to its sign. The formula holds for any choice that
varies continuously with A; the function checked here fixes it deterministically (the largest entry
of each eigenvector is positive), so arbitrary upstream gradients Ū can be used. A loss that depends
on the eigenvectors only through uᵢuᵢᵀ (projectors, eigenvalue functions) is gauge-invariant and gets
the same gradient whatever the convention. The eigenvalues must be distinct; the inputs have gaps of
at least ρ/(2n) (ρ the spectral radius), and F grows like one over the smallest gap.

LAPACK's eigh reads one triangle, so the function is eigh(sym A), defined for every square A; the
backward pass is then the symmetric gradient; the unsymmetrised U(diag(λ̄) + F ⊙ UᵀŪ)Uᵀ found in
the literature gives the same change only for symmetric perturbations. Classic mistakes rejected
below: the ½ dropped, one of the halves UᵀŪ and ŪᵀU dropped, the sign of the gap flipped (Fᵀ for
F), U and Uᵀ exchanged, and a term dropped or its sign flipped.

Verified by the complex step through eigh followed by Newton's method on the eigenpairs (the stock
eigh drops the imaginary part); the two outputs are checked together, pairing each with its own
random upstream gradient, and a formula off by one part in 10⁸ is rejected.

>>> from identities import get, verify
>>> verify(get("eigh-backward")).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
lambar = bar("lambda", "n", 1)
Ubar = bar("U", "n", "n")
dA = d(A)
lam = named("lambda", eigh_values(sym(A)))
U = named("U", eigh_vectors(sym(A)))
F = named("F", gap(lam))
C = mul(U.T, sym(dA), U)
G = add(DiagMatrix(lambar), HadamardProduct(F, mul(U.T, Ubar)))  # U G Uᵀ, before symmetrising

IDENTITY = identity(
    id="eigh-backward",
    title="Backward pass of the symmetric eigendecomposition",
    output=("lambda", "U"),
    symbols=[
        variable(A, "the variable, symmetric n×n with distinct eigenvalues", "distinct-eigenvalues"),
        upstream(lambar, "the upstream gradient ∇_λ ℓ of the eigenvalues, a column of n"),
        upstream(Ubar, "the upstream gradient ∇_U ℓ of the eigenvectors, n×n"),
    ],
    function=(lam, U),
    claims=[vjp(A, mul(U, add(DiagMatrix(lambar), mul(Rational(1, 2), HadamardProduct(
        F, add(mul(U.T, Ubar), mul(-1, Ubar.T, U))))), U.T))],
    derivation=derivation(
        A,
        step(add(Trace(mul(lambar.T, diagonal(C))), Trace(mul(Ubar.T, U, HadamardProduct(F, C)))),
             "dℓ = ⟨λ̄, dλ⟩ + ⟨Ū, dU⟩ with dλ = diag(Uᵀ sym(dA) U) and dU = U (F ⊙ Uᵀ sym(dA) U)"),
        step(add(Trace(mul(DiagMatrix(lambar), C)), Trace(mul(Transpose(HadamardProduct(F, mul(U.T, Ubar))), C))),
             "λ̄ᵀ diag(C) = tr(diag(λ̄) C); ⟨UᵀŪ, F ⊙ C⟩ = ⟨F ⊙ UᵀŪ, C⟩"),
        step(Trace(mul(Transpose(mul(U, G, U.T)), sym(dA))), "collect, then the cyclic trace moves U and Uᵀ across"),
        step(Trace(mul(Transpose(sym(mul(U, G, U.T))), dA)), "sym is its own adjoint"),
    ),
    see_also=("eigh-eigenvalues", "eigh-eigenvectors", "svd-backward"),
    sources=(cookbook(67, 68),
             cite("giles2008extended", "the eigenvalues and eigenvectors of a matrix"),
             cite("walter2010algorithmic", "the symmetric eigendecomposition, reverse mode")),
    aliases=("eigh vjp", "eigendecomposition backward", "backpropagation through eigh", "eigh gradient"),
)
