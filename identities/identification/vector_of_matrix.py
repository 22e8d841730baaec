"""Vector function of a matrix: df = A d vec X ⇒ Df(X) = A; for f(X) = Xa, A = aᵀ ⊗ I_m.

A vector-valued f of an m×n matrix has a k×mn Jacobian: the identification theorem asks for the
differential in the form df = A d vec X. For f(X) = Xa with a constant a of length n, df = dX a,
and the sandwich rule with the n×1 factor a on the right gives dX a = (aᵀ ⊗ I_m) vec dX, so
Df(X) = aᵀ ⊗ I_m, an m×mn matrix: block j of its columns is aⱼ I_m, because column j of X enters
the output with weight aⱼ. With rows stacked the same map is I_m ⊗ aᵀ: each output entry is the
dot product of a row of X with a.

The two orders are where this goes wrong in code (NumPy's default ``reshape`` stacks rows); a ⊗ I
for aᵀ ⊗ I is the other slip, wrong in shape.

>>> from identities import get, verify
>>> verify(get("identification-vector-of-matrix")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
a = vector("a", "n")
dX = d(X)

IDENTITY = identity(
    id="identification-vector-of-matrix",
    title="Identification, vector of a matrix: Xa has Jacobian aᵀ ⊗ I",
    output="y",
    symbols=[variable(X, "the variable, m×n"), constant(a, "a vector of length n")],
    function=mul(X, a),
    claims=[
        differential_of(X, mul(dX, a)),
        jacobian(X, KroneckerProduct(a.T, eye("m"))),
        jacobian(X, KroneckerProduct(eye("m"), a.T), vec="C"),
    ],
    derivation=derivation(
        X,
        step(mul(dX, a), "Xa is linear in X"),
        step(mul(eye("m"), dX, a), "write it as the sandwich I_m dX a"),
        step(mul(KroneckerProduct(a.T, eye("m")), Vec(dX)), "vec(PMQ) = (Qᵀ ⊗ P) vec(M), and vec of a column is itself",
             vec="F"),
    ),
    see_also=("identification-vector-of-matrix-transposed", "right-product-jacobian", "vec-kronecker"),
    sources=(cite("magnus2019matrix", "§9.6, the first identification table (p. 197)"),),
    aliases=("jacobian of Xa", "matrix-vector product jacobian"),
)
