"""How likely a wrong claim is to pass, and when the checker may stop measuring directions.

The claim (the user's derivative) is compared with the measured derivative along random Gaussian
directions, as a scalar c = ⟨W, M V⟩ whose spread over the random direction is ρ (the claim's norm,
see :mod:`~identities.engine.checks.claims`).  A bug E of relative size r = ‖E‖/ρ shifts c by a
Gaussian amount of standard deviation r·ρ, so a direction that accepts disagreements up to T misses
it with probability

    P(|N(0, (rρ)²)| ≤ T) ≤ √(2/π) · T / (rρ),                                             (1)

wherever the measurement's own error centres the accepted interval.  The first-order check measures
complex-step directions one at a time and stops after direction k as soon as

    d_k ≤ T_k = MISS · R · ρ_k / (√(2/π) · Π_{j<k} p_j)   and   R·|c_k| ≥ T_k,                 (2)

with R = ``TARGET``, d_k the claim's disagreement along direction k, and p_j = min(1, √(2/π)·a_j/(Rρ_j))
the bound (1) for an earlier direction at its allowance a_j; or after ``MAX_DIRECTIONS``; or after
``FEW_DIRECTIONS`` where the allowance is so wide that one direction misses a bug of size R with
probability p ≥ ½ anyway (an ill-conditioned point); or at the *joint* stopping point, after
``JOINT_DIRECTIONS`` = 3 directions, when every one of them disagrees little:

    d_j ≤ max(JOINT·ρ_j, m_j) for j = 1, 2, 3,    JOINT = R · JOINT_MISS^(1/3) / √(2/π),       (3)

m_j being the error this point was measured to cause along direction j (the measured sources of
the allowance, and the claim's movement at the precision ladder's nudged inputs).  T_k is fixed
before d_k is known, so by (1) a bug of relative size r ≥ R passes the earlier directions and stops
the check at direction k with probability at most Π_{j<k} p_j · √(2/π)·T_k/(rρ_k) ≤ MISS·R/r, and
by (1) in each of three independent directions it meets (3) with probability at most
JOINT_MISS·(R/r)³ where m_j ≤ JOINT·ρ_j; summed over the stopping points,

    P(a bug of relative size r ≥ R passes) ≤ (K − 1)·MISS·R/r + JOINT_MISS·(R/r)³ + Π_{j≤K} p_j(r),   (4)

the last term, over the K directions measured at most, being what K directions at the same
allowances miss.  Where m_j is wider than JOINT·ρ_j, (3) guards only against bugs larger than the
point's own error: (1) with T = m_j.  The second condition in (2) keeps a mistaken scale ×(1 ± r),
r ≥ R, from ever stopping the check at rule (2): its disagreement is r·|c_k| ≥ T_k; at (3) a scale
is a bug like any other, c_j being Gaussian.

(3) is what lets an ill-conditioned point stop after three directions: there a correct claim
disagrees by up to about κ·eps·ρ, which rule (2)'s thresholds (T₃ ≈ 4e-12·ρ) do not accept, so the
check went on to five directions; a bug of size R exceeds JOINT·ρ in at least one of three
directions unless it is unlucky in all three.

A well-conditioned point typically needs one direction: a correct claim's disagreement is about
one rounding unit u = eps·Σ|W ⊙ claim|, and T₁ ≈ 70 u at 12×12, ≈ 3 u at 300×300 (u grows with
√size relative to ρ).  Miss probabilities of generic bugs at such a point (log det, κ = 10), against
the three directions at 1e4 u that the checker measured before, from ``benchmarks/checker_power.py``:

=============  ===========  ===========  ============  ============
relative bug   12×12 now    12×12 was    300×300 now   300×300 was
=============  ===========  ===========  ============  ============
1e-6           1.0e-07      2.4e-15      1.0e-07       3.9e-11
1e-8           1.1e-05      2.4e-09      1.1e-05       3.9e-05
1e-9           8.1e-04      2.4e-06      4.4e-03       3.5e-02
1e-10          8.9e-01      2.3e-03      1.0e+00       1.0e+00
=============  ===========  ===========  ============  ============

Small matrices lose power below 1e-8 because the allowance now has a floor for data the checker
cannot reach (``HIDDEN_CONDITION`` in :mod:`~identities.engine.checks.judge`: 2.2e-10 of ρ, wider
than 1e4 u there): a claim whose disagreement sits in that band costs more directions, three or,
beyond JOINT·ρ, up to five, instead of being rejected or left undecided.  Beyond the table, a
finite difference along one more direction cross-checks every passing complex-step check.
"""

from __future__ import annotations

import math

from .judge import Direction

__all__ = ["stop", "jointly_small", "threshold", "miss_probability", "TARGET", "MISS", "MAX_DIRECTIONS",
           "FEW_DIRECTIONS", "JOINT_DIRECTIONS", "JOINT_MISS", "JOINT"]

#: The relative size of bug the stopping rule guards against: ten times below the catalog's
#: negative controls (which are wrong by one part in 1e8).
TARGET = 1e-9
#: The probability, per stopping point, that a bug of relative size TARGET passes.
MISS = 1e-4
#: Complex-step directions measured at most on a passing check.
MAX_DIRECTIONS = 5
#: ... and where one of them cannot resolve TARGET anyway (the scheme before always measured three).
FEW_DIRECTIONS = 3

_DENSITY = math.sqrt(2 / math.pi)   # twice the standard normal density at 0
#: Directions after which the check also stops when every disagreement is within JOINT·ρ ...
JOINT_DIRECTIONS = 3
#: ... a fraction of the spread that a bug of relative size TARGET stays within, in all of them, with
#: probability at most JOINT_MISS: (√(2/π)·JOINT/TARGET)³ = JOINT_MISS.  At 3e-4, JOINT = 8.4e-11:
#: above the largest disagreement that data hidden from the checker was measured to cause (0.3·κ·eps·ρ,
#: 6.7e-11·ρ at κ = ``HIDDEN_CONDITION``; see :mod:`~identities.engine.checks.judge`).
JOINT_MISS = 3e-4
JOINT = TARGET * JOINT_MISS ** (1 / JOINT_DIRECTIONS) / _DENSITY


def miss_probability(threshold: float, spread: float, r: float) -> float:
    """(1): the bound on the probability that a bug of relative size *r* stays within *threshold*."""
    return min(1.0, _DENSITY * threshold / (r * spread)) if r * spread > 0 else 1.0


def threshold(earlier: list[tuple[float, float]], spread: float) -> float:
    """T_k of (2) for a direction of this spread, after directions of the given (allowance, spread)."""
    return MISS * TARGET * spread / (_DENSITY * math.prod(miss_probability(a, s, TARGET) for a, s in earlier))


def jointly_small(dirs: list[Direction], explained: list[float] | None = None) -> bool:
    """(3): the joint stopping point — exactly ``JOINT_DIRECTIONS`` directions, each disagreeing by at
    most JOINT·ρ, or by at most what *explained* says this point's own measured error is there."""
    if len(dirs) != JOINT_DIRECTIONS or any(d.spread is None or not d.spread > 0 for d in dirs):
        return False
    explained = explained or [0.0] * len(dirs)
    return all(abs(d.measured - d.claimed) <= max(JOINT * d.spread, e) for d, e in zip(dirs, explained))


def stop(dirs: list[Direction]) -> bool:
    """(2): whether the complex-step directions measured so far (all passing) suffice."""
    if len(dirs) >= MAX_DIRECTIONS:
        return True
    if any(d.spread is None or not d.spread > 0 for d in dirs):
        return len(dirs) >= FEW_DIRECTIONS
    last = dirs[-1]
    if len(dirs) >= FEW_DIRECTIONS and miss_probability(last.allowance, last.spread, TARGET) >= 0.5:
        return True
    if jointly_small(dirs):
        return True
    T = threshold([(d.allowance, d.spread) for d in dirs[:-1]], last.spread)
    return abs(last.measured - last.claimed) <= T and TARGET * abs(last.claimed) >= T
