"""The square of the sum of all entries, (𝟏ᵀX𝟏)², has gradient 2(𝟏ᵀX𝟏)𝟏𝟏ᵀ: every entry gets the same 2ΣX.

For an m×n matrix X, s = 𝟏ᵀX𝟏 = Σₖₗ Xₖₗ is a linear form in X with gradient 𝟏𝟏ᵀ, the m×n matrix of
ones, and s² = Σₖₗₘₙ XₖₗXₘₙ is the quadratic form of the all-ones matrix on vec X. Its
differential is 2s·𝟏ᵀdX𝟏 = tr((2s𝟏𝟏ᵀ)ᵀdX), so every entry of the gradient equals 2ΣX — the Matrix
Cookbook's entrywise ∂(ΣₖₗₘₙXₖₗXₘₙ)/∂Xᵢⱼ = 2ΣₖₗXₖₗ.

The slips are the factor 2 and 2X — the gradient of Σ Xₖₗ², the squared Frobenius norm, which
squares each entry instead of the sum.

>>> from identities import get, verify
>>> verify(get("squared-sum-of-entries")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
dX = d(X)
left, right = Ones(1, dim("m")), Ones(dim("n"), 1)
s = Trace(mul(left, X, right))

IDENTITY = identity(
    id="squared-sum-of-entries",
    title="Gradient of the squared sum of the entries (𝟏ᵀX𝟏)²",
    symbols=[variable(X, "the matrix, m×n")],
    function=s ** 2,
    claims=[gradient(X, mul(2 * s, Ones(dim("m"), 1), Ones(1, dim("n"))))],
    derivation=derivation(
        X,
        step(mul(2 * s, Trace(mul(left, dX, right))), "d(s²) = 2s ds, and ds = 𝟏ᵀdX𝟏"),
        step(Trace(mul(Transpose(mul(2 * s, Ones(dim("m"), 1), Ones(1, dim("n")))), dX)),
             "𝟏ᵀdX𝟏 = tr(𝟏𝟏ᵀdX) = tr((𝟏𝟏ᵀ)ᵀ dX) with 𝟏𝟏ᵀ the m×n matrix of ones"),
    ),
    see_also=("linear-form", "frobenius-norm-squared", "quadratic-form"),
    sources=(cookbook(76),),
    aliases=("square of the sum of entries", "sum of all entries squared", "gradient of (1T X 1)^2"),
)
