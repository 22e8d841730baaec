"""What data held out of the checker's reach does to a correct claim, and what the checker can see
of it: the evidence behind the hidden-data allowance of ``identities.engine.checks.judge``.

    .venv/bin/python benchmarks/checker_hidden_data.py

The function is f(X) = ⟨C, A⁻¹XB⟩ with A of condition number κ captured in a closure, its gradient
A⁻ᵀCBᵀ computed independently (a solve with Aᵀ).  For each draw, along a Gaussian direction V:

* the claim's disagreement with the complex step, relative to κ·eps·ρ (ρ = ‖gradient‖);
* whether the real part of the complex evaluation repeats f(X) bit for bit (then the evaluation gap,
  the one trace that amplified rounding leaves outside the function, shows nothing);
* how far a central difference at a step as large as X itself (exact for a linear function but for
  rounding) lies from the complex step, relative to the disagreement: every code path of f
  computes the same derivative, the one of f with A's rounded factorisation, so nothing that calls
  f can tell its error from a bug of the claim.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from helpers import conditioned  # noqa: E402

EPS = float(np.finfo(np.float64).eps)
DRAWS = 100


def draw(n: int, kappa: float, rng: np.random.Generator) -> tuple[float, bool, float]:
    A = conditioned(n, kappa, int(rng.integers(1 << 30)))
    X, B, C, V = rng.standard_normal((4, n, n))

    def f(X):
        return np.sum(C * (np.linalg.solve(A, X) @ B))
    G = np.linalg.solve(A.T, C) @ B.T
    claimed = float(np.sum(G * V))
    h = 1e-20 * np.sqrt(np.mean(X * X) / np.mean(V * V))
    y = f(X + 1j * h * V)
    measured = y.imag / h
    t = np.sqrt(np.mean(X * X) / np.mean(V * V))
    central = (f(X + t * V) - f(X - t * V)) / (2 * t)
    disagreement = abs(measured - claimed)
    return (disagreement / (kappa * EPS * np.linalg.norm(G)), y.real == f(X),
            abs(central - measured) / disagreement if disagreement else 0.0)


def main() -> int:
    rng = np.random.default_rng(20261203)
    print(f"⟨C, A⁻¹XB⟩, A captured in a closure; {DRAWS} draws per row")
    print(f"{'κ(A)':>6} {'n':>3}  {'disagreement / (κ·eps·ρ): median':>33} {'max':>6}  "
          f"{'real part = f(X)':>16}  {'|FD − complex| / disagreement: median':>38}")
    for kappa in (1e4, 1e6, 1e8):
        for n in (4, 8, 30):
            rows = [draw(n, kappa, rng) for _ in range(DRAWS)]
            ratio = np.array([r[0] for r in rows])
            same = np.mean([r[1] for r in rows])
            fd = np.array([r[2] for r in rows])
            print(f"{kappa:>6.0e} {n:>3}  {np.median(ratio):>33.3f} {ratio.max():>6.2f}  {same:>16.0%}  "
                  f"{np.median(fd):>38.1e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
