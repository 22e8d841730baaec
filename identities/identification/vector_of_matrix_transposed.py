"""Vector function of a matrix through its transpose: f(X) = Xᵀa has Jacobian I_n ⊗ aᵀ.

For X of shape m×n and a of length m, f(X) = Xᵀa is the vector of the dot products of the columns
of X with a, so output j depends only on column j of X, with the row aᵀ as its derivative. With
columns stacked the Jacobian is block diagonal, I_n ⊗ aᵀ (n×mn); with rows stacked it is aᵀ ⊗ I_n.
The same result comes from the recipe: df = dXᵀa = (aᵀ ⊗ I_n) vec(dXᵀ) = (aᵀ ⊗ I_n)K_{m,n} vec dX, and
the commutation matrix, met by a vector, turns the Kronecker product around:
(aᵀ ⊗ I_n)K_{m,n} = I_n ⊗ aᵀ.

Comparing with f(X) = Xa ({identity}`identification-vector-of-matrix`), the transpose of X swaps the
factors of the Jacobian in each vec order — which is exactly the mistake of using the other
order's formula, and fails here with m ≠ n.

>>> from identities import get, verify
>>> verify(get("identification-vector-of-matrix-transposed")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
a = vector("a", "m")
dX = d(X)
m, n = dim("m"), dim("n")

IDENTITY = identity(
    id="identification-vector-of-matrix-transposed",
    title="Identification, vector of a matrix: Xᵀa has Jacobian I ⊗ aᵀ",
    output="y",
    symbols=[variable(X, "the variable, m×n"), constant(a, "a vector of length m")],
    function=mul(X.T, a),
    claims=[
        differential_of(X, mul(dX.T, a)),
        jacobian(X, KroneckerProduct(eye("n"), a.T)),
        jacobian(X, KroneckerProduct(a.T, eye("n")), vec="C"),
    ],
    derivation=derivation(
        X,
        step(mul(dX.T, a), "Xᵀa is linear in X and d(Xᵀ) = (dX)ᵀ"),
        step(mul(KroneckerProduct(a.T, eye("n")), Vec(dX.T)), "vec(PMQ) = (Qᵀ ⊗ P) vec(M) with M = dXᵀ", vec="F"),
        step(mul(KroneckerProduct(a.T, eye("n")), commutation(m, n), Vec(dX)), "vec(dXᵀ) = K_{m,n} vec(dX)"),
        step(mul(KroneckerProduct(eye("n"), a.T), Vec(dX)), "K moves across: (aᵀ ⊗ I_n)K_{m,n} = I_n ⊗ aᵀ"),
    ),
    see_also=("identification-vector-of-matrix", "commutation-transpose", "transpose-sandwich-jacobian"),
    sources=(cite("magnus2019matrix", "§9.6, the first identification table (p. 197)"),),
    aliases=("jacobian of X^T a", "transposed matrix-vector jacobian"),
)
