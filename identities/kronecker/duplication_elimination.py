"""For a symmetric S, the elimination and duplication matrices are inverse maps: D_n L_n vec(S) = vec(S).

A symmetric n×n matrix has only n(n+1)/2 free entries, its lower triangle read column by column,
vech(S). The elimination matrix L_n picks them out of vec(S), L_n vec(S) = vech(S), and the
duplication matrix D_n puts each back in its place and copies each off-diagonal entry into its
mirror position, D_n vech(S) = vec(S). On symmetric matrices D_n L_n is therefore the identity;
on a general X it is not, since D_n L_n vec(X) rebuilds a symmetric matrix from the lower triangle
of X alone.

These matrices turn derivatives with respect to the free entries of a symmetric matrix into
derivatives with respect to all of its entries and back: a covariance matrix parametrised by
vech(Σ) has Jacobians with a D_n on the right. Using L_nᵀ where D_n belongs — it puts the lower
triangle back but leaves the upper triangle at zero — is the classic mistake, rejected here.

>>> from identities import get, verify
>>> verify(get("duplication-elimination")).ok
True
"""

from identities.define import *

S = matrix("S", "n", "n")

IDENTITY = identity(
    id="duplication-elimination",
    title="Duplication undoes elimination on symmetric matrices: DL vec(S) = vec(S)",
    output="v",
    symbols=[constant(S, "a symmetric n×n matrix", "symmetric")],
    function=Vec(S),
    claims=[equal(mul(duplication("n"), elimination("n"), Vec(S)))],
    see_also=("gram-vech-jacobian", "log-det-symmetric", "commutation-transpose"),
    sources=(cite("magnus1980elimination"),),
    aliases=("duplication matrix", "elimination matrix", "vech", "half-vectorization"),
)
