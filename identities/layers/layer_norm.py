"""Backpropagation through layer normalisation: centre, rescale, and remove what the statistics absorb.

Layer normalisation standardises each example over its d features. With one example per column
(X is d×b, as for the linear layer; PyTorch's (N, C) input is Xᵀ), the column means are 𝟏ᵀX/d, the
centred batch is C = X − 𝟏(𝟏ᵀX)/d, the inverse standard deviations form the row
r = (𝟏ᵀ(C ⊙ C)/d + ε𝟏ᵀ)^⊙(−1/2) (the biased variance, with ε inside the square root), and the
normalised batch X̂ = C ⊙ 𝟏r has zero mean and unit variance in every column (up to ε). A gain γ
and a bias β (columns of length d) give the output Y = diag(γ)X̂ + β𝟏ᵀ.

Backwards, the gain turns the upstream gradient Ȳ into X̂̄ = diag(γ)Ȳ, and γ̄ = (Ȳ ⊙ X̂)𝟏,
β̄ = Ȳ𝟏 sum over the batch. The normalisation is the interesting part: the differential of X̂ is
(dC − X̂ ⊙ 𝟏𝟏ᵀ(X̂ ⊙ dC)/d) ⊙ 𝟏r — the change of the variance removes the component of dC along X̂
— and dC = dX − 𝟏𝟏ᵀdX/d removes the change of the mean. Their adjoints remove the same two
components from the gradient:

    X̄ = [X̂̄ − 𝟏𝟏ᵀX̂̄/d − X̂ ⊙ 𝟏𝟏ᵀ(X̂ ⊙ X̂̄)/d] ⊙ 𝟏r,

so every column of X̄ has zero mean and is orthogonal to the same column of X̂. The classic mistakes
are dropping either of the two correction terms (treating the mean or the variance as constants),
1/(d − 1) in the variance term (PyTorch's unbiased estimate is not the one normalising here), and
γ̄ without X̂.

The statistics are written as column sums rather than with ``np.var`` or ``np.linalg.norm``, which
return real numbers for complex input; so the complex step stays exact. ε is checked at 10⁻⁵
(PyTorch's default) and at 0.1.

>>> from identities import get, verify
>>> verify(get("layer-norm")).ok
True
"""

from identities.define import *

X = matrix("X", "d", "b")
gamma = vector("gamma", "d")
beta = vector("beta", "d")
Ybar = bar("Y", "d", "b")
eps = number("epsilon", values=(1e-5, 0.1))
dX, dgamma, dbeta = d(X), d(gamma), d(beta)
n_d = dim("d")
down, across = Ones(n_d, 1), Ones(1, dim("b"))


def centred(M):
    """M − 𝟏𝟏ᵀM/d: each column less its mean."""
    return add(M, mul(-1 / n_d, down, ColSums(M)))


C = named("C", centred(X))
r = named("r", power(add(mul(1 / n_d, ColSums(power(C, 2))), mul(eps, across)), Rational(-1, 2)))
Xhat = named("Xhat", HadamardProduct(C, mul(down, r)))
G = named(bar("Xhat", "d", "b"), mul(DiagMatrix(gamma), Ybar))


def along_xhat(M):
    """X̂ ⊙ 𝟏𝟏ᵀ(X̂ ⊙ M): d times each column's component along the same column of X̂."""
    return HadamardProduct(Xhat, mul(down, ColSums(HadamardProduct(Xhat, M))))


dC = centred(dX)
dXhat = HadamardProduct(add(dC, mul(-1 / n_d, along_xhat(dC))), mul(down, r))
M = named("M", HadamardProduct(add(G, mul(-1 / n_d, along_xhat(G))), mul(down, r)))
Xbar = HadamardProduct(add(G, mul(-1 / n_d, down, ColSums(G)), mul(-1 / n_d, along_xhat(G))), mul(down, r))

IDENTITY = identity(
    id="layer-norm",
    title="Backward pass of layer normalisation",
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
        vjp(gamma, RowSums(HadamardProduct(Ybar, Xhat))),
        vjp(beta, RowSums(Ybar)),
    ],
    derivation=derivation(
        (X, gamma, beta),
        step(Trace(mul(Ybar.T, add(mul(DiagMatrix(dgamma), Xhat), mul(DiagMatrix(gamma), dXhat), mul(dbeta, across)))),
             "dL = tr(Ȳᵀ dY), dY = diag(dγ)X̂ + diag(γ)dX̂ + dβ𝟏ᵀ; with dC = dX − 𝟏𝟏ᵀdX/d and dr = −r ⊙ r ⊙ r ⊙ "
             "𝟏ᵀ(C ⊙ dC)/d, dX̂ = (dC − X̂ ⊙ 𝟏𝟏ᵀ(X̂ ⊙ dC)/d) ⊙ 𝟏r"),
        step(add(Trace(mul(Transpose(RowSums(HadamardProduct(Ybar, Xhat))), dgamma)),
                 Trace(mul(Transpose(RowSums(Ybar)), dbeta)), Trace(mul(Transpose(G), dXhat))),
             "tr(Ȳᵀ diag(dγ)X̂) = dγᵀ(Ȳ ⊙ X̂)𝟏, tr(Ȳᵀ dβ𝟏ᵀ) = dβᵀȲ𝟏, tr(Ȳᵀ diag(γ)dX̂) = tr(X̂̄ᵀ dX̂)"),
        step(add(Trace(mul(Transpose(RowSums(HadamardProduct(Ybar, Xhat))), dgamma)),
                 Trace(mul(Transpose(RowSums(Ybar)), dbeta)), Trace(mul(Transpose(M), dC))),
             "move the factors of dX̂ across the pairing: Hadamard factors swap sides and 𝟏𝟏ᵀ is symmetric, so "
             "tr(X̂̄ᵀ dX̂) = tr(Mᵀ dC) with M = (X̂̄ − X̂ ⊙ 𝟏𝟏ᵀ(X̂ ⊙ X̂̄)/d) ⊙ 𝟏r"),
        step(add(Trace(mul(Transpose(RowSums(HadamardProduct(Ybar, Xhat))), dgamma)),
                 Trace(mul(Transpose(RowSums(Ybar)), dbeta)), Trace(mul(Transpose(centred(M)), dX))),
             "dC = dX − 𝟏𝟏ᵀdX/d, and 𝟏𝟏ᵀ is symmetric: tr(Mᵀ dC) = tr((M − 𝟏𝟏ᵀM/d)ᵀ dX)"),
        step(add(Trace(mul(Transpose(RowSums(HadamardProduct(Ybar, Xhat))), dgamma)),
                 Trace(mul(Transpose(RowSums(Ybar)), dbeta)), Trace(mul(Transpose(Xbar), dX))),
             "𝟏ᵀX̂ = 0 (the columns of X̂ are centred), so 𝟏𝟏ᵀM/d = (𝟏𝟏ᵀX̂̄/d) ⊙ 𝟏r: collect X̄"),
    ),
    see_also=("rms-norm", "batch-norm", "linear-layer"),
    sources=(cite("ba2016layer", "§3"),),
    aliases=("layernorm", "layer normalization", "layer norm backward"),
)
