"""The Jacobian of X ↦ XᵀA is (Aᵀ ⊗ I_n)K_{m,n}: a transpose inside brings in the commutation matrix.

For X of shape m×n and a constant A of shape m×q, F = XᵀA is n×q and linear in X, dF = dXᵀA. Entry by
entry, (XᵀA)_ij = Σ_k X_ki A_kj, so ∂(XᵀA)_ij/∂X_kl = δ_il A_kj: entry (i, j) of the output depends on
column i of X only. Vectorised, dXᵀA = I_n dXᵀ A gives (Aᵀ ⊗ I_n) vec(dXᵀ), and vec(dXᵀ) = K_{m,n} vec(dX),
so the Jacobian is (Aᵀ ⊗ I_n)K_{m,n}, nq×mn. With rows stacked, vec_r(I_n dXᵀ A) = (I_n ⊗ Aᵀ) vec_r(dXᵀ)
and vec_r(dXᵀ) = K_{n,m} vec_r(dX): (I_n ⊗ Aᵀ)K_{n,m}.

Compared with X ↦ XA ({identity}`right-product-jacobian`, Aᵀ ⊗ I with no K), the transpose of X costs
exactly one commutation matrix; dropping it, or using K_{n,m} with columns stacked, are the classic
mistakes and fail here at m ≠ n. The reverse-mode product needs no K: ⟨Ȳ, dXᵀA⟩ = ⟨AȲᵀ, dX⟩.

>>> from identities import get, verify
>>> verify(get("transpose-product-jacobian")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
A = matrix("A", "m", "q")
Ybar = bar("Y", "n", "q")
dX = d(X)
m, n = dim("m"), dim("n")

IDENTITY = identity(
    id="transpose-product-jacobian",
    title="Jacobian of XᵀA: (Aᵀ ⊗ I)K",
    output="Y",
    symbols=[
        variable(X, "the variable, m×n"),
        constant(A, "the right factor, m×q"),
        upstream(Ybar, "the upstream gradient ∇_Y L, n×q"),
    ],
    function=mul(X.T, A),
    claims=[
        differential_of(X, mul(dX.T, A)),
        jacobian(X, mul(KroneckerProduct(A.T, eye("n")), commutation(m, n))),
        jacobian(X, mul(KroneckerProduct(eye("n"), A.T), commutation(n, m)), vec="C"),
        vjp(X, mul(A, Ybar.T)),
    ],
    derivation=derivation(
        X,
        step(Trace(mul(Ybar.T, dX.T, A)), "dL = tr(Ȳᵀ dY), with dY = dXᵀA"),
        step(Trace(mul(A.T, dX, Ybar)), "a trace equals the trace of the transpose"),
        step(Trace(mul(Ybar, A.T, dX)), "cyclic trace: move dX to the end"),
        step(Trace(mul(Transpose(mul(A, Ybar.T)), dX)), "ȲAᵀ = (AȲᵀ)ᵀ: the form tr(Gᵀ dX), G = AȲᵀ"),
    ),
    see_also=("right-product-jacobian", "transpose-sandwich-jacobian", "commutation-transpose"),
    sources=(cookbook(75, locator="entry by entry, ∂(XᵀA)_ij/∂X_kl = δ_il A_kj"), cite("magnus1979commutation")),
    aliases=("transposed product jacobian", "d(X^T A)"),
)
