"""Every combination of conditions is either refused with a sentence or honoured by every draw.

The conditions are judged here by definitions written out independently of the sampler (a
determinant's sign, eigenvalues, orthogonality residuals), over every pair of conditions, real and
complex, at several sizes and seeds.
"""

from __future__ import annotations

from itertools import combinations_with_replacement

import numpy as np
import pytest

from identities.define import Trace, constant, gradient, identity, matrix, variable
from identities.engine.conditions import CONDITIONS, DEFAULT_KAPPA, check_combination, closure, construct
from identities.engine.structures import STRUCTURES
from identities.engine.record import DefinitionError

KAPPA_SLACK = 1 + 1e-8
SEEDS = range(4)
SQUARE_SIZES = (1, 2, 3, 5, 8)
RECTANGULAR = ((6, 3), (4, 1), (1, 4))
#: A wide matrix cannot have full column rank: the sampler refuses it (identities get tall draws).
WIDE = (1, 4)


def _kappa_ok(X) -> bool:
    return np.linalg.cond(X) <= DEFAULT_KAPPA * KAPPA_SLACK


def _distinct(X) -> bool:
    lam = np.linalg.eigvalsh(X)
    n = len(lam)
    return bool(np.all(np.diff(lam) >= np.max(np.abs(lam)) / (2 * n) * (1 - 1e-9)))


def _distinct_singular(X) -> bool:
    s = np.linalg.svd(X, compute_uv=False)
    return bool(np.all(-np.diff(s) >= s[0] / (2 * len(s)) * (1 - 1e-9)))


def _sums_to_one(X) -> bool:
    return bool(np.all(np.abs(X.sum(axis=0) - 1) <= 1e-14 * len(X)))


def _unitary(X) -> bool:
    return np.linalg.norm(X.conj().T @ X - np.eye(len(X))) <= 1e-13 * len(X)


#: Each condition by its definition, as a reader would test it.
HOLDS = {
    "invertible": lambda X: _kappa_ok(X),
    "positive-determinant": lambda X: np.linalg.slogdet(X)[0] > 0 and _kappa_ok(X),
    "symmetric": lambda X: np.array_equal(X, X.T),
    "spd": lambda X: np.array_equal(X, X.T) and np.min(np.linalg.eigvalsh(X)) > 0 and _kappa_ok(X),
    "distinct-eigenvalues": lambda X: np.array_equal(X, X.T) and _distinct(X),
    "orthogonal": lambda X: np.isrealobj(X) and _unitary(X),
    "positive": lambda X: np.isrealobj(X) and np.all(X > 0),
    "probability": lambda X: np.all(X > 0) and _sums_to_one(X),
    "full-column-rank": lambda X: np.linalg.matrix_rank(X) == X.shape[1] and _kappa_ok(X),
    "distinct-singular-values": lambda X: np.linalg.matrix_rank(X) == X.shape[1] and _kappa_ok(X)
                                          and _distinct_singular(X),
    "causal-mask": lambda X: np.array_equal(X, np.tril(np.ones(X.shape))),
    "off-negative-axis": lambda X: not np.any((np.abs(np.linalg.eigvals(X).imag) < 1e-12)
                                              & (np.linalg.eigvals(X).real <= 0)),
    "hermitian": lambda X: np.iscomplexobj(X) and np.array_equal(X, X.conj().T),
    "unitary": lambda X: np.iscomplexobj(X) and _unitary(X),
}

#: Each structure by its definition.
INSIDE = {
    "symmetric": lambda X: np.array_equal(X, X.T),
    "diagonal": lambda X: np.array_equal(X, np.diag(np.diag(X))),
    "lower-triangular": lambda X: np.array_equal(X, np.tril(X)),
    "upper-triangular": lambda X: np.array_equal(X, np.triu(X)),
    "toeplitz": lambda X: np.array_equal(X[1:, 1:], X[:-1, :-1]),
}

PAIRS = list(combinations_with_replacement(sorted(CONDITIONS), 2))


def test_every_condition_and_structure_has_a_definition_here():
    assert set(HOLDS) == set(CONDITIONS)
    assert set(INSIDE) == set(STRUCTURES)


def _shapes(names) -> list[tuple[int, ...]]:
    square = any(CONDITIONS[c].square for c in names)
    shapes = [(n, n) for n in SQUARE_SIZES] + ([] if square else list(RECTANGULAR))
    scalar = [()] if all(CONDITIONS[c].scalar for c in names) else []
    return scalar + [s for s in shapes if not ("full-column-rank" in closure(names) and s == WIDE)]


def _refused(names, complex_) -> str | None:
    try:
        check_combination(names, complex_)
    except ValueError as exc:
        return str(exc)
    return None


@pytest.mark.parametrize("complex_", [False, True], ids=["real", "complex"])
@pytest.mark.parametrize("pair", PAIRS, ids=["+".join(p) for p in PAIRS])
def test_a_pair_of_conditions_is_refused_or_met_by_every_draw(pair, complex_):
    names = tuple(dict.fromkeys(pair))
    refusal = _refused(names, complex_)
    for shape in _shapes(names):
        for seed in SEEDS:
            if refusal is not None:
                with pytest.raises(ValueError):
                    construct(np.random.default_rng(seed), shape, names, complex_=complex_)
                continue
            X = construct(np.random.default_rng(seed), shape, names, complex_=complex_)
            assert X.shape == shape and np.iscomplexobj(X) == complex_
            for name in names:
                value = X.reshape(1, 1) if shape == () else X
                assert HOLDS[name](value), f"{name} not met by {names} at shape {shape}, seed {seed}, complex={complex_}"


def test_a_wide_matrix_of_full_column_rank_is_refused():
    with pytest.raises(ValueError, match="fewer rows than columns"):
        construct(np.random.default_rng(0), WIDE, ("full-column-rank",))


@pytest.mark.parametrize("names", [("symmetric",), ("invertible",), ("probability",)])
def test_a_scalar_takes_only_positivity(names):
    with pytest.raises(ValueError, match="a scalar may only be 'positive'"):
        construct(np.random.default_rng(0), (), names)


@pytest.mark.parametrize("structure", sorted(STRUCTURES))
@pytest.mark.parametrize("pair", PAIRS, ids=["+".join(p) for p in PAIRS])
def test_a_structure_with_two_conditions_is_refused_or_met_by_every_draw(structure, pair):
    names = tuple(dict.fromkeys(pair))
    S = STRUCTURES[structure]
    try:
        check_combination(names)
        S.check_conditions(names)
    except ValueError:
        with pytest.raises(ValueError):
            S.draw(np.random.default_rng(0), 3, names)
        return
    for n in SQUARE_SIZES:
        for seed in SEEDS:
            X = S.draw(np.random.default_rng(seed), n, names)
            assert INSIDE[structure](X), (structure, names, n, seed)
            for name in names:
                assert HOLDS[name](X), f"{name} not met inside {structure} by {names} at n={n}, seed {seed}"


@pytest.mark.parametrize("names", [
    ("symmetric", "positive-determinant"), ("symmetric", "invertible"), ("spd", "distinct-eigenvalues"),
    ("distinct-eigenvalues", "positive-determinant"), ("orthogonal", "positive-determinant"), ("probability",),
    ("positive", "symmetric"), ("causal-mask",), ("full-column-rank",), ("spd",),
])
def test_combinations_identities_need_are_accepted(names):
    assert _refused(names, False) is None


@pytest.mark.parametrize("names", [("hermitian", "invertible"), ("unitary",), ("full-column-rank",), ("invertible",)])
def test_complex_combinations_identities_need_are_accepted(names):
    assert _refused(names, True) is None


@pytest.mark.parametrize("names, complex_, words", [
    (("spd", "orthogonal"), False, "the only symmetric positive definite orthogonal matrix"),
    (("positive", "orthogonal"), False, "cannot be orthogonal"),
    (("causal-mask", "invertible"), False, "one fixed 0/1 matrix"),
    (("probability", "symmetric"), False, "simplex"),
    (("hermitian",), False, "for a real matrix say 'symmetric'"),
    (("spd",), True, "applies to real matrices"),
    (("orthogonal", "distinct-eigenvalues"), False, "cannot be sampled together"),
])
def test_refusals_say_why_in_one_sentence(names, complex_, words):
    refusal = _refused(names, complex_)
    assert refusal is not None and words in refusal and refusal.count(". ") == 0


def test_symmetric_with_positive_determinant_has_it_at_two_by_two():
    """Two eigenvalues of opposite signs would give det < 0: at n = 2 both must share a sign."""
    for seed in range(50):
        X = construct(np.random.default_rng(seed), (2, 2), ("symmetric", "positive-determinant"))
        assert np.array_equal(X, X.T) and np.linalg.det(X) > 0, seed


def test_an_identity_with_an_impossible_combination_is_refused_naming_it():
    X, A = matrix("X", "n", "n"), matrix("A", "n", "n")
    with pytest.raises(DefinitionError, match=r"identity 'toy': symbol A: conditions \['orthogonal', 'spd'\] cannot"):
        identity(id="toy", title="t", symbols=[variable(X, "x"), constant(A, "a", "spd", "orthogonal")],
                 function=Trace(A * X), claims=[gradient(X, A.T)])


def test_a_structure_refuses_conditions_it_cannot_meet():
    X = matrix("X", "n", "n")
    with pytest.raises(DefinitionError, match="a lower-triangular variable cannot be drawn spd"):
        identity(id="toy", title="t", symbols=[variable(X, "x", "spd", structure="lower-triangular")],
                 function=Trace(X), claims=[gradient(X, X)])
