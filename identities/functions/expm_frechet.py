"""The derivative of the matrix exponential is its Fréchet derivative L_exp(X, dX), not e^X dX.

For a square X the exponential e^X = I + X + X²/2! + … is a function of the whole matrix (NumPy's
``np.exp`` exponentiates each entry instead; the matrix exponential is ``scipy.linalg.expm``).
Perturbing X inside each power Xʲ leaves dX in every position of the product, so the
differential is the Fréchet derivative

    d e^X = L_exp(X, dX) = ∫₀¹ e^{sX} dX e^{(1−s)X} ds = Σ_{j≥1} (1/j!) Σ_{i=0}^{j−1} Xⁱ dX X^{j−1−i},

which equals e^X dX only when dX commutes with X (X diagonal and dX diagonal, say). It is computed
by one exponential of twice the size: the top-right block of exp([[X, E], [0, X]]) is L_exp(X, E),
which is how the code below evaluates it.

In reverse mode the upstream gradient Ȳ goes back through the adjoint, which for the trace pairing
is the Fréchet derivative at the transpose: X̄ = L_exp(Xᵀ, Ȳ) (move the factors of the integrand
across the trace). The classic mistakes are e^X dX or dX e^X (X and dX treated as commuting), their
mean, and L_exp(X, Ȳ) without the transpose.

The complex step is exact through the exponential as written here (scaling and squaring with a
Padé approximant uses products and one solve), so the identity is verified at rounding level.

>>> import numpy as np
>>> from scipy.linalg import expm
>>> from identities import check_differential, get, verify
>>> X = np.array([[0.0, 1.0], [-2.0, 0.5]]); E = np.array([[1.0, 0.0], [0.0, 0.0]])
>>> frechet = lambda X, E: expm(np.block([[X, E], [np.zeros_like(X), X]]))[:2, 2:]
>>> check_differential(expm, frechet, X).ok
True
>>> check_differential(expm, lambda X, E: expm(X) @ E, X).ok
False
>>> verify(get("expm-frechet")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
Ybar = bar("Y", "n", "n")
dX = d(X)

IDENTITY = identity(
    id="expm-frechet",
    title="Differential of the matrix exponential (Fréchet derivative)",
    output="Y",
    symbols=[
        variable(X, "a square matrix"),
        upstream(Ybar, "the upstream gradient ∇_Y L, n×n like Y"),
    ],
    function=expm(X),
    claims=[
        differential_of(X, expm_frechet(X, dX)),
        vjp(X, expm_frechet(X.T, Ybar)),
    ],
    derivation=derivation(
        X,
        step(Trace(mul(Ybar.T, expm_frechet(X, dX))),
             "dL = tr(Ȳᵀ dY) with dY = L_exp(X, dX), the Fréchet derivative of e^X"),
        step(Trace(mul(Transpose(expm_frechet(X.T, Ybar)), dX)),
             "the adjoint of L_exp(X, ·) in the trace pairing is L_exp(Xᵀ, ·): tr(Ȳᵀ e^{sX} dX e^{(1−s)X}) = "
             "tr((e^{sXᵀ} Ȳ e^{(1−s)Xᵀ})ᵀ dX) under the integral, by the cyclic trace"),
    ),
    see_also=("sqrtm-differential", "trace-matrix-power", "inverse-differential"),
    sources=(cite("almohy2009frechet", "the block formula for the Fréchet derivative"),
             cite("higham2008functions", "§3.2, properties of the Fréchet derivative")),
    aliases=("expm derivative", "matrix exponential derivative", "frechet derivative of expm", "expm backward"),
)
