"""Backpropagation through RMS normalisation: rescale, and remove the component the scale absorbs.

RMS normalisation rescales each example by the root mean square of its features, without
centring it. With one example per column (X is d×b; PyTorch's (N, C) input is Xᵀ) the inverse root
mean squares form the row r = (𝟏ᵀ(X ⊙ X)/d + ε𝟏ᵀ)^⊙(−1/2), the normalised batch is X̂ = X ⊙ 𝟏r,
and a gain γ (a column of length d) gives the output Y = diag(γ)X̂.

The gain turns the upstream gradient into X̂̄ = diag(γ)Ȳ and receives γ̄ = (Ȳ ⊙ X̂)𝟏. Through the
normalisation, dX̂ = (dX − X̂ ⊙ 𝟏𝟏ᵀ(X̂ ⊙ dX)/d) ⊙ 𝟏r: the change of the scale removes the component
of dX along X̂ in each column. The adjoint removes the same component from the gradient:

    X̄ = [X̂̄ − X̂ ⊙ 𝟏𝟏ᵀ(X̂ ⊙ X̂̄)/d] ⊙ 𝟏r.

It is layer normalisation without the mean term: the classic mistakes are to add that term (it is
not there, since nothing was centred), to drop the scale term, and to forget the factor 𝟏r.
The statistic is a column sum, so the complex step stays exact; ε is checked at 10⁻⁵ and 0.1.

>>> from identities import get, verify
>>> verify(get("rms-norm")).ok
True
"""

from identities.define import *

X = matrix("X", "d", "b")
gamma = vector("gamma", "d")
Ybar = bar("Y", "d", "b")
eps = number("epsilon", values=(1e-5, 0.1))
dX, dgamma = d(X), d(gamma)
n_d = dim("d")
down, across = Ones(n_d, 1), Ones(1, dim("b"))

r = named("r", power(add(mul(1 / n_d, ColSums(power(X, 2))), mul(eps, across)), Rational(-1, 2)))
Xhat = named("Xhat", HadamardProduct(X, mul(down, r)))
G = named(bar("Xhat", "d", "b"), mul(DiagMatrix(gamma), Ybar))


def along_xhat(M):
    """X̂ ⊙ 𝟏𝟏ᵀ(X̂ ⊙ M): d times each column's component along the same column of X̂."""
    return HadamardProduct(Xhat, mul(down, ColSums(HadamardProduct(Xhat, M))))


dXhat = HadamardProduct(add(dX, mul(-1 / n_d, along_xhat(dX))), mul(down, r))
Xbar = HadamardProduct(add(G, mul(-1 / n_d, along_xhat(G))), mul(down, r))
gamma_bar = RowSums(HadamardProduct(Ybar, Xhat))

IDENTITY = identity(
    id="rms-norm",
    title="Backward pass of RMS normalisation",
    output="Y",
    symbols=[
        variable(X, "the input batch, d×b, one example per column"),
        variable(gamma, "the gain, a column of length d"),
        constant(eps, "the stabiliser added to the mean square (checked at 1e-5 and 0.1)"),
        upstream(Ybar, "the upstream gradient ∇_Y L, d×b like Y"),
    ],
    function=mul(DiagMatrix(gamma), Xhat),
    claims=[
        vjp(X, Xbar),
        vjp(gamma, gamma_bar),
    ],
    derivation=derivation(
        (X, gamma),
        step(Trace(mul(Ybar.T, add(mul(DiagMatrix(dgamma), Xhat), mul(DiagMatrix(gamma), dXhat)))),
             "dL = tr(Ȳᵀ dY), dY = diag(dγ)X̂ + diag(γ)dX̂; with dr = −r ⊙ r ⊙ r ⊙ 𝟏ᵀ(X ⊙ dX)/d, "
             "dX̂ = (dX − X̂ ⊙ 𝟏𝟏ᵀ(X̂ ⊙ dX)/d) ⊙ 𝟏r"),
        step(add(Trace(mul(Transpose(gamma_bar), dgamma)), Trace(mul(Transpose(G), dXhat))),
             "tr(Ȳᵀ diag(dγ)X̂) = dγᵀ(Ȳ ⊙ X̂)𝟏 and tr(Ȳᵀ diag(γ)dX̂) = tr(X̂̄ᵀ dX̂)"),
        step(add(Trace(mul(Transpose(gamma_bar), dgamma)), Trace(mul(Transpose(Xbar), dX))),
             "move the factors of dX̂ across the pairing: Hadamard factors swap sides and 𝟏𝟏ᵀ is symmetric"),
    ),
    see_also=("layer-norm", "batch-norm"),
    sources=(cite("zhang2019root"),),
    aliases=("rmsnorm", "root mean square normalization", "rms norm backward"),
)
