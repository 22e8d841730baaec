"""The congruence XᵀBX changes by XᵀB dX + dXᵀBX; its backward pass is X̄ = BXȲᵀ + BᵀXȲ.

For an n×k matrix X and a constant n×n matrix B, Y = XᵀBX is the k×k matrix of the bilinear form
of B on the columns of X (a Gram matrix in the metric B). X occurs twice, so
dY = XᵀB dX + dXᵀBX. With dX the single-entry matrix Jⁱʲ this is the Matrix Cookbook's
∂(XᵀBX)/∂Xᵢⱼ = XᵀBJⁱʲ + JʲⁱBX. In vec form the second term goes through the commutation matrix,
vec(dXᵀBX) = ((BX)ᵀ ⊗ I)K vec(dX), which gives the Jacobian; and pairing with an upstream
gradient Ȳ and moving dX to the end gives the backward pass X̄ = BXȲᵀ + BᵀXȲ.

Y is symmetric when B is; for a general B the two terms of the backward pass differ and neither
may be doubled. Used for projected covariances XᵀΣX, Rayleigh–Ritz matrices and the
metric tensors of learned embeddings.

>>> from identities import get, verify
>>> verify(get("congruence-differential")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "k")
B = matrix("B", "n", "n")
Ybar = bar("Y", "k", "k")
dX = d(X)

IDENTITY = identity(
    id="congruence-differential",
    title="Differential, Jacobian and backward pass of the congruence XᵀBX",
    output="Y",
    symbols=[variable(X, "the variable, n×k"),
             constant(B, "a constant n×n matrix, not necessarily symmetric"),
             upstream(Ybar, "the upstream gradient ∇_Y L, k×k")],
    function=mul(X.T, B, X),
    claims=[
        differential_of(X, add(mul(X.T, B, dX), mul(dX.T, B, X))),
        jacobian(X, add(KroneckerProduct(eye("k"), mul(X.T, B)),
                        mul(KroneckerProduct(Transpose(mul(B, X)), eye("k")), commutation("n", "k"))), vec="F"),
        vjp(X, add(mul(B, X, Ybar.T), mul(B.T, X, Ybar))),
    ],
    derivation=derivation(
        X,
        step(Trace(mul(Ybar.T, add(mul(X.T, B, dX), mul(dX.T, B, X)))),
             "dL = tr(Ȳᵀ dY), with dY = XᵀB dX + dXᵀBX by the product rule"),
        step(add(Trace(mul(Ybar.T, X.T, B, dX)), Trace(mul(X.T, B.T, dX, Ybar))),
             "transpose the second trace: tr(Ȳᵀ dXᵀBX) = tr(XᵀBᵀ dX Ȳ)"),
        step(Trace(mul(Transpose(add(mul(B, X, Ybar.T), mul(B.T, X, Ybar))), dX)),
             "cycle dX to the end: tr(ȲᵀXᵀB dX) + tr(ȲXᵀBᵀ dX) = tr(X̄ᵀ dX)"),
    ),
    see_also=("gram-matrix-jacobian", "commutation-transpose", "vec-kronecker", "trace-quadratic"),
    sources=(cookbook(79, 80),),
    aliases=("derivative of X transpose B X", "xtbx differential", "congruence jacobian", "metric gram matrix"),
)
