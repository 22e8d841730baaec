"""The Gaussian log-density in its precision Λ = Σ⁻¹: ∇_Λ log N = ½(Λ⁻¹ − (x − μ)(x − μ)ᵀ).

Written with the precision, log N(x | μ, Λ⁻¹) = ½ log det Λ − ½(x − μ)ᵀΛ(x − μ) − (d/2) log 2π is a
log-determinant plus a function linear in Λ: the gradient is ½Λ⁻¹ from Jacobi's formula and
−½(x − μ)(x − μ)ᵀ from the linear term, with no inverse on the data side. This is why precision (natural)
parameters are preferred in exponential-family and Gaussian graphical-model work: the log-density is
concave in Λ, and the data enter through the sufficient statistic −½ rrᵀ alone.

Compared with the covariance form ½(Σ⁻¹rrᵀΣ⁻¹ − Σ⁻¹) the sign pattern reverses and the sandwich
disappears; the chain rule through Λ = Σ⁻¹ links the two (∇_Σ = −Σ⁻¹ ∇_Λ Σ⁻¹). Mixing them up —
writing ½(rrᵀ − Λ⁻¹), or Λ where Λ⁻¹ belongs — are the classic slips.

>>> from identities import get, verify
>>> verify(get("gaussian-log-density-precision")).ok
True
"""

from identities.define import *

x = vector("x", "d")
mu = vector("mu", "d")
Lam = matrix("Lambda", "d", "d")
dLam = d(Lam)
r = add(x, mul(-1, mu))

IDENTITY = identity(
    id="gaussian-log-density-precision",
    title="Gradient of the Gaussian log-density in its precision matrix",
    symbols=[
        variable(Lam, "the precision (inverse covariance), a symmetric positive definite d×d matrix", "spd"),
        constant(x, "the point at which the density is evaluated, a vector of length d"),
        constant(mu, "the mean, a vector of length d"),
    ],
    function=add(mul(Rational(1, 2), log(Determinant(Lam))), mul(Rational(-1, 2), Trace(mul(r.T, Lam, r))),
                 mul(-dim("d") / 2, log(2 * pi))),
    claims=[gradient(Lam, mul(Rational(1, 2), add(Inverse(Lam), mul(-1, r, r.T))))],
    derivation=derivation(
        Lam,
        step(add(mul(Rational(1, 2), Trace(mul(Inverse(Lam), dLam))), mul(Rational(-1, 2), Trace(mul(r.T, dLam, r)))),
             "Jacobi's formula for ½ log det Λ; the quadratic form is linear in Λ"),
        step(Trace(mul(Rational(1, 2), add(Inverse(Lam), mul(-1, r, r.T)), dLam)),
             "rᵀ dΛ r = tr(rrᵀ dΛ); collect"),
        step(Trace(mul(Transpose(mul(Rational(1, 2), add(Inverse(Lam), mul(-1, r, r.T)))), dLam)),
             "Λ⁻¹ and rrᵀ are symmetric: the form tr(Gᵀ dΛ)"),
    ),
    see_also=("gaussian-log-density-covariance", "gaussian-log-likelihood-precision", "log-det-trace"),
    sources=(cite("murphy2012machine", "§4.1.3, MLE for an MVN: the log-likelihood in the precision matrix"),),
    aliases=("gaussian precision gradient", "natural parameter gradient gaussian", "inverse covariance gradient"),
)
