"""Evaluate a parsed formula at given matrices, and find its shape without computing it.

Every value is a 2-D float array (a number is 1×1, a vector a column).  The operations are the
small set the parser produces; their meaning is fixed here and in
``docs/_static/lookup/evaluator.js``, which computes the same numbers in the browser
(``tests/test_lookup.py`` checks that the two agree):

- ``mul``: a matrix product, or a product by a number when either side is 1×1;
- ``had`` (∘) multiplies matrices of one shape entry by entry; ``emul`` (NumPy's ``*``) also lets
  either side be a number; ``div`` divides by a number; ``kron`` is ⊗ of two matrices (not of a
  number: ``A ⊗ c`` is not what anyone means by ⊗, and would match cA);
- ``pow``: a power of a number, or an integer power of a square matrix (negative: of its inverse);
- ``log``, ``exp``, ``sqrt``, ``abs``, ``tanh``, ``sigmoid`` act entrywise; ``softmax`` on a column,
  row by row on a matrix (the handbook's convention);
- ``diag`` makes a diagonal matrix of a vector, or the column of a square matrix's diagonal;
  ``vec`` stacks columns; ``normF``, ``norm2`` (spectral) and ``nuclear`` are the norms;
- ``eye`` (I) takes its size from what it meets (I + X, I X); where nothing says (I ⊗ X), the
  caller gives the size.
"""

from __future__ import annotations

import numpy as np

__all__ = ["EvalError", "NeedSize", "evaluate", "shape_of"]


class EvalError(ValueError):
    """The formula has no value at these inputs (shapes that do not fit, a singular matrix, …)."""


class NeedSize(EvalError):
    """An identity matrix I whose size nothing in the formula fixes; the caller must give one."""


class _Eye:
    """I before its size is known."""


EYE = _Eye()
_ENTRYWISE = {"log", "exp", "sqrt", "abs", "tanh", "sigmoid"}


# -- shapes --------------------------------------------------------------------------------------
def shape_of(node, shapes: dict, eye: int | None = None):
    """The shape (rows, cols) of *node* when its symbols have *shapes*; EvalError if they do not fit.
    ``EYE`` stands for an I whose size is still open."""
    op = node[0]
    if op == "num" or op == "str":
        return (1, 1)
    if op in ("sym", "dsym"):
        key = node[1] if op == "sym" else "d:" + node[1]
        if key not in shapes:
            raise EvalError(f"no value for {node[1]}")
        return shapes[key]
    if op == "eye":
        return (eye, eye) if eye else EYE
    a = shape_of(node[1], shapes, eye)
    if op in ("add", "sub", "had", "emul"):
        b = shape_of(node[2], shapes, eye)
        if a is EYE:
            a, b = b, a
        if b is EYE:
            if a is EYE:
                return EYE
            if a[0] != a[1]:
                raise EvalError("I added to a matrix that is not square")
            return a
        if op == "emul" and (a == (1, 1) or b == (1, 1)):
            return b if a == (1, 1) else a
        if a != b:
            raise EvalError("shapes differ")
        return a
    if op == "mul":
        b = shape_of(node[2], shapes, eye)
        if a is EYE:
            return b
        if b is EYE:
            return a
        if a == (1, 1):
            return b
        if b == (1, 1):
            return a
        if a[1] != b[0]:
            raise EvalError("shapes do not fit a product")
        return (a[0], b[1])
    if op == "div":
        b = shape_of(node[2], shapes, eye)
        if b != (1, 1) or a is EYE:
            raise EvalError("division by a matrix")
        return a
    if op == "kron":
        b = shape_of(node[2], shapes, eye)
        if a is EYE or b is EYE:
            raise NeedSize("the size of I")
        if a == (1, 1) or b == (1, 1):
            raise EvalError("a Kronecker product with a number")
        return (a[0] * b[0], a[1] * b[1])
    if a is EYE:
        if op in ("neg", "T", "inv", "pinv", "pow"):
            return EYE
        raise NeedSize("the size of I")
    if op == "neg" or op in _ENTRYWISE or op == "softmax":
        return a
    if op == "T":
        return (a[1], a[0])
    if op == "pinv":
        return (a[1], a[0])
    if op in ("inv", "det", "tr"):
        if a[0] != a[1]:
            raise EvalError(f"{op} of a matrix that is not square")
        return a if op == "inv" else (1, 1)
    if op == "pow":
        if shape_of(node[2], shapes, eye) != (1, 1):
            raise EvalError("a matrix exponent")
        if a != (1, 1) and a[0] != a[1]:
            raise EvalError("a power of a matrix that is not square")
        return a
    if op == "diag":
        if a[1] == 1:
            return (a[0], a[0])
        if a[0] == 1:
            return (a[1], a[1])
        if a[0] != a[1]:
            raise EvalError("diag of a matrix that is not square")
        return (a[0], 1)
    if op == "vec":
        return (a[0] * a[1], 1)
    if op in ("normF", "norm2", "nuclear", "sum"):
        return (1, 1)
    raise EvalError(f"unknown operation {op}")


# -- values --------------------------------------------------------------------------------------
def evaluate(node, env: dict, eye: int | None = None) -> np.ndarray:
    """The value of *node* with its symbols bound in *env* (name -> 2-D array; the differential dX
    under ``"d:X"``)."""
    value = _value(node, env, eye)
    if value is EYE:
        raise NeedSize("the size of I")
    return value


def _square(a):
    if a.shape[0] != a.shape[1]:
        raise EvalError("a matrix that is not square")
    return a


def _inverse(a):
    _square(a)
    if not np.all(np.isfinite(a)):
        raise EvalError("not finite")
    if abs(np.linalg.det(a)) < 1e-300 or np.linalg.cond(a) > 1e12:
        raise EvalError("a singular matrix")
    return np.linalg.inv(a)


def _eye_like(a):
    _square(a)
    return np.eye(a.shape[0])


def _value(node, env, eye):
    op = node[0]
    if op == "num":
        return np.array([[float(node[1])]])
    if op in ("sym", "dsym"):
        key = node[1] if op == "sym" else "d:" + node[1]
        if key not in env:
            raise EvalError(f"no value for {node[1]}")
        return env[key]
    if op == "eye":
        return np.eye(eye) if eye else EYE
    if op == "str":
        raise EvalError("a string is not a value")
    a = _value(node[1], env, eye)
    if op in ("add", "sub", "had", "emul", "mul", "div", "kron"):
        b = _value(node[2], env, eye)
        if op in ("add", "sub", "had", "emul"):
            if a is EYE and b is EYE:
                return EYE
            if a is EYE:
                a = _eye_like(b)
            if b is EYE:
                b = _eye_like(a)
            if op in ("had", "emul"):
                if a.shape == b.shape or (op == "emul" and (a.shape == (1, 1) or b.shape == (1, 1))):
                    return a * b
                raise EvalError("shapes differ")
            if a.shape != b.shape:
                raise EvalError("shapes differ")
            return a + b if op == "add" else a - b
        if op == "mul":
            if a is EYE:
                return b
            if b is EYE:
                return a
            if a.shape == (1, 1) or b.shape == (1, 1):
                return a * b
            if a.shape[1] != b.shape[0]:
                raise EvalError("shapes do not fit a product")
            return a @ b
        if op == "div":
            if a is EYE or b is EYE or b.shape != (1, 1):
                raise EvalError("division by a matrix")
            if b[0, 0] == 0:
                raise EvalError("division by zero")
            return a / b[0, 0]
        if a is EYE or b is EYE:
            raise NeedSize("the size of I")
        if a.shape == (1, 1) or b.shape == (1, 1):
            raise EvalError("a Kronecker product with a number")
        return np.kron(a, b)
    if a is EYE:
        if op in ("neg",):
            raise NeedSize("the size of I")
        if op in ("T", "inv", "pinv"):
            return EYE
        raise NeedSize("the size of I")
    if op == "neg":
        return -a
    if op == "T":
        return a.T
    if op == "inv":
        return _inverse(a)
    if op == "pinv":
        if a.shape[0] >= a.shape[1]:
            return _inverse(a.T @ a) @ a.T
        return a.T @ _inverse(a @ a.T)
    if op == "tr":
        return np.array([[np.trace(_square(a))]])
    if op == "det":
        return np.array([[np.linalg.det(_square(a))]])
    if op == "pow":
        e = _value(node[2], env, eye)
        if e is EYE or e.shape != (1, 1):
            raise EvalError("a matrix exponent")
        k = float(e[0, 0])
        if a.shape == (1, 1):
            if a[0, 0] < 0 and not k.is_integer():
                raise EvalError("a fractional power of a negative number")
            if a[0, 0] == 0 and k < 0:
                raise EvalError("division by zero")
            return np.array([[a[0, 0] ** k]])
        if not k.is_integer() or abs(k) > 64:
            raise EvalError("a non-integer power of a matrix")
        base = _inverse(a) if k < 0 else _square(a)
        out = np.eye(a.shape[0])
        for _ in range(int(abs(k))):
            out = out @ base
        return out
    if op == "log":
        if np.any(a <= 0):
            raise EvalError("the log of a number that is not positive")
        return np.log(a)
    if op == "sqrt":
        if np.any(a < 0):
            raise EvalError("the square root of a negative number")
        return np.sqrt(a)
    if op == "exp":
        if np.any(a > 700):
            raise EvalError("overflow")
        return np.exp(a)
    if op == "abs":
        return np.abs(a)
    if op == "tanh":
        return np.tanh(a)
    if op == "sigmoid":
        return 1.0 / (1.0 + np.exp(-np.clip(a, -700, 700)))
    if op == "softmax":
        rows = a.T if a.shape[1] == 1 else a
        e = np.exp(rows - rows.max(axis=1, keepdims=True))
        out = e / e.sum(axis=1, keepdims=True)
        return out.T if a.shape[1] == 1 else out
    if op == "diag":
        if a.shape[1] == 1 or a.shape[0] == 1:
            return np.diag(a.reshape(-1))
        return np.diag(_square(a)).reshape(-1, 1).copy()
    if op == "vec":
        return a.reshape(-1, 1, order="F").copy()
    if op == "sum":
        return np.array([[a.sum()]])
    if op == "normF":
        return np.array([[np.sqrt((a * a).sum())]])
    if op in ("norm2", "nuclear"):
        gram = a.T @ a if a.shape[0] >= a.shape[1] else a @ a.T
        s = np.sqrt(np.clip(np.linalg.eigvalsh(gram), 0, None))
        return np.array([[s.max() if op == "norm2" else s.sum()]])
    raise EvalError(f"unknown operation {op}")
