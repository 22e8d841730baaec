"""The Jacobian of the free entries of XXᵀ: ∂vech(XXᵀ)/∂vec X = 2L_m N_m(X ⊗ I_m).

A symmetric output has only m(m+1)/2 free entries, and a Jacobian that lists all m² of them
repeats each off-diagonal row. Keeping one copy of each is multiplying from the left by the
elimination matrix L_m (L_m vec Y = vech Y, the lower triangle column by column). For the Gram
matrix Y = XXᵀ of an m×n matrix X, whose full Jacobian is 2N_m(X ⊗ I_m), the Jacobian of vech(Y)
is therefore 2L_m N_m(X ⊗ I_m), an m(m+1)/2 × mn matrix — the form in which the derivative of a
covariance matrix enters the information matrix of a multivariate normal model.

With the rows of X stacked the output, a vector, is unchanged, and only the variable's order moves:
2L_m N_m(I_m ⊗ X), because N_m K_{m,m} = N_m absorbs the commutation matrix. Dropping N_m
(2L_m(X ⊗ I_m) gets the off-diagonal rows wrong: it keeps only one of the two terms of dY) is the
classic mistake, rejected here.

>>> from identities import get, verify
>>> verify(get("gram-vech-jacobian")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
dX = d(X)

IDENTITY = identity(
    id="gram-vech-jacobian",
    title="Jacobian of vech(XXᵀ) with the elimination and symmetrizer matrices",
    output="v",
    symbols=[variable(X, "an m×n matrix")],
    function=mul(elimination("m"), Vec(mul(X, X.T))),
    claims=[
        jacobian(X, mul(2, elimination("m"), symmetrizer("m"), KroneckerProduct(X, eye("m")))),
        jacobian(X, mul(2, elimination("m"), symmetrizer("m"), KroneckerProduct(eye("m"), X)), vec="C"),
    ],
    derivation=derivation(
        X,
        step(mul(elimination("m"), Vec(add(mul(dX, X.T), mul(X, dX.T)))), "L_m and vec are linear; product rule"),
        step(mul(2, elimination("m"), symmetrizer("m"), KroneckerProduct(X, eye("m")), Vec(dX)),
             "vec(dX Xᵀ + X dXᵀ) = 2N_m(X ⊗ I_m) vec(dX), the Jacobian of XXᵀ"),
    ),
    see_also=("gram-matrix-jacobian", "duplication-elimination", "commutation-transpose"),
    sources=(cite("magnus1980elimination"), cite("magnus2019matrix", "ch. 9, Jacobian matrices of matrix functions")),
    aliases=("jacobian of vech", "half-vectorization jacobian", "covariance jacobian"),
)
