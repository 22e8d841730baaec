"""The Jacobian of X ↦ AXᵀB is (Bᵀ ⊗ A)K_{m,n}: the sandwich rule, then the commutation matrix.

For X of shape m×n, A of shape p×n and B of shape m×q, F = AXᵀB is linear in X with
differential A dXᵀ B. The sandwich rule vectorises it in terms of vec(dXᵀ), not vec(dX):
vec(A dXᵀ B) = (Bᵀ ⊗ A) vec(dXᵀ), and the commutation matrix converts, vec(dXᵀ) = K_{m,n} vec(dX).
The Jacobian is the product (Bᵀ ⊗ A)K_{m,n}, pq×mn. With rows stacked, vec_r(A dXᵀ B) =
(A ⊗ Bᵀ) vec_r(dXᵀ) and vec_r(dXᵀ) = K_{n,m} vec_r(dX): the factors swap and so do the sizes of K.

Leaving K out gives a matrix of the right shape only when m = n and the wrong values even then;
putting it on the left, K(Bᵀ ⊗ A), or swapping its sizes are the other classic slips, all rejected
here at distinct sizes. The reverse-mode product needs no K: ⟨Ȳ, A dXᵀ B⟩ = ⟨BȲᵀA, dX⟩, so the
gradient is BȲᵀA.

>>> from identities import get, verify
>>> verify(get("transpose-sandwich-jacobian")).ok
True
"""

from identities.define import *

A = matrix("A", "p", "n")
X = matrix("X", "m", "n")
B = matrix("B", "m", "q")
Ybar = bar("F", "p", "q")
dX = d(X)
m, n = dim("m"), dim("n")

IDENTITY = identity(
    id="transpose-sandwich-jacobian",
    title="Jacobian of AXᵀB: (Bᵀ ⊗ A)K",
    output="F",
    symbols=[
        variable(X, "the variable, m×n"),
        constant(A, "the left factor, p×n"),
        constant(B, "the right factor, m×q"),
        upstream(Ybar, "the upstream gradient ∇_F L, p×q"),
    ],
    function=mul(A, X.T, B),
    claims=[
        differential_of(X, mul(A, dX.T, B)),
        jacobian(X, mul(KroneckerProduct(B.T, A), commutation(m, n))),
        jacobian(X, mul(KroneckerProduct(A, B.T), commutation(n, m)), vec="C"),
        vjp(X, mul(B, Ybar.T, A)),
    ],
    derivation=derivation(
        X,
        step(Trace(mul(Ybar.T, A, dX.T, B)), "dL = tr(F̄ᵀ dF), with dF = A dXᵀ B"),
        step(Trace(mul(B.T, dX, A.T, Ybar)), "a trace equals the trace of the transpose"),
        step(Trace(mul(A.T, Ybar, B.T, dX)), "cyclic trace: move dX to the end"),
        step(Trace(mul(Transpose(mul(B, Ybar.T, A)), dX)), "AᵀF̄Bᵀ = (BF̄ᵀA)ᵀ: the form tr(Gᵀ dX), G = BF̄ᵀA"),
    ),
    see_also=("vec-kronecker", "commutation-transpose", "rule-transpose"),
    sources=(cookbook(locator="§10.2.2, eq. (520) applied to dXᵀ"), cite("magnus1979commutation")),
    aliases=("jacobian of A X^T B", "transpose sandwich", "vec of transpose product"),
)
