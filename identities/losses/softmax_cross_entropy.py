"""The gradient of the softmax cross-entropy at the logits is p − y, when y is a probability vector.

Scores (logits) z ∈ ℝⁿ become probabilities p = softmax(z), and the cross-entropy with a target
distribution y is L = −yᵀ log(p), the log taken entrywise. The logarithm undoes the exponential of
the softmax: log pᵢ = zᵢ − log Σₖ exp(zₖ), so d log(p) = dz − 𝟏(pᵀdz), each log-probability moving
with its own score and against the p-weighted mean of all of them. Then
dL = −yᵀdz + (yᵀ𝟏) pᵀdz, and because the entries of y sum to one, dL = (p − y)ᵀdz: the gradient is
the prediction minus the target, with no softmax Jacobian left in it.

The condition matters: for a target whose entries do not sum to one (label smoothing done wrong,
unnormalised counts) the gradient is (yᵀ𝟏)p − y, and p − y is wrong. A one-hot y is a probability
vector, so the familiar case of a class label is covered. Over a batch the losses add up and so do
the gradients; the mean over the batch divides them by its size.

The classic mistakes are y − p (the sign of the loss forgotten: that is the gradient of the
log-likelihood), p ⊙ (𝟏 − p) − y (the softmax treated as an entrywise sigmoid), and dropping p or y.

>>> import numpy as np
>>> from identities import check_gradient, get, verify
>>> y = np.array([0.2, 0.5, 0.3]); z = np.array([1.0, -0.5, 2.0])
>>> softmax = lambda z: np.exp(z - z.max()) / np.exp(z - z.max()).sum()
>>> loss = lambda z, y: -y @ np.log(softmax(z))
>>> check_gradient(loss, lambda z, y: softmax(z) - y, z, y).ok
True
>>> check_gradient(loss, lambda z, y: y - softmax(z), z, y).diagnosis.split(":")[0]
'sign'
>>> verify(get("softmax-cross-entropy")).ok
True
"""

from identities.define import *

z = vector("z", "n")
y = vector("y", "n")
dz = d(z)
p = named("p", Softmax(z))
ones = Ones(dim("n"), 1)

IDENTITY = identity(
    id="softmax-cross-entropy",
    title="Gradient of the softmax cross-entropy at the logits: p − y",
    output="L",
    symbols=[
        variable(z, "the scores (logits), a vector of length n"),
        constant(y, "the target distribution over the n classes", "probability"),
    ],
    function=mul(-1, y.T, log_(p)),
    claims=[gradient(z, add(p, mul(-1, y)))],
    derivation=derivation(
        z,
        step(mul(-1, y.T, add(dz, mul(-1, ones, p.T, dz))),
             "log pᵢ = zᵢ − log Σₖ exp(zₖ), so d log(p) = dz − 𝟏(pᵀdz)"),
        step(add(mul(-1, y.T, dz), mul(y.T, ones, p.T, dz)), "distribute −yᵀ"),
        step(add(mul(-1, y.T, dz), mul(p.T, dz)), "yᵀ𝟏 = 1: y is a probability vector"),
        step(mul(Transpose(add(p, mul(-1, y))), dz), "collect: the form (∇L)ᵀ dz"),
    ),
    see_also=("log-softmax", "softmax-jacobian", "logistic-regression"),
    sources=(cite("bishop2006pattern", "§4.3.4, multiclass logistic regression (p. 209)"),
             cite("goodfellow2016deep", "§6.5, back-propagation")),
    aliases=("cross entropy gradient", "softmax cross entropy", "softmax loss gradient", "p - y"),
)
