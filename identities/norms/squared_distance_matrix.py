"""The squared distance matrix D = r𝟏ᵀ + 𝟏rᵀ − 2XXᵀ of the rows of X: its backward pass is X̄ = 2(diag(S𝟏) − S)X, S = D̄ + D̄ᵀ.

For n points in ℝᵈ, the rows of X (n×d), Dᵢⱼ = ‖xᵢ − xⱼ‖² = rᵢ + rⱼ − 2xᵢᵀxⱼ with r = (X ⊙ X)𝟏 the
squared norms: the form computed in one matrix product by kernel methods, k-means, t-SNE and
nearest-neighbour search. Its differential is dr𝟏ᵀ + 𝟏drᵀ − 2(dX Xᵀ + X dXᵀ), with
dr = 2(X ⊙ dX)𝟏. Pairing with an upstream gradient D̄ and symmetrising with S = D̄ + D̄ᵀ, the
norm terms give 2diag(S𝟏)X and the Gram terms −2SX: the backward pass is 2L X with
L = diag(S𝟏) − S, the graph Laplacian of the weights S.

The classic slips are D̄ for D̄ + D̄ᵀ (right only for a symmetric D̄) and dropping the norm terms,
which leaves only the Gram matrix's gradient.

>>> from identities import get, verify
>>> verify(get("squared-distance-matrix")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "d")
Dbar = bar("D", "n", "n")
dX = d(X)
one = Ones(dim("n"), 1)
r = named("r", RowSums(HadamardProduct(X, X)))
dr = mul(2, RowSums(HadamardProduct(X, dX)))
S = named("S", add(Dbar, Dbar.T))

IDENTITY = identity(
    id="squared-distance-matrix",
    title="Differential and backward pass of the squared Euclidean distance matrix",
    output="D",
    symbols=[variable(X, "the points, n×d, one per row"),
             upstream(Dbar, "the upstream gradient ∇_D L, n×n")],
    function=add(mul(r, one.T), mul(one, r.T), mul(-2, X, X.T)),
    claims=[
        differential_of(X, add(mul(dr, one.T), mul(one, dr.T), mul(-2, add(mul(dX, X.T), mul(X, dX.T))))),
        vjp(X, mul(2, add(mul(DiagMatrix(RowSums(S)), X), mul(-1, S, X)))),
    ],
    derivation=derivation(
        X,
        step(Trace(mul(Dbar.T, add(mul(dr, one.T), mul(one, dr.T), mul(-2, add(mul(dX, X.T), mul(X, dX.T)))))),
             "dL = tr(D̄ᵀdD); dD = dr𝟏ᵀ + 𝟏drᵀ − 2(dX Xᵀ + X dXᵀ) with dr = 2(X ⊙ dX)𝟏"),
        step(add(Trace(mul(Transpose(RowSums(S)), dr)), mul(-2, Trace(mul(Transpose(mul(S, X)), dX)))),
             "tr(D̄ᵀdr𝟏ᵀ) + tr(D̄ᵀ𝟏drᵀ) = (S𝟏)ᵀdr, and tr(D̄ᵀ(dX Xᵀ + X dXᵀ)) = tr((SX)ᵀdX)"),
        step(Trace(mul(Transpose(mul(2, add(mul(DiagMatrix(RowSums(S)), X), mul(-1, S, X)))), dX)),
             "(S𝟏)ᵀ 2(X ⊙ dX)𝟏 = 2tr((diag(S𝟏)X)ᵀdX); collect"),
    ),
    see_also=("distance-norm", "gram-matrix-jacobian", "gp-log-marginal-likelihood"),
    sources=(cite("dokmanic2015euclidean", "the distance matrix from the Gram matrix, D = diag(G)𝟏ᵀ − 2G + 𝟏diag(G)ᵀ"),),
    aliases=("pairwise distance gradient", "euclidean distance matrix backward", "cdist backward",
             "squared distances gradient"),
)
