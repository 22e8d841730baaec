"""The Gaussian log-density in its mean: gradient Σ⁻¹(x − μ), Hessian −Σ⁻¹; in x the gradient is −Σ⁻¹(x − μ).

For x, μ ∈ ℝᵈ and an SPD covariance Σ, log N(x | μ, Σ) = −½(x − μ)ᵀΣ⁻¹(x − μ) − ½ log det Σ −
(d/2) log 2π depends on μ only through the quadratic form. With r = x − μ, dr = −dμ and Σ⁻¹ symmetric,
d log N = rᵀΣ⁻¹ dμ: the gradient in μ is Σ⁻¹(x − μ), and differentiating once more gives the constant
Hessian −Σ⁻¹ — negative definite, so the log-density is concave in μ with its maximum at μ = x. In x the
sign flips: the score ∇ₓ log N = −Σ⁻¹(x − μ) points from x back towards the mean, which is what
Langevin samplers and score-matching models follow; its Hessian in x is again −Σ⁻¹.

The symmetry of Σ is used: for a non-symmetric matrix in the quadratic form the gradient would be
½(Σ⁻¹ + Σ⁻ᵀ)(x − μ). The usual slips are the sign (the two gradients differ only by it), Σ in place of
Σ⁻¹, and a factor ½ kept from the ½ in front of the form.

>>> from identities import get, verify
>>> verify(get("gaussian-log-density-mean")).ok
True
"""

from identities.define import *

x = vector("x", "d")
mu = vector("mu", "d")
Sigma = matrix("Sigma", "d", "d")
dmu = d(mu)
r = add(x, mul(-1, mu))
P = Inverse(Sigma)

IDENTITY = identity(
    id="gaussian-log-density-mean",
    title="Gradient and Hessian of the Gaussian log-density in its mean",
    symbols=[
        variable(mu, "the mean, a vector of length d"),
        variable(x, "the point at which the density is evaluated, a vector of length d"),
        constant(Sigma, "the covariance, a symmetric positive definite d×d matrix", "spd"),
    ],
    function=add(mul(Rational(-1, 2), Trace(mul(r.T, P, r))), mul(Rational(-1, 2), log(Determinant(Sigma))),
                 mul(-dim("d") / 2, log(2 * pi))),
    claims=[
        gradient(mu, mul(P, r)),
        hessian(mu, mul(-1, P)),
        gradient(x, mul(-1, P, r)),
        hessian(x, mul(-1, P)),
    ],
    derivation=derivation(
        mu,
        step(add(Trace(mul(Rational(1, 2), dmu.T, P, r)), Trace(mul(Rational(1, 2), r.T, P, dmu))),
             "product rule on −½ rᵀΣ⁻¹r with r = x − μ: dr = −dμ; the other terms do not depend on μ"),
        step(Trace(mul(r.T, P, dmu)), "the first term is 1×1, so it equals its transpose rᵀΣ⁻ᵀdμ, and Σ⁻ᵀ = Σ⁻¹"),
        step(Trace(mul(Transpose(mul(P, r)), dmu)), "rᵀΣ⁻¹ = (Σ⁻¹r)ᵀ: the form (∇f)ᵀdμ"),
    ),
    see_also=("quadratic-form", "gaussian-log-likelihood-mean", "gaussian-log-density-covariance"),
    sources=(cite("bishop2006pattern", "§2.3.4, maximum likelihood for the Gaussian"),
             cookbook(locator="§8.1.1, eq. (347): ∂p/∂x = −p Σ⁻¹(x − m), which divided by p is the score in x")),
    aliases=("gaussian score", "gradient of gaussian log likelihood mean", "normal log density gradient",
             "score function gaussian"),
)
