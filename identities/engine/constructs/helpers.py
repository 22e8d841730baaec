"""The NumPy functions of :mod:`.factorization_code`, registered as helpers of the printed code, and
the one printing pattern most factorization nodes share: a function call, name(argument).

Each function is registered under its own name with its own source text, so the code on a page is
the code that runs; the functions a helper calls in turn are printed with it (see
:func:`..printing.helpers_used`).
"""

from __future__ import annotations

import inspect

from ..printing import NUMPY_HELPERS, numpy_helper, print_rule
from . import factorization_code

__all__ = ["calls", "numpy_call", "print_as_call"]

for _name in factorization_code.__all__:
    numpy_helper(_name, inspect.getsource(getattr(factorization_code, _name)))


def calls(printer, name: str, code: str) -> str:
    """*code*, a call of the helper *name*, after noting that the printed code needs that helper."""
    printer.helpers.add(name)
    return code


def numpy_call(code_name: str):
    """The NumPy rule printing a node of one argument as code_name(A): a NumPy function (``np.tril``)
    or a registered helper, which the code then carries."""
    def code(printer, expr):
        text = f"{code_name}({printer._print(expr.arg)})"
        return calls(printer, code_name, text) if code_name in NUMPY_HELPERS else text
    return code


def print_as_call(cls: type, latex_name: str, unicode_name: str, code_name: str) -> type:
    """Print a node of one argument as latex_name(A), unicode_name(A) and, in NumPy, code_name(A)."""
    return print_rule(cls, latex=lambda p, e: r"%s\left(%s\right)" % (latex_name, p._print(e.arg)),
                      unicode=lambda p, e: f"{unicode_name}({p._print(e.arg)})", numpy=numpy_call(code_name))
