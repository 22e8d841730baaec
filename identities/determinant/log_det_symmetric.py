"""For a symmetric X, the gradient of log det X is X⁻¹ or 2X⁻¹ − X⁻¹∘I: two answers to two questions.

When X ranges over symmetric positive definite matrices only — a covariance, a precision matrix, a
kernel matrix — a perturbation dX must be symmetric too, and "the gradient" no longer has one
meaning. Jacobi's formula still gives d log det X = tr(X⁻¹ dX). The published answers differ in what
they pair with dX:

* **the gradient in the trace inner product restricted to symmetric matrices**: the symmetric G with
  df = tr(Gᵀ dX) for every symmetric dX. Only the symmetric part of a matrix is seen by a symmetric
  dX, so G is the symmetric part of the unstructured gradient X⁻ᵀ, which is X⁻¹ itself. This is the
  gradient a steepest-descent step or a Riemannian method on symmetric matrices uses (Srinivasan and
  Panda, arXiv:1911.06491).
* **the derivative by the free entries**: X has n(n + 1)/2 free numbers, the entries on and below
  the diagonal, and an off-diagonal one moves two entries of X at once, so its partial derivative
  collects both: ∂f/∂x_ij = 2(X⁻¹)_ij for i ≠ j, and (X⁻¹)_ii on the diagonal. Written as a symmetric
  matrix this is 2X⁻¹ − X⁻¹∘I, the Matrix Cookbook's eq. 141, from its rule (138)
  df/dA = G + Gᵀ − diag(G).

Both are right for their definitions, and each is wrong under the other's: the free-entry matrix
paired by the trace counts every off-diagonal entry twice, and X⁻¹ read as free-entry derivatives
counts it once too few. The catalog checks each claim under its own definition, perturbing X only
inside the symmetric matrices, and shows that each fails under the other (the guide page on
symmetric gradients sets out the dispute). In code, an autodiff library that differentiates
log det X with the whole matrix as input returns X⁻ᵀ = X⁻¹; one that reads only a triangle (a
Cholesky factorisation) returns a triangular matrix that is neither answer.

>>> import numpy as np
>>> from identities import check_gradient, get, verify
>>> verify(get("log-det-symmetric")).ok
True
>>> X = np.array([[2.0, 0.5], [0.5, 1.0]]); inv = np.linalg.inv
>>> logdet = lambda X: np.log(np.linalg.det(X))
>>> check_gradient(logdet, inv, X, structure="symmetric", convention="sym").ok
True
>>> check_gradient(logdet, lambda X: 2 * inv(X) - inv(X) * np.eye(2), X, structure="symmetric", convention="free").ok
True
>>> check_gradient(logdet, lambda X: 2 * inv(X) - inv(X) * np.eye(2), X, structure="symmetric", convention="sym").ok
False
"""

from identities.define import *

X = matrix("X", "n", "n")
dX = d(X)
diagonal_part = HadamardProduct(Inverse(X), eye("n"), evaluate=False)

IDENTITY = identity(
    id="log-det-symmetric",
    title="log det of a symmetric matrix: the symmetric gradient and the free-entry derivative",
    symbols=[variable(X, "the variable, a symmetric positive definite n×n matrix", "spd", structure="symmetric")],
    function=log(Determinant(X)),
    claims=[
        gradient(X, Inverse(X), convention="sym"),
        gradient(X, add(mul(2, Inverse(X)), mul(-1, diagonal_part)), convention="free"),
    ],
    derivation=derivation(
        X,
        step(Trace(mul(Inverse(X), dX)),
             "Jacobi's formula d det X = det X · tr(X⁻¹ dX), divided by det X; dX is symmetric"),
        step(Trace(mul(Transpose(Inverse(X)), dX)),
             "X⁻¹ is symmetric, so X⁻¹ = (X⁻¹)ᵀ and df = tr(Gᵀ dX) with the symmetric G = X⁻¹"),
    ),
    see_also=("log-det", "log-det-trace", "gp-log-marginal-likelihood"),
    sources=(cookbook(141, locator="§2.8.2 and its rule (138): the derivative by the free entries"),
             cite("srinivasan2019gradient", "the gradient on symmetric matrices, sym(G)")),
    aliases=("symmetric matrix derivative", "derivative with respect to a symmetric matrix", "free-entry derivative",
             "sym(G)", "2X^{-1} - X^{-1} o I"),
)
