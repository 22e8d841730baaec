"""Parts of a matrix that factorization formulas are written with: the symmetric part, the triangles,
Φ (the lower triangle with half its diagonal), the diagonal as a vector, and one column.

Each node prints as a person writes it — sym(M), tril(M), Φ(M), diag(M), M_{:,1} — and carries its
classic mistakes: a forgotten sym(·), the full diagonal where Φ halves it, the upper triangle for the
lower, the last column for the first.
"""

from __future__ import annotations

import sympy as sp
from sympy.printing.precedence import PRECEDENCE

from ..mutants import mutation_rule
from ..nodes import _OfOneMatrix
from ..printing import print_rule, unicode
from .helpers import print_as_call

__all__ = ["Sym", "Tril", "Triu", "Phi", "DiagonalOf", "Column", "OfSquare", "square_argument"]


def square_argument(arg, who: str):
    """*arg* as a SymPy matrix expression, refused with a sentence naming *who* takes it unless it is
    (or may be, its sizes being symbols) square."""
    arg = sp.sympify(arg)
    if not getattr(arg, "is_Matrix", False):
        raise TypeError(f"{who} takes a square matrix expression, not {arg!r}")
    rows, cols = arg.shape
    if sp.simplify(rows - cols) != 0:
        raise ValueError(f"{who} takes a square matrix; {unicode(arg)} has shape {rows}×{cols}")
    return arg


class OfSquare(_OfOneMatrix):
    """A node of one square matrix, of the same shape unless it says otherwise."""

    def __new__(cls, arg):
        return super().__new__(cls, square_argument(arg, cls.__name__))


class Sym(OfSquare):
    """sym(M) = (M + Mᵀ)/2, the symmetric part: a function of a symmetric argument written on all square matrices."""

    def _eval_transpose(self):
        return self


class Tril(_OfOneMatrix):
    """tril(M): the lower triangle of M, diagonal included, zero above it."""


class Triu(_OfOneMatrix):
    """triu(M): the upper triangle of M, diagonal included, zero below it."""


class Phi(OfSquare):
    """Φ(M): the lower triangle of M with its diagonal halved, so that Φ(M) + Φ(M)ᵀ = M for symmetric M."""


class DiagonalOf(OfSquare):
    """diag(M): the diagonal of a square matrix as a column vector (diag of a vector is the matrix)."""

    @property
    def shape(self):
        return (self.arg.shape[0], sp.Integer(1))


class Column(sp.MatrixExpr):
    """M_{:,j}: column j of M, counted from 1; j is a number or a dimension (the last column)."""

    precedence = PRECEDENCE["Atom"]

    def __new__(cls, matrix, j):
        matrix, j = sp.sympify(matrix), sp.sympify(j)
        if not getattr(matrix, "is_Matrix", False):
            raise TypeError(f"Column takes a matrix, not {matrix!r}")
        if not (j.is_Integer and j >= 1 or j.is_Symbol and j.is_integer and j.is_positive):
            raise ValueError(f"Column counts columns from 1: j must be a positive integer or a dimension, not {j}")
        if j.is_Integer and matrix.shape[1].is_Integer and j > matrix.shape[1]:
            raise ValueError(f"Column {j} does not exist in {matrix}, which has {matrix.shape[1]} columns")
        return super().__new__(cls, matrix, j)

    @property
    def matrix(self):
        return self.args[0]

    @property
    def index(self):
        return self.args[1]

    @property
    def shape(self):
        return (self.matrix.shape[0], sp.Integer(1))


print_as_call(Sym, r"\operatorname{sym}", "sym", "sym")
print_as_call(Tril, r"\operatorname{tril}", "tril", "tril")
print_as_call(Triu, r"\operatorname{triu}", "triu", "triu")
print_as_call(Phi, r"\Phi", "Φ", "phi_lower")
print_rule(DiagonalOf, latex=lambda p, e: r"\operatorname{diag}\left(%s\right)" % p._print(e.arg),
           unicode=lambda p, e: f"diag({p._print(e.arg)})",
           numpy=lambda p, e: f"{p.call('diag', e.arg)}.reshape(-1, 1)")

print_rule(Column,
           latex=lambda p, e: r"%s_{:,%s}" % (p.parenthesize(e.matrix, PRECEDENCE["Atom"], strict=True),
                                              p._print(e.index)),
           unicode=lambda p, e: f"{p.parenthesize(e.matrix, PRECEDENCE['Atom'], strict=True)}[:,{p._print(e.index)}]",
           numpy=lambda p, e: f"{p._operand(e.matrix)}[:, {p._print(e.index - 1)}:{p._print(e.index)}]")


@mutation_rule(Sym)
def _forget_sym(node, parent):
    yield f"drop the symmetrisation: {unicode(node)} → {unicode(node.arg)}", node.arg


@mutation_rule(Phi)
def _phi_mistakes(node, parent):
    yield f"tril for Φ (the diagonal not halved): {unicode(node)} → {unicode(Tril(node.arg))}", Tril(node.arg)
    upper = sp.Transpose(Phi(sp.Transpose(node.arg)))
    yield f"the upper triangle for the lower: {unicode(node)} → {unicode(upper)}", upper


@mutation_rule(Tril)
def _tril_for_triu(node, parent):
    yield f"the upper triangle for the lower: {unicode(node)} → {unicode(Triu(node.arg))}", Triu(node.arg)


@mutation_rule(Triu)
def _triu_for_tril(node, parent):
    yield f"the lower triangle for the upper: {unicode(node)} → {unicode(Tril(node.arg))}", Tril(node.arg)


@mutation_rule(Column)
def _other_end(node, parent):
    last = node.matrix.shape[1]
    other = Column(node.matrix, last) if node.index == 1 else Column(node.matrix, 1)
    if other != node:
        yield f"the column at the other end: {unicode(node)} → {unicode(other)}", other
