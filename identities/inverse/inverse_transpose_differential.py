"""The differential of the inverse transpose: d(X⁻ᵀ) = −X⁻ᵀ dXᵀ X⁻ᵀ.

X⁻ᵀ = (X⁻¹)ᵀ, so its differential is the transpose of d(X⁻¹) = −X⁻¹dX X⁻¹, which reverses the
product: −X⁻ᵀ dXᵀ X⁻ᵀ. Pairing with an upstream gradient Ȳ and moving the factors across the
trace gives the reverse-mode product X̄ = −X⁻ᵀȲᵀX⁻ᵀ. As a Jacobian, vec(dX⁻ᵀ) is the commutation
matrix applied to vec(dX⁻¹), so J = −K(X⁻ᵀ ⊗ X⁻¹) with K = K_{n,n}, for column-stacking vec; with
rows stacked the same reasoning gives −(X⁻ᵀ ⊗ X⁻¹)K.

X⁻ᵀ is the gradient of log det X, so this Jacobian is also the Hessian of the log-determinant.
The commutation matrix is what tells it from the Jacobian of X⁻¹; forgetting it, or keeping dX
untransposed (−X⁻ᵀdX X⁻ᵀ), are the classic mistakes.

>>> import numpy as np
>>> from identities import check_differential, get, verify
>>> verify(get("inverse-transpose-differential")).ok
True
>>> X = np.array([[2.0, 1.0], [0.5, 3.0]]); inv = np.linalg.inv
>>> check_differential(lambda X: inv(X).T, lambda X, dX: -inv(X).T @ dX.T @ inv(X).T, X).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
Ybar = bar("Y", "n", "n")
dX = d(X)
n = dim("n")
K = commutation(n, n)
Xi = Inverse(X)

IDENTITY = identity(
    id="inverse-transpose-differential",
    title="Differential, Jacobian and backward pass of the inverse transpose X⁻ᵀ",
    output="Y",
    symbols=[
        variable(X, "the variable, an invertible n×n matrix", "invertible"),
        upstream(Ybar, "the upstream gradient ∇_Y ℓ, n×n like Y = X⁻ᵀ"),
    ],
    function=Xi.T,
    claims=[
        differential_of(X, mul(-1, Xi.T, dX.T, Xi.T)),
        vjp(X, mul(-1, Xi.T, Ybar.T, Xi.T)),
        jacobian(X, mul(-1, K, KroneckerProduct(Xi.T, Xi)), vec="F"),
        jacobian(X, mul(-1, KroneckerProduct(Xi.T, Xi), K), vec="C"),
    ],
    derivation=derivation(
        X,
        step(Trace(mul(Ybar.T, Transpose(mul(-1, Xi, dX, Xi)))), "dℓ = ⟨Ȳ, dY⟩ with dY = (d X⁻¹)ᵀ = (−X⁻¹dX X⁻¹)ᵀ"),
        step(mul(-1, Trace(mul(Ybar.T, Xi.T, dX.T, Xi.T))), "(PQR)ᵀ = RᵀQᵀPᵀ"),
        step(mul(-1, Trace(mul(Xi, dX, Xi, Ybar))), "tr(M) = tr(Mᵀ)"),
        step(Trace(mul(Transpose(mul(-1, Xi.T, Ybar.T, Xi.T)), dX)),
             "cyclic trace: −tr(X⁻¹ȲX⁻¹ dX) = tr(X̄ᵀ dX) with X̄ = −X⁻ᵀȲᵀX⁻ᵀ"),
    ),
    see_also=("inverse-differential", "log-det-hessian", "commutation-transpose"),
    sources=(cookbook(locator="eqs. (40) and (44): d(X⁻¹) = −X⁻¹(dX)X⁻¹ and d(Xᵀ) = (dX)ᵀ"),),
    aliases=("derivative of X^-T", "inverse transpose jacobian", "d inverse transpose"),
)
