"""Draw the inputs of an identity: distinct non-square sizes, conditions met by construction.

Each draw is reproducible from its seed, and says which sizes and condition number it used.  Its
values are read-only, so that one draw can serve every check and every mutant of an identity.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy as sp

from .conditions import DEFAULT_KAPPA, closure, construct, relaxed
from .structures import STRUCTURES
from .record import Identity, Var
from .symbols import DIMS

__all__ = ["Draw", "draw", "SIZE_POOL", "resolve"]

#: Sizes given to dimension symbols; distinct values per draw, so a transposed or swapped formula
#: meets a shape error (or a wrong number) instead of passing by shape luck.
SIZE_POOL = (2, 3, 4, 5, 6, 7)


@dataclass(frozen=True)
class Draw:
    """One sampled point: the seed, the size of each dimension, and the value of each symbol (an
    array, or a Python number for a sampled constant)."""

    seed: int
    sizes: dict[str, int]
    values: dict[str, np.ndarray | int | float]
    kappa: float

    def args(self, symbols) -> list[np.ndarray]:
        return [self.values[s.name] for s in symbols]

    def shape_of(self, symbol) -> tuple[int, ...]:
        """The numeric shape of a symbol (a drawn one, or a perturbation dX) at this draw; () for a scalar."""
        value = self.values.get(symbol.name)
        if value is not None:
            return value.shape
        by_symbol = {DIMS[name]: size for name, size in self.sizes.items()}
        return tuple(resolve(s, by_symbol) for s in getattr(symbol, "shape", ()))

    def describe(self) -> str:
        """The sizes, then the values of sampled constants: ``m=3, n=4; k=2``."""
        text = ", ".join(f"{k}={v}" for k, v in sorted(self.sizes.items()))
        constants = ", ".join(f"{k}={v:g}" for k, v in sorted(self.values.items()) if not isinstance(v, np.ndarray))
        return f"{text}; {constants}" if constants else text


def resolve(size, sizes: dict[sp.Symbol, int]) -> int:
    """A symbolic size (n, 3, n·k) as a number, given the size of each dimension symbol."""
    if size in sizes:
        return sizes[size]
    return int(sp.sympify(size).xreplace(sizes))


def _dims(ident: Identity) -> list[sp.Symbol]:
    found = set()
    for v in ident.symbols:
        for s in v.shape:  # () for a scalar
            found |= {a for a in sp.sympify(s).free_symbols}
    return sorted(found, key=lambda s: s.name)


def _assign_sizes(ident: Identity, rng: np.random.Generator, avoid: dict[str, int]) -> dict[sp.Symbol, int]:
    """Distinct sizes, none equal to the size the same dimension had in the draw named by *avoid*."""
    dims = _dims(ident)
    pool = list(SIZE_POOL) + list(range(SIZE_POOL[-1] + 1, SIZE_POOL[-1] + 2 + len(dims)))
    order = [int(v) for v in rng.permutation(pool)]
    sizes: dict[sp.Symbol, int] = {}
    for dim in dims:
        sizes[dim] = next(v for v in order if v not in sizes.values() and v != avoid.get(dim.name))
    for v in ident.symbols:  # full column rank (stated or implied) needs at least as many rows as columns
        if "full-column-rank" in closure(v.conditions):
            rows, cols = v.shape
            if rows in sizes and cols in sizes and sizes[rows] < sizes[cols]:
                sizes[rows], sizes[cols] = sizes[cols], sizes[rows]
    return sizes


def draw(ident: Identity, seed: int, kappa: float = DEFAULT_KAPPA, conditions: bool = True,
         avoid: dict[str, int] | None = None, extra: tuple[tuple[str, str], ...] = ()) -> Draw:
    """Sample every symbol of *ident* (upstream gradients included) at one seed.

    ``conditions=False`` keeps only what is needed for the formulas to exist (invertibility,
    positivity, a spectrum off the negative real axis) and drops the structural conditions (symmetry,
    definiteness, orthogonality, columns on the simplex): mutants equal only under the stated
    conditions are then told apart from those equal everywhere.  A variable's structure is its domain
    and is always kept.  ``avoid`` gives sizes (by dimension name) that this draw must not repeat, so
    that two draws differ in every size.  ``extra`` adds (symbol name, condition) pairs: the inputs at
    which a published form that assumes more than the identity states is shown to hold.
    """
    rng = np.random.default_rng(seed)
    sizes = _assign_sizes(ident, rng, avoid or {})
    values = {}
    for v in ident.symbols:
        if not (v.is_matrix or v.is_scalar):  # a sampled constant: one of its values, as a Python int or float
            values[v.name] = v.symbol.values[int(rng.integers(len(v.symbol.values)))]
            continue
        shape = tuple(resolve(s, sizes) for s in v.shape)
        names = v.conditions if conditions else relaxed(v.conditions)
        names += tuple(c for name, c in extra if name == v.name and c not in names)
        values[v.name] = _value(v, rng, shape, names, kappa)
        values[v.name].setflags(write=False)
    return Draw(seed, {s.name: n for s, n in sizes.items()}, values, kappa)


def _value(v: Var, rng: np.random.Generator, shape: tuple[int, ...], names, kappa: float) -> np.ndarray:
    if v.structure is not None:
        return STRUCTURES[v.structure].draw(rng, shape[0], names, kappa)
    return construct(rng, shape, names, kappa, v.is_complex)
