"""The Frobenius inner product is a dot product of vecs: tr(AᵀB) = vec(A)ᵀ vec(B).

For A and B of the same shape m×n, tr(AᵀB) = Σⱼ (column j of A)ᵀ(column j of B) = Σᵢⱼ A_ij B_ij,
and stacking the columns of both matrices turns that sum into one dot product (a 1×1 matrix,
written as its trace in the formula so that both sides are numbers). This is the bridge
between the two ways of writing a first derivative: a gradient G is defined by df = tr(Gᵀ dX),
and the same number is vec(G)ᵀ vec(dX), so the Jacobian (a row) of a scalar function is vec(G)ᵀ.

Any consistent order works — with rows stacked, tr(AᵀB) = vec_r(A)ᵀ vec_r(B) as well, since both
vectors are permuted alike — but mixing orders does not: vec(A)ᵀ vec_r(B) is a different number.
tr(AB) for tr(AᵀB) is the classic slip; it is wrong in shape unless m = n and in value even then.

>>> from identities import get, verify
>>> verify(get("trace-vec-inner-product")).ok
True
"""

from identities.define import *

A = matrix("A", "m", "n")
B = matrix("B", "m", "n")

IDENTITY = identity(
    id="trace-vec-inner-product",
    title="The trace inner product as a dot product: tr(AᵀB) = vec(A)ᵀvec(B)",
    symbols=[constant(A, "an m×n matrix"), constant(B, "an m×n matrix")],
    function=Trace(mul(A.T, B)),
    claims=[equal(Trace(mul(Vec(A).T, Vec(B))))],
    see_also=("rule-frobenius-identification", "vec-kronecker", "trace-four-product-vec"),
    sources=(cookbook(521),),
    aliases=("frobenius inner product vec", "trace as dot product", "tr(A^T B)"),
)
