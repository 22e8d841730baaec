"""The gradient of tr(e^X) is (e^X)ᵀ: under the trace, the exponential differentiates like a scalar.

The differential of the matrix exponential is the Fréchet derivative L_exp(X, dX), an average of
e^{sX} dX e^{(1−s)X} over s ∈ [0, 1], which is not e^X dX unless X and dX commute. Under the trace,
though, each e^{sX} dX e^{(1−s)X} rotates to e^{(1−s)X} e^{sX} dX = e^X dX, so
d tr(e^X) = tr(e^X dX) and the gradient is (e^X)ᵀ = e^{Xᵀ}. It is the Matrix Cookbook's rule
∂tr F(X)/∂X = f(X)ᵀ with F = f = exp.

tr(e^X) = Σ e^{λᵢ} is the partition function of quantum statistical mechanics (with X = −βH), and
its logarithm is the log-sum-exp of the eigenvalues, a smooth maximum. The classic slip is to
forget the transpose (the exponential of a non-symmetric X is not symmetric), or to compute with
NumPy's entrywise ``np.exp``.

>>> import numpy as np
>>> from scipy.linalg import expm
>>> from identities import get, check_gradient, verify
>>> verify(get("trace-expm")).ok
True
>>> X = np.array([[0.0, 1.0], [-0.5, 0.3]])
>>> check_gradient(lambda X: np.trace(expm(X)), expm, X).diagnosis.split(":")[0]
'transposed'
"""

from identities.define import *

X = matrix("X", "n", "n")
dX = d(X)

IDENTITY = identity(
    id="trace-expm",
    title="Gradient of the trace of the matrix exponential tr(exp X)",
    symbols=[variable(X, "a square n×n matrix")],
    function=Trace(expm(X)),
    claims=[gradient(X, Transpose(expm(X)))],
    derivation=derivation(
        X,
        step(Trace(expm_frechet(X, dX)),
             "d e^X = L_exp(X, dX), the Fréchet derivative, and d passes through the trace"),
        step(Trace(mul(expm(X), dX)),
             "under the trace, e^{sX} dX e^{(1−s)X} rotates to e^X dX for every s, so the average is tr(e^X dX)"),
        step(Trace(mul(Transpose(Transpose(expm(X))), dX)), "the form tr(Gᵀ dX) with G = (e^X)ᵀ"),
    ),
    see_also=("expm-frechet", "trace-A-expm", "trace-polynomial", "trace-logm"),
    sources=(cookbook(locator="§2.5, the rule ∂Tr F(X)/∂X = f(X)ᵀ above (99)"),
             cite("almohy2009frechet", "the block formula for the Fréchet derivative")),
    aliases=("trace of matrix exponential", "tr(expm(X))", "partition function gradient"),
)
