"""Matrix-expression nodes that SymPy lacks, each printable to LaTeX, Unicode and NumPy.

They keep formulas that SymPy cannot write (row-wise softmax, vec, row sums) inside one
expression, so the page and the code still come from a single source.

Each node declares its ``precedence`` the way SymPy's printers read it
(:func:`sympy.printing.precedence.precedence` looks at the node's own attribute first), so
parentheses follow from one declaration per node: a node printed as a function call, softmax(S),
never needs them; a juxtaposition such as dX or M𝟏 needs them under a transpose, (dX)ᵀ, but not
as a factor of a product, A dX B.
"""

from __future__ import annotations

import sympy as sp
from sympy.core.symbol import Str
from sympy.matrices.expressions.diagonal import DiagMatrix as _SympyDiagMatrix
from sympy.matrices.expressions.matexpr import MatrixExpr
from sympy.printing.precedence import PRECEDENCE

__all__ = ["SoftmaxRows", "Softmax", "Vec", "RowSums", "Ones", "DiagMatrix", "Named", "Differential", "Cotangent",
           "ScalarConstant", "named_parts", "unname", "FUNCTION_CALL", "JUXTAPOSED"]

#: Precedence of a node printed as a function call: softmax(S), vec(X), diag(p).
FUNCTION_CALL = PRECEDENCE["Func"]
#: Precedence of a juxtaposition read as one factor (dX, M𝟏): tighter than a product, looser
#: than a transpose or an inverse.
JUXTAPOSED = PRECEDENCE["Mul"] + 1


class Differential(sp.MatrixSymbol):
    """The perturbation dX of a matrix symbol X: a symbol of its own, with X's shape.

    Printed \\mathrm{d}X and dX; in code it is the parameter ``dX``.  Being a node rather than a
    naming habit, a matrix that merely has a name starting with "d" (``delta``) is never read
    as a differential.
    """

    precedence = JUXTAPOSED

    def __new__(cls, of):
        if not isinstance(of, sp.MatrixSymbol):
            raise TypeError(f"a differential is taken of a matrix symbol, not of {of!r}")
        return sp.Basic.__new__(cls, of)

    @property
    def of(self) -> sp.MatrixSymbol:
        """The symbol being perturbed."""
        return self.args[0]

    @property
    def name(self) -> str:
        """The parameter name of the perturbation in generated code."""
        return "d" + self.of.name

    @property
    def shape(self):
        return self.of.shape

    # SymPy's LaTeX and str printers already dispatch a class called Differential (differential
    # geometry's), so this node prints itself in both, for any printer derived from them.
    def _latex(self, printer):
        return r"\mathrm{d}" + printer._print(self.of)

    def _sympystr(self, printer):
        return "d" + printer._print(self.of)


class Cotangent(sp.MatrixSymbol):
    """The upstream gradient Ȳ = ∇_Y L of an output called Y: a symbol of Y's shape.

    Printed \\bar{Y} and Ȳ; in code it is the parameter ``Ybar``.
    """

    precedence = PRECEDENCE["Atom"]

    def __new__(cls, of, rows, cols):
        of = getattr(of, "name", of)  # SymPy rebuilds nodes from their args, where the name is a Str
        if not isinstance(of, str) or not of.isidentifier():
            raise ValueError(f"a cotangent is named after an output with an identifier name, not {of!r}")
        return sp.Basic.__new__(cls, Str(of), sp.sympify(rows), sp.sympify(cols))

    @property
    def of(self) -> str:
        """The name of the output whose cotangent this is."""
        return self.args[0].name

    @property
    def name(self) -> str:
        """The parameter name of the cotangent in generated code."""
        return self.of + "bar"


class ScalarConstant(sp.Expr):
    """A named scalar constant that is sampled, never differentiated: the integer k of Xᵏ, a stabiliser ε.

    It carries the values the sampler picks from; formulas print its name (k, ε) and generated code
    takes it as a parameter, passed as a Python int (every value an int) or float.  It is
    integer-valued exactly when every value is an int, so Xᵏ is a matrix power and X^ε is refused.
    """

    is_commutative = True
    is_real = True
    is_finite = True
    precedence = PRECEDENCE["Atom"]

    def __new__(cls, name, values):
        name = getattr(name, "name", name)  # SymPy rebuilds nodes from their args, where the name is a Str
        if not isinstance(name, str) or not name.isidentifier():
            raise ValueError(f"a constant needs a Python identifier as its name, not {name!r}")
        numbers = tuple(sp.sympify(v) for v in values)
        if not numbers or not all(v.is_Integer or v.is_Float for v in numbers) or not all(v.is_finite for v in numbers):
            raise ValueError(f"constant {name}: give the sampler one or more finite numbers, not {tuple(values)!r}")
        return super().__new__(cls, Str(name), sp.Tuple(*numbers))

    @property
    def name(self) -> str:
        """The name of the constant, and of its parameter in generated code."""
        return self.args[0].name

    @property
    def values(self) -> tuple:
        """The values the sampler picks from, as Python ints (an integer constant) or floats."""
        return tuple(int(v) if v.is_Integer else float(v) for v in self.args[1])

    def _for_all_values(self, test):
        """True if *test* holds for every value, False if for none, None (unknown) otherwise."""
        results = [bool(test(v)) for v in self.args[1]]
        return True if all(results) else False if not any(results) else None

    def _eval_is_integer(self):
        return self._for_all_values(lambda v: v.is_Integer)

    def _eval_is_positive(self):
        return self._for_all_values(lambda v: v > 0)


class _OfOneMatrix(MatrixExpr):
    """A node applied to one matrix expression, of the same shape unless it says otherwise."""

    precedence = FUNCTION_CALL

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

    precedence = FUNCTION_CALL

    def __new__(cls, arg, order: str = "F"):
        order = getattr(order, "name", order)  # SymPy rebuilds nodes from args, where order is a Str
        if order not in ("F", "C"):
            raise ValueError(f"vec order must be 'F' (columns) or 'C' (rows), not {order!r}")
        return super().__new__(cls, sp.sympify(arg), Str(order))

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

    precedence = JUXTAPOSED

    @property
    def shape(self):
        return (self.arg.shape[0], sp.Integer(1))


class Ones(MatrixExpr):
    """The all-ones matrix 𝟏 of a given shape (used as 𝟏ᵀ to broadcast a column across a row)."""

    def __new__(cls, rows, cols):
        return super().__new__(cls, sp.sympify(rows), sp.sympify(cols))

    @property
    def precedence(self):
        return PRECEDENCE["Pow"] if self.args[0] == 1 else PRECEDENCE["Atom"]  # a row prints as 𝟏ᵀ

    @property
    def shape(self):
        return (self.args[0], self.args[1])

    def _eval_transpose(self):
        return Ones(self.args[1], self.args[0])


class DiagMatrix(_SympyDiagMatrix):
    """diag(x): the square matrix with the column x on its diagonal (SymPy's node, printed as a call)."""

    precedence = FUNCTION_CALL


class Named(MatrixExpr):
    """A sub-expression with a short name for display: the page shows P, the code computes it once.

    ``Named("P", softmax(QKᵀ/√d))`` prints as P in LaTeX and Unicode (its definition is listed
    beside the formula), and as an assignment ``P = …`` at the top of the generated NumPy function.
    It is the same object wherever it is used, so the formula and the code still have one source.
    The label may also be a :class:`Cotangent` (a named upstream gradient, shown as P̄).
    """

    precedence = PRECEDENCE["Atom"]

    def __new__(cls, label, expr):
        expr = sp.sympify(expr)
        if not isinstance(label, Cotangent):
            label = getattr(label, "name", label)
            if not isinstance(label, str) or not label.isidentifier():
                raise ValueError(f"a named sub-expression needs a Python identifier as its name, not {label!r}")
            label = Str(label)
        return super().__new__(cls, label, expr)

    @property
    def name(self) -> str:
        """The variable the generated code assigns."""
        return self.args[0].name

    @property
    def symbol(self) -> sp.MatrixSymbol:
        """What the formulas show in place of the expression."""
        label = self.args[0]
        return label if isinstance(label, Cotangent) else sp.MatrixSymbol(label.name, *self.shape)

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
