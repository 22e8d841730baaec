"""The closed set of conditions an identity may state, and how the sampler meets each one.

Inputs are *constructed* to satisfy their conditions, never filtered (filtering random draws
biases them towards the easy cases and can loop forever): an invertible matrix is U·diag(σ)·Vᵀ with
chosen singular values, so its condition number is known, and it is dense and non-symmetric, so
that X⁻¹ for X⁻ᵀ cannot pass by accident.
"""

from __future__ import annotations

from dataclasses import dataclass


import numpy as np

__all__ = ["CONDITIONS", "Condition", "construct", "DEFAULT_KAPPA"]

#: Condition number of the matrices the sampler builds for conditions that bound it.
DEFAULT_KAPPA = 10.0


@dataclass(frozen=True)
class Condition:
    """A named condition: what it means in words and in symbols, and what shape it needs: square, or
    ``tall`` (at least as many rows as columns, which the sampler arranges by the sizes it picks)."""

    name: str
    words: str
    symbol: str
    square: bool
    tall: bool = False


CONDITIONS: dict[str, Condition] = {c.name: c for c in (
    Condition("invertible", "invertible", "{0} invertible", True),
    Condition("positive-determinant", "invertible with positive determinant", "det {0} > 0", True),
    Condition("symmetric", "symmetric", "{0} = {0}ᵀ", True),
    Condition("spd", "symmetric positive definite", "{0} ≻ 0", True),
    Condition("orthogonal", "orthogonal", "{0}ᵀ{0} = I", True),
    Condition("positive", "entrywise positive", "{0} > 0 entrywise", False),
    Condition("full-column-rank", "full column rank", "rank {0} = columns", False, tall=True),
    Condition("probability", "a probability vector in each column (positive entries summing to one)",
              "{0} > 0 entrywise, 𝟏ᵀ{0} = 𝟏ᵀ", False),
    Condition("off-negative-axis", "free of eigenvalues on the closed negative real axis (its principal square "
              "root and logarithm exist)", "λ({0}) ∩ (−∞, 0] = ∅", True),
    Condition("distinct-eigenvalues", "symmetric, with eigenvalues at least ρ/(2n) apart (ρ its spectral radius)",
              "{0} = {0}ᵀ, λᵢ₊₁ − λᵢ ≥ ρ({0})/(2n)", True),
    Condition("distinct-singular-values", "full column rank, with singular values at least s₁/(2n) apart "
              "(s₁ the largest) and condition number 10", "sᵢ − sᵢ₊₁ ≥ s₁({0})/(2n)", False, tall=True),
)}

_INCOMPATIBLE = {frozenset({"spd", "orthogonal"}), frozenset({"positive", "orthogonal"}),
                 frozenset({"positive", "spd"}), frozenset({"symmetric", "orthogonal"}),
                 frozenset({"off-negative-axis", "orthogonal"}), frozenset({"off-negative-axis", "symmetric"}),
                 frozenset({"off-negative-axis", "positive"})}
#: Conditions the sampler builds with no other structure, and the ones they already imply: a probability
#: vector is positive; distinct eigenvalues are those of a symmetric matrix; distinct singular values
#: those of a matrix of full column rank.
_ALONE = {"probability": {"positive"}, "distinct-eigenvalues": {"symmetric"},
          "distinct-singular-values": {"full-column-rank"}}


def check_combination(names: tuple[str, ...]) -> None:
    """Refuse unknown conditions and combinations the sampler cannot construct."""
    for name in names:
        if name not in CONDITIONS:
            raise ValueError(f"unknown condition {name!r}; known: {', '.join(CONDITIONS)}")
    for pair in _INCOMPATIBLE:
        if pair <= set(names):
            raise ValueError(f"conditions {sorted(pair)} cannot be sampled together")
    for name, allowed in _ALONE.items():
        others = set(names) - allowed - {name}
        if name in names and others:
            raise ValueError(f"condition {name!r} cannot be sampled together with {sorted(others)}")


def _orthogonal(rng: np.random.Generator, n: int) -> np.ndarray:
    """A Haar-random orthogonal matrix (QR of a Gaussian matrix with the sign of R's diagonal fixed)."""
    q, r = np.linalg.qr(rng.standard_normal((n, n)))
    return q * np.sign(np.diag(r))


def _singular_values(rng: np.random.Generator, k: int, kappa: float) -> np.ndarray:
    """k values in [1/κ, 1] including both ends (so the condition number is exactly κ), shuffled."""
    if k == 1:
        return np.ones(1)
    inner = np.exp(rng.uniform(-np.log(kappa), 0.0, size=k - 2))
    return rng.permutation(np.concatenate([[1.0, 1.0 / kappa], inner]))


def _spaced(rng: np.random.Generator, k: int, low: float, high: float, gap: float) -> np.ndarray:
    """k ascending values from *low* to *high* (both ends included), consecutive ones at least *gap* apart."""
    if k == 1:
        return np.array([high])
    spare = rng.dirichlet(np.ones(k - 1)) * (high - low - (k - 1) * gap)
    return low + np.concatenate([[0.0], np.cumsum(gap + spare)])


def _with_singular_values(rng, rows, cols, kappa):
    k = min(rows, cols)
    U, V = _orthogonal(rng, rows)[:, :k], _orthogonal(rng, cols)[:, :k]
    return (U * _singular_values(rng, k, kappa)) @ V.T


def _off_negative_axis(rng: np.random.Generator, n: int) -> np.ndarray:
    """I + N with N dense, non-symmetric and ‖N‖₂ = ½: every eigenvalue lies in the disc |λ − 1| ≤ ½, so
    Re λ ≥ ½ and the condition number is at most 3."""
    G = rng.standard_normal((n, n))
    return np.eye(n) + G / (2 * np.linalg.norm(G, 2))


def _probability(rng: np.random.Generator, rows: int, cols: int) -> np.ndarray:
    """Columns drawn uniformly from the simplex (normalised exponential draws, Dirichlet(1))."""
    E = rng.exponential(size=(rows, cols))
    return E / E.sum(axis=0)


def construct(rng: np.random.Generator, shape: tuple[int, int], names: tuple[str, ...],
              kappa: float = DEFAULT_KAPPA) -> np.ndarray:
    """A matrix of *shape* meeting every condition in *names* (dense and non-symmetric otherwise)."""
    rows, cols = shape
    names = set(names)
    if "orthogonal" in names:
        return _orthogonal(rng, rows)
    if "probability" in names:
        return _probability(rng, rows, cols)
    if "off-negative-axis" in names and "spd" not in names:
        return _off_negative_axis(rng, rows)
    if "distinct-eigenvalues" in names:  # eigenvalues in [−1, 1], both ends taken
        Q = _orthogonal(rng, rows)
        return (Q * _spaced(rng, rows, -1.0, 1.0, 1 / (2 * rows))) @ Q.T
    if "distinct-singular-values" in names:  # singular values in [1/κ, 1], both ends taken
        U, V = _orthogonal(rng, rows)[:, :cols], _orthogonal(rng, cols)
        return (U * _spaced(rng, cols, 1 / kappa, 1.0, 1 / (2 * cols))[::-1]) @ V.T
    if "spd" in names:
        Q = _orthogonal(rng, rows)
        return (Q * _singular_values(rng, rows, kappa)) @ Q.T
    if "symmetric" in names:
        if names & {"invertible", "positive-determinant"}:
            Q = _orthogonal(rng, rows)
            signs = rng.choice([-1.0, 1.0], size=rows)
            signs[:2] = (1.0, -1.0) if rows > 1 else signs[:2]  # indefinite, so not accidentally SPD
            if "positive-determinant" in names and np.prod(signs) < 0:  # signs of the eigenvalues
                signs[-1] *= -1 if rows > 2 else 1
            return (Q * (signs * _singular_values(rng, rows, kappa))) @ Q.T
        G = rng.standard_normal((rows, cols))
        return (G + G.T) / 2
    if names & {"invertible", "positive-determinant", "full-column-rank"}:
        X = _with_singular_values(rng, rows, cols, kappa)
        if "positive-determinant" in names and np.linalg.slogdet(X)[0] < 0:  # det itself underflows for large n
            X[:, 0] = -X[:, 0]  # flipping one column changes the sign of det, not the singular values
        if "positive" in names:
            raise ValueError("'positive' cannot be combined with a conditioning constraint")
        return X
    if "positive" in names:
        return rng.uniform(0.5, 2.0, size=(rows, cols))
    return rng.standard_normal((rows, cols))


