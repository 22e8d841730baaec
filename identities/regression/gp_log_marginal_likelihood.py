"""Gaussian-process negative log marginal likelihood: ∇_K = ½(K⁻¹ − ααᵀ), and its derivative in a length-scale.

For targets y of length n and an SPD covariance K of the targets, the negative log marginal
likelihood of a Gaussian process is

f = ½ yᵀK⁻¹y + ½ log det K + (n/2) log 2π = −log p(y | X),

the quantity that is *minimised* to fit hyper-parameters. Rasmussen and Williams write the log
marginal likelihood log p(y | X) itself (their eq. 5.8), which has the opposite sign, and so does
their gradient (eq. 5.9); every derivative below is the negative of theirs.

With α = K⁻¹y, the data-fit term changes by −½ αᵀ dK α and the complexity term by ½ tr(K⁻¹ dK)
(Jacobi's formula), so df = tr(Gᵀ dK) with G = ½(K⁻¹ − ααᵀ). G is symmetric, so it is the gradient
on symmetric matrices (the "sym" convention; the free-entry derivative would double its off-diagonal
entries). Any hyper-parameter θ enters through K, and the chain rule gives the number
df/dθ = tr(G ∂K/∂θ) = ½ tr((K⁻¹ − ααᵀ) ∂K/∂θ).

Here K = E + N: the squared-exponential kernel E_ij = exp(−‖xᵢ − xⱼ‖²/(2ℓ²)) on the inputs X (one row
per observation) with length-scale ℓ, plus a noise covariance N. Both derivatives are checked: the
gradient with respect to N, through which K moves with unit derivative, so ∇_N f = ∇_K f = G; and the
derivative with respect to the scalar ℓ, for which ∂E/∂ℓ = E∘D/ℓ³ (D the squared distances), so
df/dℓ = tr(G (E∘D))/ℓ³, a number.

The sign is the classic slip — ½(ααᵀ − K⁻¹) is the gradient of log p, to be *ascended* — followed by
a lost ½ and a power of ℓ off by one (D/ℓ² for D/ℓ³).

>>> from identities import get, verify
>>> verify(get("gp-log-marginal-likelihood")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "d")
y = vector("y", "n")
N = matrix("N", "n", "n")
ell = scalar("ell")
dN = d(N)
n = dim("n")
ones = Ones(n, 1)
norms = RowSums(HadamardProduct(X, X))
D = named("D", add(mul(norms, ones.T), mul(ones, norms.T), mul(-2, X, X.T)))
E = named("E", exp_(mul(-1 / (2 * ell ** 2), D)))
K = named("K", add(E, N))
alpha = named("alpha", mul(Inverse(K), y))
G = named("G", mul(Rational(1, 2), add(Inverse(K), mul(-1, alpha, alpha.T))))

IDENTITY = identity(
    id="gp-log-marginal-likelihood",
    title="Negative log marginal likelihood of a Gaussian process: its gradient in K and its derivative in a length-scale",
    symbols=[
        variable(N, "the noise covariance, symmetric positive definite n×n", "spd", structure="symmetric"),
        variable(ell, "the length-scale of the inputs", "positive"),
        constant(X, "the inputs, one row per observation (n×d); D holds their squared distances"),
        constant(y, "the targets, a vector of length n"),
    ],
    function=add(mul(Rational(1, 2), Trace(mul(y.T, Inverse(K), y))), mul(Rational(1, 2), log(Determinant(K))),
                 mul(n / 2, log(2 * pi))),
    claims=[
        gradient(N, G, convention="sym"),
        gradient(ell, mul(ell ** -3, Trace(mul(G, HadamardProduct(E, D))))),
    ],
    derivation=derivation(
        N,
        step(add(mul(Rational(-1, 2), Trace(mul(y.T, Inverse(K), dN, Inverse(K), y))),
                 mul(Rational(1, 2), Trace(mul(Inverse(K), dN)))),
             "dK = dN; d(K⁻¹) = −K⁻¹ dK K⁻¹ in the data-fit term, Jacobi's formula in log det K"),
        step(add(mul(Rational(-1, 2), Trace(mul(alpha, alpha.T, dN))), mul(Rational(1, 2), Trace(mul(Inverse(K), dN)))),
             "cyclic trace: yᵀK⁻¹ dN K⁻¹y = tr(K⁻¹y yᵀK⁻¹ dN) = tr(ααᵀ dN), as K⁻¹ is symmetric"),
        step(Trace(mul(Transpose(G), dN)), "collect the terms: df = tr(Gᵀ dN) with the symmetric G = ½(K⁻¹ − ααᵀ)"),
    ),
    see_also=("log-det-symmetric", "log-det", "inverse-differential", "quadratic-form"),
    sources=(cite("rasmussen2006gaussian", "eqs. (5.8) and (5.9), p. 114: log p and its derivative, of the opposite "
                                           "sign"),
             cookbook(locator="eqs. (40) and (43), the differentials of X⁻¹ and ln det X used in the derivation")),
    aliases=("gaussian process marginal likelihood", "gp marginal likelihood gradient",
             "negative log marginal likelihood", "gp hyperparameter gradient", "type-II maximum likelihood"),
)
