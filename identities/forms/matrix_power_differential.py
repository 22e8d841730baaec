"""The cube X³ changes by dX X² + X dX X + X² dX; its Jacobian is Σᵣ (X^{2−r})ᵀ ⊗ Xʳ.

For a square X, the power X³ = XXX has one term of its differential for each position of dX:
d(X³) = Σᵣ Xʳ dX X^{2−r}, r = 0, 1, 2 — the Matrix Cookbook's ∂(Xⁿ)ₖₗ/∂Xᵢⱼ = Σᵣ(XʳJⁱʲX^{n−1−r})ₖₗ
with dX in place of Jⁱʲ. X and dX do not commute, so it is not 3X²dX unless they do. In vec form
each term is a Kronecker product, vec(Xʳ dX X^{2−r}) = ((X^{2−r})ᵀ ⊗ Xʳ)vec(dX), and the backward
pass moves each term onto the upstream gradient: X̄ = Σᵣ (Xʳ)ᵀȲ(X^{2−r})ᵀ.

The scalar rule 3X² dX is the classic mistake; it is right only for an X that commutes with every
perturbation, a multiple of the identity.

>>> from identities import get, verify
>>> verify(get("matrix-power-differential")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
Ybar = bar("Y", "n", "n")
dX = d(X)
X2 = X ** 2

IDENTITY = identity(
    id="matrix-power-differential",
    title="Differential, Jacobian and backward pass of the matrix cube X³",
    output="Y",
    symbols=[variable(X, "the matrix, n×n"), upstream(Ybar, "the upstream gradient ∇_Y L, n×n")],
    function=X ** 3,
    claims=[
        differential_of(X, add(mul(dX, X2), mul(X, dX, X), mul(X2, dX))),
        jacobian(X, add(KroneckerProduct(Transpose(X2), eye("n")), KroneckerProduct(X.T, X),
                        KroneckerProduct(eye("n"), X2)), vec="F"),
        vjp(X, add(mul(Ybar, Transpose(X2)), mul(X.T, Ybar, X.T), mul(Transpose(X2), Ybar))),
    ],
    derivation=derivation(
        X,
        step(Trace(mul(Ybar.T, add(mul(dX, X2), mul(X, dX, X), mul(X2, dX)))),
             "dL = tr(Ȳᵀ dY), with d(XXX) = dX X² + X dX X + X² dX by the product rule"),
        step(Trace(mul(add(mul(X2, Ybar.T), mul(X, Ybar.T, X), mul(Ybar.T, X2)), dX)), "cycle dX to the end of each trace"),
        step(Trace(mul(Transpose(add(mul(Ybar, Transpose(X2)), mul(X.T, Ybar, X.T), mul(Transpose(X2), Ybar))), dX)),
             "(X²Ȳᵀ + XȲᵀX + ȲᵀX²)ᵀ = Ȳ(X²)ᵀ + XᵀȲXᵀ + (X²)ᵀȲ"),
    ),
    see_also=("bilinear-form-power", "trace-matrix-power", "vec-kronecker", "rule-product"),
    sources=(cookbook(90, locator="the case n = 3, with dX in place of the single-entry matrix Jⁱʲ"),),
    aliases=("derivative of X cubed", "matrix power derivative", "differential of a matrix power"),
)
