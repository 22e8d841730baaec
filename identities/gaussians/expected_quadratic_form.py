"""The mean of a Gaussian quadratic form, E[xᵀAx] = tr(AΣ) + μᵀAμ, has gradients (A + Aᵀ)μ and Aᵀ.

For x ∼ N(μ, Σ) and a constant square A, the expectation of xᵀAx is the closed form tr(AΣ) + μᵀAμ
(the Matrix Cookbook's eq. (378)), a function of the two parameters. Its gradients are what a
reparameterisation-free method (an expected loss, a moment-matching objective, the expected
log-likelihood term of a variational bound) needs: the mean enters a quadratic form, so the gradient in μ
is (A + Aᵀ)μ with Hessian A + Aᵀ; the covariance enters a linear trace, so the gradient in Σ is Aᵀ.

The expectation itself is not checked here (it would need sampling); these are the derivatives of the
closed form. The mistakes are 2Aμ for a non-symmetric A (the missing symmetric part) and A for Aᵀ.

>>> from identities import get, verify
>>> verify(get("gaussian-expected-quadratic-form")).ok
True
"""

from identities.define import *

A = matrix("A", "d", "d")
mu = vector("mu", "d")
Sigma = matrix("Sigma", "d", "d")
dSigma = d(Sigma)

IDENTITY = identity(
    id="gaussian-expected-quadratic-form",
    title="Gradients of E[xᵀAx] = tr(AΣ) + μᵀAμ in the mean and the covariance",
    symbols=[
        variable(mu, "the mean, a vector of length d"),
        variable(Sigma, "the covariance, a symmetric positive definite d×d matrix", "spd"),
        constant(A, "a constant d×d matrix, not necessarily symmetric"),
    ],
    function=add(Trace(mul(A, Sigma)), Trace(mul(mu.T, A, mu))),
    claims=[
        gradient(mu, mul(add(A, A.T), mu)),
        hessian(mu, add(A, A.T)),
        gradient(Sigma, A.T),
    ],
    derivation=derivation(
        Sigma,
        step(Trace(mul(A, dSigma)), "tr(AΣ) is linear in Σ; μᵀAμ does not depend on it"),
        step(Trace(mul(Transpose(A.T), dSigma)), "A = (Aᵀ)ᵀ: the form tr(Gᵀ dΣ) with G = Aᵀ"),
    ),
    see_also=("quadratic-form", "trace-linear", "gaussian-log-density-mean"),
    sources=(cookbook(locator="§8.2.2, eq. (378): the closed form E[xᵀAx] = Tr(AΣ) + mᵀAm differentiated here"),),
    aliases=("expected quadratic form gradient", "mean of quadratic form gaussian", "E[x^T A x] derivative"),
)
