"""A trace of four factors as a bilinear form in vecs: tr(ABCD) = vec(Dᵀ)ᵀ(Cᵀ ⊗ A) vec(B).

Two rules combine. The sandwich rule writes the middle of the product as a vector, vec(ABC) =
(Cᵀ ⊗ A) vec(B), and the trace inner product pairs it with the remaining factor:
tr(ABCD) = tr(D·ABC) = tr((Dᵀ)ᵀ ABC) = vec(Dᵀ)ᵀ vec(ABC). For A of shape m×n, B n×p, C p×q and D
q×m the Kronecker product is mq×np, between a row of length mq and a column of length np; the
1×1 result is written as its trace, so that both sides are numbers.

This is how a second differential such as tr(A dX C dX) becomes a quadratic form vec(dX)ᵀ H vec(dX):
one copy of dX is B, the other is D, and its transpose in vec(Dᵀ) is why a commutation matrix
appears in those Hessians. vec(D) for vec(Dᵀ) — the transpose forgotten — is the classic mistake
and fails here at distinct sizes.

>>> from identities import get, verify
>>> verify(get("trace-four-product-vec")).ok
True
"""

from identities.define import *

A = matrix("A", "m", "n")
B = matrix("B", "n", "p")
C = matrix("C", "p", "q")
D = matrix("D", "q", "m")

IDENTITY = identity(
    id="trace-four-product-vec",
    title="tr(ABCD) = vec(Dᵀ)ᵀ(Cᵀ ⊗ A)vec(B)",
    symbols=[constant(A, "m×n"), constant(B, "n×p"), constant(C, "p×q"), constant(D, "q×m")],
    function=Trace(mul(A, B, C, D)),
    claims=[equal(Trace(mul(Vec(D.T).T, KroneckerProduct(C.T, A), Vec(B))))],
    see_also=("trace-vec-inner-product", "vec-kronecker"),
    sources=(cookbook(locator="§10.2.2: eq. (520) inside eq. (521)"),),
    aliases=("trace of four matrices vec", "tr ABCD kronecker"),
)
