"""The gradient of det X is det(X) X⁻ᵀ, the transposed adjugate.

Jacobi's formula writes the first-order change of a determinant with the adjugate,
d det X = tr(adj(X) dX), which holds for every square X. Where X is invertible the adjugate is
det(X) X⁻¹, so d det X = det(X) tr(X⁻¹ dX); read as tr(Gᵀ dX) this gives the gradient
G = det(X) X⁻ᵀ, an n×n matrix. Dividing by det X gives the log-determinant's X⁻ᵀ.

The gradient is what a volume-preserving constraint det X = 1 contributes to a Lagrangian, and
the derivative of the product of the eigenvalues: det X = Πλᵢ. Its entries are the cofactors of
X, so Σₖ (∂det X/∂Xᵢₖ) Xⱼₖ = δᵢⱼ det X is the Laplace expansion along a row.

The classic mistake is det(X) X⁻¹ without the transpose; it agrees only for symmetric X, and the
catalog samples X dense and non-symmetric so that it fails.

>>> import numpy as np
>>> from identities import check_gradient, get, verify
>>> verify(get("det-gradient")).ok
True
>>> X = np.array([[2.0, 1.0], [0.5, 3.0]])
>>> check_gradient(np.linalg.det, lambda X: np.linalg.det(X) * np.linalg.inv(X).T, X).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
dX = d(X)

IDENTITY = identity(
    id="det-gradient",
    title="Gradient of the determinant",
    symbols=[variable(X, "the variable, an invertible n×n matrix", "invertible")],
    function=Determinant(X),
    claims=[gradient(X, mul(Determinant(X), Inverse(X).T))],
    derivation=derivation(
        X,
        step(mul(Determinant(X), Trace(mul(Inverse(X), dX))),
             "Jacobi's formula d det X = tr(adj(X) dX), with adj(X) = det(X) X⁻¹ for invertible X"),
        step(Trace(mul(Transpose(mul(Determinant(X), Inverse(X).T)), dX)),
             "det(X) X⁻¹ = (det(X) X⁻ᵀ)ᵀ, so df = tr(Gᵀ dX) with G = det(X) X⁻ᵀ"),
    ),
    see_also=("log-det", "rule-frobenius-identification"),
    sources=(cookbook(41, 42, 49),),
    aliases=("derivative of the determinant", "jacobi formula for det", "determinant gradient", "cofactor matrix"),
)
