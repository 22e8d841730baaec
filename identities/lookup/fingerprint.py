"""Fixed weights, and the few numbers that stand for a matrix in the index.

A value is summarised by its shape, its Frobenius norm and :data:`PROJECTIONS` weighted sums of its
entries (row by row), with weights from an integer hash that
``docs/_static/lookup/fingerprint.js`` computes bit for bit the same.  Two values agree when all
their sums do, to :data:`RELATIVE` of the size of the sums; a wrong formula differs at order one.
"""

from __future__ import annotations

import numpy as np

__all__ = ["PROJECTIONS", "RELATIVE", "FACTORS", "weight", "fingerprint", "agrees", "ratio"]

PROJECTIONS = 3
#: Agreement, relative to ‖T‖_F·√(entries): far above rounding (the index keeps 9 digits), far below
#: the difference a transposed or rescaled formula makes.
RELATIVE = 1e-6
_MASK = 0xFFFFFFFF


def weight(i: int, j: int) -> float:
    """The weight of entry *i* in sum *j*: a number in [-1, 1) from a 32-bit integer hash."""
    h = ((i + 1) * 0x9E3779B1 + (j + 1) * 0x85EBCA77) & _MASK
    h ^= h >> 16
    h = (h * 0x7FEB352D) & _MASK
    h ^= h >> 15
    h = (h * 0x846CA68B) & _MASK
    h ^= h >> 16
    return h / 4294967296.0 * 2.0 - 1.0


_CACHE: dict[int, np.ndarray] = {}


def _weights(n: int) -> np.ndarray:
    if n not in _CACHE:
        _CACHE[n] = np.array([[weight(i, j) for i in range(n)] for j in range(PROJECTIONS)])
    return _CACHE[n]


def fingerprint(value: np.ndarray) -> dict:
    """Shape, norm and weighted sums of a 2-D array, as stored in the index."""
    flat = np.asarray(value, dtype=float).reshape(-1)
    sums = [float(sum(w * x for w, x in zip(row, flat))) for row in _weights(flat.size)]
    return {"shape": list(value.shape), "norm": float(np.sqrt((flat * flat).sum())), "proj": sums}


def _scale(target: dict) -> float:
    n = target["shape"][0] * target["shape"][1]
    return RELATIVE * target["norm"] * n ** 0.5 + 1e-300


def agrees(print_: dict, target: dict) -> bool:
    """Whether a value with fingerprint *print_* equals the target (same shape, same sums)."""
    if print_["shape"] != target["shape"] or target["norm"] == 0:
        return False
    scale = _scale(target)
    return all(abs(a - b) <= scale for a, b in zip(print_["proj"], target["proj"]))


#: The constant factors a formula is recognised under (a forgotten ½, 2 or sign): any ratio would
#: make every number match every other.
FACTORS = (-1.0, 2.0, -2.0, 0.5, -0.5, 3.0, 1 / 3, 4.0, 0.25)


def ratio(print_: dict, target: dict) -> float | None:
    """The factor c in :data:`FACTORS` with value = c · target, if there is one."""
    if print_["shape"] != target["shape"] or target["norm"] == 0 or print_["norm"] == 0:
        return None
    c = print_["norm"] / target["norm"]
    big = max(range(PROJECTIONS), key=lambda j: abs(target["proj"][j]))
    if target["proj"][big] * print_["proj"][big] < 0:
        c = -c
    scale = _scale(target) * abs(c)
    factor = next((f for f in FACTORS if abs(c - f) <= 1e-6 * abs(f)), None)
    if factor is not None and all(abs(a - factor * b) <= scale for a, b in zip(print_["proj"], target["proj"])):
        return factor
    return None
