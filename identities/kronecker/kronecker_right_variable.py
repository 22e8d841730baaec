"""The Jacobian of X ↦ A ⊗ X: the same commutation sort, with the variable on the right.

For A of shape p×q and X of shape m×n, A ⊗ X is linear in X with differential A ⊗ dX, and
vec(A ⊗ X) = (I_q ⊗ K_{n,p} ⊗ I_m)(vec A ⊗ vec X) (Magnus & Neudecker's rule for the vec of a
Kronecker product). Now the variable is the second factor, and vec A ⊗ vec X = (vec A ⊗ I_{mn}) vec X,
so

∂vec(A ⊗ X)/∂vec X = (I_q ⊗ K_{n,p} ⊗ I_m)(vec A ⊗ I_{mn}).

Each block of mn rows of vec A ⊗ I_{mn} is one entry of A times the identity: the entries of
A ⊗ X are A_kl X_ij, and every entry of X appears once for each entry of A. With rows stacked the
roles of rows and columns swap throughout: (I_p ⊗ K_{m,q} ⊗ I_n)(vec_r A ⊗ I_{mn}).

Compared with X ⊗ A ({identity}`kronecker-left-variable-jacobian`), both the commutation matrix and
the side on which vec A enters change; copying the left-factor formula here, or forgetting K, is
the classic mistake and fails here at distinct sizes.

>>> from identities import get, verify
>>> verify(get("kronecker-right-variable-jacobian")).ok
True
"""

from identities.define import *

A = matrix("A", "p", "q")
X = matrix("X", "m", "n")
dX = d(X)
m, n, p, q = dim("m"), dim("n"), dim("p"), dim("q")

IDENTITY = identity(
    id="kronecker-right-variable-jacobian",
    title="Jacobian of A ⊗ X with respect to the right factor",
    output="Y",
    symbols=[variable(X, "the variable, the right factor, m×n"), constant(A, "the left factor, p×q")],
    function=KroneckerProduct(A, X),
    claims=[
        differential_of(X, KroneckerProduct(A, dX)),
        jacobian(X, mul(KroneckerProduct(eye("q"), commutation(n, p), eye("m")), KroneckerProduct(Vec(A), eye(m * n)))),
        jacobian(X, mul(KroneckerProduct(eye("p"), commutation(m, q), eye("n")),
                        KroneckerProduct(Vec(A, "C"), eye(m * n))), vec="C"),
    ],
    derivation=derivation(
        X,
        step(KroneckerProduct(A, dX), "A ⊗ X is linear in X"),
        step(mul(KroneckerProduct(eye("q"), commutation(n, p), eye("m")), KroneckerProduct(Vec(A), Vec(dX))),
             "vec(P ⊗ Q) = (I_q ⊗ K_{n,p} ⊗ I_m)(vec P ⊗ vec Q) for P p×q and Q m×n", vec="F"),
        step(mul(KroneckerProduct(eye("q"), commutation(n, p), eye("m")), KroneckerProduct(Vec(A), eye(m * n)),
                 Vec(dX)),
             "v ⊗ u = (v ⊗ I) u for a column u: vec A ⊗ vec dX = (vec A ⊗ I_{mn}) vec dX"),
    ),
    see_also=("kronecker-left-variable-jacobian", "commutation-kronecker-swap", "vec-kronecker"),
    sources=(cite("magnus1979commutation"), cite("magnus2019matrix", "ch. 9, Jacobian matrices of matrix functions")),
    aliases=("jacobian of A kron X", "kronecker product derivative right factor"),
)
