"""In the covariance, the squared Mahalanobis distance has gradient −Σ⁻¹δδᵀΣ⁻¹ (δ = x − μ).

For fixed x and μ and a symmetric positive definite covariance Σ, f(Σ) = δᵀΣ⁻¹δ with δ = x − μ.
The differential of the inverse, d(Σ⁻¹) = −Σ⁻¹dΣ Σ⁻¹, gives df = −zᵀdΣ z with z = Σ⁻¹δ, so the
gradient is −zzᵀ: symmetric, negative semidefinite, of rank one. Summed over data points and
combined with ½ log det Σ it gives the maximum-likelihood update of a Gaussian's covariance.

Σ is symmetric, so its gradient has two published forms: the one in the trace inner product on
symmetric matrices, G = −zzᵀ, and the derivative by the free entries (the Matrix Cookbook's §2.8
convention), 2G − G∘I, whose off-diagonal entries are doubled. Both are stated and checked with
symmetric perturbations. Forgetting the minus sign, or writing −Σ⁻²δδᵀ, are the classic slips.

>>> from identities import get, verify
>>> verify(get("mahalanobis-covariance")).ok
True
"""

from identities.define import *

x = vector("x", "n")
mu = vector("mu", "n")
Sigma = matrix("Sigma", "n", "n")
dSigma = d(Sigma)
delta = named("delta", add(x, mul(-1, mu)))
z = named("z", mul(Inverse(Sigma), delta))
G = mul(-1, z, z.T)

IDENTITY = identity(
    id="mahalanobis-covariance",
    title="Gradient of the squared Mahalanobis distance with respect to the covariance",
    symbols=[variable(Sigma, "the covariance, symmetric positive definite n×n", "spd", structure="symmetric"),
             constant(x, "the point, a vector of length n"),
             constant(mu, "the mean, a vector of length n")],
    function=mul(Transpose(delta), z),
    claims=[
        gradient(Sigma, G, convention="sym"),
        gradient(Sigma, add(mul(2, G), mul(-1, HadamardProduct(G, eye("n")))), convention="free"),
    ],
    derivation=derivation(
        Sigma,
        step(mul(-1, Transpose(delta), Inverse(Sigma), dSigma, Inverse(Sigma), delta), "d(Σ⁻¹) = −Σ⁻¹ dΣ Σ⁻¹"),
        step(mul(-1, Transpose(z), dSigma, z), "δᵀΣ⁻¹ = (Σ⁻¹δ)ᵀ = zᵀ, as Σ is symmetric"),
        step(Trace(mul(Transpose(G), dSigma)), "−zᵀdΣ z = tr((−zzᵀ)ᵀ dΣ)"),
    ),
    see_also=("mahalanobis-distance", "quadratic-form-matrix", "log-det-symmetric", "inverse-differential"),
    sources=(cookbook(61, locator="with a = b = x − μ; the free-entry form by the rule (138) of §2.8.2"),),
    aliases=("mahalanobis covariance gradient", "derivative of x Sigma inverse x with respect to Sigma"),
)
