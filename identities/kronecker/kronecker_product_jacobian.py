"""The Jacobians of the Kronecker product X ⊗ Y: a commutation matrix sorts vec X ⊗ vec Y into vec(X ⊗ Y).

The Kronecker product is bilinear, and its differential follows the product rule,
d(X ⊗ Y) = dX ⊗ Y + X ⊗ dY, with the factors kept in their places. Its Jacobians are not Kronecker
products of two small matrices: the entries of vec(X ⊗ Y) are the products X_ij Y_kl in an
interleaved order. For X of shape m×n and Y of shape p×q, Magnus and Neudecker's rule
vec(X ⊗ Y) = (I_n ⊗ K_{q,m} ⊗ I_p)(vec X ⊗ vec Y) says which order, and writing
vec X ⊗ vec Y = (I_{mn} ⊗ vec Y) vec X = (vec X ⊗ I_{pq}) vec Y separates the two variables:

∂vec(X ⊗ Y)/∂vec X = (I_n ⊗ K_{q,m} ⊗ I_p)(I_{mn} ⊗ vec Y),
∂vec(X ⊗ Y)/∂vec Y = (I_n ⊗ K_{q,m} ⊗ I_p)(vec X ⊗ I_{pq}),

each mnpq rows tall. With rows stacked, vec_r(X ⊗ Y) = vec(Xᵀ ⊗ Yᵀ), and the same rule applied to the
transposes gives (I_m ⊗ K_{p,n} ⊗ I_q) in front, with vec_r in place of vec: every size trades with
its partner. The classic mistakes are the sizes of K swapped, K left out (which treats
vec X ⊗ vec Y as if it were vec(X ⊗ Y)), and the other vec order's vec Y; all fail here at sizes
that differ.

>>> from identities import get, verify
>>> verify(get("kronecker-product-jacobian")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
Y = matrix("Y", "p", "q")
dX, dY = d(X), d(Y)
m, n, p, q = dim("m"), dim("n"), dim("p"), dim("q")
sort_F = KroneckerProduct(eye("n"), commutation(q, m), eye("p"))
sort_C = KroneckerProduct(eye("m"), commutation(p, n), eye("q"))

IDENTITY = identity(
    id="kronecker-product-jacobian",
    title="Jacobians of the Kronecker product X ⊗ Y",
    output="P",
    symbols=[variable(X, "the left factor, m×n"), variable(Y, "the right factor, p×q")],
    function=KroneckerProduct(X, Y),
    claims=[
        differential_of(X, KroneckerProduct(dX, Y)),
        differential_of(Y, KroneckerProduct(X, dY)),
        jacobian(X, mul(sort_F, KroneckerProduct(eye(m * n), Vec(Y)))),
        jacobian(X, mul(sort_C, KroneckerProduct(eye(m * n), Vec(Y, "C"))), vec="C"),
        jacobian(Y, mul(sort_F, KroneckerProduct(Vec(X), eye(p * q)))),
        jacobian(Y, mul(sort_C, KroneckerProduct(Vec(X, "C"), eye(p * q))), vec="C"),
    ],
    derivation=derivation(
        (X, Y),
        step(add(KroneckerProduct(dX, Y), KroneckerProduct(X, dY)), "product rule: the Kronecker product is bilinear"),
        step(mul(sort_F, add(KroneckerProduct(Vec(dX), Vec(Y)), KroneckerProduct(Vec(X), Vec(dY)))),
             "vec(P ⊗ Q) = (I_n ⊗ K_{q,m} ⊗ I_p)(vec P ⊗ vec Q) for P m×n and Q p×q", vec="F"),
        step(add(mul(sort_F, KroneckerProduct(eye(m * n), Vec(Y)), Vec(dX)),
                 mul(sort_F, KroneckerProduct(Vec(X), eye(p * q)), Vec(dY))),
             "u ⊗ v = (I ⊗ v)u = (u ⊗ I)v for columns u, v"),
    ),
    see_also=("commutation-kronecker-swap", "commutation-transpose", "kronecker-mixed-product", "vec-kronecker"),
    sources=(cookbook(39), cite("magnus1979commutation"),
             cite("magnus2019matrix", "ch. 9, Jacobian matrices of matrix functions")),
    aliases=("derivative of kronecker product", "jacobian of X kron Y", "vec of kronecker product",
             "kronecker product rule"),
)
