"""Linear solves and the pseudo-inverse as nodes.

A solve is written as a person writes it, A⁻¹B, but computed as one (``np.linalg.solve``), never
through an explicit inverse; the pseudo-inverse A⁺ of a full-rank matrix is computed from its QR
factorization.  Both are complex-step valid.
"""

from __future__ import annotations

import sympy as sp
from sympy.printing.precedence import PRECEDENCE

from ..mutants import mutation_rule
from ..printing import print_rule, unicode
from .helpers import numpy_call
from .parts import square_argument

__all__ = ["Solve", "PseudoInverse"]


class Solve(sp.MatrixExpr):
    """A⁻¹B: the solution X of AX = B, for an invertible A (B a matrix or a column)."""

    precedence = PRECEDENCE["Mul"]

    def __new__(cls, A, B):
        A, B = square_argument(A, "Solve"), sp.sympify(B)
        if not getattr(B, "is_Matrix", False):
            raise TypeError(f"Solve takes a matrix or a column as its right-hand side, not {B!r}")
        if sp.simplify(A.shape[0] - B.shape[0]) != 0:
            raise ValueError(f"Solve: {A} has {A.shape[0]} rows but the right-hand side {B} has {B.shape[0]}")
        return super().__new__(cls, A, B)

    @property
    def matrix(self):
        return self.args[0]

    @property
    def rhs(self):
        return self.args[1]

    @property
    def shape(self):
        return (self.matrix.shape[1], self.rhs.shape[1])


class PseudoInverse(sp.MatrixExpr):
    """A⁺: the Moore–Penrose pseudo-inverse of a matrix of full rank (full column or full row rank)."""

    precedence = PRECEDENCE["Pow"]
    #: Written as a superscript of its argument (LaTeX, Unicode); a transpose joins it: A⁺ᵀ.
    superscript = ("+", "⁺")

    def __new__(cls, arg):
        arg = sp.sympify(arg)
        if not getattr(arg, "is_Matrix", False):
            raise TypeError(f"PseudoInverse takes a matrix, not {arg!r}")
        return super().__new__(cls, arg)

    @property
    def arg(self):
        return self.args[0]

    @property
    def shape(self):
        rows, cols = self.arg.shape
        return (cols, rows)


def _inverse_of(matrix) -> tuple:
    """The base and the inverse's superscript: A⁻¹, or A⁻ᵀ for a solve with Aᵀ."""
    if isinstance(matrix, sp.Transpose):
        return matrix.arg, (r"-\top", "⁻ᵀ")
    return matrix, ("-1", "⁻¹")


def _solve_latex(printer, expr):
    base, (sup, _) = _inverse_of(expr.matrix)
    return r"%s^{%s} %s" % (printer.parenthesize(base, PRECEDENCE["Pow"]), sup,
                            printer.parenthesize(expr.rhs, PRECEDENCE["Mul"]))


def _solve_unicode(printer, expr):
    base, (_, sup) = _inverse_of(expr.matrix)
    return f"{printer.parenthesize(base, PRECEDENCE['Pow'])}{sup}{printer.parenthesize(expr.rhs, PRECEDENCE['Mul'])}"


print_rule(Solve, latex=_solve_latex, unicode=_solve_unicode,
           numpy=lambda p, e: p.call("linalg.solve", e.matrix, e.rhs))
print_rule(PseudoInverse,
           latex=lambda p, e: r"%s^{%s}" % (p.parenthesize(e.arg, PRECEDENCE["Pow"]), e.superscript[0]),
           unicode=lambda p, e: p.parenthesize(e.arg, PRECEDENCE["Pow"]) + e.superscript[1],
           numpy=numpy_call("pinv_full_rank"))


@mutation_rule(Solve)
def _solve_with_transpose(node, parent):
    wrong = Solve(sp.Transpose(node.matrix), node.rhs)
    yield f"solve with the transpose: {unicode(node)} → {unicode(wrong)}", wrong


@mutation_rule(PseudoInverse)
def _transpose_for_pseudo_inverse(node, parent):
    wrong = sp.Transpose(node.arg)
    yield f"the transpose for the pseudo-inverse: {unicode(node)} → {unicode(wrong)}", wrong
