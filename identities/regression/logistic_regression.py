"""The gradient of the logistic-regression loss is Xᵀ(σ(Xw) − y): residuals of probabilities, as in least squares.

With a design matrix X (b×d, one example per row, as in least squares), weights w ∈ ℝᵈ and labels
y ∈ ℝᵇ (0 or 1, or any value in [0, 1]), the negative log-likelihood summed over the examples is

    L(w) = −Σᵢ [yᵢ log σ(sᵢ) + (1 − yᵢ) log(1 − σ(sᵢ))] = 𝟏ᵀ softplus(Xw) − yᵀXw,   s = Xw,

using log σ(s) = −softplus(−s) and softplus(s) − softplus(−s) = s. The second form is the one to
compute (it never takes the log of a probability that rounded to zero) and the one to
differentiate: softplus′ = σ entrywise, so dL = σ(Xw)ᵀX dw − yᵀX dw, and the gradient is
Xᵀ(σ(Xw) − y) — the same shape as least squares' Xᵀ(Xw − y), with probabilities in place of
predictions. With respect to the data the same step gives (σ(Xw) − y)wᵀ.

The classic mistakes are the sign (the gradient of the log-likelihood instead of the loss), the
derivative σ(1 − σ) left in the residual (the chain rule applied to σ and then to log σ, without
the cancellation), and the mean over the batch where the sum is meant. The NumPy code of σ and
softplus branches on the sign of the argument, so it neither overflows nor breaks the complex step.

>>> import numpy as np
>>> from identities import check_gradient, get, verify
>>> X = np.array([[1.0, 2.0], [0.5, -1.0], [-1.5, 0.3]]); y = np.array([1.0, 0.0, 1.0])
>>> loss = lambda w, X, y: np.sum(np.logaddexp(0, X @ w)) - y @ X @ w
>>> sigma = lambda t: 1 / (1 + np.exp(-t))
>>> check_gradient(loss, lambda w, X, y: X.T @ (sigma(X @ w) - y), np.array([0.3, -0.2]), X, y).ok
True
>>> verify(get("logistic-regression")).ok
True
"""

from identities.define import *

X = matrix("X", "b", "d")
w = vector("w", "d")
y = vector("y", "b")
dw, dX = d(w), d(X)
s = named("s", mul(X, w))
residual = add(sigmoid(s), mul(-1, y))

IDENTITY = identity(
    id="logistic-regression",
    title="Gradient of the logistic-regression loss Xᵀ(σ(Xw) − y)",
    output="L",
    symbols=[
        variable(w, "the weights, a vector of length d"),
        variable(X, "the design matrix, b×d, one example per row"),
        constant(y, "the labels, a vector of length b (0 or 1, or probabilities)"),
    ],
    function=add(mul(Ones(1, dim("b")), softplus(s)), mul(-1, y.T, s)),
    claims=[
        gradient(w, mul(X.T, residual)),
        gradient(X, mul(residual, w.T)),
    ],
    derivation=derivation(
        w,
        step(add(mul(Ones(1, dim("b")), HadamardProduct(derivative_of(softplus)(s), mul(X, dw))),
                 mul(-1, y.T, X, dw)),
             "softplus′ = σ, entrywise: d softplus(s) = σ(s) ⊙ ds, with s = Xw and ds = X dw"),
        step(add(mul(Transpose(sigmoid(s)), X, dw), mul(-1, y.T, X, dw)), "𝟏ᵀ(a ⊙ b) = aᵀb"),
        step(mul(Transpose(residual), X, dw), "collect: (σ(Xw) − y)ᵀ X dw"),
        step(Trace(mul(Transpose(mul(X.T, residual)), dw)), "the form tr(Gᵀ dw), G = Xᵀ(σ(Xw) − y)"),
    ),
    see_also=("least-squares-vector", "softmax-cross-entropy", "tanh-layer"),
    sources=(cite("bishop2006pattern", "§4.3.2, logistic regression (p. 205)"),
             cite("goodfellow2016deep", "§3.10, σ′ = σ(1 − σ) and softplus′ = σ")),
    aliases=("logistic loss gradient", "log loss gradient", "binary cross entropy gradient", "logistic regression"),
)
