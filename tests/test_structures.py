"""Structures as linear parametrisations: coordinates, projection and the two pairings, against formulas
written out here (sym(G) and G + Gᵀ − G∘I for a symmetric matrix, diagonal sums for a Toeplitz one)."""

from __future__ import annotations

import numpy as np
import pytest

from identities.engine.structures import STRUCTURES

N = 5
rng = np.random.default_rng(11)


def _toeplitz_sums(G):
    n = len(G)
    sums = np.array([np.trace(G, offset=-k) for k in range(-(n - 1), n)])
    rows, cols = np.indices((n, n))
    return sums[(rows - cols) + n - 1]


#: For an unstructured gradient G: the gradient in the trace inner product on the structure (sym) and
#: the derivative by the free entries (free), each written as a structured matrix.
ANSWERS = {
    "symmetric": (lambda G: (G + G.T) / 2, lambda G: G + G.T - np.diag(np.diag(G))),
    "diagonal": (lambda G: np.diag(np.diag(G)), lambda G: np.diag(np.diag(G))),
    "lower-triangular": (np.tril, np.tril),
    "upper-triangular": (np.triu, np.triu),
    "toeplitz": (lambda G: _toeplitz_sums(G) / _toeplitz_sums(np.ones_like(G)), _toeplitz_sums),
}


def test_every_structure_has_its_answers_written_out_here():
    assert set(ANSWERS) == set(STRUCTURES)


@pytest.mark.parametrize("name", sorted(STRUCTURES))
def test_coordinates_read_back_what_embed_wrote(name):
    S = STRUCTURES[name]
    theta = rng.standard_normal(S.coordinates(np.zeros((N, N))).size)
    X = S.embed(theta, N)
    assert np.array_equal(S.coordinates(X), theta) and S.contains(X)


@pytest.mark.parametrize("name", sorted(STRUCTURES))
def test_the_projection_is_orthogonal_and_lands_in_the_structure(name):
    S = STRUCTURES[name]
    A, B = rng.standard_normal((2, N, N))
    P = S.project
    assert np.allclose(P(P(A)), P(A)) and S.contains(P(A))
    assert np.isclose(np.sum(P(A) * B), np.sum(A * P(B)))   # self-adjoint
    assert np.allclose(P(A), ANSWERS[name][0](A)) and np.allclose(S.free(A), ANSWERS[name][1](A))


@pytest.mark.parametrize("name", sorted(STRUCTURES))
def test_each_answer_reproduces_the_differential_under_its_own_pairing(name):
    S = STRUCTURES[name]
    G = rng.standard_normal((N, N))
    sym, free = (answer(G) for answer in ANSWERS[name])
    for _ in range(3):
        V = S.direction(rng, N)
        exact = np.sum(G * V)   # df along a structured V for a function with unstructured gradient G
        assert np.isclose(S.pair(sym, V, "sym")[0], exact)
        assert np.isclose(S.pair(free, V, "free")[0], exact)


@pytest.mark.parametrize("name", ["symmetric", "toeplitz"])
def test_where_a_parameter_fills_several_entries_each_answer_fails_the_other_pairing(name):
    S = STRUCTURES[name]
    G = rng.standard_normal((N, N))
    sym, free = (answer(G) for answer in ANSWERS[name])
    V = S.direction(rng, N)
    exact = np.sum(G * V)
    assert not np.isclose(S.pair(free, V, "sym")[0], exact)
    assert not np.isclose(S.pair(sym, V, "free")[0], exact)


def test_a_matrix_outside_the_structure_is_not_contained():
    A = rng.standard_normal((N, N))
    assert not any(S.contains(A) for S in STRUCTURES.values())
    assert not STRUCTURES["symmetric"].contains(A[:, :3])

