"""The trace of a Kronecker product is the product of the traces: tr(A ⊗ B) = tr(A) tr(B).

For square A (n×n) and B (m×m), the diagonal blocks of A ⊗ B are A_ii B, and the trace of each is
A_ii tr(B); summing over i gives tr(A) tr(B). The same holds for the eigenvalues — those of A ⊗ B
are all products λᵢ(A) μⱼ(B) — and the trace is their sum. A sum tr(A) + tr(B), the trace of the
Kronecker sum A ⊕ B = A ⊗ I_m + I_n ⊗ B divided by the wrong sizes, is the slip to avoid.

It appears wherever a Kronecker-structured matrix meets a trace: the expected squared norm of a
matrix-normal variable, tr(Σ_col ⊗ Σ_row) = tr Σ_col tr Σ_row, and the trace terms of Gaussian
log-likelihoods with separable covariance.

>>> from identities import get, verify
>>> verify(get("kronecker-trace")).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
B = matrix("B", "m", "m")

IDENTITY = identity(
    id="kronecker-trace",
    title="Trace of a Kronecker product: tr(A ⊗ B) = tr A tr B",
    symbols=[constant(A, "a square n×n matrix"), constant(B, "a square m×m matrix")],
    function=Trace(KroneckerProduct(A, B)),
    claims=[equal(mul(Trace(A), Trace(B)))],
    see_also=("kronecker-mixed-product", "kronecker-inverse"),
    sources=(cookbook(515),),
    aliases=("trace of kronecker product", "kron trace"),
)
