"""The Gaussian log-likelihood of n samples in the precision: ½(nΛ⁻¹ − S), zero at Λ⁻¹ = S/n.

With the samples as the columns of a d×n matrix X, E = X − μ𝟏ᵀ and the scatter matrix S = EEᵀ, the
log-likelihood in the precision Λ = Σ⁻¹ is (n/2) log det Λ − ½ tr(SΛ) − (nd/2) log 2π: a
log-determinant plus a linear function of Λ, in which the data enter only through S. Jacobi's formula
gives the gradient ½(nΛ⁻¹ − S), and setting it to zero gives Λ⁻¹ = S/n: the maximum-likelihood
covariance in one line, the derivation Murphy uses. Only the log-determinant is curved: the Hessian
is −(n/2)K(Λ⁻ᵀ ⊗ Λ⁻¹) (K the commutation matrix), negative definite on symmetric directions, so the
log-likelihood is concave in Λ and the stationary point is the maximum.

Both are written for Λ as a matrix of d² free entries, with Λ⁻ᵀ where a symmetric Λ would allow Λ⁻¹:
the formulas then hold at every Λ with positive determinant, not only on the symmetric ones, and the
Hessian is the derivative of the gradient as written.

The same gradient with a penalty ρ‖Λ‖₁ added is the graphical lasso's optimality condition. The
mistakes are the factor n on the wrong term, S where S/n belongs in the solution, and the sign.

>>> from identities import get, verify
>>> verify(get("gaussian-log-likelihood-precision")).ok
True
"""

from identities.define import *

X = matrix("X", "d", "n")
mu = vector("mu", "d")
Lam = matrix("Lambda", "d", "d")
dLam = d(Lam)
n = dim("n")
E = named("E", add(X, mul(-1, mu, Ones(n, 1).T)))
S = named("S", mul(E, E.T))
K = commutation(dim("d"), dim("d"))

IDENTITY = identity(
    id="gaussian-log-likelihood-precision",
    title="Gradient of the Gaussian log-likelihood of n samples in the precision matrix",
    symbols=[
        variable(Lam, "the precision (inverse covariance), a symmetric positive definite d×d matrix", "spd"),
        constant(X, "the data, d×n, one sample per column"),
        constant(mu, "the mean, a vector of length d"),
    ],
    function=add(mul(n / 2, log(Determinant(Lam))), mul(Rational(-1, 2), Trace(mul(E.T, Lam, E))),
                 mul(-n * dim("d") / 2, log(2 * pi))),
    claims=[
        gradient(Lam, mul(Rational(1, 2), add(mul(n, Inverse(Lam).T), mul(-1, S)))),
        hessian(Lam, mul(-n / 2, K, KroneckerProduct(Inverse(Lam).T, Inverse(Lam))), vec="F"),
        hessian(Lam, mul(-n / 2, K, KroneckerProduct(Inverse(Lam), Inverse(Lam).T)), vec="C"),
    ],
    derivation=derivation(
        Lam,
        step(add(mul(n / 2, Trace(mul(Inverse(Lam), dLam))), mul(Rational(-1, 2), Trace(mul(E.T, dLam, E)))),
             "Jacobi's formula for (n/2) log det Λ; the quadratic term is linear in Λ"),
        step(Trace(mul(Rational(1, 2), add(mul(n, Inverse(Lam)), mul(-1, S)), dLam)),
             "tr(Eᵀ dΛ E) = tr(EEᵀ dΛ) = tr(S dΛ); collect"),
        step(Trace(mul(Transpose(mul(Rational(1, 2), add(mul(n, Inverse(Lam).T), mul(-1, S)))), dLam)),
             "S is symmetric and Λ⁻¹ = (Λ⁻ᵀ)ᵀ: the form tr(Gᵀ dΛ)"),
    ),
    see_also=("gaussian-log-density-precision", "gaussian-log-likelihood-covariance", "log-det-trace"),
    sources=(cite("murphy2012machine", "§4.1.3, MLE for an MVN: the log-likelihood in the precision matrix"),),
    aliases=("gaussian mle precision", "precision matrix gradient", "inverse covariance mle",
             "graphical lasso gradient"),
)
