"""Backpropagation through batch normalisation (training mode): the layer-norm formula across the batch.

Batch normalisation standardises each feature over the examples of a batch, with the batch's own
statistics. With one example per column (X is d×b; PyTorch's (N, C) input is Xᵀ) that is each row:
the means are X𝟏/b, the centred batch is C = X − (X𝟏)𝟏ᵀ/b, the inverse standard deviations form the
column r = ((C ⊙ C)𝟏/b + ε𝟏)^⊙(−1/2) (the biased variance, ε inside the square root), the normalised
batch is X̂ = C ⊙ r𝟏ᵀ, and a gain γ and a bias β give Y = diag(γ)X̂ + β𝟏ᵀ.

Every example now influences every other through the statistics, and the gradient says so. With
X̂̄ = diag(γ)Ȳ,

    X̄ = [X̂̄ − (X̂̄𝟏)𝟏ᵀ/b − X̂ ⊙ ((X̂ ⊙ X̂̄)𝟏)𝟏ᵀ/b] ⊙ r𝟏ᵀ,   γ̄ = (Ȳ ⊙ X̂)𝟏,   β̄ = Ȳ𝟏:

each row of X̄ has zero mean and is orthogonal to the same row of X̂. It is layer normalisation
with rows and columns exchanged: layer-norm(X) = batch-norm(Xᵀ)ᵀ for γ = 𝟏, β = 0. The running
averages kept for inference (and the unbiased variance PyTorch stores in them) do not enter the
gradient. For a convolution's (N, C, H, W) input the same formula holds with the N·H·W positions of
each channel as the examples.

The classic mistakes are normalising over the wrong axis (the layer-norm sums), dropping the mean
or the variance term, 1/(b − 1) in the variance term, and γ̄ without X̂. The statistics are row sums,
not ``np.var``, so the complex step stays exact; ε is checked at 10⁻⁵ and 0.1.

>>> from identities import get, verify
>>> verify(get("batch-norm")).ok
True
"""

from identities.define import *

X = matrix("X", "d", "b")
gamma = vector("gamma", "d")
beta = vector("beta", "d")
Ybar = bar("Y", "d", "b")
eps = number("epsilon", values=(1e-5, 0.1))
dX, dgamma, dbeta = d(X), d(gamma), d(beta)
n_b = dim("b")
down, across = Ones(dim("d"), 1), Ones(1, n_b)


def centred(M):
    """M − (M𝟏)𝟏ᵀ/b: each row less its mean."""
    return add(M, mul(-1 / n_b, RowSums(M), across))


C = named("C", centred(X))
r = named("r", power(add(mul(1 / n_b, RowSums(power(C, 2))), mul(eps, down)), Rational(-1, 2)))
Xhat = named("Xhat", HadamardProduct(C, mul(r, across)))
G = named(bar("Xhat", "d", "b"), mul(DiagMatrix(gamma), Ybar))


def along_xhat(M):
    """X̂ ⊙ ((X̂ ⊙ M)𝟏)𝟏ᵀ: b times each row's component along the same row of X̂."""
    return HadamardProduct(Xhat, mul(RowSums(HadamardProduct(Xhat, M)), across))


dC = centred(dX)
dXhat = HadamardProduct(add(dC, mul(-1 / n_b, along_xhat(dC))), mul(r, across))
M = named("M", HadamardProduct(add(G, mul(-1 / n_b, along_xhat(G))), mul(r, across)))
Xbar = HadamardProduct(add(G, mul(-1 / n_b, RowSums(G), across), mul(-1 / n_b, along_xhat(G))), mul(r, across))
gamma_bar, beta_bar = RowSums(HadamardProduct(Ybar, Xhat)), RowSums(Ybar)

IDENTITY = identity(
    id="batch-norm",
    title="Backward pass of batch normalisation (training mode)",
    output="Y",
    symbols=[
        variable(X, "the input batch, d×b, one example per column"),
        variable(gamma, "the gain, a column of length d"),
        variable(beta, "the bias, a column of length d"),
        constant(eps, "the stabiliser added to the variance (checked at 1e-5 and 0.1)"),
        upstream(Ybar, "the upstream gradient ∇_Y L, d×b like Y"),
    ],
    function=add(mul(DiagMatrix(gamma), Xhat), mul(beta, across)),
    claims=[
        vjp(X, Xbar),
        vjp(gamma, gamma_bar),
        vjp(beta, beta_bar),
    ],
    derivation=derivation(
        (X, gamma, beta),
        step(Trace(mul(Ybar.T, add(mul(DiagMatrix(dgamma), Xhat), mul(DiagMatrix(gamma), dXhat), mul(dbeta, across)))),
             "dL = tr(Ȳᵀ dY), dY = diag(dγ)X̂ + diag(γ)dX̂ + dβ𝟏ᵀ; with dC = dX − (dX𝟏)𝟏ᵀ/b and "
             "dr = −r ⊙ r ⊙ r ⊙ (C ⊙ dC)𝟏/b, dX̂ = (dC − X̂ ⊙ ((X̂ ⊙ dC)𝟏)𝟏ᵀ/b) ⊙ r𝟏ᵀ"),
        step(add(Trace(mul(Transpose(gamma_bar), dgamma)), Trace(mul(Transpose(beta_bar), dbeta)),
                 Trace(mul(Transpose(G), dXhat))),
             "tr(Ȳᵀ diag(dγ)X̂) = dγᵀ(Ȳ ⊙ X̂)𝟏, tr(Ȳᵀ dβ𝟏ᵀ) = dβᵀȲ𝟏, tr(Ȳᵀ diag(γ)dX̂) = tr(X̂̄ᵀ dX̂)"),
        step(add(Trace(mul(Transpose(gamma_bar), dgamma)), Trace(mul(Transpose(beta_bar), dbeta)),
                 Trace(mul(Transpose(M), dC))),
             "move the factors of dX̂ across the pairing: tr(X̂̄ᵀ dX̂) = tr(Mᵀ dC) with "
             "M = (X̂̄ − X̂ ⊙ ((X̂ ⊙ X̂̄)𝟏)𝟏ᵀ/b) ⊙ r𝟏ᵀ"),
        step(add(Trace(mul(Transpose(gamma_bar), dgamma)), Trace(mul(Transpose(beta_bar), dbeta)),
                 Trace(mul(Transpose(centred(M)), dX))),
             "dC = dX − (dX𝟏)𝟏ᵀ/b, and 𝟏𝟏ᵀ is symmetric: tr(Mᵀ dC) = tr((M − (M𝟏)𝟏ᵀ/b)ᵀ dX)"),
        step(add(Trace(mul(Transpose(gamma_bar), dgamma)), Trace(mul(Transpose(beta_bar), dbeta)),
                 Trace(mul(Transpose(Xbar), dX))),
             "X̂𝟏 = 0 (the rows of X̂ are centred), so (M𝟏)𝟏ᵀ/b = ((X̂̄𝟏)𝟏ᵀ/b) ⊙ r𝟏ᵀ: collect X̄"),
    ),
    see_also=("layer-norm", "rms-norm", "linear-layer"),
    sources=(cite("ioffe2015batch", "§3, the gradients through the transform"),),
    aliases=("batchnorm", "batch normalization", "batch norm backward"),
)
