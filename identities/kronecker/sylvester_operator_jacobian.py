"""The Jacobian of the Sylvester operator X ↦ AX + XB is the Kronecker sum I ⊗ A + Bᵀ ⊗ I.

For A of shape m×m, B of shape n×n and X of shape m×n, the map S(X) = AX + XB is linear, and each term
is a sandwich: vec(AX) = (I_n ⊗ A) vec X and vec(XB) = (Bᵀ ⊗ I_m) vec X. The sum I_n ⊗ A + Bᵀ ⊗ I_m
is the Kronecker sum A ⊕ Bᵀ, an mn×mn matrix whose eigenvalues are the sums λᵢ(A) + μⱼ(B): the
Sylvester equation AX + XB = C has a unique solution exactly when no such sum is zero, and solving it
is solving this mn×mn system, which is never formed in practice (the Bartels–Stewart algorithm works
with A and B). With rows stacked the factors trade places: A ⊗ I_n + I_m ⊗ Bᵀ.

The operator is the derivative behind matrix square roots (S dS + dS S = dX, A = B = S) and Lyapunov
equations (B = Aᵀ). Forgetting the transpose on B, or pairing I and A in the wrong order, are the
mistakes rejected here; the reverse-mode product is Ȳ ↦ AᵀȲ + ȲBᵀ, the Sylvester operator of Aᵀ and
Bᵀ.

>>> from identities import get, verify
>>> verify(get("sylvester-operator-jacobian")).ok
True
"""

from identities.define import *

A = matrix("A", "m", "m")
X = matrix("X", "m", "n")
B = matrix("B", "n", "n")
Ybar = bar("S", "m", "n")
dX = d(X)

IDENTITY = identity(
    id="sylvester-operator-jacobian",
    title="Jacobian of the Sylvester operator AX + XB: I ⊗ A + Bᵀ ⊗ I",
    output="S",
    symbols=[
        variable(X, "the variable, m×n"),
        constant(A, "a square m×m matrix"),
        constant(B, "a square n×n matrix"),
        upstream(Ybar, "the upstream gradient ∇_S L, m×n"),
    ],
    function=add(mul(A, X), mul(X, B)),
    claims=[
        differential_of(X, add(mul(A, dX), mul(dX, B))),
        jacobian(X, add(KroneckerProduct(eye("n"), A), KroneckerProduct(B.T, eye("m")))),
        jacobian(X, add(KroneckerProduct(A, eye("n")), KroneckerProduct(eye("m"), B.T)), vec="C"),
        vjp(X, add(mul(A.T, Ybar), mul(Ybar, B.T))),
    ],
    derivation=derivation(
        X,
        step(Trace(mul(Ybar.T, add(mul(A, dX), mul(dX, B)))), "dL = tr(S̄ᵀ dS), with dS = A dX + dX B"),
        step(add(Trace(mul(Ybar.T, A, dX)), Trace(mul(B, Ybar.T, dX))), "linearity, and the cyclic trace on the second term"),
        step(Trace(mul(Transpose(add(mul(A.T, Ybar), mul(Ybar, B.T))), dX)),
             "S̄ᵀA = (AᵀS̄)ᵀ and BS̄ᵀ = (S̄Bᵀ)ᵀ: collect into tr(Gᵀ dX)"),
    ),
    see_also=("left-product-jacobian", "right-product-jacobian", "sqrtm-differential", "vec-kronecker"),
    sources=(cookbook(locator="§10.2.2, eq. (520) on each term"),
             cite("magnus2019matrix", "ch. 9, Jacobian matrices of matrix functions")),
    aliases=("kronecker sum", "jacobian of AX + XB", "lyapunov operator jacobian"),
)
