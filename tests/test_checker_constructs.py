"""The checker on scalar, complex and structured variables.

Reference values are computed here from the definitions, independently of the checker: the gradient
of a real function of a complex Z entry by entry as ∂f/∂Re Z + i ∂f/∂Im Z by central differences,
and the two gradients of a structured variable from the unstructured one (sym(G), and G + Gᵀ − G∘I or
the sums along the diagonals).
"""

from __future__ import annotations

import numpy as np
import pytest

from identities import check_differential, check_gradient, check_jacobian, check_vjp
from identities.engine.checks import CENTRAL

rng = np.random.default_rng(2024)
inv = np.linalg.inv


def cgauss(*shape):
    return rng.standard_normal(shape) + 1j * rng.standard_normal(shape)


# -- scalars ----------------------------------------------------------------------------------------

def test_a_scalar_variable_has_a_number_as_its_gradient():
    A = np.diag([1.0, 2.0, 3.0])
    f = lambda t, A: np.log(np.linalg.det(A + t * np.eye(3)))
    right = lambda t, A: np.trace(inv(A + t * np.eye(3)))
    assert check_gradient(f, right, 0.5, A).verdict == "passed"
    assert check_gradient(f, right, np.array(0.5), A).shapes == ((),)
    assert check_gradient(f, lambda t, A: 2 * right(t, A), 0.5, A).diagnosis.startswith("factor 2")
    assert "must have shape ()" in check_gradient(f, lambda t, A: np.array([[right(t, A)]]), 0.5, A).diagnosis


# -- complex variables ------------------------------------------------------------------------------

def wirtinger_gradient(f, Z, h=1e-6):
    """∂f/∂Re Z + i ∂f/∂Im Z, entry by entry, by central differences (the definition)."""
    G = np.zeros_like(Z)
    for idx in np.ndindex(Z.shape):
        E = np.zeros_like(Z)
        E[idx] = 1.0
        G[idx] = (f(Z + h * E) - f(Z - h * E)) / (2 * h) + 1j * (f(Z + 1j * h * E) - f(Z - 1j * h * E)) / (2 * h)
    return G


A34, B33 = cgauss(3, 4), cgauss(3, 3)
REAL_FUNCTIONS = [
    ("‖Z‖²", lambda Z: np.real(np.trace(Z.conj().T @ Z)), lambda Z: 2 * Z),
    ("Re tr(AZ)", lambda Z: np.real(np.trace(A34 @ Z)), lambda Z: A34.conj().T),
    ("|tr(AZ)|²", lambda Z: np.abs(np.trace(A34 @ Z)) ** 2, lambda Z: 2 * np.trace(A34 @ Z) * A34.conj().T),
    ("‖AZ − B‖²", lambda Z: np.real(np.sum(np.abs(A34 @ Z - B33) ** 2)), lambda Z: 2 * A34.conj().T @ (A34 @ Z - B33)),
]


@pytest.mark.parametrize("name, f, G", REAL_FUNCTIONS, ids=[r[0] for r in REAL_FUNCTIONS])
def test_the_complex_gradient_is_d_by_re_plus_i_d_by_im_and_is_checked_by_differences(name, f, G):
    Z = cgauss(4, 3)
    assert np.allclose(G(Z), wirtinger_gradient(f, Z), rtol=1e-6, atol=1e-6)
    check = check_gradient(f, G, Z)
    assert check.verdict == "passed" and check.method == CENTRAL
    assert any("complex step cannot be used" in note for note in check.notes)


@pytest.mark.parametrize("name, f, G", REAL_FUNCTIONS, ids=[r[0] for r in REAL_FUNCTIONS])
def test_the_wirtinger_derivative_and_the_conjugate_are_named_mistakes(name, f, G):
    Z = cgauss(4, 3)
    assert check_gradient(f, lambda Z: G(Z) / 2, Z).diagnosis.startswith("factor ½")
    if not np.allclose(G(Z), G(Z).conj()):
        assert check_gradient(f, lambda Z: G(Z).conj(), Z).diagnosis.startswith("conjugated")


def test_a_holomorphic_map_is_checked_forward_and_backward_in_the_real_inner_product():
    A, Z = cgauss(3, 4), cgauss(4, 2)
    F = lambda A, Z: A @ Z
    assert check_differential(F, lambda A, Z, dZ: A @ dZ, A, Z, wrt=1).ok
    assert not check_differential(F, lambda A, Z, dZ: A @ dZ.conj(), A, Z, wrt=1).ok
    assert check_vjp(F, lambda A, Z, Ybar: A.conj().T @ Ybar, A, Z, wrt=1).ok
    assert not check_vjp(F, lambda A, Z, Ybar: A.T @ Ybar, A, Z, wrt=1).ok


def test_complex_values_where_they_have_no_meaning_are_refused_with_a_sentence():
    Z = cgauss(3, 3)
    with pytest.raises(TypeError, match="a gradient is defined for a real-valued function"):
        check_gradient(lambda Z: np.trace(Z), lambda Z: np.eye(3), Z)
    with pytest.raises(TypeError, match="complex variables are checked by check_gradient"):
        check_jacobian(lambda Z: Z, lambda Z: np.eye(9), Z)
    real = rng.standard_normal((3, 3))
    assert "complex-valued" in check_gradient(lambda X: np.sum(X * X), lambda X: 2 * X + 0j, real).diagnosis


# -- structured variables ---------------------------------------------------------------------------

def spd(n):
    Q = np.linalg.qr(rng.standard_normal((n, n)))[0]
    X = (Q * np.linspace(1.0, 3.0, n)) @ Q.T
    return (X + X.T) / 2


def toeplitz(n):
    t = rng.standard_normal(2 * n - 1)
    t[n - 1] = 3 * n
    rows, cols = np.indices((n, n))
    return t[(rows - cols) + n - 1]


def diagonal_sums(G):
    n = len(G)
    sums = np.array([np.trace(G, offset=-k) for k in range(-(n - 1), n)])
    rows, cols = np.indices((n, n))
    return sums[(rows - cols) + n - 1]


C = rng.standard_normal((5, 5))
# f(X) = log det X + tr(CX): unstructured gradient G = X⁻ᵀ + Cᵀ, non-symmetric through C
f = lambda X: np.log(np.linalg.det(X)) + np.trace(C @ X)
unstructured = lambda X: inv(X).T + C.T
ANSWERS = {
    "symmetric": (spd, lambda G: (G + G.T) / 2, lambda G: G + G.T - np.diag(np.diag(G))),
    "toeplitz": (toeplitz, lambda G: diagonal_sums(G) / diagonal_sums(np.ones_like(G)), diagonal_sums),
    "diagonal": (lambda n: np.diag(rng.uniform(1, 2, n)), lambda G: np.diag(np.diag(G)), lambda G: np.diag(np.diag(G))),
    "lower-triangular": (lambda n: np.tril(rng.standard_normal((n, n))) + 3 * np.eye(n), np.tril, np.tril),
    "upper-triangular": (lambda n: np.triu(rng.standard_normal((n, n))) + 3 * np.eye(n), np.triu, np.triu),
}


@pytest.mark.parametrize("structure", sorted(ANSWERS))
def test_each_convention_passes_under_its_own_definition(structure):
    point, sym, free = ANSWERS[structure]
    X = point(5)
    for convention, answer in (("sym", sym), ("free", free)):
        check = check_gradient(f, lambda X: answer(unstructured(X)), X, structure=structure, convention=convention)
        assert check.verdict == "passed", (structure, convention, check)


@pytest.mark.parametrize("structure", ["symmetric", "toeplitz"])
def test_where_a_free_entry_fills_several_entries_each_fails_under_the_other(structure):
    point, sym, free = ANSWERS[structure]
    X = point(5)
    for convention, answer in (("free", sym), ("sym", free)):
        check = check_gradient(f, lambda X: answer(unstructured(X)), X, structure=structure, convention=convention)
        assert check.verdict == "failed" and check.diagnosis.startswith("other convention"), (structure, check)


def test_a_claim_outside_the_structure_is_refused_naming_its_symmetric_part():
    check = check_gradient(f, unstructured, spd(5), structure="symmetric", convention="sym")
    assert check.verdict == "failed" and "its symmetric part is the gradient" in check.diagnosis


def test_the_function_is_evaluated_only_inside_the_structure():
    """A function defined only on symmetric matrices (it reads the lower triangle, as Cholesky does)."""
    def lower_logdet(X):
        if not np.array_equal(X, X.T):
            raise AssertionError("evaluated outside the symmetric matrices")
        L = np.tril(X)
        return np.log(np.linalg.det(L + np.tril(L, -1).T))
    X = spd(4)
    assert check_gradient(lower_logdet, inv, X, structure="symmetric", convention="sym").ok
    assert check_differential(lambda A, X: lower_logdet(X) * A, lambda A, X, dX: np.trace(inv(X) @ dX) * A,
                              np.ones((2, 2)), X, wrt=1, structure="symmetric").ok


def test_a_differential_takes_one_structure_per_variable():
    S, T = spd(3), rng.standard_normal((3, 3))
    F = lambda S, T: S @ T
    assert check_differential(F, lambda S, T, dS, dT: dS @ T + S @ dT, S, T, wrt=(0, 1),
                              structure=("symmetric", None)).ok


@pytest.mark.parametrize("kwargs, message", [
    ({"structure": "symmetric"}, "say which is claimed: convention='sym'"),
    ({"convention": "sym"}, "pass structure= too"),
    ({"structure": "hankel", "convention": "sym"}, "not a known structure"),
    ({"structure": "symmetric", "convention": "both"}, "must be 'sym' or 'free'"),
    ({"structure": ("symmetric", "diagonal"), "convention": "sym"}, r"one name \(or None\) per position"),
])
def test_structure_arguments_are_validated_with_a_sentence(kwargs, message):
    with pytest.raises(ValueError, match=message):
        check_gradient(f, unstructured, spd(5), **kwargs)


def test_a_point_outside_its_structure_is_refused():
    with pytest.raises(ValueError, match="argument 0 is not symmetric"):
        check_gradient(f, unstructured, rng.standard_normal((5, 5)), structure="symmetric", convention="sym")


def test_the_catalog_s_two_symmetric_gradients_of_log_det_each_fail_under_the_other_definition():
    import identities
    from identities.engine.forms import claim_function, function_of
    from identities.engine.verify import draws_for

    ident = identities.get("log-det-symmetric")
    f = function_of(ident)
    for dr in draws_for(ident, 0):
        X = dr.values["X"]
        for claim in ident.claims:
            other = "free" if claim.convention == "sym" else "sym"
            grad = claim_function(ident, claim)
            own = check_gradient(f, grad, X, structure="symmetric", convention=claim.convention)
            swapped = check_gradient(f, grad, X, structure="symmetric", convention=other)
            assert own.verdict == "passed" and swapped.verdict == "failed", (claim.convention, dr.describe())
            assert swapped.diagnosis.startswith("other convention")
