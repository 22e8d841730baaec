"""The Jacobian of XᵀX is 2N_n(I_n ⊗ Xᵀ) with columns stacked and 2N_n(Xᵀ ⊗ I_n) with rows stacked.

For X of shape m×n the cross-product matrix Y = XᵀX is n×n and symmetric; it is the Gram matrix of
the columns of X (the covariance of centred data, the normal-equations matrix of least squares).
Its differential dY = dXᵀ X + Xᵀ dX has two terms. The second vectorises directly,
vec(Xᵀ dX) = (I_n ⊗ Xᵀ) vec(dX); the first goes through the transpose, vec(dXᵀ X) =
(Xᵀ ⊗ I_n) K_{m,n} vec(dX) = K_{n,n}(I_n ⊗ Xᵀ) vec(dX), and the two collect into
(I + K_{n,n})(I_n ⊗ Xᵀ) = 2N_n(I_n ⊗ Xᵀ), the symmetriser N_n acting from the left because the
output is symmetric.

With rows stacked the Kronecker factors trade places, 2N_n(Xᵀ ⊗ I_n); the symmetriser stays where
it is, because vec_r(Y) = vec(Y) for a symmetric Y. Dropping N_n (taking 2(I_n ⊗ Xᵀ), as if the
two terms of dY were equal: only their symmetric parts are), K_{n,n} in place of N_n, and the
factors of the other vec order are the classic mistakes; all are rejected here with m ≠ n. The
companion {identity}`gram-matrix-jacobian` differentiates XXᵀ, whose Jacobian has the factors the
other way round.

>>> from identities import get, verify
>>> verify(get("gram-matrix-transpose-jacobian")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
dX = d(X)
m, n = dim("m"), dim("n")

IDENTITY = identity(
    id="gram-matrix-transpose-jacobian",
    title="Jacobian of the cross-product matrix XᵀX",
    output="Y",
    symbols=[variable(X, "an m×n matrix")],
    function=mul(X.T, X),
    claims=[
        differential_of(X, add(mul(dX.T, X), mul(X.T, dX))),
        jacobian(X, mul(2, symmetrizer(n), KroneckerProduct(eye("n"), X.T))),
        jacobian(X, mul(2, symmetrizer(n), KroneckerProduct(X.T, eye("n"))), vec="C"),
    ],
    derivation=derivation(
        X,
        step(add(mul(dX.T, X), mul(X.T, dX)), "product rule, with d(Xᵀ) = (dX)ᵀ"),
        step(add(mul(KroneckerProduct(X.T, eye("n")), Vec(dX.T)), mul(KroneckerProduct(eye("n"), X.T), Vec(dX))),
             "vec(AMB) = (Bᵀ ⊗ A) vec(M) on each term", vec="F"),
        step(add(mul(KroneckerProduct(X.T, eye("n")), commutation(m, n), Vec(dX)),
                 mul(KroneckerProduct(eye("n"), X.T), Vec(dX))),
             "vec(dXᵀ) = K_{m,n} vec(dX)"),
        step(add(mul(commutation(n, n), KroneckerProduct(eye("n"), X.T), Vec(dX)),
                 mul(KroneckerProduct(eye("n"), X.T), Vec(dX))),
             "K moves across a Kronecker product: (Xᵀ ⊗ I_n) K_{m,n} = K_{n,n}(I_n ⊗ Xᵀ)"),
        step(mul(2, symmetrizer(n), KroneckerProduct(eye("n"), X.T), Vec(dX)),
             "collect: (K_{n,n} + I)(I_n ⊗ Xᵀ) = 2N_n(I_n ⊗ Xᵀ)"),
    ),
    see_also=("gram-matrix-jacobian", "commutation-transpose", "vec-kronecker"),
    sources=(cite("magnus2019matrix", "ch. 9, Jacobian matrices of matrix functions"),),
    aliases=("jacobian of X^T X", "cross-product matrix derivative", "normal matrix jacobian"),
)
