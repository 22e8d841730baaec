"""Backpropagation through a linear layer Z = WX: ∇_W L = Z̄Xᵀ and ∇_X L = WᵀZ̄.

The layer maps a batch X of shape d×b (one example per column) through weights W of shape m×d
to outputs Z of shape m×b. The loss L is a scalar computed from Z by later layers; all the layer
sees of it is the upstream gradient Z̄ = ∇_Z L, an m×b matrix shaped like Z. The task of the
backward pass is to turn Z̄ into the gradients with respect to both inputs of the product.

Perturbing W and X together, the product rule gives dZ = dW X + W dX, and the loss changes by the
Frobenius pairing dL = tr(Z̄ᵀ dZ). Splitting the trace in two and moving factors cyclically until
each perturbation stands alone on the right yields tr((Z̄Xᵀ)ᵀ dW) + tr((WᵀZ̄)ᵀ dX), and the two
gradients can be read off. Shapes confirm the result: Z̄Xᵀ is m×d like W, WᵀZ̄ is d×b like X.

Both are vector–Jacobian products: no Jacobian of size mb×md is ever formed, and each costs one
matrix product, about as much as the forward pass. The same pair of rules serves any matrix
product C = AB in a reverse-mode system (Ā = C̄Bᵀ, B̄ = AᵀC̄).

>>> from identities import get, verify
>>> verify(get("linear-layer")).ok
True
"""

from identities.define import *

W = matrix("W", "m", "d")
X = matrix("X", "d", "b")
Zbar = bar("Z", "m", "b")
dW, dX = d(W), d(X)

IDENTITY = identity(
    id="linear-layer",
    title="Backward pass of a linear layer Z = WX",
    output="Z",
    symbols=[
        variable(W, "the weights, m×d"),
        variable(X, "the input batch, d×b, one example per column"),
        upstream(Zbar, "the upstream gradient ∇_Z L, m×b like Z"),
    ],
    function=mul(W, X),
    claims=[
        vjp(W, mul(Zbar, X.T)),
        vjp(X, mul(W.T, Zbar)),
    ],
    derivation=derivation(
        (W, X),
        step(Trace(mul(Zbar.T, add(mul(dW, X), mul(W, dX)))),
             "dL = tr(Z̄ᵀ dZ), with dZ = dW X + W dX by the product rule"),
        step(add(Trace(mul(Zbar.T, dW, X)), Trace(mul(Zbar.T, W, dX))), "linearity of the trace"),
        step(add(Trace(mul(X, Zbar.T, dW)), Trace(mul(Zbar.T, W, dX))),
             "cyclic trace on the first term: move X to the front"),
        step(add(Trace(mul(Transpose(mul(Zbar, X.T)), dW)), Trace(mul(Transpose(mul(W.T, Zbar)), dX))),
             "X Z̄ᵀ = (Z̄Xᵀ)ᵀ and Z̄ᵀW = (WᵀZ̄)ᵀ: both terms in the form tr(Gᵀ d·)"),
    ),
    see_also=("rule-product", "rule-trace-cyclic", "attention-scores", "least-squares", "trace-AXB"),
    sources=(cite("giles2008extended", "the matrix product (results of Dwyer and Macphail)"),
             cite("goodfellow2016deep", "§6.5, back-propagation")),
    aliases=("dense layer", "fully connected layer", "matmul backward", "backprop linear"),
)
