"""The closed set of conditions an identity may state, and how the sampler meets each one.

Inputs are *constructed* to satisfy their conditions, never filtered (filtering random draws
biases them towards the easy cases and can loop forever): an invertible matrix is U·diag(σ)·Vᵀ with
chosen singular values, so its condition number is known, and it is dense and non-symmetric, so
that X⁻¹ for X⁻ᵀ cannot pass by accident.

Each construction (a :class:`Recipe`) says which conditions it honours together.  A combination of
conditions is accepted only if one recipe honours all of them; any other combination is refused
when the identity is defined, with a sentence saying why (:func:`check_combination`).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Callable

import numpy as np

__all__ = ["CONDITIONS", "Condition", "construct", "check_combination", "closure", "DEFAULT_KAPPA",
           "EIGENVALUE_GAP", "SYMMETRIC_CONDITIONS", "Recipe", "RECIPES", "recipe_for", "orthogonal", "eigenvalues", "relaxed"]

#: Condition number of the matrices the sampler builds for conditions that bound it.
DEFAULT_KAPPA = 10.0
#: Distinct eigenvalues are at least this fraction of ρ/n apart (ρ the spectral radius, n the size):
#: a gap that shrinks with n, as it must, since n eigenvalues in [−ρ, ρ] cannot all be far apart.
EIGENVALUE_GAP = 0.5


@dataclass(frozen=True)
class Condition:
    """A named condition: what it means in words and in symbols, where it applies, what it implies.

    ``field``: "real", "complex" or "either" (the kind of matrix it applies to).  ``implies``:
    conditions that hold whenever this one does.  ``relaxed``: what is kept of it when a draw drops
    the structural conditions (to tell mutants equal everywhere from those equal only under the
    conditions): what the formulas need to exist, such as invertibility or positivity.  ``open``:
    the matrices that meet it fill an open set, so a formula that holds at random points of it holds
    near them too (invertible, yes; symmetric, no: a formula right on the symmetric matrices can
    have the wrong derivative across them).
    """

    name: str
    words: str
    symbol: str
    square: bool
    field: str = "real"
    implies: tuple[str, ...] = ()
    relaxed: tuple[str, ...] = ()
    scalar: bool = False
    open: bool = False


CONDITIONS: dict[str, Condition] = {c.name: c for c in (
    Condition("invertible", "invertible", "{0} invertible", True, "either", relaxed=("invertible",), open=True),
    Condition("positive-determinant", "invertible with positive determinant", "det {0} > 0", True,
              implies=("invertible",), relaxed=("positive-determinant",), open=True),
    Condition("symmetric", "symmetric", "{0} = {0}ᵀ", True),
    Condition("spd", "symmetric positive definite", "{0} ≻ 0", True,
              implies=("symmetric", "positive-determinant"), relaxed=("positive-determinant",)),
    Condition("distinct-eigenvalues", "symmetric, with eigenvalues at least ρ/(2n) apart (ρ its spectral radius)",
              "{0} = {0}ᵀ, λᵢ₊₁ − λᵢ ≥ ρ({0})/(2n)", True, implies=("symmetric",)),
    Condition("orthogonal", "orthogonal", "{0}ᵀ{0} = I", True, implies=("invertible",)),
    Condition("positive", "entrywise positive", "{0} > 0 entrywise", False, relaxed=("positive",), scalar=True,
              open=True),
    Condition("probability", "a probability vector in each column (positive entries summing to one)",
              "{0} > 0 entrywise, 𝟏ᵀ{0} = 𝟏ᵀ", False, implies=("positive",), relaxed=("positive",)),
    Condition("full-column-rank", "of full column rank", "rank {0} = columns", False, "either",
              relaxed=("full-column-rank",), open=True),
    Condition("distinct-singular-values", "of full column rank, with singular values at least s₁/(2n) apart (s₁ "
              "the largest, n the number of columns) and condition number 10", "sᵢ − sᵢ₊₁ ≥ s₁({0})/(2n)", False,
              implies=("full-column-rank",), relaxed=("full-column-rank",), open=True),
    Condition("causal-mask", "the causal mask: ones on and below the diagonal, zeros above",
              "{0}ᵢⱼ = [j ≤ i]", True),
    Condition("off-negative-axis", "free of eigenvalues on the closed negative real axis (its principal square "
              "root and logarithm exist)", "λ({0}) ∩ (−∞, 0] = ∅", True, implies=("positive-determinant",),
              relaxed=("off-negative-axis",), open=True),
    Condition("hermitian", "Hermitian", "{0} = {0}ᴴ", True, "complex"),
    Condition("unitary", "unitary", "{0}ᴴ{0} = I", True, "complex", implies=("invertible",)),
)}


def closure(names) -> frozenset[str]:
    """The conditions *names* state, with everything they imply."""
    out, todo = set(), list(names)
    while todo:
        name = todo.pop()
        if name not in out:
            out.add(name)
            todo += CONDITIONS[name].implies
    return frozenset(out)


def relaxed(names) -> tuple[str, ...]:
    """What a draw without the structural conditions keeps of *names* (see :attr:`Condition.relaxed`)."""
    kept = {r for n in names for r in CONDITIONS[n].relaxed}
    return tuple(sorted(kept))


# -- building blocks ------------------------------------------------------------------------------

def orthogonal(rng: np.random.Generator, n: int, complex_: bool = False) -> np.ndarray:
    """A Haar-random orthogonal (or unitary) matrix: QR of a Gaussian matrix, the phases of R's
    diagonal moved into Q."""
    G = rng.standard_normal((n, n))
    if complex_:
        G = (G + 1j * rng.standard_normal((n, n))) / np.sqrt(2)
    q, r = np.linalg.qr(G)
    d = np.diag(r)
    return q * (d / np.abs(d))


def _gaussian(rng: np.random.Generator, shape, complex_: bool) -> np.ndarray:
    value = rng.standard_normal(shape)
    if complex_:
        value = (value + 1j * rng.standard_normal(shape)) / np.sqrt(2)
    return np.asarray(value)


def _singular_values(rng: np.random.Generator, k: int, kappa: float) -> np.ndarray:
    """k values in [1/κ, 1] including both ends (so the condition number is exactly κ), shuffled."""
    if k == 1:
        return np.ones(1)
    inner = np.exp(rng.uniform(-np.log(kappa), 0.0, size=k - 2))
    return rng.permutation(np.concatenate([[1.0, 1.0 / kappa], inner]))


def _spaced_values(rng: np.random.Generator, k: int, kappa: float) -> np.ndarray:
    """k values from 1/κ to 1 (both ends included), neighbours at least 1/(2k) apart, shuffled."""
    if k == 1:
        return np.ones(1)
    gap = EIGENVALUE_GAP / k
    spare = rng.dirichlet(np.ones(k - 1)) * (1.0 - 1.0 / kappa - (k - 1) * gap)
    return rng.permutation(1.0 / kappa + np.concatenate([[0.0], np.cumsum(gap + spare)]))


def eigenvalues(rng: np.random.Generator, n: int, names: frozenset[str], kappa: float) -> np.ndarray:
    """Real eigenvalues meeting *names*: in [1/κ, 1] for a definite matrix; otherwise magnitudes in
    [1/κ, 1] with both signs present (so that the matrix is not positive definite by accident) and,
    for a positive determinant, an even number of negative ones.  Distinct eigenvalues get magnitudes
    at least 1/(2n) apart: then values of one sign are as far apart as their magnitudes, and values of
    opposite signs at least 2/κ + 1/(2n), so neighbours are at least ρ/(2n) apart (ρ = 1)."""
    magnitudes = (_spaced_values if "distinct-eigenvalues" in names else _singular_values)(rng, n, kappa)
    if names & {"spd", "off-negative-axis"}:   # a symmetric matrix off the negative axis is positive definite
        return magnitudes
    signs = rng.choice([-1.0, 1.0], size=n)
    if n > 1:
        signs[:2] = (1.0, -1.0)
    if "positive-determinant" in names and np.prod(signs) < 0:
        signs[-1 if n > 2 else 0] *= -1      # n = 2: both negative (indefinite is impossible with det > 0)
    return signs * magnitudes


# -- recipes --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Recipe:
    """One construction: the conditions it honours together (``allowed``), those it needs at least
    one of to apply (``needs``), the kind of matrix it builds, and the builder
    ``build(rng, shape, names, kappa, complex_)`` (names already closed under implication)."""

    name: str
    field: str
    needs: frozenset[str]
    allowed: frozenset[str]
    build: Callable

    def honours(self, names: frozenset[str], complex_: bool) -> bool:
        kind_ok = self.field == "either" or self.field == ("complex" if complex_ else "real")
        return kind_ok and names <= self.allowed and (not self.needs or bool(names & self.needs))


def _build_plain(rng, shape, names, kappa, complex_):
    return _gaussian(rng, shape, complex_)


def _build_spectral(rng, shape, names, kappa, complex_):
    n = shape[0]
    if names <= {"symmetric", "hermitian"}:   # no spectrum prescribed: a generic dense symmetric matrix
        G = _gaussian(rng, shape, complex_)
        return (G + G.conj().T) / 2
    Q = orthogonal(rng, n, complex_)
    X = (Q * eigenvalues(rng, n, names, kappa)) @ Q.conj().T
    return (X + X.conj().T) / 2     # exactly symmetric (Hermitian), not only up to rounding


def _build_singular(rng, shape, names, kappa, complex_):
    rows, cols = shape
    k = min(rows, cols)
    U, V = orthogonal(rng, rows, complex_)[:, :k], orthogonal(rng, cols, complex_)[:, :k]
    X = (U * (_spaced_values if "distinct-singular-values" in names else _singular_values)(rng, k, kappa)) \
        @ V.conj().T
    if "positive-determinant" in names and np.linalg.slogdet(X)[0] < 0:  # det itself underflows for large n
        X[:, 0] = -X[:, 0]  # flipping one column changes the sign of det, not the singular values
    return X


def _build_haar(rng, shape, names, kappa, complex_):
    Q = orthogonal(rng, shape[0], complex_)
    if "positive-determinant" in names and np.linalg.slogdet(Q)[0] < 0:
        Q[:, 0] = -Q[:, 0]
    return Q


def _build_positive(rng, shape, names, kappa, complex_):
    X = np.asarray(rng.uniform(0.5, 2.0, size=shape))
    if "symmetric" in names:
        X = (X + X.T) / 2
    if "probability" in names:   # each column: normalised Exp(1) draws, uniform on the simplex (Dirichlet(1))
        E = rng.exponential(size=shape)
        X = E / E.sum(axis=0)
    return X


def _build_mask(rng, shape, names, kappa, complex_):
    return np.tril(np.ones(shape))


def _build_off_negative_axis(rng, shape, names, kappa, complex_):
    """I + N with N dense, non-symmetric and ‖N‖₂ = ½: every eigenvalue lies in the disc |λ − 1| ≤ ½, so
    Re λ ≥ ½ (a positive determinant) and the condition number is at most 3."""
    G = rng.standard_normal(shape)
    return np.eye(shape[0]) + G / (2 * np.linalg.norm(G, 2))


#: What a real symmetric matrix can be drawn as (built from its eigenvalues).
SYMMETRIC_CONDITIONS = frozenset({"symmetric", "spd", "distinct-eigenvalues", "invertible", "positive-determinant",
                                  "full-column-rank", "off-negative-axis"})

#: The constructions, tried in order; the first that honours a combination builds it.
RECIPES: tuple[Recipe, ...] = (
    Recipe("gaussian", "either", frozenset(), frozenset(), _build_plain),
    Recipe("spectral", "real", frozenset({"symmetric"}), SYMMETRIC_CONDITIONS, _build_spectral),
    Recipe("hermitian", "complex", frozenset({"hermitian"}), frozenset({"hermitian", "invertible",
                                                                        "full-column-rank"}), _build_spectral),
    Recipe("singular values", "real", frozenset({"invertible", "full-column-rank"}),
           frozenset({"invertible", "positive-determinant", "full-column-rank", "distinct-singular-values"}),
           _build_singular),
    Recipe("complex singular values", "complex", frozenset({"invertible", "full-column-rank"}),
           frozenset({"invertible", "full-column-rank"}), _build_singular),
    Recipe("haar", "real", frozenset({"orthogonal"}),
           frozenset({"orthogonal", "invertible", "positive-determinant", "full-column-rank"}), _build_haar),
    Recipe("complex haar", "complex", frozenset({"unitary"}), frozenset({"unitary", "invertible", "full-column-rank"}),
           _build_haar),
    Recipe("positive", "real", frozenset({"positive"}), frozenset({"positive", "symmetric"}), _build_positive),
    Recipe("simplex", "real", frozenset({"probability"}), frozenset({"probability", "positive"}), _build_positive),
    Recipe("causal mask", "real", frozenset({"causal-mask"}), frozenset({"causal-mask"}), _build_mask),
    Recipe("near the identity", "real", frozenset({"off-negative-axis"}),
           frozenset({"off-negative-axis", "positive-determinant", "invertible", "full-column-rank"}),
           _build_off_negative_axis),
)

#: Why two conditions cannot be drawn together: (the pair, or one condition of it; the reason).
_WHY: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset({"spd", "orthogonal"}), "the identity is the only symmetric positive definite orthogonal matrix"),
    (frozenset({"symmetric", "orthogonal"}), "symmetric orthogonal matrices are reflections with eigenvalues ±1, "
                                             "which the sampler does not build"),
    (frozenset({"positive", "orthogonal"}), "two columns with positive entries cannot be orthogonal"),
    (frozenset({"positive", "spd"}), "the sampler builds a symmetric positive definite matrix from its "
                                     "eigenvectors, whose entries have both signs"),
    (frozenset({"causal-mask"}), "a causal mask is one fixed 0/1 matrix and takes no other condition"),
    (frozenset({"probability"}), "a probability vector is drawn uniformly from the simplex, with no other "
                                 "structure"),
    (frozenset({"positive"}), "entrywise positive matrices are drawn entry by entry, with no control of their "
                              "spectrum or condition number"),
)


def _why(pair: frozenset[str]) -> str:
    return next((words for key, words in _WHY if key <= pair), "no construction of the sampler meets both")


def recipe_for(names, complex_: bool = False) -> Recipe | None:
    """The recipe that builds matrices meeting every condition in *names*, or None."""
    closed = closure(names)
    return next((r for r in RECIPES if r.honours(closed, complex_)), None)


def check_combination(names, complex_: bool = False, scalar: bool = False) -> None:
    """Refuse unknown conditions, conditions that do not apply to this kind of symbol, and
    combinations no recipe honours, with one sentence each."""
    for name in names:
        if name not in CONDITIONS:
            raise ValueError(f"unknown condition {name!r}; known: {', '.join(CONDITIONS)}")
        c = CONDITIONS[name]
        if scalar and not c.scalar:
            raise ValueError(f"condition {name!r} applies to matrices; a scalar may only be 'positive'")
        if c.field == "complex" and not complex_:
            raise ValueError(f"condition {name!r} applies to complex matrices; for a real matrix say "
                             f"{'symmetric' if name == 'hermitian' else 'orthogonal'!r}")
        if c.field == "real" and complex_:
            raise ValueError(f"condition {name!r} applies to real matrices; a complex matrix may be "
                             f"{', '.join(n for n, k in CONDITIONS.items() if k.field != 'real')}")
    if recipe_for(names, complex_) is not None:
        return
    for pair in map(frozenset, combinations(sorted(set(names)), 2)):
        if recipe_for(pair, complex_) is None:
            raise ValueError(f"conditions {sorted(pair)} cannot be sampled together: {_why(pair)}")
    raise ValueError(f"conditions {sorted(set(names))} cannot be sampled together: no construction of the "
                     "sampler meets all of them")


def construct(rng: np.random.Generator, shape: tuple[int, ...], names, kappa: float = DEFAULT_KAPPA,
              complex_: bool = False) -> np.ndarray:
    """A value of *shape* (() for a scalar) meeting every condition in *names*; dense, non-symmetric
    and indefinite unless a condition says otherwise."""
    check_combination(names, complex_, scalar=shape == ())
    closed = closure(names)
    if "full-column-rank" in closed and shape[0] < shape[1]:
        raise ValueError(f"a {shape[0]}×{shape[1]} matrix cannot have full column rank: it has fewer rows "
                         "than columns")
    return np.asarray(recipe_for(closed, complex_).build(rng, shape, closed, kappa, complex_))
