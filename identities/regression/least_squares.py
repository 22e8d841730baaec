"""The least-squares loss ‖AX − B‖²_F has gradient 2Aᵀ(AX − B).

Here A is a p×m design matrix (p observations of m features), X is an m×n matrix of
coefficients (one column per output) and B is the p×n matrix of targets. Naming the residual
E = AX − B turns the loss into tr(EᵀE), whose differential is 2 tr(Eᵀ dE); since B is constant,
dE = A dX. Moving A out of the way with a transpose leaves df = tr((2AᵀE)ᵀ dX), so the gradient is
2Aᵀ(AX − B), an m×n matrix like X.

This is the gradient behind linear regression with several outputs and behind the backward
pass of a linear layer under squared error. Setting it to zero gives the normal equations
AᵀAX = AᵀB, and differentiating once more gives the constant Hessian I ⊗ 2AᵀA (column-stacking
vec), which is positive semidefinite: the problem is convex.

Watch the constant and the side on which Aᵀ multiplies. Many texts minimise ½‖AX − B‖²_F and
write Aᵀ(AX − B); mixing the two conventions costs a factor 2. Writing (AX − B)A or (AX − B)ᵀA
instead of Aᵀ(AX − B) gives a matrix of the wrong shape whenever p, m and n differ.

>>> import numpy as np
>>> from identities import get, check_gradient, verify
>>> verify(get("least-squares")).ok
True
>>> A = np.array([[1.0, 2.0], [0.0, 1.0], [3.0, -1.0]]); B = np.ones((3, 4)); X = np.zeros((2, 4))
>>> loss = lambda X, A, B: np.sum((A @ X - B) ** 2)
>>> check_gradient(loss, lambda X, A, B: 2 * A.T @ (A @ X - B), X, A, B).ok
True
"""

from identities.define import *

A = matrix("A", "p", "m")
X = matrix("X", "m", "n")
B = matrix("B", "p", "n")
dX = d(X)
residual = add(mul(A, X), -B)

IDENTITY = identity(
    id="least-squares",
    title="Gradient of the least-squares loss ‖AX − B‖² (Frobenius norm)",
    symbols=[
        variable(X, "the coefficients, m×n (one column per output)"),
        constant(A, "the design matrix, p×m"),
        constant(B, "the targets, p×n"),
    ],
    function=Trace(mul(Transpose(residual), residual)),
    claims=[gradient(X, mul(2, A.T, residual))],
    derivation=derivation(
        X,
        step(add(Trace(mul(Transpose(mul(A, dX)), residual)), Trace(mul(Transpose(residual), A, dX))),
             "product rule on EᵀE with E = AX − B; dE = A dX because B is constant"),
        step(mul(2, Trace(mul(Transpose(residual), A, dX))),
             "the first trace is the transpose of the second, and tr(Mᵀ) = tr(M)"),
        step(Trace(mul(Transpose(mul(2, A.T, residual)), dX)),
             "(AX − B)ᵀA = (Aᵀ(AX − B))ᵀ, so df = tr(Gᵀ dX) with G = 2Aᵀ(AX − B)"),
    ),
    see_also=("frobenius-norm-squared", "least-squares-vector", "least-squares-hessian", "linear-layer"),
    sources=(cookbook(locator="special case of eq. (119), with the right factor I and the constant −B"),),
    aliases=("linear least squares", "sum of squared residuals", "frobenius residual", "multi-output regression"),
)
