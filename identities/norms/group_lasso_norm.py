"""The group-lasso norm Σⱼ‖X₍:,ⱼ₎‖₂ has gradient X diag(1/‖X₍:,ⱼ₎‖₂): each column scaled to unit length.

For an m×n matrix X whose columns are groups of coefficients, the ℓ₂,₁ norm adds the Euclidean
norms of the columns. Each term depends on one column only, and the gradient of ‖xⱼ‖₂ is
xⱼ/‖xⱼ‖₂, so the gradient is X with every column normalised: X ⊙ 𝟏c with the row
c = (𝟏ᵀ(X ⊙ X))^{⊙−1/2} of inverse column norms. Penalising it drives whole columns to zero
(group selection, structured sparsity, channel pruning); where a column is zero only a
subgradient exists, and proximal methods shrink the column as a block.

The slips are normalising by the Frobenius norm of X (the gradient of ‖X‖_F) and normalising
rows instead of columns.

>>> from identities import get, verify
>>> verify(get("group-lasso-norm")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
dX = d(X)
down = Ones(dim("m"), 1)
c = named("c", power(ColSums(HadamardProduct(X, X)), Rational(-1, 2)))

IDENTITY = identity(
    id="group-lasso-norm",
    title="Gradient of the group-lasso (ℓ₂,₁) norm, the sum of the column norms",
    symbols=[variable(X, "the variable, m×n, with nonzero columns (one group per column)")],
    function=mul(sqrt_(ColSums(HadamardProduct(X, X))), Ones(dim("n"), 1)),
    claims=[gradient(X, HadamardProduct(X, mul(down, c)))],
    derivation=derivation(
        X,
        step(mul(HadamardProduct(c, ColSums(HadamardProduct(X, dX))), Ones(dim("n"), 1)),
             "d√s = ds/(2√s) for each column sum s = 𝟏ᵀ(xⱼ ⊙ xⱼ), with ds = 2𝟏ᵀ(xⱼ ⊙ dxⱼ)"),
        step(Trace(mul(Transpose(HadamardProduct(X, mul(down, c))), dX)),
             "Σⱼ cⱼ xⱼᵀdxⱼ = tr((X ⊙ 𝟏c)ᵀ dX)"),
    ),
    see_also=("two-norm-hessian", "frobenius-norm", "p-norm"),
    sources=(cite("yuan2006model", "the group lasso penalty Σⱼ‖βⱼ‖"),),
    aliases=("l21 norm gradient", "group lasso gradient", "mixed norm derivative", "sum of column norms"),
)
