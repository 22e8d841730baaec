"""The differential of the principal square root solves a Sylvester equation: S dS + dS S = dX.

For a square X with no eigenvalue on the closed negative real axis the principal square root
S = X^{1/2} is the unique S with S² = X whose eigenvalues lie in the open right half-plane. (NumPy's
``np.sqrt`` takes the root of each entry instead; the matrix root is ``scipy.linalg.sqrtm``.)
Differentiating S S = X gives dS S + S dS = dX: the perturbation dS is the solution of a Sylvester
equation, written dS = sylv(S, S, dX), where sylv(A, B, C) is the Y with AY + YB = C. It is unique
because S and −S share no eigenvalue.

Only when dX commutes with X does this reduce to the scalar rule dS = ½S⁻¹dX; writing ½S⁻¹dX (or
½dX S⁻¹) for a general perturbation is the classic mistake. In reverse mode the adjoint of
C ↦ sylv(S, S, C) in the trace pairing is sylv(Sᵀ, Sᵀ, ·), so X̄ solves SᵀX̄ + X̄Sᵀ = S̄; dropping
the transposes gives an answer that is right only for symmetric X, which is why the checks use a
non-symmetric X.

The square root in the code is the Denman–Beavers iteration (sums and inverses only), through
which the complex step is exact; SciPy's Schur-based ``sqrtm`` would break it.

>>> import numpy as np
>>> from scipy.linalg import solve_sylvester, sqrtm
>>> from identities import check_differential, get, verify
>>> X = np.array([[2.0, 0.5], [-0.3, 1.5]])
>>> check_differential(sqrtm, lambda X, dX: solve_sylvester(sqrtm(X), sqrtm(X), dX), X).ok
True
>>> check_differential(sqrtm, lambda X, dX: np.linalg.solve(sqrtm(X), dX) / 2, X).ok
False
>>> verify(get("sqrtm-differential")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
dX = d(X)
S = named("S", sqrtm(X))
Sbar = bar("S", "n", "n")
W = named(bar("X", "n", "n"), sylvester(S.T, S.T, Sbar))
dS = sylvester(S, S, dX)

IDENTITY = identity(
    id="sqrtm-differential",
    title="Differential of the principal matrix square root",
    output="S",
    symbols=[
        variable(X, "a square matrix", "off-negative-axis"),
        upstream(Sbar, "the upstream gradient ∇_S L, n×n like S"),
    ],
    function=S,
    claims=[
        differential_of(X, dS),
        vjp(X, W),
    ],
    derivation=derivation(
        X,
        step(Trace(mul(Sbar.T, dS)),
             "dL = tr(S̄ᵀ dS); differentiating S S = X gives S dS + dS S = dX, so dS = sylv(S, S, dX)"),
        step(Trace(mul(Transpose(add(mul(S.T, W), mul(W, S.T))), dS)),
             "S̄ = SᵀX̄ + X̄Sᵀ: the equation that defines X̄ = sylv(Sᵀ, Sᵀ, S̄)"),
        step(Trace(mul(Transpose(W), add(mul(S, dS), mul(dS, S)))),
             "move S across the pairing: tr((SᵀX̄)ᵀ dS) = tr(X̄ᵀ S dS) and tr((X̄Sᵀ)ᵀ dS) = tr(X̄ᵀ dS S)"),
        step(Trace(mul(Transpose(W), dX)), "S dS + dS S = dX, the equation that defines dS"),
    ),
    see_also=("expm-frechet", "inverse-differential"),
    sources=(cite("higham2008functions", "§3.2, properties of the Fréchet derivative"),
             cite("almohy2009frechet", "the block formula for the Fréchet derivative")),
    aliases=("sqrtm derivative", "matrix square root derivative", "sqrtm backward", "derivative of sqrtm"),
)
