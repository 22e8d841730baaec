"""The gradient of log det X is the inverse transpose X⁻ᵀ.

For a square X with positive determinant, Jacobi's formula says that det X changes by
det X · tr(X⁻¹ dX) to first order; dividing by det X gives d log det X = tr(X⁻¹ dX). To read a
gradient off this we need the form tr(Gᵀ dX), and X⁻¹ = (X⁻ᵀ)ᵀ, so G = X⁻ᵀ, an n×n matrix. The
same formula holds for log |det X| whatever the sign of the determinant.

The log-determinant is the normalising term of a Gaussian log-likelihood, the barrier of
semidefinite programming, and the volume correction log |det J| of normalising flows and
changes of variables. In those uses X is often a covariance or precision matrix, symmetric
positive definite, where X⁻ᵀ = X⁻¹.

The general answer is X⁻ᵀ, not X⁻¹: they differ as soon as X is not symmetric, and the catalog
samples dense non-symmetric X so that the wrong one fails. Some references differentiate with
respect to a symmetric X as a structured matrix and report 2X⁻¹ − diag(X⁻¹); that is a
different question (one free parameter per pair of entries), not a different convention for
this one. In code, evaluate the function with ``np.linalg.slogdet`` or a Cholesky factor rather
than ``log(det(X))``, which overflows for moderate n.

>>> import numpy as np
>>> from identities import get, check_gradient, verify
>>> verify(get("log-det")).ok
True
>>> X = np.array([[2.0, 1.0], [0.5, 3.0]])
>>> check = check_gradient(lambda X: np.log(np.linalg.det(X)), np.linalg.inv, X)
>>> check.ok, check.diagnosis.split(":")[0]
(False, 'transposed')
"""

from identities.define import *

X = matrix("X", "n", "n")
dX = d(X)

IDENTITY = identity(
    id="log-det",
    title="Gradient of the log-determinant",
    symbols=[variable(X, "the variable, an n×n matrix", "positive-determinant")],
    function=log(Determinant(X)),
    claims=[gradient(X, Inverse(X).T)],
    derivation=derivation(
        X,
        step(Trace(mul(Inverse(X), dX)),
             "Jacobi's formula d det X = det X · tr(X⁻¹ dX), divided by det X (chain rule for log)"),
        step(Trace(mul(Transpose(Transpose(Inverse(X))), dX)),
             "X⁻¹ = (X⁻ᵀ)ᵀ, so df = tr(Gᵀ dX) with G = X⁻ᵀ"),
    ),
    see_also=("log-det-trace", "inverse-differential", "rule-frobenius-identification"),
    sources=(cookbook(43, 57),),
    aliases=("logdet", "log determinant", "log-determinant", "jacobi formula"),
)
