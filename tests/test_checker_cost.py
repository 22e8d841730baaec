"""What a check costs and what it can miss: calls of the function on the common paths, the stopping
rule's stated miss probability, and small bugs that are not a rescaling of the gradient."""

from __future__ import annotations

import math

import numpy as np
import pytest

from helpers import conditioned
from identities import check_gradient, check_hessian
from identities.engine.checks import COMPLEX, MIXED_COMPLEX
from identities.engine.checks.judge import Direction
from identities.engine.checks.power import (FEW_DIRECTIONS, JOINT, JOINT_DIRECTIONS, JOINT_MISS, MAX_DIRECTIONS, MISS,
                                           TARGET, jointly_small, stop)

inv = np.linalg.inv


def logdet(X):
    return np.log(np.linalg.det(X))


class Calls:
    """Counts calls of a function, and how many received complex input."""

    def __init__(self, fn):
        self.fn, self.real, self.complex = fn, 0, 0

    def __call__(self, X, *rest):
        if np.iscomplexobj(X):
            self.complex += 1
        else:
            self.real += 1
        return self.fn(X, *rest)


def test_a_passing_check_at_300x300_takes_four_calls_and_one_of_them_complex():
    X = conditioned(300, 10, 0)
    f = Calls(logdet)
    check = check_gradient(f, lambda X: inv(X).T, X)
    assert check.ok and check.method == COMPLEX, check
    assert (f.real, f.complex) == (3, 1) and check.evaluations == 4, (f.real, f.complex, check)


@pytest.mark.parametrize("seed", range(6))
def test_a_spurious_term_of_one_part_in_1e8_is_rejected_at_300x300(seed):
    # not a rescaling: a fixed random matrix of norm 1e-8·‖G‖ added to the gradient
    X = conditioned(300, 10, seed)
    R = np.random.default_rng(seed).standard_normal((300, 300))

    def grad(X):
        G = inv(X).T
        return G + 1e-8 * np.linalg.norm(G) * R / np.linalg.norm(R)
    check = check_gradient(logdet, grad, X, seed=seed)
    assert check.verdict == "failed" and check.method == COMPLEX, (seed, check)


@pytest.mark.parametrize("seed", range(20))
def test_one_part_in_1e8_is_failed_not_left_undecided_where_the_directional_value_is_small(seed):
    # 12×12: the claimed inner product is typically a tenth of its rounding scale, where a band of
    # "unexplained" disagreements below 1e-9 of that scale once swallowed such mutants
    X = conditioned(12, 100, seed)
    check = check_gradient(logdet, lambda X: inv(X).T * (1 + 1e-8), X, seed=seed)
    assert check.verdict == "failed", (seed, check)


@pytest.mark.parametrize("kappa", [1e5, 1e7, 1e8])
def test_an_ill_conditioned_point_passes_in_at_most_six_calls(kappa):
    # F(X), three complex-step directions (the joint stopping point accepts the κ·eps disagreement
    # a correct claim has here) and a cross-check whose step shrinks with the gain of F
    for seed in range(5):
        X = conditioned(8, kappa, seed)
        for f, g in ((logdet, lambda X: inv(X).T), (lambda X: np.trace(inv(X)), lambda X: -(inv(X) @ inv(X)).T)):
            check = check_gradient(f, g, X, seed=seed)
            assert check.ok and check.evaluations <= 6, (kappa, seed, check)


def test_the_cross_check_step_adapts_to_the_distance_from_a_singularity():
    # tr(X⁻¹) 1e-7 from singular: the fixed step of 1e-5 crossed the singularity and could not
    # cross-check (a note and the oddness test); the step scaled by the gain of F stays inside it
    X = conditioned(6, 1e7, 3)
    check = check_gradient(lambda X: np.trace(inv(X)), lambda X: -(inv(X) @ inv(X)).T, X)
    assert check.ok and check.evaluations <= 6, check
    assert not any("odd in the direction" in n for n in check.notes), check.notes


def test_a_cross_check_that_could_not_resolve_anything_is_replaced_by_the_oddness_test():
    # the complex path's real part is off by 1e-3 (a different code path for complex input): finite
    # differences, whose rounding allowance includes that gap, could not tell a wrong complex path
    # from a right one, so they are skipped and the complex step along −V tests for a kink instead
    x = np.random.default_rng(1).standard_normal(4)
    check = check_gradient(lambda x: np.sum(x ** 2) + (1e-3 if np.iscomplexobj(x) else 0.0), lambda x: 2 * x, x)
    assert check.verdict == "inconclusive" and check.evaluations == 4, check
    assert any("could not cross-check" in n and "odd in the direction" in n for n in check.notes), check.notes


def _simulate_stopping_rule(r: float, allowance: float, trials: int, rng) -> float:
    """The sequential rule, run on Gaussian projections of a bug of relative size r (spread 1)."""
    passed = 0
    for _ in range(trials):
        dirs = []
        while True:
            projection = r * rng.standard_normal()
            claimed = 1.0 + abs(rng.standard_normal())   # any value away from 0
            dirs.append(Direction(V=(), W=None, measured=claimed - projection, claimed=claimed,
                                  spread=1.0, allowance=allowance))
            if abs(projection) > allowance:
                break                                     # failed
            if stop(dirs):
                passed += 1
                break
    return passed / trials


@pytest.mark.parametrize("allowance", [1e-11, 2.2e-10, 1e-9])
def test_the_stopping_rule_misses_a_bug_of_the_target_size_no_more_often_than_it_states(allowance):
    # (4) of the power module, written out here: (K − 1)·MISS + JOINT_MISS + Π p_j, p = min(1, √(2/π)·a/R)
    rng = np.random.default_rng(7)
    p = min(1.0, math.sqrt(2 / math.pi) * allowance / TARGET)
    K = FEW_DIRECTIONS if p >= 0.5 else MAX_DIRECTIONS
    stated = (K - 1) * MISS + (JOINT_MISS if K >= JOINT_DIRECTIONS else 0.0) + p ** K
    measured = _simulate_stopping_rule(TARGET, allowance, 200_000, rng)
    # the measured rate is a binomial count: allow three standard deviations above the statement
    assert measured <= stated + 3 * math.sqrt(stated / 200_000), (measured, stated)


def test_the_stopping_rule_never_stops_early_on_a_rescaled_claim():
    # a claim ×(1 + r), r ≥ TARGET, disagrees by r·|c|: the rule must ask for another direction
    for claimed in (1e-6, 1e-3, 1.0, 1e3):
        d = Direction(V=(), W=None, measured=claimed, claimed=claimed * (1 + TARGET), spread=1.0, allowance=1.0)
        assert not stop([d]), claimed


def test_the_joint_stopping_point_needs_three_directions_each_within_its_share():
    def direction(disagreement):
        return Direction(V=(), W=None, measured=1.0 + disagreement, claimed=1.0, spread=1.0, allowance=1.0)
    small, large = direction(0.9 * JOINT), direction(1.1 * JOINT)
    assert jointly_small([small] * JOINT_DIRECTIONS)
    assert not jointly_small([small] * (JOINT_DIRECTIONS - 1))
    assert not jointly_small([small, small, large])
    # ... unless the point's own measured error explains the larger one
    assert jointly_small([small, small, large], explained=[0.0, 0.0, 1.2 * JOINT])


def test_a_hessian_at_a_kink_of_the_gradient_is_inconclusive_and_a_smooth_one_is_cheap():
    f = lambda x: np.sum(np.maximum(x, 0) ** 2)  # noqa: E731
    H = lambda x: np.diag(2.0 * (x > 0))  # noqa: E731
    at_kink = check_hessian(f, H, np.array([0.0, 1.0, -2.0, 0.5]))
    assert at_kink.verdict == "inconclusive" and "not smooth" in at_kink.reason, at_kink
    smooth = check_hessian(f, H, np.array([0.3, 1.0, -2.0, 0.5]))
    assert smooth.ok and smooth.method == MIXED_COMPLEX and smooth.evaluations <= 20, smooth
