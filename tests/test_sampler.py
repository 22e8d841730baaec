"""The sampler builds inputs that meet their conditions and are never accidentally special."""

from __future__ import annotations

import numpy as np
import pytest

from identities.engine.conditions import DEFAULT_KAPPA, construct
from identities.engine.sampler import draw
import identities


@pytest.mark.parametrize("names, test", [
    ((), lambda X: not np.allclose(X, X.T)),
    (("invertible",), lambda X: np.isclose(np.linalg.cond(X), DEFAULT_KAPPA) and not np.allclose(X, X.T)),
    (("positive-determinant",), lambda X: np.linalg.det(X) > 0 and np.isclose(np.linalg.cond(X), DEFAULT_KAPPA)),
    (("symmetric",), lambda X: np.allclose(X, X.T) and np.min(np.linalg.eigvalsh(X)) < 0),
    (("spd",), lambda X: np.allclose(X, X.T) and np.min(np.linalg.eigvalsh(X)) > 0),
    (("orthogonal",), lambda X: np.allclose(X.T @ X, np.eye(len(X))) and not np.allclose(X, X.T)),
    (("positive",), lambda X: np.all(X > 0)),
    # Re λ ≥ ½ by construction (every eigenvalue in the disc |λ − 1| ≤ ½), and not symmetric
    (("off-negative-axis",), lambda X: np.min(np.linalg.eigvals(X).real) >= 0.5 - 1e-12 and not np.allclose(X, X.T)),
    (("probability",), lambda X: np.all(X > 0) and np.allclose(X.sum(axis=0), 1.0)),
])
def test_conditions_are_met_by_construction(names, test):
    for seed in range(5):
        X = construct(np.random.default_rng(seed), (5, 5), names)
        assert test(X), (names, seed)


def test_full_column_rank_has_the_chosen_condition_number():
    X = construct(np.random.default_rng(0), (6, 3), ("full-column-rank",), kappa=50.0)
    assert np.isclose(np.linalg.cond(X), 50.0)


def test_draws_use_distinct_sizes_and_are_reproducible():
    ident = identities.get("trace-quadratic")
    a, b = draw(ident, 3), draw(ident, 3)
    assert a.sizes == b.sizes and all(np.array_equal(a.values[k], b.values[k]) for k in a.values)
    assert len(set(a.sizes.values())) == len(a.sizes), a.sizes


def test_probability_columns_are_on_the_simplex_for_rectangular_shapes():
    Y = construct(np.random.default_rng(4), (5, 3), ("probability",))
    assert Y.shape == (5, 3) and np.all(Y > 0) and np.allclose(Y.sum(axis=0), 1.0)


def test_a_sampled_constant_takes_one_of_its_values_and_is_reported_with_the_sizes():
    ident = identities.get("trace-matrix-power")
    seen = {draw(ident, seed).values["k"] for seed in range(12)}
    assert seen <= {2, 3, 4} and len(seen) > 1, seen
    assert all(isinstance(k, int) for k in seen)
    first = draw(ident, 0)
    assert first.describe().endswith(f"; k={first.values['k']}")
