"""The Gaussian log-likelihood of n samples in the mean: gradient Σ⁻¹(X − μ𝟏ᵀ)𝟏, Hessian −nΣ⁻¹.

Stack n samples as the columns of a d×n data matrix X and centre them at the mean, E = X − μ𝟏ᵀ.
The log-likelihood Σᵢ log N(xᵢ | μ, Σ) = −½ tr(EᵀΣ⁻¹E) − (n/2) log det Σ − (nd/2) log 2π changes with μ
through dE = −dμ𝟏ᵀ, and the cyclic trace gives d log L = (Σ⁻¹E𝟏)ᵀdμ: the gradient is Σ⁻¹ times the
sum of the residuals, Σ⁻¹(X − μ𝟏ᵀ)𝟏 = nΣ⁻¹(x̄ − μ) with x̄ the sample mean. It vanishes at μ = x̄, the
maximum-likelihood mean, whatever Σ is. Differentiating once more gives the constant Hessian −nΣ⁻¹;
its negative, nΣ⁻¹, is the Fisher information for μ, and its inverse Σ/n the variance of x̄.

The slips are the missing 𝟏 (a d×n matrix where a vector belongs), the factor n in the Hessian, and
the sign; averaging instead of summing the log-likelihoods divides both by n.

>>> from identities import get, verify
>>> verify(get("gaussian-log-likelihood-mean")).ok
True
"""

from identities.define import *

X = matrix("X", "d", "n")
mu = vector("mu", "d")
Sigma = matrix("Sigma", "d", "d")
dmu = d(mu)
n = dim("n")
ones = Ones(n, 1)
E = named("E", add(X, mul(-1, mu, ones.T)))
P = Inverse(Sigma)

IDENTITY = identity(
    id="gaussian-log-likelihood-mean",
    title="Gradient and Hessian of the Gaussian log-likelihood of n samples in the mean",
    symbols=[
        variable(mu, "the mean, a vector of length d"),
        constant(X, "the data, d×n, one sample per column"),
        constant(Sigma, "the covariance, a symmetric positive definite d×d matrix", "spd"),
    ],
    function=add(mul(Rational(-1, 2), Trace(mul(E.T, P, E))), mul(-n / 2, log(Determinant(Sigma))),
                 mul(-n * dim("d") / 2, log(2 * pi))),
    claims=[
        gradient(mu, mul(P, E, ones)),
        hessian(mu, mul(-n, P)),
    ],
    derivation=derivation(
        mu,
        step(add(mul(Rational(1, 2), Trace(mul(ones, dmu.T, P, E))), mul(Rational(1, 2), Trace(mul(E.T, P, dmu, ones.T)))),
             "product rule on −½ tr(EᵀΣ⁻¹E) with dE = −dμ𝟏ᵀ"),
        step(Trace(mul(ones.T, E.T, P, dmu)),
             "the two traces are transposes of each other (Σ⁻¹ is symmetric); cycle 𝟏ᵀ to the front"),
        step(Trace(mul(Transpose(mul(P, E, ones)), dmu)), "𝟏ᵀEᵀΣ⁻¹ = (Σ⁻¹E𝟏)ᵀ: the form (∇f)ᵀdμ"),
    ),
    see_also=("gaussian-log-density-mean", "gaussian-log-likelihood-covariance", "gaussian-log-likelihood-precision"),
    sources=(cite("bishop2006pattern", "§2.3.4, maximum likelihood for the Gaussian"),
             cite("murphy2012machine", "§4.1.3, MLE for an MVN")),
    aliases=("gaussian mle mean", "sample mean maximum likelihood", "fisher information gaussian mean",
             "log likelihood gradient mean"),
)
