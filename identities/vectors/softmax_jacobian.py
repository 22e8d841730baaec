"""The Jacobian of the softmax of a vector is diag(p) − ppᵀ, with p = softmax(x).

Softmax turns a score vector x ∈ ℝⁿ into probabilities pᵢ = exp(xᵢ)/Σₖ exp(xₖ). Differentiating
the quotient, each probability moves with its own score and against the weighted average of all
scores: dp = p ⊙ dx − p (pᵀdx). Both terms are linear in dx, so the n×n Jacobian, rows indexing
outputs, is diag(p) − ppᵀ.

The matrix is symmetric, so the forward (JVP) and reverse (VJP) products use the same matrix:
∇ₓL = (diag(p) − ppᵀ) p̄ = p ⊙ (p̄ − pᵀp̄), which is how frameworks compute it without ever
forming the n×n matrix. Its rows sum to zero — adding a constant to every score changes nothing —
so the Jacobian is singular, with the all-ones vector in its null space. The row-wise softmax of
attention applies this matrix to each row separately.

>>> from identities import get, verify
>>> verify(get("softmax-jacobian")).ok
True
"""

from identities.define import *

x = vector("x", "n")
dx = d(x)
p = named("p", Softmax(x))

IDENTITY = identity(
    id="softmax-jacobian",
    title="Jacobian of the softmax of a vector",
    output="p",
    symbols=[variable(x, "the scores, a vector of length n")],
    function=p,
    claims=[jacobian(x, add(DiagMatrix(p), mul(-1, p, p.T)))],
    derivation=derivation(
        x,
        step(add(HadamardProduct(p, dx), mul(-1, p, p.T, dx)),
             "quotient rule on exp(xᵢ)/Σₖ exp(xₖ): dp = p ⊙ dx − p (pᵀdx)"),
        step(add(mul(DiagMatrix(p), dx), mul(-1, p, p.T, dx)), "p ⊙ dx = diag(p) dx"),
        step(mul(add(DiagMatrix(p), mul(-1, p, p.T)), Vec(dx, "F")),
             "collect dx on the right (vec of a column vector is the vector itself)", vec="F"),
    ),
    see_also=("softmax-attention", "attention-scores"),
    sources=(cite("bishop2006pattern", "§4.3.4, the derivatives of the softmax (p. 209)"),),
    aliases=("softmax jacobian", "softmax derivative", "jacobian of softmax"),
)
