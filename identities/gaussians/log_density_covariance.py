"""The Gaussian log-density in its covariance: ∇_Σ log N = ½(Σ⁻¹(x − μ)(x − μ)ᵀΣ⁻¹ − Σ⁻¹).

With r = x − μ, log N(x | μ, Σ) = −½ rᵀΣ⁻¹r − ½ log det Σ − (d/2) log 2π. Both Σ-terms are standard:
d(Σ⁻¹) = −Σ⁻¹ dΣ Σ⁻¹ turns the quadratic form into +½ tr(Σ⁻¹rrᵀΣ⁻¹ dΣ), and Jacobi's formula gives
−½ tr(Σ⁻¹ dΣ). Together d log N = tr(Gᵀ dΣ) with G = ½(Σ⁻¹rrᵀΣ⁻¹ − Σ⁻¹): the precision-weighted
outer product of the residual against the precision. The gradient vanishes where Σ = rrᵀ, the
one-sample version of the maximum-likelihood covariance.

Here Σ is differentiated as a matrix of d² free entries at a symmetric positive definite point, so G
(symmetric at such a point) is also the gradient on symmetric matrices; the free-entry derivative of
the Matrix Cookbook's §2.8 would double its off-diagonal entries (see
gaussian-log-likelihood-covariance). The classic mistakes are the sign of either term and the
inverse left off one factor (rrᵀ in place of Σ⁻¹rrᵀΣ⁻¹).

>>> from identities import get, verify
>>> verify(get("gaussian-log-density-covariance")).ok
True
"""

from identities.define import *

x = vector("x", "d")
mu = vector("mu", "d")
Sigma = matrix("Sigma", "d", "d")
dSigma = d(Sigma)
r = add(x, mul(-1, mu))
P = Inverse(Sigma)

IDENTITY = identity(
    id="gaussian-log-density-covariance",
    title="Gradient of the Gaussian log-density in its covariance",
    symbols=[
        variable(Sigma, "the covariance, a symmetric positive definite d×d matrix", "spd"),
        constant(x, "the point at which the density is evaluated, a vector of length d"),
        constant(mu, "the mean, a vector of length d"),
    ],
    function=add(mul(Rational(-1, 2), Trace(mul(r.T, P, r))), mul(Rational(-1, 2), log(Determinant(Sigma))),
                 mul(-dim("d") / 2, log(2 * pi))),
    claims=[gradient(Sigma, mul(Rational(1, 2), add(mul(P, r, r.T, P), mul(-1, P))))],
    derivation=derivation(
        Sigma,
        step(add(mul(Rational(1, 2), Trace(mul(r.T, P, dSigma, P, r))), mul(Rational(-1, 2), Trace(mul(P, dSigma)))),
             "d(Σ⁻¹) = −Σ⁻¹ dΣ Σ⁻¹ in the quadratic form; Jacobi's formula d log det Σ = tr(Σ⁻¹ dΣ)"),
        step(Trace(mul(Rational(1, 2), add(mul(P, r, r.T, P), mul(-1, P)), dSigma)),
             "a 1×1 matrix is its trace and the trace is cyclic: rᵀΣ⁻¹ dΣ Σ⁻¹r = tr(Σ⁻¹rrᵀΣ⁻¹ dΣ)"),
        step(Trace(mul(Transpose(mul(Rational(1, 2), add(mul(P, r, r.T, P), mul(-1, P)))), dSigma)),
             "the matrix in front of dΣ is symmetric, so it is its own transpose: the form tr(Gᵀ dΣ)"),
    ),
    see_also=("gaussian-log-density-precision", "gaussian-log-likelihood-covariance", "log-det",
              "inverse-differential"),
    sources=(cite("bishop2006pattern", "§2.3.4, maximum likelihood for the Gaussian"),
             cookbook(locator="§8.4.2: the derivative of a mixture in Σⱼ carries this gradient as its factor "
                              "½[−Σⱼ⁻¹ + Σⱼ⁻¹(s − μⱼ)(s − μⱼ)ᵀΣⱼ⁻¹]")),
    aliases=("gaussian covariance gradient", "derivative of log likelihood with respect to covariance",
             "normal log density covariance gradient"),
)
