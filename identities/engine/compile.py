"""Turn a matrix expression into copy-ready NumPy source and the function that source defines.

The text shown on a page and the function the checker calls are the same string, executed once.
"""

from __future__ import annotations

import re

from dataclasses import dataclass
from typing import Callable

import numpy as np
import sympy as sp

from .printing import helpers_used, numpy_code
from .symbols import DIMS

__all__ = ["Compiled", "compile_expr"]


@dataclass(frozen=True)
class Compiled:
    """A function printed from an expression: its name, parameters, full source and the callable."""

    name: str
    params: tuple[str, ...]
    source: str
    fn: Callable[..., np.ndarray]

    def __call__(self, *args):
        return self.fn(*args)


def _dimension_bindings(body: str, params: tuple[sp.MatrixSymbol, ...]) -> list[str]:
    """Lines such as ``n, k = X.shape`` for every dimension the printed body uses as a number."""
    wanted = {DIMS[name] for name in re.findall(r"\b([a-z])\b", body) if name in DIMS}
    lines = []
    for param in params:
        if not wanted:
            break
        rows, cols = param.shape
        here = [s if s in wanted else None for s in (rows, cols)]
        if any(here):
            names = ", ".join(str(s) if s is not None else "_" for s in here)
            lines.append(f"{names} = {param.name}.shape")
            wanted -= {s for s in here if s is not None}
    if wanted:
        raise ValueError(f"dimensions {sorted(map(str, wanted))} of {expr} appear in no parameter's shape")
    return lines


def compile_expr(expr: sp.Expr, params: tuple[sp.MatrixSymbol, ...], name: str) -> Compiled:
    """Print *expr* as ``def name(*params)`` in NumPy and execute that text to get the function."""
    body, helpers = numpy_code(expr)
    lines = ["import numpy as np", "", ""]
    helper_text = helpers_used(helpers)
    if helper_text:
        lines += [helper_text.rstrip("\n"), "", ""]
    lines.append(f"def {name}({', '.join(p.name for p in params)}):")
    lines += ["    " + line for line in _dimension_bindings(body, params)]
    lines.append(f"    return {body}")
    source = "\n".join(lines) + "\n"
    namespace: dict[str, object] = {}
    exec(compile(source, f"<{name}>", "exec"), namespace)
    return Compiled(name, tuple(p.name for p in params), source, namespace[name])
