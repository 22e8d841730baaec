"""The NumPy functions of :mod:`.factorization_code`, registered as helpers of the printed code, and
the one printing pattern most factorization nodes share: a function call, name(argument).

Each function is registered under its own name with its own source text, so the code on a page is
the code that runs; the functions a helper calls in turn are printed with it (see
:func:`..printing.helpers_used`).
"""

from __future__ import annotations

import inspect

from ..printing import numpy_helper, print_rule
from . import factorization_code

__all__ = ["calls", "numpy_call", "print_as_call"]

for _name in factorization_code.__all__:
    numpy_helper(_name, inspect.getsource(getattr(factorization_code, _name)))


def calls(printer, name: str, code: str) -> str:
    """*code*, a call of the helper *name*, after noting that the printed code needs that helper."""
    printer.helpers.add(name)
    return code


def numpy_call(code_name: str):
    """The code rule printing a node of one argument as a call of operation *code_name*: a NumPy
    function (``"tril"`` is ``np.tril``) or a registered helper, which the code then carries; in JAX
    and PyTorch, the operation as that backend spells it."""
    return lambda printer, expr: printer.call(code_name, expr.arg)


def print_as_call(cls: type, latex_name: str, unicode_name: str, code_name: str) -> type:
    """Print a node of one argument as latex_name(A), unicode_name(A) and, in code, operation code_name(A)."""
    return print_rule(cls, latex=lambda p, e: r"%s\left(%s\right)" % (latex_name, p._print(e.arg)),
                      unicode=lambda p, e: f"{unicode_name}({p._print(e.arg)})", numpy=numpy_call(code_name))
