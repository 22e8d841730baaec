"""Complex matrices: the conjugate transpose Zᴴ, the conjugate Z*, the real part Re, and their classic mistakes.

A real-valued f of a complex Z is differentiated in the house convention G = ∂f/∂Re Z + i ∂f/∂Im Z
(= 2 ∂f/∂Z̄ in Wirtinger's terms), so that df = Re tr(Gᴴ dZ): the gradient of f on ℂ^{m×n} seen as
the real space ℝ^{2mn}.  It is what PyTorch stores in ``z.grad`` and what the Matrix Cookbook
calls the complex gradient matrix (its eq. 233).

Notation follows the Matrix Cookbook: Zᴴ is the conjugate transpose and Z* the conjugate.
SymPy writes the conjugate of a matrix as ``Adjoint(Transpose(Z))``; it prints as Z*.
"""

from __future__ import annotations

import sympy as sp
from sympy.printing.precedence import PRECEDENCE

from ..mutants import mutation_rule
from ..printing import print_rule, unicode
from ..symbols import ComplexMatrixSymbol

__all__ = ["conj", "conj_transpose", "real_part", "is_conjugate"]


def conj_transpose(expr) -> sp.Adjoint:
    """The conjugate transpose Zᴴ."""
    return sp.Adjoint(expr)


def conj(expr) -> sp.Adjoint:
    """The entrywise conjugate Z* (Zᴴ transposed back)."""
    return sp.Adjoint(sp.Transpose(expr))


def real_part(expr) -> sp.Expr:
    """The real part Re(·) of a scalar expression: what makes a function of complex matrices a real
    number that has a gradient."""
    return sp.re(expr, evaluate=False)


def is_conjugate(expr) -> bool:
    """Whether *expr* is a conjugate Z* (an adjoint of a transpose, or a transpose of an adjoint)."""
    return (isinstance(expr, sp.Adjoint) and isinstance(expr.arg, sp.Transpose)) or (
        isinstance(expr, sp.Transpose) and isinstance(expr.arg, sp.Adjoint))


def _operand(printer, expr) -> str:
    return printer.parenthesize(expr, PRECEDENCE["Pow"])


def _latex_adjoint(printer, expr) -> str:
    if is_conjugate(expr):
        return r"%s^{*}" % _operand(printer, expr.arg.arg)
    return r"%s^{\mathsf{H}}" % _operand(printer, expr.arg)


def _unicode_adjoint(printer, expr) -> str:
    if is_conjugate(expr):
        return _operand(printer, expr.arg.arg) + "*"
    return _operand(printer, expr.arg) + "ᴴ"


def _numpy_adjoint(printer, expr) -> str:
    if is_conjugate(expr):
        return printer.call("conj", expr.arg.arg)
    return f"{printer._operand(expr.arg)}.conj().T"


print_rule(sp.Adjoint, latex=_latex_adjoint, unicode=_unicode_adjoint, numpy=_numpy_adjoint)

print_rule(sp.re,
           latex=lambda p, e: r"\operatorname{Re} %s" % p._print(e.args[0]) if isinstance(e.args[0], sp.Trace)
           else r"\operatorname{Re}\left(%s\right)" % p._print(e.args[0]),
           unicode=lambda p, e: f"Re {p._print(e.args[0])}" if isinstance(e.args[0], sp.Trace)
           else f"Re({p._print(e.args[0])})",
           numpy=lambda p, e: p.call("real", e.args[0]))


@mutation_rule(sp.Adjoint)
def _forgotten_conjugate(node, parent):
    """Zᴴ written Zᵀ (the conjugate forgotten), Z* written Z (the same, without the transpose)."""
    if is_conjugate(node):
        yield f"drop the conjugate of {unicode(node.arg.arg)}", node.arg.arg
    else:
        yield f"{unicode(node)} → {unicode(sp.Transpose(node.arg))} (the conjugate forgotten)", sp.Transpose(node.arg)


@mutation_rule(ComplexMatrixSymbol)
def _complex_symbol(node, parent):
    """A complex Z written Zᵀ (as for a real symbol) or Z* (a stray conjugate)."""
    if not isinstance(parent, (sp.Transpose, sp.Adjoint)):
        yield f"{unicode(node)} → {unicode(sp.Transpose(node))}", sp.Transpose(node)
        yield f"{unicode(node)} → {unicode(conj(node))}", conj(node)
