"""KL(N(m, S) ‖ N(μ, Σ)) in its second argument: Σ⁻¹(μ − m) and ½(Σ⁻¹ − Σ⁻¹(S + (m − μ)(m − μ)ᵀ)Σ⁻¹).

With KL = ½[tr(Σ⁻¹S) + (μ − m)ᵀΣ⁻¹(μ − m) − d + log det Σ − log det S], the second Gaussian N(μ, Σ)
is the model being fitted to a fixed q = N(m, S): the prior hyper-parameters of variational inference,
or the moment-matching step of expectation propagation. In μ only the quadratic form moves, and
∇_μ KL = Σ⁻¹(μ − m). In Σ three terms move: d(Σ⁻¹) = −Σ⁻¹ dΣ Σ⁻¹ in the trace and in the quadratic
form, and Jacobi's formula in log det Σ, so ∇_Σ KL = ½(Σ⁻¹ − Σ⁻¹(S + δδᵀ)Σ⁻¹) with δ = m − μ.

Both vanish at μ = m and Σ = S + δδᵀ = S: minimising the KL over its second argument matches the first
two moments of q. Unlike the first argument, Σ appears sandwiched; forgetting the outer product δδᵀ,
or one of the two inverses around S, are the usual mistakes.

>>> from identities import get, verify
>>> verify(get("gaussian-kl-second-argument")).ok
True
"""

from identities.define import *

m = vector("m", "d")
S = matrix("S", "d", "d")
mu = vector("mu", "d")
Sigma = matrix("Sigma", "d", "d")
dSigma = d(Sigma)
delta = add(m, mul(-1, mu))
P = Inverse(Sigma)
G = mul(Rational(1, 2), add(P, mul(-1, P, add(S, mul(delta, delta.T)), P)))

IDENTITY = identity(
    id="gaussian-kl-second-argument",
    title="Gradients of KL(N(m, S) ‖ N(μ, Σ)) in the mean and covariance of its second argument",
    output="KL",
    symbols=[
        variable(mu, "the mean of the second Gaussian, a vector of length d"),
        variable(Sigma, "the covariance of the second Gaussian, symmetric positive definite d×d", "spd"),
        constant(m, "the mean of the first Gaussian, a vector of length d"),
        constant(S, "the covariance of the first Gaussian, symmetric positive definite d×d", "spd"),
    ],
    function=mul(Rational(1, 2), add(Trace(mul(P, S)), Trace(mul(delta.T, P, delta)), -dim("d"),
                                     log(Determinant(Sigma)), mul(-1, log(Determinant(S))))),
    claims=[
        gradient(mu, mul(P, add(mu, mul(-1, m)))),
        gradient(Sigma, G),
    ],
    derivation=derivation(
        Sigma,
        step(mul(Rational(1, 2), add(mul(-1, Trace(mul(P, dSigma, P, S))), mul(-1, Trace(mul(delta.T, P, dSigma, P, delta))),
                                     Trace(mul(P, dSigma)))),
             "d(Σ⁻¹) = −Σ⁻¹ dΣ Σ⁻¹ in tr(Σ⁻¹S) and in the quadratic form; Jacobi's formula in log det Σ"),
        step(Trace(mul(G, dSigma)),
             "cyclic trace: tr(Σ⁻¹ dΣ Σ⁻¹S) = tr(Σ⁻¹SΣ⁻¹ dΣ), δᵀΣ⁻¹ dΣ Σ⁻¹δ = tr(Σ⁻¹δδᵀΣ⁻¹ dΣ); collect"),
        step(Trace(mul(Transpose(G), dSigma)), "the collected matrix is symmetric: the form tr(Gᵀ dΣ)"),
    ),
    see_also=("gaussian-kl-first-argument", "gaussian-log-likelihood-covariance", "inverse-differential"),
    sources=(cite("rasmussen2006gaussian", "Appendix A.5, entropy and Kullback–Leibler divergence"),),
    aliases=("kl divergence prior gradient", "moment matching gaussian", "kl gaussian second argument"),
)
