"""The Jacobian of X ↦ X ⊗ A: a commutation matrix sorts vec(X) ⊗ vec(A) into vec(X ⊗ A).

X ⊗ A is linear in X, with differential dX ⊗ A, but its Jacobian is not a Kronecker product of
two small matrices: the entries of vec(X ⊗ A) are the products X_ij A_kl in an interleaved order.
For X of shape m×n and A of shape p×q, vec(X ⊗ A) = (I_n ⊗ K_{q,m} ⊗ I_p)(vec X ⊗ vec A)
(Magnus & Neudecker), and vec X ⊗ vec A = (I_{mn} ⊗ vec A) vec X, so

∂vec(X ⊗ A)/∂vec X = (I_n ⊗ K_{q,m} ⊗ I_p)(I_{mn} ⊗ vec A),

an mnpq×mn matrix. Column j·m + i of it holds vec(E_ij ⊗ A), the Kronecker product of the unit
matrix E_ij with A, which is the definition of a Jacobian column read off directly.

With rows stacked, vec_r(X ⊗ A) = vec(Xᵀ ⊗ Aᵀ), and the same rearrangement applied to the
transposes gives (I_m ⊗ K_{p,n} ⊗ I_q)(I_{mn} ⊗ vec_r A): every size trades with its partner. The
classic mistakes are the sizes of K swapped, the commutation matrix left out (I_{mnpq} in its
place, which treats vec X ⊗ vec A as if it were vec(X ⊗ A)) and vec A for vec_r A; all fail here at
sizes that differ. In reverse mode the Jacobian is never formed: the gradient with respect to X is
the matrix of the pairings ⟨Ȳ_ij, A⟩ of the blocks of the upstream gradient with A.

>>> from identities import get, verify
>>> verify(get("kronecker-left-variable-jacobian")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
A = matrix("A", "p", "q")
dX = d(X)
m, n, p, q = dim("m"), dim("n"), dim("p"), dim("q")

IDENTITY = identity(
    id="kronecker-left-variable-jacobian",
    title="Jacobian of X ⊗ A with respect to the left factor",
    output="Y",
    symbols=[variable(X, "the variable, the left factor, m×n"), constant(A, "the right factor, p×q")],
    function=KroneckerProduct(X, A),
    claims=[
        differential_of(X, KroneckerProduct(dX, A)),
        jacobian(X, mul(KroneckerProduct(eye("n"), commutation(q, m), eye("p")), KroneckerProduct(eye(m * n), Vec(A)))),
        jacobian(X, mul(KroneckerProduct(eye("m"), commutation(p, n), eye("q")),
                        KroneckerProduct(eye(m * n), Vec(A, "C"))), vec="C"),
    ],
    derivation=derivation(
        X,
        step(KroneckerProduct(dX, A), "X ⊗ A is linear in X"),
        step(mul(KroneckerProduct(eye("n"), commutation(q, m), eye("p")), KroneckerProduct(Vec(dX), Vec(A))),
             "vec(P ⊗ Q) = (I_n ⊗ K_{q,m} ⊗ I_p)(vec P ⊗ vec Q) for P m×n and Q p×q", vec="F"),
        step(mul(KroneckerProduct(eye("n"), commutation(q, m), eye("p")), KroneckerProduct(eye(m * n), Vec(A)),
                 Vec(dX)),
             "u ⊗ v = (I ⊗ v) u for a column u: vec dX ⊗ vec A = (I_{mn} ⊗ vec A) vec dX"),
    ),
    see_also=("kronecker-right-variable-jacobian", "commutation-kronecker-swap", "commutation-transpose",
              "vec-kronecker"),
    sources=(cite("magnus1979commutation"), cite("magnus2019matrix", "ch. 9, Jacobian matrices of matrix functions")),
    aliases=("derivative of kronecker product", "jacobian of X kron A", "vec of kronecker product"),
)
