"""Backpropagation through a tanh layer H = tanh(WX + c𝟏ᵀ): Z̄ = H̄ ⊙ (𝟏 − H ⊙ H).

The layer applies the weights W (m×d) to a batch X (d×b, one example per column), adds the bias c
(a column of length m, spread across the b columns as c𝟏ᵀ) and applies tanh to each entry of the
pre-activation Z = WX + c𝟏ᵀ. Because tanh acts entry by entry its differential is a Hadamard
product, dH = tanh′(Z) ⊙ dZ, and the derivative is best written with the output itself:
tanh′ = 1 − tanh², so tanh′(Z) = 𝟏 − H ⊙ H, which the forward pass has already computed.

A Hadamard factor moves across the Frobenius pairing, ⟨H̄, T ⊙ M⟩ = ⟨H̄ ⊙ T, M⟩, so the upstream
gradient H̄ becomes Z̄ = H̄ ⊙ (𝟏 − H ⊙ H) at the pre-activation, and from there the linear layer's
rules apply: W̄ = Z̄Xᵀ, X̄ = WᵀZ̄, and c̄ = Z̄𝟏 (the bias was copied into every column, so its
gradient sums over the batch). In forward mode, dH = (𝟏 − H ⊙ H) ⊙ (W dX) for a perturbed input.

The classic mistakes live in the derivative of tanh: 1 + tanh², 1 − tanh (the square forgotten),
1 − Z ⊙ Z (the derivative evaluated at the pre-activation instead of the output), tanh itself in
place of its derivative, and the bias gradient taken as a mean over the batch instead of a sum.

>>> from identities import get, verify
>>> verify(get("tanh-layer")).ok
True
"""

from identities.define import *

W = matrix("W", "m", "d")
X = matrix("X", "d", "b")
c = vector("c", "m")
Hbar = bar("H", "m", "b")
dW, dX, dc = d(W), d(X), d(c)
ones_b = Ones(1, dim("b"))

Z = named("Z", add(mul(W, X), mul(c, ones_b)))
H = named("H", tanh_(Z))
slope = derivative_of(tanh_)(Z, value=H)
Zbar = named(bar("Z", "m", "b"), HadamardProduct(Hbar, slope))
dZ = add(mul(dW, X), mul(W, dX), mul(dc, ones_b))

IDENTITY = identity(
    id="tanh-layer",
    title="Backward pass of a tanh layer H = tanh(WX + c𝟏ᵀ)",
    output="H",
    symbols=[
        variable(W, "the weights, m×d"),
        variable(X, "the input batch, d×b, one example per column"),
        variable(c, "the bias, a column of length m"),
        upstream(Hbar, "the upstream gradient ∇_H L, m×b like H"),
    ],
    function=H,
    claims=[
        vjp(W, mul(Zbar, X.T)),
        vjp(X, mul(W.T, Zbar)),
        vjp(c, RowSums(Zbar)),
        differential_of(X, HadamardProduct(slope, mul(W, dX))),
    ],
    derivation=derivation(
        (W, X, c),
        step(Trace(mul(Hbar.T, HadamardProduct(slope, dZ))),
             "dL = tr(H̄ᵀ dH); tanh acts entrywise, so dH = tanh′(Z) ⊙ dZ with tanh′ = 1 − tanh², and "
             "dZ = dW X + W dX + dc 𝟏ᵀ"),
        step(Trace(mul(Transpose(Zbar), dZ)),
             "a Hadamard factor moves across the pairing: ⟨H̄, T ⊙ M⟩ = ⟨H̄ ⊙ T, M⟩ = ⟨Z̄, M⟩"),
        step(add(Trace(mul(Transpose(Zbar), dW, X)), Trace(mul(Transpose(Zbar), W, dX)),
                 Trace(mul(Transpose(Zbar), dc, ones_b))),
             "linearity of the trace"),
        step(add(Trace(mul(Transpose(mul(Zbar, X.T)), dW)), Trace(mul(Transpose(mul(W.T, Zbar)), dX)),
                 Trace(mul(Transpose(RowSums(Zbar)), dc))),
             "cyclic trace: each perturbation moves to the right, tr(Z̄ᵀ dc 𝟏ᵀ) = tr((Z̄𝟏)ᵀ dc)"),
    ),
    see_also=("linear-layer", "logistic-regression", "layer-norm"),
    sources=(cite("goodfellow2016deep", "§6.5, back-propagation"),
             cite("giles2008extended", "the matrix product (results of Dwyer and Macphail)")),
    aliases=("tanh backward", "hidden layer backward", "tanh activation gradient"),
)
