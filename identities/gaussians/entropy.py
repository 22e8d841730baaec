"""The entropy of a Gaussian, ½ log det(2πeΣ), has gradient ½Σ⁻¹ in the covariance.

For x ∼ N(μ, Σ) in ℝᵈ the differential entropy is H = −E[log N(x | μ, Σ)] = ½ log det(2πΣ) + d/2 =
½ log det Σ + (d/2)(1 + log 2π), the Matrix Cookbook's eq. (389); it does not depend on the mean.
Jacobi's formula gives dH = ½ tr(Σ⁻¹ dΣ), so ∇_Σ H = ½Σ⁻¹ (Σ⁻ᵀ = Σ⁻¹ for a covariance). The entropy grows
with the volume of the ellipsoid det Σ, so its gradient is largest along the directions of smallest
variance.

This is the entropy term of a variational lower bound with a Gaussian q, and the second half of the
KL divergence; its gradient pushes q to spread out. Forgetting the ½, or writing Σ where Σ⁻¹ belongs,
are the mistakes.

>>> from identities import get, verify
>>> verify(get("gaussian-entropy")).ok
True
"""

from identities.define import *

Sigma = matrix("Sigma", "d", "d")
dSigma = d(Sigma)

IDENTITY = identity(
    id="gaussian-entropy",
    title="Gradient of the entropy of a Gaussian in its covariance",
    output="H",
    symbols=[variable(Sigma, "the covariance, a symmetric positive definite d×d matrix", "spd")],
    function=add(mul(Rational(1, 2), log(Determinant(Sigma))), mul(dim("d") / 2, add(1, log(2 * pi)))),
    claims=[gradient(Sigma, mul(Rational(1, 2), Inverse(Sigma)))],
    derivation=derivation(
        Sigma,
        step(mul(Rational(1, 2), Trace(mul(Inverse(Sigma), dSigma))), "Jacobi's formula; the constant drops out"),
        step(Trace(mul(Transpose(mul(Rational(1, 2), Inverse(Sigma))), dSigma)),
             "Σ⁻¹ is symmetric: the form tr(Gᵀ dΣ)"),
    ),
    see_also=("log-det", "gaussian-kl-first-argument", "log-det-symmetric"),
    sources=(cookbook(389),),
    aliases=("gaussian entropy gradient", "differential entropy normal", "entropy of multivariate normal"),
)
