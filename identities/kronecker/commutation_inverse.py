"""The commutation matrix is orthogonal: K_{n,m} undoes K_{m,n}, so K_{m,n}⁻¹ = K_{m,n}ᵀ = K_{n,m}.

K_{m,n} maps vec(A) to vec(Aᵀ) for A of shape m×n; transposing back is the map K_{n,m}, which
takes vec of an n×m matrix to vec of its transpose. One after the other they return every vector
unchanged, K_{n,m}K_{m,n} vec(A) = vec(A), that is K_{n,m}K_{m,n} = I_{mn}. Being a permutation
matrix, K_{m,n} is orthogonal, so the same matrix is its transpose, K_{m,n}ᵀ = K_{n,m}. With m = n
this says K_{n,n} is symmetric and its own inverse, which is why the symmetriser
N_n = (I + K_{n,n})/2 is a projection.

The subscripts are the trap: K_{m,n}K_{m,n} is not the identity when m ≠ n, and reading K_{m,n}ᵀ as
K_{m,n} is the classic slip when a Jacobian containing K is transposed for reverse mode. Both are
among the mutants rejected here, at m ≠ n.

>>> from identities import get, verify
>>> verify(get("commutation-inverse")).ok
True
"""

from identities.define import *

m, n = dim("m"), dim("n")
A = matrix("A", "m", "n")

IDENTITY = identity(
    id="commutation-inverse",
    title="The commutation matrix is orthogonal: its transpose is its inverse",
    output="v",
    symbols=[constant(A, "an m×n matrix")],
    function=Vec(A),
    claims=[equal(mul(commutation(n, m), commutation(m, n), Vec(A)))],
    see_also=("commutation-transpose", "commutation-kronecker-swap"),
    sources=(cite("magnus1979commutation"),),
    aliases=("inverse of commutation matrix", "commutation matrix orthogonal", "K_mn transpose"),
)
