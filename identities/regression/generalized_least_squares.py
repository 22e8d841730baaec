"""Generalized least squares tr((AX − B)ᵀW(AX − B)): gradient 2AᵀW(AX − B), Hessian I ⊗ 2AᵀWA.

For a design matrix A (p×m), an unknown X (m×n, one column per output), targets B (p×n) and a
symmetric positive definite weight W (p×p, the inverse covariance of the noise across
observations), the objective weighs each column's residual by W. With E = AX − B,
df = 2tr(EᵀW A dX) because W is symmetric, so the gradient is 2AᵀW(AX − B), and the zero of it
is the generalized normal equations AᵀWAX = AᵀWB (Aitken's estimator).

The second differential 2tr(dXᵀAᵀWA dX) is constant: the Hessian is Iₙ ⊗ 2AᵀWA in column-stacking
order — each column of X an independent problem with the same curvature — and 2AᵀWA ⊗ Iₙ in
row-stacking order. W = I gives least-squares; the slip is W on the wrong side of Aᵀ.

>>> from identities import get, verify
>>> verify(get("generalized-least-squares")).ok
True
"""

from identities.define import *

A = matrix("A", "p", "m")
X = matrix("X", "m", "n")
B = matrix("B", "p", "n")
W = matrix("W", "p", "p")
dX = d(X)
E = named("E", add(mul(A, X), mul(-1, B)))
H = mul(A.T, W, A)

IDENTITY = identity(
    id="generalized-least-squares",
    title="Gradient and Hessian of generalized least squares tr((AX − B)ᵀW(AX − B))",
    symbols=[variable(X, "the coefficients, m×n (one column per output)"),
             constant(A, "the design matrix, p×m"),
             constant(B, "the targets, p×n"),
             constant(W, "the weight, symmetric positive definite p×p", "spd")],
    function=Trace(mul(Transpose(E), W, E)),
    claims=[
        gradient(X, mul(2, A.T, W, E)),
        hessian(X, mul(2, KroneckerProduct(eye("n"), H)), vec="F"),
        hessian(X, mul(2, KroneckerProduct(H, eye("n"))), vec="C"),
    ],
    derivation=derivation(
        X,
        step(add(Trace(mul(dX.T, A.T, W, E)), Trace(mul(Transpose(E), W, A, dX))), "product rule; dE = A dX"),
        step(mul(2, Trace(mul(Transpose(E), W, A, dX))), "tr(Mᵀ) = tr(M) and W = Wᵀ: the two terms are equal"),
        step(Trace(mul(Transpose(mul(2, A.T, W, E)), dX)), "EᵀWA = (AᵀWE)ᵀ, so df = tr(Gᵀ dX)"),
    ),
    see_also=("least-squares", "least-squares-hessian", "weighted-least-squares"),
    sources=(cookbook(locator="eq. (84) applied to each column of X, with W symmetric"),),
    aliases=("gls gradient", "generalized least squares", "aitken estimator", "weighted frobenius residual"),
)
