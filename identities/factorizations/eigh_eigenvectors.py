"""Eigenvectors of a symmetric matrix: dU = U (F ⊙ Uᵀ dA U), with the gap matrix Fᵢⱼ = 1/(λⱼ − λᵢ).

Write A = U diag(λ) Uᵀ with orthonormal U. Differentiating AU = UΛ and multiplying by Uᵀ gives
Uᵀ dA U = dΛ + (UᵀdU)Λ − Λ(UᵀdU). Off the diagonal this reads (UᵀdU)ᵢⱼ (λⱼ − λᵢ) = (Uᵀ dA U)ᵢⱼ,
and the diagonal of UᵀdU is zero because every column keeps unit length. So UᵀdU = F ⊙ (Uᵀ dA U),
with the gap matrix F: 1/(λⱼ − λᵢ) off the diagonal and 0 on it, and dU = U (F ⊙ Uᵀ dA U). Column
by column this is the Cookbook's duᵢ = (λᵢI − A)⁺ dA uᵢ. The eigenvalues must be distinct: F grows
like one over the smallest gap, and at a repeated eigenvalue the eigenvectors are not even
continuous. The inputs are built with gaps of at least ρ/(2n) (ρ the spectral radius).

Gauge: an eigenvector is defined up to its sign, so "the" derivative needs a sign convention. The
formula holds for any choice that varies continuously; the function checked here fixes it
deterministically (the largest entry of each eigenvector is positive), so the check perturbs and
compares one smooth function. Eigenvectors are ordered by ascending eigenvalue, as NumPy orders them.

LAPACK's eigh reads one triangle of its argument, so the function is U(sym A); with a perturbation
dA that is not symmetric, the symmetric part enters: dU = U (F ⊙ Uᵀ sym(dA) U). Dropping sym(·) is
a classic mistake (right only for symmetric dA), as are F with the sign of the gap flipped
(Fᵀ = −F), the product in the wrong order ((F ⊙ Uᵀ dA U) U), and Uᵀ where U belongs; all are
rejected below.

Verified by the complex step through eigh followed by Newton's method on (A − λI)u = 0, uᵀu = 1,
which keeps the sign fixed by LAPACK's start (the stock eigh drops the imaginary part); a formula
off by one part in 10⁸ is rejected.

>>> from identities import get, verify
>>> verify(get("eigh-eigenvectors")).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
dA = d(A)
lam = named("lambda", eigh_values(sym(A)))
U = named("U", eigh_vectors(sym(A)))
F = named("F", gap(lam))
C = mul(U.T, dA, U)

IDENTITY = identity(
    id="eigh-eigenvectors",
    title="Derivative of the eigenvectors of a symmetric matrix",
    output="U",
    symbols=[variable(A, "the variable, symmetric n×n with distinct eigenvalues", "distinct-eigenvalues")],
    function=U,
    claims=[differential_of(A, mul(U, HadamardProduct(F, mul(U.T, sym(dA), U))))],
    derivation=derivation(
        A,
        step(mul(Rational(1, 2), U, add(HadamardProduct(F, C), mul(-1, Transpose(HadamardProduct(F, C))))),
             "differentiate sym(A) U = UΛ, multiply by Uᵀ: off the diagonal (UᵀdU)ᵢⱼ(λⱼ − λᵢ) = (Uᵀ sym(dA) U)ᵢⱼ, "
             "and diag(UᵀdU) = 0; with F antisymmetric, F ⊙ (C + Cᵀ)/2 = (F ⊙ C − (F ⊙ C)ᵀ)/2 for C = Uᵀ dA U"),
        step(mul(U, HadamardProduct(F, mul(U.T, sym(dA), U))), "collect: Uᵀ sym(dA) U = (C + Cᵀ)/2"),
    ),
    see_also=("eigh-eigenvalues", "eigh-backward"),
    sources=(cookbook(68),
             cite("giles2008extended", "the eigenvalues and eigenvectors of a matrix")),
    aliases=("eigenvector derivative", "derivative of eigenvectors", "eigh jvp"),
)
