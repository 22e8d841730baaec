"""Matrix function of a matrix: d vec F = A d vec X ⇒ DF(X) = A; for XAXᵀ, (XAᵀ ⊗ I) + (I ⊗ XA)K.

The bottom-right cell of the first identification table is the general case: vectorise the
differential of F and read off the matrix in front of d vec X. For F(X) = XAXᵀ, with X of shape
n×q and a constant q×q matrix A (not necessarily symmetric), dF = dX AXᵀ + XA dXᵀ. The first term
is a sandwich, (XAᵀ ⊗ I_n) vec dX; the second is a sandwich in dXᵀ, (I_n ⊗ XA) vec dXᵀ, and the
commutation matrix converts it: DF(X) = XAᵀ ⊗ I_n + (I_n ⊗ XA)K_{n,q}. With rows stacked,
DF = I_n ⊗ XAᵀ + (XA ⊗ I_n)K_{q,n}.

When A is symmetric the two terms combine into 2N_n(XA ⊗ I_n), the form of
{identity}`gram-matrix-jacobian` (A = I); for a general A they do not, and the symmetriser
shortcut is the classic mistake. Forgetting K, or giving it the wrong sizes, fails here at n ≠ q.

>>> from identities import get, verify
>>> verify(get("identification-matrix-of-matrix")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "q")
A = matrix("A", "q", "q")
dX = d(X)
n, q = dim("n"), dim("q")

IDENTITY = identity(
    id="identification-matrix-of-matrix",
    title="Identification, matrix of a matrix: XAXᵀ",
    output="F",
    symbols=[variable(X, "the variable, n×q"), constant(A, "a square q×q matrix")],
    function=mul(X, A, X.T),
    claims=[
        differential_of(X, add(mul(dX, A, X.T), mul(X, A, dX.T))),
        jacobian(X, add(KroneckerProduct(mul(X, A.T), eye("n")), mul(KroneckerProduct(eye("n"), mul(X, A)),
                                                                      commutation(n, q)))),
        jacobian(X, add(KroneckerProduct(eye("n"), mul(X, A.T)), mul(KroneckerProduct(mul(X, A), eye("n")),
                                                                      commutation(q, n))), vec="C"),
    ],
    derivation=derivation(
        X,
        step(add(mul(dX, A, X.T), mul(X, A, dX.T)), "product rule, with d(Xᵀ) = (dX)ᵀ"),
        step(add(mul(KroneckerProduct(mul(X, A.T), eye("n")), Vec(dX)),
                 mul(KroneckerProduct(eye("n"), mul(X, A)), Vec(dX.T))),
             "vec(PMQ) = (Qᵀ ⊗ P) vec(M) on each term", vec="F"),
        step(add(mul(KroneckerProduct(mul(X, A.T), eye("n")), Vec(dX)),
                 mul(KroneckerProduct(eye("n"), mul(X, A)), commutation(n, q), Vec(dX))),
             "vec(dXᵀ) = K_{n,q} vec(dX): the form A d vec X"),
    ),
    see_also=("identification-matrix-of-vector", "gram-matrix-jacobian", "transpose-sandwich-jacobian"),
    sources=(cite("magnus2019matrix", "§9.6, the first identification table (p. 197)"),),
    aliases=("jacobian of X A X^T", "matrix function of a matrix"),
)
