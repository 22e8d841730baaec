"""Turn a matrix expression into copy-ready NumPy source and the function that source defines.

The text shown on a page and the function the checker calls are the same string, executed once.
The same expression prints as JAX and PyTorch source too (:func:`function_source`), for the pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import sympy as sp

from .nodes import named_parts, unname
from .printing import NUMPY, Backend, backend_of, code, code_name, helpers_used
from .symbols import DIMS

__all__ = ["Compiled", "compile_expr", "function_source", "numeric_dimensions"]


@dataclass(frozen=True)
class Compiled:
    """A function printed from an expression: its name, parameters, full source and the callable."""

    name: str
    params: tuple[str, ...]
    source: str
    fn: Callable[..., np.ndarray]

    def __call__(self, *args):
        return self.fn(*args)


def numeric_dimensions(expr) -> set[sp.Symbol]:
    """Dimension symbols the expression uses as numbers (√d, I_n, 𝟏ₘ), not merely as shapes.

    A node printed as another expression (an entrywise derivative printed as 𝟏 − H ⊙ H) names that
    expression ``expansion``; its dimensions are read from there, since that is what the code holds."""
    if isinstance(expr, sp.MatrixSymbol):
        return set()
    if isinstance(expr, sp.Symbol):
        return {expr} if expr.name in DIMS and expr == DIMS[expr.name] else set()
    found: set[sp.Symbol] = set()
    for arg in (expr.expansion,) if hasattr(expr, "expansion") else getattr(expr, "args", ()):
        if isinstance(arg, sp.Basic):
            found |= numeric_dimensions(arg)
    return found


def _dimension_bindings(expr, params: tuple[sp.MatrixSymbol, ...]) -> list[str]:
    """Lines such as ``n, k = X.shape`` for every dimension the expression uses as a number."""
    wanted = numeric_dimensions(expr)
    clash = sorted(s.name for s in wanted if s.name in {p.name for p in params})
    if clash:
        raise ValueError(f"the symbol names {clash} are also dimensions used as numbers in {expr}; rename the symbols")
    lines = []
    for param in params:
        if not wanted:
            break
        if not isinstance(param, sp.MatrixSymbol):  # a scalar has no shape to read sizes from
            continue
        rows, cols = param.shape
        here = [s if s in wanted else None for s in (rows, cols)]
        if rows == cols and here[0] is not None:
            here[1] = None
        if any(here):
            names = ", ".join(str(s) if s is not None else "_" for s in here)
            lines.append(f"{names} = {code_name(param.name)}.shape")
            wanted -= {s for s in here if s is not None}
    if wanted:
        raise ValueError(f"dimensions {sorted(map(str, wanted))} of {expr} appear in no parameter's shape")
    return lines


def function_source(expr, params: tuple[sp.MatrixSymbol, ...], name: str, backend: str | Backend = NUMPY) -> str:
    """The source of ``def name(*params)`` computing *expr* in *backend*'s library ("numpy", "jax",
    "torch"), with the import lines and the helper functions it calls above it.

    A tuple of expressions gives a function returning a tuple (a function with several outputs);
    the named parts they share are computed once.  A construct the backend has no equivalent of
    raises :class:`~.printing.CodeUnavailable`.
    """
    backend = backend_of(backend)
    exprs = tuple(expr) if isinstance(expr, tuple) else (expr,)
    assignments, hoisted, helpers = [], frozenset(), frozenset()
    taken = {p.name for p in params}
    for part in named_parts(sp.Tuple(*exprs)):
        if part.name in taken:
            raise ValueError(f"the named sub-expression {part.name!r} clashes with a parameter or another name")
        text, used = code(part.expr, backend, hoisted)
        assignments.append(f"{code_name(part.name)} = {text}")
        hoisted, helpers, taken = hoisted | {part.name}, helpers | used, taken | {part.name}
    bodies = []
    for e in exprs:
        body, used = code(e, backend, hoisted)
        bodies.append(body)
        helpers = helpers | used
    lines = []
    helper_text = helpers_used(helpers, backend)
    if helper_text:
        lines += [helper_text.rstrip("\n"), "", ""]
    lines.append(f"def {name}({', '.join(code_name(p.name) for p in params)}):")
    lines += ["    " + line for line in _dimension_bindings(unname(sp.Tuple(*exprs)), params)]
    lines += ["    " + line for line in assignments]
    lines.append(f"    return {', '.join(bodies)}")
    body = "\n".join(lines) + "\n"
    return f"{backend.opening(body)}\n\n\n{body}"


def compile_expr(expr, params: tuple[sp.MatrixSymbol, ...], name: str) -> Compiled:
    """Print *expr* as ``def name(*params)`` in NumPy and execute that text to get the function.

    A tuple of expressions gives a function returning a tuple (a function with several outputs);
    the named parts they share are computed once.
    """
    source = function_source(expr, params, name)
    namespace: dict[str, object] = {}
    exec(compile(source, f"<{name}>", "exec"), namespace)
    return Compiled(name, tuple(p.name for p in params), source, namespace[name])
