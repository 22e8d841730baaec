"""What the caller passed: validated up front (one sentence per refusal), and copied so that no call
ever receives the caller's own objects."""

from __future__ import annotations

import copy
import math
from typing import Any

import numpy as np

from ..structures import CONVENTIONS, STRUCTURES, Structure

__all__ = ["Refused", "numbers", "callable_of", "seed_of", "timeout_of", "vec_of", "positions_of", "arguments_of",
           "structures_of", "convention_of", "fresh", "same", "claimed_array", "same_shape", "shape_diagnosis",
           "describe"]

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


def _variable(arg, i: int, name: str, complex_ok: bool) -> np.ndarray:
    """A differentiated argument as a private float64 array (complex128 where *complex_ok* and the
    argument is complex)."""
    if arg is None or isinstance(arg, (str, bytes, dict, set)):
        raise TypeError(f"{name}: argument {i} is differentiated, so it must be a real number or array, "
                        f"not {describe(arg)}")
    try:
        arr = np.array(arg)
    except ValueError:
        raise TypeError(f"{name}: argument {i} is differentiated, so it must be a real number or array; "
                        "it is a ragged sequence") from None
    if arr.dtype.kind == "c" and not complex_ok:
        raise TypeError(f"{name}: argument {i} is complex; complex variables are checked by check_gradient, "
                        "check_differential and check_vjp (or pass the real and imaginary parts as separate real "
                        "arguments)")
    if arr.dtype.kind not in "biufc":
        raise TypeError(f"{name}: argument {i} is differentiated, so it must be a real array, not an array "
                        f"of dtype {arr.dtype}")
    dtype = np.complex128 if arr.dtype.kind == "c" else np.float64
    arr = np.array(arr, dtype=dtype, order="C")   # a private copy, rows first (as every pairing reads)
    if arr.size == 0:
        raise ValueError(f"{name}: argument {i} is empty; there is nothing to differentiate")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name}: argument {i} has non-finite entries (nan or inf); pass a finite point")
    return arr


def structures_of(structure, positions: tuple[int, ...], args: list, name: str) -> tuple[Structure | None, ...]:
    """The structure of each differentiated argument: ``structure`` is one name for a single ``wrt``
    (or None), or a tuple with one name (or None) per position in ``wrt``; each structured argument
    must be a real square matrix lying in its structure."""
    if structure is None:
        return (None,) * len(positions)
    names = structure if isinstance(structure, (tuple, list)) else (structure,)
    if len(names) != len(positions):
        raise ValueError(f"{name}: structure={structure!r} gives {len(names)} structure(s) for {len(positions)} "
                         "differentiated argument(s); give one name (or None) per position in wrt")
    out = []
    for p, s in zip(positions, names):
        if s is None:
            out.append(None)
            continue
        if s not in STRUCTURES:
            raise ValueError(f"{name}: structure={s!r} is not a known structure; known: {', '.join(STRUCTURES)}")
        S, arg = STRUCTURES[s], args[p]
        if np.iscomplexobj(arg) or np.ndim(arg) != 2 or arg.shape[0] != arg.shape[1]:
            raise ValueError(f"{name}: argument {p} has structure {s!r}, so it must be a real square matrix, not "
                             f"{describe(arg)} of shape {np.shape(arg)}")
        if not S.contains(arg):
            raise ValueError(f"{name}: argument {p} is not {s}, but structure={s!r} says it is; pass a point inside "
                             "the structure")
        out.append(S)
    return tuple(out)


def convention_of(convention, structures: tuple, name: str, takes_convention: bool) -> str | None:
    """The convention of a gradient or VJP with respect to a structured variable: required there,
    refused elsewhere."""
    structured = [S for S in structures if S is not None]
    if not takes_convention:
        return None
    if convention is not None and convention not in CONVENTIONS:
        raise ValueError(f"{name}: convention={convention!r} must be 'sym' or 'free'")
    if structured and convention is None:
        raise ValueError(f"{name}: a {structured[0].name} variable has two published gradients; say which is claimed: "
                         + " or ".join(f"convention={k!r} ({w})" for k, w in CONVENTIONS.items()))
    if convention is not None and not structured:
        raise ValueError(f"{name}: convention={convention!r} applies to a structured variable; pass structure= too")
    return convention


def fresh(value):
    """A private copy: arrays are copied, containers and other objects deep-copied, immutable
    scalars passed as they are."""
    if isinstance(value, np.ndarray):
        return value.copy()
    if value is None or isinstance(value, (bool, int, float, complex, str, bytes, np.generic)):
        return value
    return copy.deepcopy(value)


def arguments_of(args: tuple, positions: tuple[int, ...], name: str, complex_ok: bool = False) -> list:
    """Private copies of the arguments, the differentiated ones as float64 arrays — complex128 for a
    complex variable where *complex_ok* (other arguments keep their type: integer labels stay
    integers)."""
    if not args:
        raise TypeError(f"{name} needs the point to check at: pass the arrays after the functions")
    out = []
    for i, arg in enumerate(args):
        if i in positions:
            out.append(_variable(arg, i, name, complex_ok))
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


def numbers(value) -> np.ndarray | None:
    """*value* as an array of numbers, or None when it is not one (None, text, a ragged sequence)."""
    try:
        arr = np.asarray(value)
    except ValueError:
        return None
    return arr if value is not None and arr.dtype.kind in "biufc" else None


def claimed_array(value, what: str, complex_ok: bool = False) -> tuple[np.ndarray, float]:
    """The user's derivative as a float64 array (complex128 where *complex_ok*: a complex variable,
    or a complex output), and the precision it was computed in.

    Not an array of numbers at all (None, text, a dict) is a usage error (TypeError); complex values
    where the derivative is real, or non-finite values, are a wrong answer (Refused, so the check
    fails naming it).
    """
    if value is None or isinstance(value, (str, bytes, dict, set)):
        raise TypeError(f"{what} returned {describe(value)}; it must return an array of real numbers"
                        + (" (is a return statement missing?)" if value is None else ""))
    try:
        arr = np.asarray(value)
    except ValueError:
        raise TypeError(f"{what} returned a ragged sequence; it must return an array of real numbers") from None
    if arr.dtype.kind == "c" and not complex_ok:
        raise Refused(f"{what} is complex-valued; a derivative of a real function of real arrays is real")
    if arr.dtype.kind not in "biufc":
        raise TypeError(f"{what} returned an array of dtype {arr.dtype}; it must return an array of real numbers")
    eps = float(np.finfo(arr.dtype).eps) if arr.dtype.kind in "fc" else EPS64
    dtype = np.complex128 if arr.dtype.kind == "c" else np.float64
    arr = np.array(arr, dtype=dtype, order="C")   # a private copy, rows first (as every pairing reads)
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
