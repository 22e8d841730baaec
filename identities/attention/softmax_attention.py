"""Backward pass of one attention head O = softmax(QKᵀ/√d) V, softmax taken along each row.

Queries Q (n×d) and keys K (m×d) give the scores S = QKᵀ/√d (n×m); the row-wise softmax turns
each row of S into weights P = softmax(S) that are positive and sum to one; the output O = PV
(n×p) mixes the m value rows of V (m×p) with those weights. Given the upstream gradient
Ō = ∇_O L (n×p), the backward pass runs through the three stages in reverse order.

The product stage is a matrix product, as in a linear layer: V̄ = PᵀŌ and P̄ = ŌVᵀ. The softmax
stage is the only nonlinear one. For a single row p = softmax(s), dp = p ⊙ (ds − (pᵀds)𝟏); for
the matrix this reads dP = P ⊙ (dS − (P ⊙ dS)𝟏𝟏ᵀ), the row sums of P ⊙ dS broadcast across each
row. Its adjoint has the same shape: S̄ = P ⊙ (P̄ − (P ⊙ P̄)𝟏𝟏ᵀ), the upstream gradient centred, in
each row, on its P-weighted mean. The score stage is bilinear and gives Q̄ = S̄K/√d and
K̄ = S̄ᵀQ/√d.

Each formula below is written in terms of Q, K, V and Ō alone (P is recomputed inside it), so
every one is checked against the full forward function. In practice P is kept from the forward
pass; the Jacobian of the softmax (an m×m matrix per row) is never formed, since the row-sum form
costs only O(nm).

>>> from identities import get, verify
>>> verify(get("softmax-attention")).ok
True
"""

from identities.define import *

Q = matrix("Q", "n", "d")
K = matrix("K", "m", "d")
V = matrix("V", "m", "p")
Obar = bar("O", "n", "p")
dQ, dK, dV = d(Q), d(K), d(V)
root_d = sqrt(dim("d"))
ones_row = Ones(1, dim("m"))


def softmax_adjoint(P, upstream):
    """P ⊙ (Ū − (P ⊙ Ū)𝟏𝟏ᵀ): the adjoint of the row softmax at Ū (its differential when Ū is dS)."""
    return HadamardProduct(P, add(upstream, mul(-1, RowSums(HadamardProduct(P, upstream)), ones_row)))


S = named("S", mul(1 / root_d, Q, K.T))
P = named("P", SoftmaxRows(S))
Pbar = named(bar("P", "n", "m"), mul(Obar, V.T))
Vbar = mul(Transpose(P), Obar)
Sbar = named(bar("S", "n", "m"), softmax_adjoint(P, Pbar))
dS = mul(1 / root_d, add(mul(dQ, K.T), mul(Q, dK.T)))
dP = softmax_adjoint(P, dS)
PdS = HadamardProduct(P, dS)
PPbar = HadamardProduct(P, Pbar)

IDENTITY = identity(
    id="softmax-attention",
    title="Backward pass of softmax attention O = softmax(QKᵀ/√d) V",
    output="O",
    symbols=[
        variable(Q, "the queries, one row per query: n×d"),
        variable(K, "the keys, one row per key: m×d"),
        variable(V, "the values, one row per key: m×p"),
        upstream(Obar, "the upstream gradient ∇_O L, n×p like O"),
    ],
    function=mul(P, V),
    claims=[
        vjp(Q, mul(1 / root_d, Sbar, K)),
        vjp(K, mul(1 / root_d, Transpose(Sbar), Q)),
        vjp(V, Vbar),
    ],
    derivation=derivation(
        (Q, K, V),
        step(Trace(mul(Obar.T, add(mul(dP, V), mul(P, dV)))),
             "dL = tr(Ōᵀ dO) with dO = dP V + P dV and the row-softmax differential "
             "dP = P ⊙ (dS − (P ⊙ dS)𝟏𝟏ᵀ), dS = (dQ Kᵀ + Q dKᵀ)/√d"),
        step(add(Trace(mul(Transpose(Pbar), dP)), Trace(mul(Transpose(Vbar), dV))),
             "linearity and cyclic trace: tr(Ōᵀ dP V) = tr((ŌVᵀ)ᵀ dP), tr(ŌᵀP dV) = tr((PᵀŌ)ᵀ dV)"),
        step(add(Trace(mul(Transpose(PPbar), add(dS, mul(-1, RowSums(PdS), ones_row)))),
                 Trace(mul(Transpose(Vbar), dV))),
             "⟨P̄, P ⊙ M⟩ = ⟨P ⊙ P̄, M⟩: a Hadamard factor moves across the Frobenius pairing"),
        step(add(Trace(mul(Transpose(PPbar), dS)),
                 mul(-1, Trace(mul(Transpose(mul(RowSums(PPbar), ones_row)), PdS))),
                 Trace(mul(Transpose(Vbar), dV))),
             "linearity, then cyclic trace with 𝟏𝟏ᵀ symmetric: tr(Mᵀ N𝟏𝟏ᵀ) = tr((M𝟏𝟏ᵀ)ᵀ N)"),
        step(add(Trace(mul(Transpose(Sbar), dS)), Trace(mul(Transpose(Vbar), dV))),
             "move P across the pairing again and collect: S̄ = P ⊙ (P̄ − (P ⊙ P̄)𝟏𝟏ᵀ)"),
        step(add(Trace(mul(Transpose(mul(1 / root_d, Sbar, K)), dQ)),
                 Trace(mul(Transpose(mul(1 / root_d, Transpose(Sbar), Q)), dK)),
                 Trace(mul(Transpose(Vbar), dV))),
             "as for the scores: cyclic trace and tr(M) = tr(Mᵀ) put dQ and dK on the right"),
    ),
    see_also=("attention-scores", "linear-layer"),
    sources=(cite("vaswani2017attention", "§3.2.1, scaled dot-product attention"),
             cite("giles2008extended", "the matrix product (results of Dwyer and Macphail)")),
    aliases=("attention backward", "softmax attention", "scaled dot-product attention"),
)
