"""The gradient of tr(A e^X) is the Fréchet derivative L_exp(Xᵀ, Aᵀ), not (e^X A)ᵀ.

With a constant A beside the exponential, the trace can no longer merge the factors of the Fréchet
derivative: d tr(A e^X) = tr(A L_exp(X, dX)), and under the integral
tr(A e^{sX} dX e^{(1−s)X}) = tr(e^{(1−s)X} A e^{sX} dX). The gradient is therefore the average of
(e^{(1−s)X} A e^{sX})ᵀ = e^{sXᵀ} Aᵀ e^{(1−s)Xᵀ} over s, which is L_exp(Xᵀ, Aᵀ): the reverse mode
of the exponential with upstream gradient Aᵀ. It is computed by one exponential of a 2n×2n block
matrix.

This is the gradient of a linear readout of a matrix exponential, as in continuous-time Markov
chains (transition matrix e^{Qt}) and neural ODEs with linear dynamics. The classic slips treat X
and A as commuting, writing (A e^X)ᵀ or (e^X A)ᵀ, which are right only for A = I (then this is
tr(e^X)), or forget the transpose inside, L_exp(X, Aᵀ).

>>> from identities import get, verify
>>> verify(get("trace-A-expm")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
A = matrix("A", "n", "n")
dX = d(X)

IDENTITY = identity(
    id="trace-A-expm",
    title="Gradient of tr(A exp X), with the matrix exponential",
    symbols=[variable(X, "a square n×n matrix"), constant(A, "a constant n×n matrix")],
    function=Trace(mul(A, expm(X))),
    claims=[gradient(X, expm_frechet(X.T, A.T))],
    derivation=derivation(
        X,
        step(Trace(mul(A, expm_frechet(X, dX))), "d e^X = L_exp(X, dX), A constant"),
        step(Trace(mul(Transpose(expm_frechet(X.T, A.T)), dX)),
             "the adjoint of L_exp(X, ·) in the trace pairing is L_exp(Xᵀ, ·): tr(A e^{sX} dX e^{(1−s)X}) = "
             "tr((e^{sXᵀ} Aᵀ e^{(1−s)Xᵀ})ᵀ dX) under the integral"),
    ),
    see_also=("expm-frechet", "trace-expm"),
    sources=(cite("almohy2009frechet", "the block formula for the Fréchet derivative"),
             cite("higham2008functions", "§3.2, properties of the Fréchet derivative")),
    aliases=("trace A expm X", "gradient of a linear function of expm", "tr(A e^X)"),
)
