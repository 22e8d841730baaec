"""The differential of X⁻²: −X⁻¹dX X⁻² − X⁻²dX X⁻¹.

X⁻² = X⁻¹X⁻¹, so the product rule and d(X⁻¹) = −X⁻¹dX X⁻¹ give two terms, one for each factor:
−X⁻¹dX X⁻¹ · X⁻¹ − X⁻¹ · X⁻¹dX X⁻¹. Reverse mode pairs each with the upstream gradient Ȳ and moves
the factors across the trace: X̄ = −X⁻ᵀȲX⁻²ᵀ − X⁻²ᵀȲX⁻ᵀ. For the power −k the same reasoning gives k
terms −X^{−(j+1)} dX X^{−(k−j)}, j = 0 … k−1.

The scalar rule d(x⁻²) = −2x⁻³dx has no matrix analogue: −2X⁻³dX, −2X⁻¹dX X⁻² and −X⁻²dX X⁻¹ alone
are all wrong unless dX commutes with X, and the catalog samples a dense non-symmetric X so that
they fail. X⁻² is the square of a precision or of a resolvent, as in the derivative of
tr((X + A)⁻¹).

>>> from identities import get, verify
>>> verify(get("inverse-square-differential")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
Ybar = bar("Y", "n", "n")
dX = d(X)
Xi = Inverse(X)
Xi2 = mul(Xi, Xi)

IDENTITY = identity(
    id="inverse-square-differential",
    title="Differential and backward pass of X⁻²",
    output="Y",
    symbols=[
        variable(X, "the variable, an invertible n×n matrix", "invertible"),
        upstream(Ybar, "the upstream gradient ∇_Y ℓ, n×n like Y = X⁻²"),
    ],
    function=Xi2,
    claims=[
        differential_of(X, add(mul(-1, Xi, dX, Xi, Xi), mul(-1, Xi, Xi, dX, Xi))),
        vjp(X, add(mul(-1, Xi.T, Ybar, Xi.T, Xi.T), mul(-1, Xi.T, Xi.T, Ybar, Xi.T))),
    ],
    derivation=derivation(
        X,
        step(Trace(mul(Ybar.T, add(mul(-1, Xi, dX, Xi, Xi), mul(-1, Xi, Xi, dX, Xi)))),
             "dℓ = ⟨Ȳ, dY⟩; product rule on X⁻¹X⁻¹ with d(X⁻¹) = −X⁻¹ dX X⁻¹"),
        step(mul(-1, add(Trace(mul(Xi, Xi, Ybar.T, Xi, dX)), Trace(mul(Xi, Ybar.T, Xi, Xi, dX)))),
             "distribute, then the cyclic trace on each term"),
        step(Trace(mul(Transpose(add(mul(-1, Xi.T, Ybar, Xi.T, Xi.T), mul(-1, Xi.T, Xi.T, Ybar, Xi.T))), dX)),
             "(X⁻²ȲᵀX⁻¹)ᵀ = X⁻ᵀȲX⁻²ᵀ and (X⁻¹ȲᵀX⁻²)ᵀ = X⁻²ᵀȲX⁻ᵀ: tr(X̄ᵀ dX)"),
    ),
    see_also=("inverse-differential", "trace-inverse-X-plus-A", "rule-product"),
    sources=(cookbook(locator="the product rule, eq. (37), with d(X⁻¹) = −X⁻¹(dX)X⁻¹, eq. (40)"),),
    aliases=("derivative of X^-2", "inverse square derivative", "matrix inverse power derivative"),
)
