"""How likely a wrong gradient is to pass: the stopping rule of ``identities.engine.checks.power``
against the three directions the checker measured before, and the real checker on planted bugs.

    .venv/bin/python benchmarks/checker_power.py             # the table and 400 planted bugs per cell
    .venv/bin/python benchmarks/checker_power.py --trials 0  # the table only

The table evaluates the miss probability of each scheme exactly for a Gaussian projection of the
bug (formula (1) of the power module, with the error function instead of its small-value bound) at
a well-conditioned point: log det X, κ = 10, whose gradient X⁻ᵀ gives the ratio s/ρ of the rounding
scale to the spread, and whose correct claim disagrees with the complex step by about one rounding
unit, negligible here.  The old scheme accepted three directions at 1e4 rounding units each; the
new one accepts at the error model's allowance (with its floor for hidden data) and stops by rule
(2); the finite-difference cross-check, which catches some bugs of 1e-8 and more, is left out.

The planted bugs are E = r·‖G‖·R/‖R‖ with R Gaussian, drawn afresh for every trial: generic
errors of relative size r, not a rescaling.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from helpers import conditioned  # noqa: E402
from identities import check_gradient  # noqa: E402
from identities.engine.checks import EPS64  # noqa: E402
from identities.engine.checks.judge import HIDDEN_CONDITION, ROUNDING_UNITS  # noqa: E402
from identities.engine.checks.power import (FEW_DIRECTIONS, JOINT, JOINT_DIRECTIONS, MAX_DIRECTIONS,  # noqa: E402
                                            TARGET, miss_probability, threshold)

SIZES = (12, 300)
BUGS = (1e-6, 1e-8, 1e-9, 1e-10)
OLD_DIRECTIONS = 3


def within(threshold: float, sd: float) -> float:
    """P(|N(0, sd²)| ≤ threshold)."""
    return math.erf(threshold / (sd * math.sqrt(2))) if sd > 0 else 1.0


def ratio(n: int) -> float:
    """s/ρ for the log-det gradient X⁻ᵀ at κ = 10 along a Gaussian direction."""
    X = conditioned(n, 10, 0)
    G = np.linalg.inv(X).T
    V = np.random.default_rng(0).standard_normal((n, n))
    return float(np.sum(np.abs(G) * np.abs(V)) / np.linalg.norm(G))


def new_scheme(r: float, u: float) -> float:
    """P(pass) under rules (2) and (3) at spread ρ = 1, rounding unit *u*: stop at direction k when
    its disagreement is below T_k, or at direction JOINT_DIRECTIONS when all of them are below
    JOINT; go on while it is below the allowance a, fail above.  *small*: the probability of having
    gone on with every disagreement so far below JOINT; *large*: with one above it."""
    a = max(ROUNDING_UNITS * u, HIDDEN_CONDITION * EPS64)
    last = FEW_DIRECTIONS if miss_probability(a, 1.0, TARGET) >= 0.5 else MAX_DIRECTIONS
    joint = min(a, JOINT)
    passing, small, large = 0.0, 1.0, 0.0
    for k in range(last):
        T = a if k == last - 1 else min(a, threshold([(a, 1.0)] * k, 1.0))
        below_joint = max(0.0, within(joint, r) - within(T, r))   # went on, still below JOINT
        passing += (small + large) * within(T, r)
        if k + 1 == JOINT_DIRECTIONS:
            passing += small * below_joint
            small, large = 0.0, (small + large) * (within(a, r) - within(T, r)) - small * below_joint
        else:
            small, large = small * below_joint, (small + large) * (within(a, r) - within(T, r)) - small * below_joint
    return passing


def old_scheme(r: float, u: float) -> float:
    return within(ROUNDING_UNITS * u, r) ** OLD_DIRECTIONS


def planted(n: int, r: float, trials: int) -> int:
    """How many of *trials* generic bugs of relative size r pass the real checker at n×n."""
    rng = np.random.default_rng([n, int(-math.log10(r))])
    passed = 0
    for t in range(trials):
        X = conditioned(n, 10, t)
        R = rng.standard_normal((n, n))

        def grad(X, R=R):
            G = np.linalg.inv(X).T
            return G + r * np.linalg.norm(G) * R / np.linalg.norm(R)
        passed += check_gradient(lambda X: np.log(np.linalg.det(X)), grad, X, seed=t).ok
    return passed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=400)
    options = parser.parse_args(argv)
    units = {n: EPS64 * ratio(n) for n in SIZES}
    print("miss probability of a bug of relative size r (log det, κ = 10; ρ = ‖claim‖, u = eps·s)")
    print("; ".join(f"n = {n}: s/ρ = {units[n] / EPS64:.0f}" for n in SIZES))
    print(f"{'r':>8} " + " ".join(f"{f'n = {n} now':>12} {f'n = {n} was':>12}" for n in SIZES))
    for r in BUGS:
        print(f"{r:>8.0e} " + " ".join(f"{new_scheme(r, units[n]):>12.1e} {old_scheme(r, units[n]):>12.1e}"
                                       for n in SIZES))
    if options.trials:
        print()
        print(f"planted generic bugs passed by the checker, of {options.trials} per cell")
        for n in (12, 60):
            print(f"n = {n:<3} " + "  ".join(f"r = {r:.0e}: {planted(n, r, options.trials)}" for r in BUGS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
