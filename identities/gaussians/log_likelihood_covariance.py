"""The Gaussian log-likelihood of n samples in a symmetric covariance: ½(Σ⁻¹SΣ⁻¹ − nΣ⁻¹), or its free-entry form.

With the samples as the columns of a d×n matrix X, residuals E = X − μ𝟏ᵀ and scatter matrix S = EEᵀ,
the log-likelihood is −½ tr(EᵀΣ⁻¹E) − (n/2) log det Σ − (nd/2) log 2π. d(Σ⁻¹) = −Σ⁻¹ dΣ Σ⁻¹ and
Jacobi's formula give d log L = tr(G dΣ) with the symmetric G = ½(Σ⁻¹SΣ⁻¹ − nΣ⁻¹). It vanishes at
Σ = S/n, the maximum-likelihood covariance (with μ the sample mean, the estimate that divides by n,
not n − 1).

A covariance is symmetric, and so are its perturbations, which leaves two answers (see the guide
page on symmetric gradients). G itself is the gradient in the trace inner product restricted to
symmetric matrices — the one to use in a gradient step on Σ. The derivative by the d(d + 1)/2 free
entries, what an optimiser over vech(Σ) sees, is 2G − G∘I (the Matrix Cookbook's §2.8.2 rule), with
doubled off-diagonal entries. Each is checked under its own definition and fails under the other's.

>>> from identities import get, verify
>>> verify(get("gaussian-log-likelihood-covariance")).ok
True
"""

from identities.define import *

X = matrix("X", "d", "n")
mu = vector("mu", "d")
Sigma = matrix("Sigma", "d", "d")
dSigma = d(Sigma)
n = dim("n")
E = named("E", add(X, mul(-1, mu, Ones(n, 1).T)))
S = named("S", mul(E, E.T))
P = Inverse(Sigma)
G = mul(Rational(1, 2), add(mul(P, S, P), mul(-n, P)))

IDENTITY = identity(
    id="gaussian-log-likelihood-covariance",
    title="Gradient of the Gaussian log-likelihood of n samples in a symmetric covariance",
    symbols=[
        variable(Sigma, "the covariance, a symmetric positive definite d×d matrix", "spd", structure="symmetric"),
        constant(X, "the data, d×n, one sample per column"),
        constant(mu, "the mean, a vector of length d"),
    ],
    function=add(mul(Rational(-1, 2), Trace(mul(E.T, P, E))), mul(-n / 2, log(Determinant(Sigma))),
                 mul(-n * dim("d") / 2, log(2 * pi))),
    claims=[
        gradient(Sigma, G, convention="sym"),
        gradient(Sigma, add(mul(2, G), mul(-1, HadamardProduct(G, eye("d"), evaluate=False))), convention="free"),
    ],
    derivation=derivation(
        Sigma,
        step(add(mul(Rational(1, 2), Trace(mul(E.T, P, dSigma, P, E))), mul(-n / 2, Trace(mul(P, dSigma)))),
             "d(Σ⁻¹) = −Σ⁻¹ dΣ Σ⁻¹ in the quadratic term; Jacobi's formula in log det Σ"),
        step(Trace(mul(G, dSigma)), "cyclic trace: tr(EᵀΣ⁻¹ dΣ Σ⁻¹E) = tr(Σ⁻¹EEᵀΣ⁻¹ dΣ) = tr(Σ⁻¹SΣ⁻¹ dΣ)"),
        step(Trace(mul(Transpose(G), dSigma)), "G is symmetric: the form tr(Gᵀ dΣ)"),
    ),
    see_also=("gaussian-log-density-covariance", "gaussian-log-likelihood-precision", "log-det-symmetric"),
    sources=(cite("bishop2006pattern", "§2.3.4, maximum likelihood for the Gaussian"),
             cookbook(locator="§2.8.2, rule (138): the free-entry derivative of a function of a symmetric matrix")),
    aliases=("gaussian mle covariance", "covariance gradient symmetric", "scatter matrix gradient",
             "maximum likelihood covariance"),
)
