"""Structured variables: matrices confined to a linear subspace (symmetric, diagonal, triangular, Toeplitz).

A structured n×n variable is X = M(θ) for a linear map M from its free parameters θ (the entries on
and below the diagonal of a symmetric matrix, the 2n − 1 diagonals of a Toeplitz matrix).  The
sampler draws X inside the structure and the checker perturbs it only inside it, dX = M(dθ).
A function defined on all matrices then has many "gradients" on the structure; two are published,
and each is checked under its own definition:

* ``"sym"`` — the gradient in the trace inner product restricted to the structure: the structured
  matrix G with ⟨G, dX⟩ = tr(Gᵀ dX) = df for every structured dX.  It is the orthogonal projection
  of the unstructured gradient onto the structure: sym(G) = (G + Gᵀ)/2 for a symmetric variable
  (Srinivasan & Panda, "What is the gradient of a scalar function of a symmetric matrix?",
  arXiv:1911.06491).
* ``"free"`` — the derivative by the free entries: the structured matrix D whose free entries hold
  ∂f/∂θ, so that df = Σ θ-coordinates of D times dθ.  It is the adjoint M*(G): for a symmetric
  variable each off-diagonal pair is counted once, D = G + Gᵀ − G∘I (the Matrix Cookbook, 2012,
  §2.8, whose example is ∂ ln det X/∂X = 2X⁻¹ − X⁻¹∘I).

The two agree exactly when every free parameter fills one entry (diagonal, triangular) and differ
when one parameter fills several (symmetric, Toeplitz).  Either claimed matrix must itself lie in
the structure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from .conditions import DEFAULT_KAPPA, SYMMETRIC_CONDITIONS, closure, construct, eigenvalues

__all__ = ["Structure", "STRUCTURES", "CONVENTIONS"]

#: The two published meanings of "the gradient" with respect to a structured variable.
CONVENTIONS = {
    "sym": "the gradient in the trace inner product restricted to the structure",
    "free": "the derivative by the free entries",
}
#: How far (relative to the largest entry) a claimed matrix may stray from its structure by rounding.
_IN_STRUCTURE = 1e-12


@dataclass(frozen=True)
class Structure:
    """One structure: its free parameters, the map θ ↦ M(θ) and back, the projection onto it, and
    the conditions its sampler honours.

    ``coordinates(X)`` reads θ off a structured X (so ``coordinates(embed(θ, n)) == θ``);
    ``project(G)`` is the orthogonal projection onto the structure in the trace inner product (the
    "sym" answer for an unstructured gradient G); ``free(G)`` is the adjoint M*(G) written as a
    structured matrix (the "free" answer: its coordinates are the derivatives by the free entries).
    """

    name: str
    coordinates: Callable[[np.ndarray], np.ndarray]
    embed: Callable[[np.ndarray, int], np.ndarray]
    project: Callable[[np.ndarray], np.ndarray]
    free: Callable[[np.ndarray], np.ndarray]
    allowed: frozenset[str]
    build: Callable

    def contains(self, X: np.ndarray) -> bool:
        """Whether X lies in the structure up to rounding."""
        X = np.asarray(X)
        if X.ndim != 2 or X.shape[0] != X.shape[1]:
            return False
        size = max(float(np.max(np.abs(X))), np.finfo(float).tiny) if X.size else 1.0
        return bool(np.max(np.abs(self.project(X) - X), initial=0.0) <= _IN_STRUCTURE * size)

    def direction(self, rng: np.random.Generator, n: int) -> np.ndarray:
        """A random perturbation inside the structure: M(θ) for Gaussian free parameters θ."""
        return self.embed(rng.standard_normal(self.coordinates(np.zeros((n, n))).size), n)

    def draw(self, rng: np.random.Generator, n: int, names=(), kappa: float = DEFAULT_KAPPA) -> np.ndarray:
        """An n×n matrix inside the structure meeting the conditions *names*."""
        self.check_conditions(names)
        return np.asarray(self.build(rng, n, closure(names), kappa), dtype=float)

    def pair(self, G: np.ndarray, V: np.ndarray, convention: str) -> tuple[float, float, float]:
        """The directional derivative a claim G states along a structured V under *convention*, its
        rounding scale, and its spread over V = M(θ) with Gaussian θ: ⟨G, V⟩ (``"sym"``), whose
        spread is ‖M*(G)‖, or coordinates(G)·coordinates(V) (``"free"``), whose spread is
        ‖coordinates(G)‖."""
        theta = self.coordinates(V)
        weights = self.coordinates(self.free(G) if convention == "sym" else G)
        products = weights * theta
        return float(np.sum(products)), float(np.sum(np.abs(products))), float(np.linalg.norm(weights))

    def check_conditions(self, names) -> None:
        """Refuse conditions the sampler cannot meet inside this structure, with one sentence."""
        extra = closure(names) - self.allowed
        if extra:
            raise ValueError(f"a {self.name} variable cannot be drawn {', '.join(sorted(extra))}: inside this "
                             f"structure the sampler meets only {', '.join(sorted(self.allowed)) or 'no condition'}")


# -- the parametrisations ---------------------------------------------------------------------------

def _lower(X):
    rows, cols = np.tril_indices(X.shape[0])
    return X[rows, cols]


def _lower_embed(theta, n):
    X = np.zeros((n, n), dtype=np.result_type(theta, float))
    X[np.tril_indices(n)] = theta
    return X


def _symmetric_embed(theta, n):
    X = _lower_embed(theta, n)
    return X + np.tril(X, -1).T


def _diagonal_embed(theta, n):
    return np.diag(np.asarray(theta)).astype(np.result_type(theta, float))


def _toeplitz_coordinates(X):
    """t_k = X[i, i − k] for k = −(n − 1) … n − 1, read off the first column and row."""
    n = X.shape[0]
    return np.array([X[max(k, 0), max(-k, 0)] for k in range(-(n - 1), n)])


def _toeplitz_embed(theta, n):
    rows, cols = np.indices((n, n))
    return np.asarray(theta)[(rows - cols) + n - 1]


def _toeplitz_project(G):
    """Each diagonal replaced by its mean: the nearest Toeplitz matrix in the Frobenius norm."""
    n = G.shape[0]
    means = np.array([np.mean(np.diagonal(G, offset=-k)) for k in range(-(n - 1), n)])
    return _toeplitz_embed(means, n)


def _toeplitz_free(G):
    """Each diagonal replaced by its sum: ∂f/∂t_k, the derivative by one diagonal's parameter."""
    n = G.shape[0]
    return _toeplitz_embed(np.array([np.sum(np.diagonal(G, offset=-k)) for k in range(-(n - 1), n)]), n)


# -- sampling inside a structure --------------------------------------------------------------------

def _build_symmetric(rng, n, names, kappa):
    return construct(rng, (n, n), tuple(names | {"symmetric"}), kappa)


def _build_diagonal(rng, n, names, kappa):
    if names - {"symmetric"}:
        return np.diag(eigenvalues(rng, n, names, kappa))
    return np.diag(rng.standard_normal(n))


def _build_lower(rng, n, names, kappa):
    """Invertible: the Cholesky factor of an SPD matrix of condition number κ² (so its own is κ),
    its columns' signs flipped at random unless the determinant must be positive."""
    if not names:
        return np.tril(rng.standard_normal((n, n)))
    L = np.linalg.cholesky(construct(rng, (n, n), ("spd",), kappa ** 2))
    if "positive-determinant" not in names:
        L = L * rng.choice([-1.0, 1.0], size=n)
    return L


def _build_upper(rng, n, names, kappa):
    return _build_lower(rng, n, names, kappa).T


def _build_toeplitz(rng, n, names, kappa):
    """Diagonally dominant when a condition asks for invertibility: the off-diagonal parameters sum
    to r|t₀| with r = (κ − 1)/(κ + 1), so every singular value lies in |t₀|[1 − r, 1 + r]."""
    t = rng.standard_normal(2 * n - 1)
    if "symmetric" in names:
        t = (t + t[::-1]) / 2
    if names - {"symmetric"} and n > 1:
        off = np.concatenate([t[:n - 1], t[n:]])
        r = (kappa - 1) / (kappa + 1)
        sign = 1.0 if names & {"spd", "positive-determinant"} else rng.choice([-1.0, 1.0])
        t[n - 1] = sign * np.sum(np.abs(off)) / r
    return _toeplitz_embed(t, n)


_TRIANGULAR = frozenset({"invertible", "positive-determinant", "full-column-rank"})

STRUCTURES: dict[str, Structure] = {s.name: s for s in (
    Structure("symmetric", _lower, _symmetric_embed, lambda G: (G + G.T) / 2,
              lambda G: G + G.T - np.diag(np.diag(G)), SYMMETRIC_CONDITIONS, _build_symmetric),
    Structure("diagonal", lambda X: np.diag(X).copy(), _diagonal_embed, lambda G: np.diag(np.diag(G)),
              lambda G: np.diag(np.diag(G)), SYMMETRIC_CONDITIONS, _build_diagonal),
    Structure("lower-triangular", _lower, _lower_embed, np.tril, np.tril, _TRIANGULAR, _build_lower),
    Structure("upper-triangular", lambda X: _lower(X.T), lambda theta, n: _lower_embed(theta, n).T, np.triu,
              np.triu, _TRIANGULAR, _build_upper),
    Structure("toeplitz", _toeplitz_coordinates, _toeplitz_embed, _toeplitz_project, _toeplitz_free,
              frozenset({"symmetric", "spd", "invertible", "positive-determinant", "full-column-rank"}),
              _build_toeplitz),
)}
