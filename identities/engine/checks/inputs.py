"""What the caller passed: validated up front (one sentence per refusal), and copied so that no call
ever receives the caller's own objects."""

from __future__ import annotations

import copy
import math
from typing import Any

import numpy as np

__all__ = ["Refused", "callable_of", "seed_of", "timeout_of", "vec_of", "positions_of", "arguments_of",
           "fresh", "same", "claimed_array", "same_shape", "shape_diagnosis", "describe"]

#: Precision of float64, the arithmetic every verdict is stated in.
EPS64 = float(np.finfo(np.float64).eps)


class Refused(Exception):
    """The claimed derivative cannot be compared at all (wrong shape, not real, not finite); the
    message is the diagnosis of a failed check."""


def describe(value: Any) -> str:
    """A short name for what a value is, for refusals."""
    if value is None:
        return "None"
    if isinstance(value, np.ndarray):
        return f"an array of dtype {value.dtype}"
    return f"a {type(value).__name__}"


def callable_of(fn, role: str, name: str):
    if not callable(fn):
        raise TypeError(f"{name}: {role} must be a callable (a function), not {describe(fn)}")
    return fn


def seed_of(seed, name: str) -> int:
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise TypeError(f"{name}: seed must be a non-negative int (it makes the check reproducible), "
                        f"not {seed!r}")
    if seed < 0:
        raise ValueError(f"{name}: seed must be a non-negative int (it makes the check reproducible), not {seed}")
    return int(seed)


def timeout_of(timeout, name: str) -> float | None:
    if timeout is None:
        return None
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float, np.integer, np.floating)) \
            or not math.isfinite(timeout) or timeout <= 0:
        raise ValueError(f"{name}: timeout must be a positive number of seconds or None (no limit), "
                         f"not {timeout!r}")
    return float(timeout)


def vec_of(vec, name: str) -> str:
    if vec not in ("F", "C"):
        raise ValueError(f"{name}: vec must be 'F' (column stacking) or 'C' (row stacking), not {vec!r}")
    return vec


def _position(w, nargs: int, name: str, shown) -> int:
    if isinstance(w, bool) or not isinstance(w, (int, np.integer)):
        raise ValueError(f"{name}: wrt={shown!r} must be the position of an argument (an int), "
                         f"not {describe(w)}")
    if not -nargs <= w < nargs:
        raise ValueError(f"{name}: wrt={shown!r} is not the position of one of the {nargs} arguments")
    return int(w) % nargs


def positions_of(wrt, nargs: int, name: str, single: bool) -> tuple[int, ...]:
    """The positions of the differentiated arguments; *single* checks take exactly one."""
    if isinstance(wrt, (list, tuple)):
        if not wrt:
            raise ValueError(f"{name}: wrt={wrt!r} names no argument; pass the position of the variable (an int)")
        if single and len(wrt) > 1:
            raise ValueError(f"{name}: wrt={wrt!r} names {len(wrt)} arguments, but {name} differentiates with "
                             "respect to one; pass a single position (an int)")
        positions = tuple(_position(w, nargs, name, wrt) for w in wrt)
        if len(set(positions)) != len(positions):
            raise ValueError(f"{name}: wrt={wrt!r} names the same argument twice")
        return positions
    return (_position(wrt, nargs, name, wrt),)


def _variable(arg, i: int, name: str) -> np.ndarray:
    """A differentiated argument as a private real float64 array."""
    if arg is None or isinstance(arg, (str, bytes, dict, set)):
        raise TypeError(f"{name}: argument {i} is differentiated, so it must be a real number or array, "
                        f"not {describe(arg)}")
    try:
        arr = np.array(arg)
    except ValueError:
        raise TypeError(f"{name}: argument {i} is differentiated, so it must be a real number or array; "
                        "it is a ragged sequence") from None
    if arr.dtype.kind == "c":
        raise TypeError(f"{name}: argument {i} is complex; the checker differentiates real functions of "
                        "real arrays (pass the real and imaginary parts as separate real arguments)")
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"{name}: argument {i} is differentiated, so it must be a real array, not an array "
                        f"of dtype {arr.dtype}")
    arr = np.array(arr, dtype=np.float64, order="C")   # a private copy, rows first (as every pairing reads)
    if arr.size == 0:
        raise ValueError(f"{name}: argument {i} is empty; there is nothing to differentiate")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name}: argument {i} has non-finite entries (nan or inf); pass a finite point")
    return arr


def fresh(value):
    """A private copy: arrays are copied, containers and other objects deep-copied, immutable
    scalars passed as they are."""
    if isinstance(value, np.ndarray):
        return value.copy()
    if value is None or isinstance(value, (bool, int, float, complex, str, bytes, np.generic)):
        return value
    return copy.deepcopy(value)


def arguments_of(args: tuple, positions: tuple[int, ...], name: str) -> list:
    """Private copies of the arguments, the differentiated ones as real float64 arrays (other
    arguments keep their type: integer labels stay integers)."""
    if not args:
        raise TypeError(f"{name} needs the point to check at: pass the arrays after the functions")
    out = []
    for i, arg in enumerate(args):
        if i in positions:
            out.append(_variable(arg, i, name))
            continue
        try:
            out.append(fresh(arg))
        except Exception as exc:
            raise TypeError(f"{name}: argument {i} ({describe(arg)}) cannot be copied ({exc}); the checker "
                            "never hands your own objects to the function, so pass copyable data") from None
    return out


def same(a, b) -> bool:
    """Is *a* unchanged from its copy *b*?  Arrays compare bit for bit (nan equal to nan); containers
    element by element; objects that cannot be compared count as unchanged."""
    if isinstance(b, np.ndarray):
        if not (isinstance(a, np.ndarray) and a.shape == b.shape and a.dtype == b.dtype):
            return False
        if b.dtype.hasobject or not (a.flags.c_contiguous and b.flags.c_contiguous):
            return a.tobytes() == b.tobytes()
        return bool(np.array_equal(a.reshape(-1).view(np.uint8), b.reshape(-1).view(np.uint8)))
    if isinstance(b, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(b, dict):
        return isinstance(a, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in b)
    return True


def claimed_array(value, what: str) -> tuple[np.ndarray, float]:
    """The user's derivative as a real float64 array, and the precision it was computed in.

    Not an array of numbers at all (None, text, a dict) is a usage error (TypeError); complex or
    non-finite values are a wrong answer (Refused, so the check fails naming it).
    """
    if value is None or isinstance(value, (str, bytes, dict, set)):
        raise TypeError(f"{what} returned {describe(value)}; it must return an array of real numbers"
                        + (" (is a return statement missing?)" if value is None else ""))
    try:
        arr = np.asarray(value)
    except ValueError:
        raise TypeError(f"{what} returned a ragged sequence; it must return an array of real numbers") from None
    if arr.dtype.kind == "c":
        raise Refused(f"{what} is complex-valued; a derivative of a real function is real")
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"{what} returned an array of dtype {arr.dtype}; it must return an array of real numbers")
    eps = float(np.finfo(arr.dtype).eps) if arr.dtype.kind == "f" else EPS64
    arr = np.array(arr, dtype=np.float64, order="C")   # a private copy, rows first (as every pairing reads)
    if not np.all(np.isfinite(arr)):
        raise Refused(f"{what} has non-finite entries (nan or inf)")
    return arr, max(eps, EPS64)


def same_shape(got: tuple, want: tuple) -> bool:
    """Equal shapes, or a 1-D array standing for a column or row vector of the same length.

    A row (1, n) for a column variable (n, 1) is *not* accepted: that is numerator layout.
    """
    if got == want:
        return True
    if len(got) == 1 and len(want) == 2:
        return 1 in want and got[0] == want[0] * want[1]
    if len(want) == 1 and len(got) == 2:
        return got == (want[0], 1)
    return False


def shape_diagnosis(what: str, got: tuple, want: tuple, transposed_means: str) -> str:
    text = f"{what} has shape {got} but must have shape {want}"
    if len(want) == 2 and got == want[::-1] or len(want) == 1 and got == (1, want[0]):
        text += f": it is the transpose ({transposed_means})"
    return text
