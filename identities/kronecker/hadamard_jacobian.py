"""The Hadamard product X ⊙ Y: product rule, Jacobians diag(vec Y) and diag(vec X), backward pass.

The Hadamard product multiplies entry by entry, (X ⊙ Y)_ij = X_ij Y_ij, so its differential is the
product rule d(X ⊙ Y) = dX ⊙ Y + X ⊙ dY, and each entry of the output depends only on the entries
of X and Y in the same place. The Jacobians are therefore diagonal, with the entries of the other
factor on the diagonal in the order vec puts them: diag(vec Y) with respect to X and diag(vec X)
with respect to Y when columns are stacked, diag(vec_r ·) when rows are. The two orders hold the
same numbers in different places, and using one in code written for the other is wrong for every
factor that is not constant along its diagonals.

The diagonal Jacobian is why elementwise maps are cheap in backpropagation: the reverse-mode
products are again Hadamard products, X̄ = P̄ ⊙ Y and Ȳ = P̄ ⊙ X, and no matrix is ever formed. An
entrywise function σ(X) has the same structure with σ′(X) in the role of Y.

>>> from identities import get, verify
>>> verify(get("hadamard-jacobian")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
Y = matrix("Y", "m", "n")
Pbar = bar("P", "m", "n")
dX, dY = d(X), d(Y)

IDENTITY = identity(
    id="hadamard-jacobian",
    title="Hadamard product X ⊙ Y: product rule and diagonal Jacobians",
    output="P",
    symbols=[
        variable(X, "the first factor, m×n"),
        variable(Y, "the second factor, m×n"),
        upstream(Pbar, "the upstream gradient ∇_P L, m×n"),
    ],
    function=HadamardProduct(X, Y),
    claims=[
        differential_of(X, HadamardProduct(dX, Y)),
        differential_of(Y, HadamardProduct(X, dY)),
        jacobian(X, DiagMatrix(Vec(Y))),
        jacobian(X, DiagMatrix(Vec(Y, "C")), vec="C"),
        jacobian(Y, DiagMatrix(Vec(X))),
        jacobian(Y, DiagMatrix(Vec(X, "C")), vec="C"),
        vjp(X, HadamardProduct(Pbar, Y)),
        vjp(Y, HadamardProduct(Pbar, X)),
    ],
    derivation=derivation(
        (X, Y),
        step(Trace(mul(Pbar.T, add(HadamardProduct(dX, Y), HadamardProduct(X, dY)))),
             "dL = tr(P̄ᵀ dP), with dP = dX ⊙ Y + X ⊙ dY by the product rule"),
        step(add(Trace(mul(Transpose(HadamardProduct(Pbar, Y)), dX)), Trace(mul(Transpose(HadamardProduct(Pbar, X)), dY))),
             "Σᵢⱼ P̄ᵢⱼ (dXᵢⱼ Yᵢⱼ) = Σᵢⱼ (P̄ ⊙ Y)ᵢⱼ dXᵢⱼ: a Hadamard factor moves across the pairing"),
    ),
    see_also=("kronecker-product-jacobian", "vec-kronecker", "tanh-layer"),
    sources=(cookbook(38), cite("magnus2019matrix", "ch. 9, Jacobian matrices of matrix functions")),
    aliases=("hadamard product jacobian", "elementwise product jacobian", "diag vec", "hadamard product rule"),
)
