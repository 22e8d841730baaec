"""Formulas SymPy builds but the catalog cannot state, found when an identity is defined.

SymPy accepts expressions that print wrong code or no code at all: its scalar ``exp`` applied to a
matrix prints the entrywise ``np.exp`` where a reader may mean the matrix exponential;
``x.applyfunc(exp)`` prints code that does not parse; ``MatPow(X, 1/2)`` and a matrix power with an
undeclared symbolic exponent print calls that fail; SymPy's ``DiagonalMatrix`` prints an unbound
size; indexing expands into sums no printer writes back.  :func:`refusal` walks an expression and
returns the sentence that says what is wrong and what to write instead, naming the house
construct, or None.  Last comes a closed check: every node must have a printing of its own in all
three house printers (see :func:`~identities.engine.printing.missing_printers`).

Construct modules name their replacements with :func:`alternative`, so the advice always names
builders that exist.
"""

from __future__ import annotations

import sympy as sp
from sympy.matrices.expressions.applyfunc import ElementwiseApplyFunction
from sympy.matrices.expressions.diagonal import DiagonalMatrix
from sympy.matrices.expressions.matexpr import MatrixElement

from .printing import missing_printers, unicode

__all__ = ["refusal", "alternative", "function_of_matrix", "ALTERNATIVES"]

#: What to write instead of SymPy's scalar function of a matrix, by the function's SymPy name.
ALTERNATIVES: dict[str, list[str]] = {}


def alternative(sympy_name: str, advice: str) -> None:
    """Record that SymPy's scalar *sympy_name* applied to a matrix should be written as *advice*
    (e.g. ``"exp_(X) for the entrywise exponential"``)."""
    advice_list = ALTERNATIVES.setdefault(sympy_name, [])
    if advice not in advice_list:
        advice_list.append(advice)


def _advice(name: str, arg) -> str:
    """'write A or B' for the construct names registered for *name*, applied to *arg* in the text."""
    options = [a.replace("(X)", f"({unicode(arg)})") for a in ALTERNATIVES.get(name, [])]
    if not options:
        return "write it with a construct of the engine (see the guide's constructs page)"
    return "write " + (options[0] if len(options) == 1 else ", ".join(options[:-1]) + " or " + options[-1])


def _shown(expr) -> str:
    """A short rendering of *expr* for a message; SymPy's own when the house printer cannot print it."""
    try:
        return unicode(expr)
    except Exception:  # noqa: BLE001 - a node no printer knows is exactly what is being reported
        return str(expr)


def _function_name(fn) -> str:
    """The SymPy name of the function inside ``applyfunc`` (exp for ``exp`` or ``Lambda(x, exp(x))``)."""
    if isinstance(fn, sp.Lambda) and isinstance(fn.expr, sp.Function):
        return type(fn.expr).__name__
    return getattr(fn, "__name__", str(fn))


def _matrix_power(node: sp.MatPow) -> str | None:
    base, exponent = node.args
    shown = _shown(base)
    if exponent.is_Number and not exponent.is_Integer:
        if exponent == sp.Rational(1, 2):
            return (f"the matrix power ({shown})^(1/2) has a non-integer exponent, and NumPy's matrix_power takes "
                    f"integers only: {_advice('sqrt', base)}")
        return (f"the matrix power ({shown})^({exponent}) has a non-integer exponent, and NumPy's matrix_power takes "
                "integers only: write an integer power, or the principal square root sqrtm(X)")
    stray = sorted(s.name for s in exponent.free_symbols)
    if stray:
        return (f"the exponent {exponent} of the matrix power ({shown})^({exponent}) uses the undeclared symbol(s) "
                f"{', '.join(stray)}: declare an integer exponent with integer('{stray[0]}', values=(2, 3, 4)) "
                "and list it among the symbols as a constant")
    if exponent.is_integer is not True:
        return (f"the exponent {exponent} of the matrix power ({shown})^({exponent}) is not an integer: "
                "only integer matrix powers are defined here (declare k with integer(...), not number(...))")
    return None


def function_of_matrix(name: str, arg) -> str:
    """The sentence refusing SymPy's scalar function *name* applied to the matrix *arg*."""
    return (f"{name}({_shown(arg)}) applies SymPy's scalar function {name} to a matrix; SymPy prints it entry by "
            f"entry (np.{name}) whatever the reader takes it for, and cannot multiply it with other matrices "
            f"(\"noncommutative scalars\"): {_advice(name, arg)}")


def _scalar_operation_on_matrix(node) -> str | None:
    """SymPy's scalar functions and operators applied to a matrix argument."""
    matrices = [a for a in node.args if getattr(a, "is_Matrix", False)]
    if not matrices:
        return None
    if isinstance(node, sp.Function):
        return function_of_matrix(type(node).__name__, matrices[0])
    return (f"SymPy's scalar {type(node).__name__} has the matrix {_shown(matrices[0])} as an operand: build matrix "
            "expressions with the matrix operations (MatMul, MatAdd, HadamardProduct, power(X, p) entrywise)")


def _node_refusal(node, dimensions) -> str | None:
    if isinstance(node, (MatrixElement, sp.Sum, sp.KroneckerDelta)):
        return (f"indexing into a matrix expression ({_shown(node)}) is not a formula of the catalog: SymPy expands "
                "it into sums of entries that print no matrix code; a 1×1 product such as cᵀc is a number already "
                "(write Trace(cᵀc) where a scalar is needed)")
    if isinstance(node, ElementwiseApplyFunction):
        name = _function_name(node.function)
        return (f"{_shown(node.expr)}.applyfunc({name}) builds SymPy's ElementwiseApplyFunction, whose NumPy code "
                f"does not run: {_advice(name, node.expr)}")
    if isinstance(node, DiagonalMatrix):
        return (f"SymPy's DiagonalMatrix({_shown(node.arg)}) prints NumPy code with an unbound size: write "
                f"HadamardProduct({_shown(node.arg)}, eye(...)) for its diagonal part, or DiagMatrix(x) for the matrix "
                "with a vector x on its diagonal")
    if isinstance(node, sp.MatPow):
        return _matrix_power(node)
    if isinstance(node, (sp.Function, sp.Pow, sp.Mul, sp.Add)) and not node.is_Matrix:  # MatMul is a Mul
        text = _scalar_operation_on_matrix(node)
        if text:
            return text
    if isinstance(node, sp.Symbol) and not isinstance(node, sp.Dummy) and node not in dimensions:
        return (f"the scalar {node.name} is not declared: declare a parameter that is differentiated with "
                f"scalar('{node.name}'), or a constant with integer('{node.name}', values=...) or "
                f"number('{node.name}', values=...), and list it among the symbols (a size used as a number, "
                "like the d of √d, must be a dimension of a declared matrix)")
    missing = missing_printers(node)
    if missing:
        return (f"{type(node).__name__} (in {_shown(node)}) has no {' or '.join(missing)} printing: every node of a "
                "formula must print as LaTeX, Unicode and NumPy (a construct registers all three with print_rule)")
    return None


def refusal(expr, dimensions=None) -> str | None:
    """Why *expr* cannot be a formula of the catalog (one sentence naming the construct), or None.

    *dimensions*: the dimension symbols of the identity's matrices and its declared scalar parameters,
    the only scalar symbols a formula may use; None skips that check (an expression on its own, not
    yet part of an identity)."""
    if not isinstance(expr, sp.Basic):
        return None
    for node in _distinct_nodes(expr):
        if isinstance(node, sp.Dummy) or dimensions is None and isinstance(node, sp.Symbol):
            continue
        text = _node_refusal(node, dimensions)
        if text:
            return text
    return None


def _distinct_nodes(expr):
    """The nodes of *expr*, outermost and leftmost first, each distinct subtree once (a named part
    used ten times is looked at once)."""
    seen, stack = set(), [expr]
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        yield node
        stack.extend(reversed([a for a in node.args if isinstance(a, sp.Basic)]))
