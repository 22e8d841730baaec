"""Gradients of the scaled attention scores S = QKᵀ/√d with respect to the queries and the keys.

The n queries (rows of Q, n×d) and the m keys (rows of K, m×d) share the head size d; the score
matrix S has one row per query and one column per key, S_ij = ⟨q_i, k_j⟩/√d. Dividing by √d keeps
the scores at unit variance when the entries of q and k are independent with unit variance, so
that the softmax applied next does not saturate.

S is bilinear in (Q, K), so its differential follows from the product rule and the transpose
rule: dS = (dQ Kᵀ + Q dKᵀ)/√d. Each half is the forward-mode product (JVP) for one argument.
For the backward pass, pair dS with the upstream gradient S̄ = ∇_S L (n×m, like S): the change
of the loss is tr(S̄ᵀ dS). Moving K and Q around the trace so that dQ and dK stand on the right
gives ∇_Q L = S̄K/√d and ∇_K L = S̄ᵀQ/√d.

A shape check confirms the transposes: S̄K is n×d like Q, and S̄ᵀQ is m×d like K. The 1/√d
factor is easy to forget in a hand-written backward pass; it multiplies both gradients.

>>> from identities import get, verify
>>> verify(get("attention-scores")).ok
True
"""

from identities.define import *

Q = matrix("Q", "n", "d")
K = matrix("K", "m", "d")
Sbar = bar("S", "n", "m")
dQ, dK = d(Q), d(K)
root_d = sqrt(dim("d"))

IDENTITY = identity(
    id="attention-scores",
    title="Gradients of the attention scores S = QKᵀ/√d",
    output="S",
    symbols=[
        variable(Q, "the queries, one row per query: n×d"),
        variable(K, "the keys, one row per key: m×d"),
        upstream(Sbar, "the upstream gradient ∇_S L, n×m like S"),
    ],
    function=mul(1 / root_d, Q, K.T),
    claims=[
        differential_of(Q, mul(1 / root_d, dQ, K.T)),
        differential_of(K, mul(1 / root_d, Q, dK.T)),
        vjp(Q, mul(1 / root_d, Sbar, K)),
        vjp(K, mul(1 / root_d, Sbar.T, Q)),
    ],
    derivation=derivation(
        (Q, K),
        step(mul(1 / root_d, Trace(mul(Sbar.T, add(mul(dQ, K.T), mul(Q, dK.T))))),
             "dL = tr(S̄ᵀ dS), with dS = (dQ Kᵀ + Q dKᵀ)/√d by the product and transpose rules"),
        step(mul(1 / root_d, add(Trace(mul(Sbar.T, dQ, K.T)), Trace(mul(Sbar.T, Q, dK.T)))),
             "linearity of the trace"),
        step(mul(1 / root_d, add(Trace(mul(K.T, Sbar.T, dQ)), Trace(mul(dK, Q.T, Sbar)))),
             "cyclic trace on the first term; tr(M) = tr(Mᵀ) on the second"),
        step(add(Trace(mul(Transpose(mul(1 / root_d, Sbar, K)), dQ)),
                 Trace(mul(Transpose(mul(1 / root_d, Sbar.T, Q)), dK))),
             "cyclic trace on the second term; both in the form tr(Gᵀ d·)"),
    ),
    see_also=("softmax-attention", "linear-layer", "rule-product", "rule-transpose"),
    sources=(cite("vaswani2017attention", "§3.2.1, scaled dot-product attention"),
             cite("giles2008extended", "the matrix product (results of Dwyer and Macphail)")),
    aliases=("attention scores", "scaled dot product", "qk scores"),
)
