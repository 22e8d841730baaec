"""The Jacobian of the log-softmax is I − 𝟏pᵀ: each output moves with its own score, less the p-weighted mean.

The log-softmax s = log(softmax(z)), the log taken entrywise, is sᵢ = zᵢ − log Σₖ exp(zₖ): the
scores shifted by their log-sum-exp, whose gradient is the softmax p. So ds = dz − 𝟏(pᵀdz) and
the Jacobian, rows indexing outputs, is J = I − 𝟏pᵀ, with entries δᵢⱼ − pⱼ. Unlike the softmax
Jacobian diag(p) − ppᵀ it is not symmetric, so its transpose I − p𝟏ᵀ is a different matrix — the
classic mistake, along with using the softmax Jacobian in its place. Its rows sum to zero,
J𝟏 = 𝟏 − 𝟏(pᵀ𝟏) = 0: shifting all scores by a constant changes nothing.

In reverse mode the upstream gradient s̄ comes back as z̄ = Jᵀs̄ = s̄ − p(𝟏ᵀs̄): the upstream
gradient less p times its total. Frameworks compute the log-softmax directly in this form (it is
more accurate than the log of a computed softmax), and never form J.

>>> import numpy as np
>>> from identities import check_jacobian, get, verify
>>> z = np.array([0.5, -1.0, 2.0])
>>> p = np.exp(z) / np.exp(z).sum()
>>> log_softmax = lambda z: z - np.log(np.exp(z).sum())
>>> check_jacobian(log_softmax, lambda z: np.eye(3) - np.outer(np.ones(3), p), z).ok
True
>>> check_jacobian(log_softmax, lambda z: np.eye(3) - np.outer(p, np.ones(3)), z).diagnosis.split(":")[0]
'transposed'
>>> verify(get("log-softmax")).ok
True
"""

from identities.define import *

z = vector("z", "n")
sbar = bar("s", "n", 1)
dz = d(z)
p = named("p", Softmax(z))
ones = Ones(dim("n"), 1)

IDENTITY = identity(
    id="log-softmax",
    title="Jacobian of the log-softmax",
    output="s",
    symbols=[
        variable(z, "the scores, a vector of length n"),
        upstream(sbar, "the upstream gradient ∇_s L, a vector of length n"),
    ],
    function=log_(p),
    claims=[
        jacobian(z, add(eye("n"), mul(-1, ones, p.T))),
        differential_of(z, add(dz, mul(-1, ones, p.T, dz))),
        vjp(z, add(sbar, mul(-1, p, ones.T, sbar))),
    ],
    derivation=derivation(
        z,
        step(Trace(mul(sbar.T, add(dz, mul(-1, ones, p.T, dz)))),
             "dL = s̄ᵀds, with ds = dz − 𝟏(pᵀdz): sᵢ = zᵢ − log Σₖ exp(zₖ) and the gradient of the "
             "log-sum-exp is p"),
        step(add(Trace(mul(sbar.T, dz)), mul(-1, Trace(mul(sbar.T, ones, p.T, dz)))), "distribute s̄ᵀ"),
        step(Trace(mul(Transpose(add(sbar, mul(-1, p, ones.T, sbar))), dz)),
             "s̄ᵀ𝟏 = 𝟏ᵀs̄ is a number: collect (s̄ − p(𝟏ᵀs̄))ᵀ dz"),
    ),
    see_also=("softmax-jacobian", "softmax-cross-entropy"),
    sources=(cite("bishop2006pattern", "§4.3.4, multiclass logistic regression (p. 209)"),),
    aliases=("log softmax jacobian", "logsoftmax", "log-softmax backward"),
)
