"""The differential of (XᵀX)⁻¹: −(XᵀX)⁻¹(dXᵀX + XᵀdX)(XᵀX)⁻¹, and its backward pass.

For an n×k matrix X of full column rank, the Gram matrix M = XᵀX is invertible and
dM = dXᵀX + XᵀdX, so d(M⁻¹) = −M⁻¹ dM M⁻¹ gives the differential above. In reverse mode, pair it
with an upstream gradient Ȳ (k×k): the two terms are transposes of each other up to Ȳ ↔ Ȳᵀ, and
together they give X̄ = −XM⁻¹(Ȳ + Ȳᵀ)M⁻¹, an n×k matrix like X.

(XᵀX)⁻¹ is the covariance of least-squares coefficients (up to σ²) and appears in the hat matrix
X(XᵀX)⁻¹Xᵀ and in the pseudo-inverse (XᵀX)⁻¹Xᵀ. The upstream gradient need not be symmetric
even though Y is: keeping only 2Ȳ in place of Ȳ + Ȳᵀ is right only for a symmetric Ȳ, and the
catalog rejects it.

>>> from identities import get, verify
>>> verify(get("gram-inverse-differential")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "k")
Ybar = bar("Y", "k", "k")
dX = d(X)
Mi = Inverse(mul(X.T, X))

IDENTITY = identity(
    id="gram-inverse-differential",
    title="Differential and backward pass of (XᵀX)⁻¹",
    output="Y",
    symbols=[
        variable(X, "the variable, n×k of full column rank (condition number 10)", "full-column-rank"),
        upstream(Ybar, "the upstream gradient ∇_Y ℓ, k×k like Y = (XᵀX)⁻¹"),
    ],
    function=Mi,
    claims=[
        differential_of(X, mul(-1, Mi, add(mul(dX.T, X), mul(X.T, dX)), Mi)),
        vjp(X, mul(-1, X, Mi, add(Ybar, Ybar.T), Mi)),
    ],
    derivation=derivation(
        X,
        step(mul(-1, Trace(mul(Ybar.T, Mi, add(mul(dX.T, X), mul(X.T, dX)), Mi))),
             "dℓ = ⟨Ȳ, dY⟩ with d(M⁻¹) = −M⁻¹ dM M⁻¹, M = XᵀX, dM = dXᵀX + XᵀdX"),
        step(mul(-1, add(Trace(mul(dX.T, X, Mi, Ybar.T, Mi)), Trace(mul(Mi, Ybar.T, Mi, X.T, dX)))),
             "distribute, then the cyclic trace on each term"),
        step(mul(-1, add(Trace(mul(Mi, Ybar, Mi, X.T, dX)), Trace(mul(Mi, Ybar.T, Mi, X.T, dX)))),
             "tr(P) = tr(Pᵀ) on the first term; M⁻¹ is symmetric"),
        step(Trace(mul(Transpose(mul(-1, X, Mi, add(Ybar, Ybar.T), Mi)), dX)),
             "collect: tr(X̄ᵀ dX) with X̄ = −XM⁻¹(Ȳ + Ȳᵀ)M⁻¹"),
    ),
    see_also=("inverse-differential", "pinv-differential", "log-det-gram"),
    sources=(cookbook(locator="eq. (40), d(X⁻¹) = −X⁻¹(dX)X⁻¹, applied to M = XᵀX"),),
    aliases=("derivative of (X^T X)^-1", "gram inverse gradient", "least-squares covariance derivative"),
)
