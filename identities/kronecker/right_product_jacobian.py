"""The Jacobian of X ↦ XB is Bᵀ ⊗ I_m with columns stacked and I_m ⊗ Bᵀ with rows stacked.

Multiplying X (m×n) on the right by a constant B (n×q) mixes the columns of X: column j of dX B
is Σᵢ B_ij times column i of dX, so block (j, i) of the column-stacking Jacobian is B_ij I_m,
the Kronecker product Bᵀ ⊗ I_m. With rows stacked each row of dX is multiplied by B on its own,
row r of dX B being (row r of dX) B, and the Jacobian is block diagonal: I_m ⊗ Bᵀ. The transpose
on B is part of the formula in both orders; B ⊗ I_m, its most common misprint, is rejected here
(B is not symmetric, and n ≠ q makes it the wrong shape anyway).

Entry by entry it is the Matrix Cookbook's ∂(XB)_ij/∂X_kl = δ_ik B_lj, and as a whole the case A = I
of vec(AXB) = (Bᵀ ⊗ A) vec X: the Jacobian of a dense layer XW with examples in rows. In reverse mode
it is the product Ȳ ↦ ȲBᵀ.

>>> from identities import get, verify
>>> verify(get("right-product-jacobian")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
B = matrix("B", "n", "q")
Ybar = bar("Y", "m", "q")
dX = d(X)

IDENTITY = identity(
    id="right-product-jacobian",
    title="Jacobian of XB: Bᵀ ⊗ I (columns), I ⊗ Bᵀ (rows)",
    output="Y",
    symbols=[
        variable(X, "the variable, m×n"),
        constant(B, "the right factor, n×q"),
        upstream(Ybar, "the upstream gradient ∇_Y L, m×q"),
    ],
    function=mul(X, B),
    claims=[
        differential_of(X, mul(dX, B)),
        jacobian(X, KroneckerProduct(B.T, eye("m"))),
        jacobian(X, KroneckerProduct(eye("m"), B.T), vec="C"),
        vjp(X, mul(Ybar, B.T)),
    ],
    derivation=derivation(
        X,
        step(Trace(mul(Ybar.T, dX, B)), "dL = tr(Ȳᵀ dY), with dY = dX B"),
        step(Trace(mul(B, Ybar.T, dX)), "cyclic trace: move B to the front"),
        step(Trace(mul(Transpose(mul(Ybar, B.T)), dX)), "BȲᵀ = (ȲBᵀ)ᵀ: the form tr(Gᵀ dX), G = ȲBᵀ"),
    ),
    see_also=("left-product-jacobian", "vec-kronecker", "linear-layer"),
    sources=(cookbook(74, locator="entry by entry, ∂(XB)_ij/∂X_kl = δ_ik B_lj; also eq. (520) with A = I"),
             cite("magnus2019matrix", "ch. 9, Jacobian matrices of matrix functions")),
    aliases=("jacobian of XB", "right multiplication jacobian", "B^T kron I"),
)
