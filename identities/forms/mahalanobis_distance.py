"""The squared Mahalanobis distance (x − μ)ᵀΣ⁻¹(x − μ): gradient 2Σ⁻¹(x − μ) in x, −2Σ⁻¹(x − μ) in μ.

For a point x, a mean μ (both of length n) and a symmetric positive definite covariance Σ, the
squared Mahalanobis distance is the quadratic form of the precision Σ⁻¹ on the deviation x − μ —
the exponent of a Gaussian density, up to −½. Σ⁻¹ is symmetric, so the general rule (W + Wᵀ)(x − μ)
becomes 2Σ⁻¹(x − μ): here the factor 2 is right. In μ the deviation changes sign, and the
Hessian in x is the constant 2Σ⁻¹, which is why the log-density of a Gaussian has curvature −Σ⁻¹.

The code solves with Σ rather than forming Σ⁻¹. The common slips are Σ for Σ⁻¹ and a lost
sign in μ; the derivative with respect to Σ itself is mahalanobis-covariance.

>>> from identities import get, verify
>>> verify(get("mahalanobis-distance")).ok
True
"""

from identities.define import *

x = vector("x", "n")
mu = vector("mu", "n")
Sigma = matrix("Sigma", "n", "n")
dx = d(x)
delta = named("delta", add(x, mul(-1, mu)))
z = named("z", solve(Sigma, delta))

IDENTITY = identity(
    id="mahalanobis-distance",
    title="Gradients and Hessian of the squared Mahalanobis distance in x and μ",
    symbols=[variable(x, "the point, a vector of length n"),
             variable(mu, "the mean, a vector of length n"),
             constant(Sigma, "the covariance, symmetric positive definite n×n", "spd")],
    function=mul(Transpose(delta), z),
    claims=[
        gradient(x, mul(2, z)),
        gradient(mu, mul(-2, z)),
        hessian(x, mul(2, Inverse(Sigma))),
    ],
    derivation=derivation(
        x,
        step(add(mul(dx.T, Inverse(Sigma), delta), mul(Transpose(delta), Inverse(Sigma), dx)),
             "product rule on δᵀΣ⁻¹δ with δ = x − μ and dδ = dx"),
        step(mul(2, Transpose(delta), Inverse(Sigma), dx), "the first term is 1×1 and Σ⁻¹ is symmetric: it equals the second"),
        step(mul(Transpose(mul(2, z)), dx), "δᵀΣ⁻¹ = (Σ⁻¹δ)ᵀ, so df = (∇f)ᵀdx with ∇f = 2Σ⁻¹δ"),
    ),
    see_also=("mahalanobis-covariance", "weighted-distance-form", "log-det-trace"),
    sources=(cookbook(85, locator="with the symmetric weight W = Σ⁻¹"),
             cite("bishop2006pattern", "§2.3, the Mahalanobis distance in the Gaussian exponent")),
    aliases=("mahalanobis distance gradient", "gaussian exponent gradient", "precision weighted distance"),
)
