"""The Jacobian of the Gram matrix XXᵀ is 2N_m(X ⊗ I_m), with N_m the symmetriser.

For X of shape m×n, Y = XXᵀ is m×m and symmetric. Its differential dY = dX Xᵀ + X dXᵀ has two
terms, and vectorising them takes two rules: vec(dX Xᵀ) = (X ⊗ I_m) vec(dX) by the Kronecker rule,
and vec(X dXᵀ) = (I_m ⊗ X) vec(dXᵀ) = (I_m ⊗ X) K_{m,n} vec(dX), where the commutation matrix K_{m,n}
turns vec(dX) into vec(dXᵀ). Moving K across the Kronecker product, (I_m ⊗ X) K_{m,n} = K_{m,m}(X ⊗ I_m),
collects both terms into (I + K_{m,m})(X ⊗ I_m) = 2N_m(X ⊗ I_m): N_m = (I + K_{m,m})/2 maps vec(M) to
the vec of the symmetric part of M, and the Jacobian of a symmetric output is symmetrised from the
left. With rows stacked the Kronecker factors trade places and the symmetriser stays, 2N_m(I_m ⊗ X):
for a symmetric output vec_r(Y) = vec(Y), and only the order of vec(X) changes.

The classic mistakes are X ⊗ I + I ⊗ X (the commutation matrix forgotten in the second term),
2(X ⊗ I_m) (as if dX Xᵀ and X dXᵀ were equal: only their symmetric parts are), K_{m,m} alone in
place of N_m, and the factors of the Kronecker product swapped (one vec order's form in the
other's place); the last three are among the mutants checked here. One generated mutant is no
mistake: the differential is symmetric, (dX Xᵀ + X dXᵀ)ᵀ = X dXᵀ + dX Xᵀ, so its transpose is the
same matrix, and the mutation report lists it as equivalent.

>>> from identities import get, verify
>>> verify(get("gram-matrix-jacobian")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
dX = d(X)
m, n = dim("m"), dim("n")

IDENTITY = identity(
    id="gram-matrix-jacobian",
    title="Jacobian of the Gram matrix XXᵀ",
    output="Y",
    symbols=[variable(X, "an m×n matrix")],
    function=mul(X, X.T),
    claims=[
        differential_of(X, add(mul(dX, X.T), mul(X, dX.T))),
        jacobian(X, mul(2, symmetrizer(m), KroneckerProduct(X, eye("m")))),
        jacobian(X, mul(2, symmetrizer(m), KroneckerProduct(eye("m"), X)), vec="C"),
    ],
    derivation=derivation(
        X,
        step(add(mul(dX, X.T), mul(X, dX.T)), "product rule, with d(Xᵀ) = (dX)ᵀ"),
        step(add(mul(KroneckerProduct(X, eye("m")), Vec(dX)), mul(KroneckerProduct(eye("m"), X), Vec(dX.T))),
             "vec(AMB) = (Bᵀ ⊗ A) vec(M) on each term", vec="F"),
        step(add(mul(KroneckerProduct(X, eye("m")), Vec(dX)),
                 mul(KroneckerProduct(eye("m"), X), commutation(m, n), Vec(dX))),
             "vec(dXᵀ) = K_{m,n} vec(dX)"),
        step(add(mul(KroneckerProduct(X, eye("m")), Vec(dX)),
                 mul(commutation(m, m), KroneckerProduct(X, eye("m")), Vec(dX))),
             "K moves across a Kronecker product: (I_m ⊗ X) K_{m,n} = K_{m,m}(X ⊗ I_m)"),
        step(mul(2, symmetrizer(m), KroneckerProduct(X, eye("m")), Vec(dX)),
             "collect: (I + K_{m,m})(X ⊗ I_m) = 2N_m(X ⊗ I_m)"),
    ),
    see_also=("commutation-transpose", "vec-kronecker"),
    sources=(cite("magnus1979commutation"),),
    aliases=("jacobian of XX^T", "gram matrix derivative", "outer product jacobian"),
)
