"""Matrix-expression nodes that SymPy lacks, each printable to LaTeX, Unicode and NumPy.

They keep formulas that SymPy cannot write (row-wise softmax, vec, row sums) inside one
expression, so the page and the code still come from a single source.
"""

from __future__ import annotations

import sympy as sp
from sympy.core.symbol import Str
from sympy.matrices.expressions.matexpr import MatrixExpr

__all__ = ["SoftmaxRows", "Softmax", "Vec", "RowSums", "Ones", "Named", "named_parts", "unname"]


class _OfOneMatrix(MatrixExpr):
    """A node applied to one matrix expression, of the same shape unless it says otherwise."""

    def __new__(cls, arg):
        return super().__new__(cls, sp.sympify(arg))

    @property
    def arg(self):
        return self.args[0]

    @property
    def shape(self):
        return self.arg.shape


class SoftmaxRows(_OfOneMatrix):
    """softmax applied to each row of a matrix: P_ij = exp(S_ij) / Σ_k exp(S_ik)."""


class Softmax(_OfOneMatrix):
    """softmax of a column vector: pᵢ = exp(xᵢ) / Σₖ exp(xₖ)."""

    def __new__(cls, arg):
        arg = sp.sympify(arg)
        if arg.shape[1] != 1:
            raise ValueError(f"Softmax takes a column vector; use SoftmaxRows for the rows of {arg}")
        return super().__new__(cls, arg)


class Vec(MatrixExpr):
    """vec(X): stack the columns of X (order "F") or its rows (order "C") into one column."""

    def __new__(cls, arg, order: str = "F"):
        order = getattr(order, "name", order)  # SymPy rebuilds nodes from args, where order is a Symbol
        if order not in ("F", "C"):
            raise ValueError(f"vec order must be 'F' (columns) or 'C' (rows), not {order!r}")
        return super().__new__(cls, sp.sympify(arg), sp.Symbol(order))

    @property
    def arg(self):
        return self.args[0]

    @property
    def order(self) -> str:
        return self.args[1].name

    @property
    def shape(self):
        rows, cols = self.arg.shape
        return (rows * cols, sp.Integer(1))


class RowSums(_OfOneMatrix):
    """The column of row sums M·1 of a matrix M."""

    @property
    def shape(self):
        return (self.arg.shape[0], sp.Integer(1))


class Ones(MatrixExpr):
    """The all-ones matrix 𝟏 of a given shape (used as 𝟏ᵀ to broadcast a column across a row)."""

    def __new__(cls, rows, cols):
        return super().__new__(cls, sp.sympify(rows), sp.sympify(cols))

    @property
    def shape(self):
        return (self.args[0], self.args[1])

    def _eval_transpose(self):
        return Ones(self.args[1], self.args[0])


class Named(MatrixExpr):
    """A sub-expression with a short name for display: the page shows P, the code computes it once.

    ``Named("P", softmax(QKᵀ/√d))`` prints as P in LaTeX and Unicode (its definition is listed
    beside the formula), and as an assignment ``P = …`` at the top of the generated NumPy function.
    It is the same object wherever it is used, so the formula and the code still have one source.
    """

    def __new__(cls, name, expr):
        name = getattr(name, "name", name)
        if not isinstance(name, str) or not name.isidentifier():
            raise ValueError(f"a named sub-expression needs a Python identifier as its name, not {name!r}")
        return super().__new__(cls, Str(name), sp.sympify(expr))

    @property
    def name(self) -> str:
        return self.args[0].name

    @property
    def expr(self):
        return self.args[1]

    @property
    def shape(self):
        return self.expr.shape


def named_parts(expr) -> list[Named]:
    """The named sub-expressions of *expr*, each once, inner ones before the ones that use them."""
    found: list[Named] = []

    def walk(node):
        for arg in getattr(node, "args", ()):
            if isinstance(arg, sp.Basic):
                walk(arg)
        if isinstance(node, Named) and all(n.name != node.name for n in found):
            found.append(node)

    walk(expr)
    return found


def unname(expr):
    """*expr* with every named sub-expression written out in full."""
    if isinstance(expr, Named):
        return unname(expr.expr)
    if not getattr(expr, "args", ()) or isinstance(expr, (sp.MatrixSymbol, Str)):
        return expr
    return expr.func(*(unname(a) if isinstance(a, sp.Basic) else a for a in expr.args))
