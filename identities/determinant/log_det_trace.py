"""The Gaussian negative log-likelihood −log det X + tr(SX) has gradient Sᵀ − X⁻ᵀ.

For a square X with positive determinant and a constant square S, the two terms differentiate
separately: the log-determinant contributes −tr(X⁻¹ dX) and the linear trace contributes
tr(S dX). Together df = tr((S − X⁻¹) dX), and matching this with tr(Gᵀ dX) gives the gradient
G = (S − X⁻¹)ᵀ = Sᵀ − X⁻ᵀ, an n×n matrix. When S is symmetric, as a covariance is, it reads
S − X⁻ᵀ.

Up to constants and a factor, this is the negative log-likelihood of Gaussian data with sample
covariance S, written in terms of the precision matrix X = Σ⁻¹. For symmetric S, setting the
gradient to zero gives X⁻¹ = S: the maximum-likelihood covariance is the sample covariance. The
graphical lasso adds an ℓ1 penalty on X to this objective to obtain a sparse precision matrix,
and its solvers use exactly this gradient for the smooth part.

The pitfall is the transpose on S: the gradient of tr(SX) is Sᵀ, not S. It is invisible for the
symmetric S of statistics and wrong for a general one, so the catalog samples S dense and
non-symmetric. The second pitfall is X⁻¹ in place of X⁻ᵀ, which is the log-det mistake.

>>> import numpy as np
>>> from identities import get, check_gradient, verify
>>> verify(get("log-det-trace")).ok
True
>>> X = np.array([[2.0, 1.0], [0.5, 3.0]]); S = np.array([[1.0, 0.3], [-0.2, 2.0]])
>>> f = lambda X, S: -np.log(np.linalg.det(X)) + np.trace(S @ X)
>>> check_gradient(f, lambda X, S: S.T - np.linalg.inv(X).T, X, S).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
S = matrix("S", "n", "n")
dX = d(X)

IDENTITY = identity(
    id="log-det-trace",
    title="Gradient of −log det X + tr(SX), the Gaussian negative log-likelihood",
    symbols=[
        variable(X, "the variable, an n×n matrix (the precision matrix in the Gaussian model)",
                 "positive-determinant"),
        constant(S, "a constant n×n matrix (the sample covariance in the Gaussian model)"),
    ],
    function=add(-log(Determinant(X)), Trace(mul(S, X))),
    claims=[gradient(X, add(S.T, -Inverse(X).T))],
    derivation=derivation(
        X,
        step(add(-Trace(mul(Inverse(X), dX)), Trace(mul(S, dX))),
             "linearity; d log det X = tr(X⁻¹ dX) and d tr(SX) = tr(S dX)"),
        step(Trace(mul(add(S, -Inverse(X)), dX)), "collect both terms under one trace"),
        step(Trace(mul(Transpose(add(S.T, -Inverse(X).T)), dX)),
             "S − X⁻¹ = (Sᵀ − X⁻ᵀ)ᵀ, so df = tr(Gᵀ dX) with G = Sᵀ − X⁻ᵀ"),
    ),
    see_also=("log-det", "trace-linear", "rule-linearity"),
    sources=(cookbook(locator="the sum of eqs. (57) and (100)"),),
    aliases=("gaussian log-likelihood", "gaussian negative log-likelihood", "graphical lasso",
             "precision matrix likelihood"),
)
