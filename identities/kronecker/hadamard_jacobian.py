"""The Jacobian of X ↦ X ⊙ A is the diagonal matrix diag(vec A) — diag(vec_r A) with rows stacked.

The Hadamard product multiplies entry by entry, (X ⊙ A)_ij = X_ij A_ij, so each entry of the
output depends on the one entry of X in the same place: the Jacobian is diagonal, with the entries
of A on the diagonal in the order vec puts them. Column stacking gives diag(vec A), row stacking
diag(vec_r A); the two hold the same numbers in different orders, and using one in code written
for the other order is wrong for every A that is not constant along its diagonals.

The diagonal Jacobian is why elementwise maps are cheap in backpropagation: the reverse-mode
product is again a Hadamard product, Ȳ ↦ Ȳ ⊙ A, and no matrix is formed. An entrywise function
σ(X) has the same structure with A = σ′(X).

>>> from identities import get, verify
>>> verify(get("hadamard-jacobian")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
A = matrix("A", "m", "n")
Ybar = bar("Y", "m", "n")
dX = d(X)

IDENTITY = identity(
    id="hadamard-jacobian",
    title="Jacobian of the Hadamard product X ⊙ A: diag(vec A)",
    output="Y",
    symbols=[
        variable(X, "the variable, m×n"),
        constant(A, "the constant factor, m×n"),
        upstream(Ybar, "the upstream gradient ∇_Y L, m×n"),
    ],
    function=HadamardProduct(X, A),
    claims=[
        differential_of(X, HadamardProduct(dX, A)),
        jacobian(X, DiagMatrix(Vec(A))),
        jacobian(X, DiagMatrix(Vec(A, "C")), vec="C"),
        vjp(X, HadamardProduct(Ybar, A)),
    ],
    derivation=derivation(
        X,
        step(Trace(mul(Ybar.T, HadamardProduct(dX, A))), "dL = tr(Ȳᵀ dY), with dY = dX ⊙ A"),
        step(Trace(mul(Transpose(HadamardProduct(Ybar, A)), dX)),
             "Σᵢⱼ Ȳᵢⱼ (dXᵢⱼ Aᵢⱼ) = Σᵢⱼ (Ȳ ⊙ A)ᵢⱼ dXᵢⱼ: a Hadamard factor moves across the pairing"),
    ),
    see_also=("vec-kronecker", "tanh-layer"),
    sources=(cite("magnus2019matrix", "ch. 9, Jacobian matrices of matrix functions"),),
    aliases=("hadamard product jacobian", "elementwise product jacobian", "diag vec"),
)
