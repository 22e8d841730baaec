"""The Gaussian log-density with Σ = LLᵀ: the gradient in the factor L is L⁻ᵀ(zzᵀ − I), z = L⁻¹(x − μ).

Parameterising a covariance by a square factor, Σ = LLᵀ, keeps it positive definite without
constraints; variational inference and the reparameterisation trick (x = μ + Lε) work with L. With
r = x − μ, log N(x | μ, LLᵀ) = −½ rᵀ(LLᵀ)⁻¹r − ½ log det(LLᵀ) − (d/2) log 2π, and its gradient in Σ is
the symmetric G = ½(Σ⁻¹rrᵀΣ⁻¹ − Σ⁻¹). The chain rule through dΣ = dL Lᵀ + L dLᵀ gives
tr(G dΣ) = 2 tr(LᵀG dL), so ∇_L = 2GL, and with the whitened residual z = L⁻¹r (Σ⁻¹r = L⁻ᵀz,
Σ⁻¹L = L⁻ᵀ) this is L⁻ᵀ(zzᵀ − I): zero exactly when the whitened residual has zzᵀ = I.

L is any factor with positive determinant here (a Cholesky factor is one, restricted to its lower
triangle). The mistakes are GL for 2GL (the two terms of dΣ counted once), LG for GL, and I − zzᵀ
(the sign).

>>> from identities import get, verify
>>> verify(get("gaussian-log-density-cholesky")).ok
True
"""

from identities.define import *

x = vector("x", "d")
mu = vector("mu", "d")
L = matrix("L", "d", "d")
dL = d(L)
r = add(x, mul(-1, mu))
Sigma = named("Sigma", mul(L, L.T))
P = Inverse(Sigma)
G = mul(Rational(1, 2), add(mul(P, r, r.T, P), mul(-1, P)))
z = named("z", mul(Inverse(L), r))

IDENTITY = identity(
    id="gaussian-log-density-cholesky",
    title="Gradient of the Gaussian log-density in a factor L of the covariance Σ = LLᵀ",
    symbols=[
        variable(L, "the factor of the covariance, a d×d matrix with positive determinant", "positive-determinant"),
        constant(x, "the point at which the density is evaluated, a vector of length d"),
        constant(mu, "the mean, a vector of length d"),
    ],
    function=add(mul(Rational(-1, 2), Trace(mul(r.T, P, r))), mul(Rational(-1, 2), log(Determinant(Sigma))),
                 mul(-dim("d") / 2, log(2 * pi))),
    claims=[gradient(L, mul(Inverse(L).T, add(mul(z, z.T), mul(-1, eye("d")))))],
    derivation=derivation(
        L,
        step(Trace(mul(G, add(mul(dL, L.T), mul(L, dL.T)))),
             "the gradient in Σ is G = ½(Σ⁻¹rrᵀΣ⁻¹ − Σ⁻¹), symmetric, and dΣ = dL Lᵀ + L dLᵀ"),
        step(mul(2, Trace(mul(L.T, G, dL))), "tr(G L dLᵀ) = tr(dL Lᵀ Gᵀ) = tr(LᵀG dL), as G is symmetric"),
        step(Trace(mul(Transpose(mul(Inverse(L).T, add(mul(z, z.T), mul(-1, eye("d"))))), dL)),
             "2GL = Σ⁻¹rrᵀΣ⁻¹L − Σ⁻¹L = L⁻ᵀzzᵀ − L⁻ᵀ, since Σ⁻¹ = L⁻ᵀL⁻¹ and z = L⁻¹r"),
    ),
    see_also=("gaussian-log-density-covariance", "cholesky-backward", "rule-chain"),
    sources=(cite("bishop2006pattern", "§2.3.4, maximum likelihood for the Gaussian (the gradient in Σ)"),
             cookbook(locator="§2.8.1, the chain rule (136)–(137), through Σ = LLᵀ")),
    aliases=("gaussian cholesky gradient", "reparameterization gradient covariance factor", "scale matrix gradient",
             "whitened residual"),
)
