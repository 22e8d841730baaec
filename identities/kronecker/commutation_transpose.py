"""The Jacobian of the transpose X ↦ Xᵀ is the commutation matrix K_{m,n}.

The transpose is linear, d(Xᵀ) = (dX)ᵀ, so its Jacobian is the matrix that rearranges vec(dX) into
vec(dXᵀ). For X of shape m×n that rearrangement is a permutation of the mn entries, the
commutation matrix K_{m,n}, defined by K_{m,n} vec(X) = vec(Xᵀ): entry (i, j) of X sits at position
i + jm of vec(X) and at position j + in of vec(Xᵀ). It is orthogonal, K_{m,n}ᵀ = K_{m,n}⁻¹ = K_{n,m},
and it is what appears whenever a Jacobian meets a transpose (the Jacobian of XXᵀ is
2N_m(X ⊗ I_m), with N_m = (I + K_{m,m})/2).

The subscripts follow the shape of the matrix being transposed, and with rows stacked instead of
columns the roles swap: vec_r(Xᵀ) = K_{n,m} vec_r(X). Writing K_{n,m} with column stacking (or
K_{m,n} with row stacking) is the classic mistake; it only goes unnoticed when X is square. Each
form is checked on its own here, with m ≠ n.

>>> import numpy as np
>>> from identities import check_jacobian, get, verify
>>> def commutation(m, n):
...     K = np.zeros((m * n, m * n))
...     for i in range(m):
...         for j in range(n):
...             K[j + i * n, i + j * m] = 1.0
...     return K
>>> X = np.arange(6.0).reshape(2, 3)
>>> check_jacobian(lambda X: X.T, lambda X: commutation(2, 3), X).ok
True
>>> check_jacobian(lambda X: X.T, lambda X: commutation(3, 2), X, vec="C").ok
True
>>> verify(get("commutation-transpose")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
dX = d(X)
m, n = dim("m"), dim("n")

IDENTITY = identity(
    id="commutation-transpose",
    title="Jacobian of the transpose: the commutation matrix",
    output="Y",
    symbols=[variable(X, "an m×n matrix")],
    function=Transpose(X),
    claims=[
        jacobian(X, commutation(m, n)),
        jacobian(X, commutation(n, m), vec="C"),
    ],
    derivation=derivation(
        X,
        step(Transpose(dX), "the transpose is linear: d(Xᵀ) = (dX)ᵀ"),
        step(mul(commutation(m, n), Vec(dX)), "vec(Mᵀ) = K_{m,n} vec(M) for every m×n matrix M", vec="F"),
    ),
    see_also=("vec-kronecker", "gram-matrix-jacobian", "rule-transpose"),
    sources=(cite("magnus1979commutation"),),
    aliases=("commutation matrix", "jacobian of transpose", "K_mn", "vec transpose"),
)
