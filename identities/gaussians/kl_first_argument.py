"""KL(N(m, S) ‖ N(μ, Σ)) in its first argument: gradients Σ⁻¹(m − μ) and ½(Σ⁻¹ − S⁻¹).

The divergence of a Gaussian q = N(m, S) from p = N(μ, Σ), both in ℝᵈ, is
KL = ½[tr(Σ⁻¹S) + (μ − m)ᵀΣ⁻¹(μ − m) − d + log det Σ − log det S]. In variational inference q is the
approximation being fitted (a variational posterior, the inducing-point distribution of a sparse
Gaussian process) and p the prior, so these are the gradients an optimiser follows. The mean enters
only the quadratic form: ∇_m KL = Σ⁻¹(m − μ), with the constant Hessian Σ⁻¹. The covariance enters a
linear trace and a log-determinant: ∇_S KL = ½(Σ⁻¹ − S⁻¹), which vanishes at S = Σ.

S and Σ are symmetric positive definite and differentiated as matrices of free entries at such a point;
½(Σ⁻¹ − S⁻¹) is symmetric, so it is also the gradient on symmetric matrices. The mistakes are the
sign of either term, S⁻¹ where Σ⁻¹ belongs (the two arguments of a KL are not interchangeable), and the
½ dropped.

>>> from identities import get, verify
>>> verify(get("gaussian-kl-first-argument")).ok
True
"""

from identities.define import *

m = vector("m", "d")
S = matrix("S", "d", "d")
mu = vector("mu", "d")
Sigma = matrix("Sigma", "d", "d")
dS = d(S)
delta = add(mu, mul(-1, m))
P = Inverse(Sigma)

IDENTITY = identity(
    id="gaussian-kl-first-argument",
    title="Gradients of KL(N(m, S) ‖ N(μ, Σ)) in the mean and covariance of its first argument",
    output="KL",
    symbols=[
        variable(m, "the mean of the first Gaussian, a vector of length d"),
        variable(S, "the covariance of the first Gaussian, symmetric positive definite d×d", "spd"),
        constant(mu, "the mean of the second Gaussian, a vector of length d"),
        constant(Sigma, "the covariance of the second Gaussian, symmetric positive definite d×d", "spd"),
    ],
    function=mul(Rational(1, 2), add(Trace(mul(P, S)), Trace(mul(delta.T, P, delta)), -dim("d"),
                                     log(Determinant(Sigma)), mul(-1, log(Determinant(S))))),
    claims=[
        gradient(m, mul(P, add(m, mul(-1, mu)))),
        hessian(m, P),
        gradient(S, mul(Rational(1, 2), add(P, mul(-1, Inverse(S))))),
    ],
    derivation=derivation(
        S,
        step(mul(Rational(1, 2), add(Trace(mul(P, dS)), mul(-1, Trace(mul(Inverse(S), dS))))),
             "tr(Σ⁻¹S) is linear in S; Jacobi's formula d log det S = tr(S⁻¹ dS); the other terms are constant"),
        step(Trace(mul(Transpose(mul(Rational(1, 2), add(P, mul(-1, Inverse(S))))), dS)),
             "Σ⁻¹ and S⁻¹ are symmetric: the form tr(Gᵀ dS)"),
    ),
    see_also=("gaussian-kl-second-argument", "gaussian-entropy", "log-det", "trace-linear"),
    sources=(cite("rasmussen2006gaussian", "Appendix A.5, entropy and Kullback–Leibler divergence"),),
    aliases=("kl divergence gaussian gradient", "variational gaussian gradient", "kl gaussian covariance gradient",
             "relative entropy gaussians"),
)
