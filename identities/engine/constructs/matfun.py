"""Functions of a square matrix as a whole (not entry by entry): e^X, X^{1/2}, Log X, Xᵏ.

* :class:`Expm` — the matrix exponential e^X = Σ Xʲ/j!.
* :class:`ExpmFrechet` — its Fréchet derivative L_exp(X, E) = ∫₀¹ e^{sX} E e^{(1−s)X} ds, the
  directional derivative of e^X along E (so d e^X = L_exp(X, dX)).  Its code is the block formula:
  L_exp(X, E) is the top-right block of exp([[X, E], [0, X]]).
* :class:`Sqrtm` — the principal square root X^{1/2}, for X with no eigenvalue on the closed negative
  real axis; its differential solves a Sylvester equation.
* :class:`Sylvester` — sylv(A, B, C), the solution Y of AY + YB = C (unique when A and −B share no
  eigenvalue).
* :class:`Logm` — the principal logarithm Log X, the inverse of e^X near the real axis.
* Integer matrix powers are SymPy's ``MatPow`` (Xᵏ, with k a number or a constant declared with
  ``integer``); this module gives them the house printings and their mistakes.

The notation keeps matrix functions apart from entrywise ones: e^X, X^{1/2} and Log X are matrix
functions; exp(X), √X and log(X) act entry by entry.  The classic mistake of each (NumPy's ``np.exp``
for ``expm``, ``X**k`` for ``matrix_power``, e^X E as if X and E commuted) is a registered mutation.
"""

from __future__ import annotations

import inspect

import sympy as sp
from sympy.matrices.expressions.hadamard import HadamardPower
from sympy.matrices.expressions.matexpr import MatrixExpr
from sympy.printing.precedence import PRECEDENCE

from ..mutants import mutation_rule
from ..nodes import FUNCTION_CALL, _OfOneMatrix
from ..printing import exponent, numpy_helper, print_rule, unicode
from ..refusals import alternative
from . import numerics
from .elementwise import Elementwise, power_text
from .parts import square_argument

__all__ = ["Expm", "ExpmFrechet", "Sqrtm", "Logm", "Sylvester", "expm", "expm_frechet", "sqrtm", "logm",
           "sylvester"]


class _MatrixFunction(_OfOneMatrix):
    """A function of one square matrix, of the same shape."""

    builder = ""

    def __new__(cls, arg):
        return super().__new__(cls, square_argument(arg, f"{cls.builder}()"))


class Expm(_MatrixFunction):
    """The matrix exponential e^X."""

    builder = "expm"
    precedence = PRECEDENCE["Pow"]


class Sqrtm(_MatrixFunction):
    """The principal square root X^{1/2} (X with no eigenvalue on the closed negative real axis)."""

    builder = "sqrtm"
    precedence = PRECEDENCE["Pow"]


class Logm(_MatrixFunction):
    """The principal matrix logarithm Log X (X with no eigenvalue on the closed negative real axis)."""

    builder = "logm"


class ExpmFrechet(MatrixExpr):
    """L_exp(X, E): the derivative of e^X in the direction E (X square, E of its shape)."""

    precedence = FUNCTION_CALL

    def __new__(cls, X, E):
        X, E = square_argument(X, "expm_frechet()"), sp.sympify(E)
        if getattr(E, "shape", None) != X.shape:
            raise ValueError(f"expm_frechet(X, E): the direction E must have the shape of X {X.shape}, "
                             f"not {getattr(E, 'shape', None)}")
        return super().__new__(cls, X, E)

    @property
    def shape(self):
        return self.args[0].shape


class Sylvester(MatrixExpr):
    """sylv(A, B, C): the Y with AY + YB = C (A m×m, B n×n, C and Y m×n)."""

    precedence = FUNCTION_CALL

    def __new__(cls, A, B, C):
        A, B, C = square_argument(A, "sylvester(A, B, C)"), square_argument(B, "sylvester(A, B, C)"), sp.sympify(C)
        if getattr(C, "shape", None) != (A.shape[0], B.shape[0]):
            raise ValueError(f"sylvester(A, B, C): C must have shape {A.shape[0]}×{B.shape[0]} "
                             f"(rows of A × columns of B), not {getattr(C, 'shape', None)}")
        return super().__new__(cls, A, B, C)

    @property
    def shape(self):
        return self.args[2].shape


def expm(X) -> Expm:
    """e^X, the exponential of the square matrix X (``exp_`` is the exponential entry by entry)."""
    return Expm(X)


def expm_frechet(X, E) -> ExpmFrechet:
    """L_exp(X, E), the derivative of e^X in the direction E (so d e^X = L_exp(X, dX))."""
    return ExpmFrechet(X, E)


def sqrtm(X) -> Sqrtm:
    """X^{1/2}, the principal square root (``sqrt_`` is the root entry by entry)."""
    return Sqrtm(X)


def logm(X) -> Logm:
    """Log X, the principal matrix logarithm (``log_`` is the logarithm entry by entry)."""
    return Logm(X)


def sylvester(A, B, C) -> Sylvester:
    """sylv(A, B, C): the Y with AY + YB = C."""
    return Sylvester(A, B, C)


# -- printing --------------------------------------------------------------------------------------

def _base(printer, expr) -> str:
    return printer.parenthesize(expr, PRECEDENCE["Pow"])


def _exp_unicode(printer, expr):
    text = printer._print(expr.arg)
    return "e^" + (text if expr.arg.is_Atom or isinstance(expr.arg, sp.MatrixSymbol) else f"({text})")


def _helper_call(helper: str):
    """The code printing of a node as a call of *helper* on its arguments (a NumPy helper; in JAX and
    PyTorch the library's function where it has one)."""
    return lambda printer, expr: printer.call(helper, *expr.args)


def _call(latex_name: str, unicode_name: str, helper: str) -> dict:
    """The three printings of a node written as a call name(arg, …)."""
    return dict(latex=lambda p, e: r"%s\left(%s\right)" % (latex_name, ", ".join(p._print(a) for a in e.args)),
                unicode=lambda p, e: f"{unicode_name}({', '.join(p._print(a) for a in e.args)})",
                numpy=_helper_call(helper))


print_rule(Expm, latex=lambda p, e: "e^{%s}" % p._print(e.arg), unicode=_exp_unicode, numpy=_helper_call("expm"))
print_rule(Sqrtm, latex=lambda p, e: "%s^{1/2}" % _base(p, e.arg), unicode=lambda p, e: _base(p, e.arg) + "^½",
           numpy=_helper_call("sqrtm"))
print_rule(Logm, **_call(r"\operatorname{Log}", "Log", "logm"))
print_rule(ExpmFrechet, **_call(r"L_{\exp}", "L_exp", "expm_frechet"))
print_rule(Sylvester, **_call(r"\operatorname{sylv}", "sylv", "sylvester"))

_SUPERSCRIPTS = str.maketrans("0123456789-+()kmnp", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺⁽⁾ᵏᵐⁿᵖ")


def _power_unicode(printer, expr):
    text = exponent(printer, expr.exp).replace(" ", "").replace("−", "-")
    raised = text.translate(_SUPERSCRIPTS)
    if any(c not in "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺⁽⁾ᵏᵐⁿᵖ" for c in raised):
        raised = f"^({text})"
    return _base(printer, expr.base) + raised


def _power_numpy(printer, expr):
    return printer.call("linalg.matrix_power", expr.base, exponent(printer, expr.exp))


print_rule(sp.MatPow, latex=lambda p, e: "%s^{%s}" % (_base(p, e.base), exponent(p, e.exp)), unicode=_power_unicode,
           numpy=_power_numpy)

for _helper in (numerics.expm, numerics.expm_frechet, numerics.sqrtm, numerics.logm, numerics.sylvester):
    numpy_helper(_helper.__name__, inspect.getsource(_helper))

alternative("exp", "expm(X) for the matrix exponential")
alternative("sqrt", "sqrtm(X) for the principal matrix square root")
alternative("log", "logm(X) for the principal matrix logarithm")


# -- classic mistakes --------------------------------------------------------------------------------

@mutation_rule(Expm)
def _expm_mistakes(node, parent):
    yield "the entrywise exp for the matrix exponential (np.exp for expm)", Elementwise("exp", node.arg)


@mutation_rule(Sqrtm)
def _sqrtm_mistakes(node, parent):
    yield "the entrywise √ for the matrix square root (np.sqrt for sqrtm)", Elementwise("sqrt", node.arg)


@mutation_rule(Logm)
def _logm_mistakes(node, parent):
    yield "the entrywise log for the matrix logarithm (np.log for logm)", Elementwise("log", node.arg)


@mutation_rule(ExpmFrechet)
def _frechet_mistakes(node, parent):
    X, E = node.args
    left, right = sp.MatMul(Expm(X), E), sp.MatMul(E, Expm(X))
    shown = unicode(node)
    yield f"{unicode(left)} for {shown}: as if the two commuted", left
    yield f"{unicode(right)} for {shown}: as if the two commuted, on the other side", right
    yield f"the mean of the two for {shown}", sp.MatMul(sp.Rational(1, 2), sp.MatAdd(left, right))


@mutation_rule(Sylvester)
def _sylvester_mistakes(node, parent):
    A, B, C = node.args
    left, right = sp.MatMul(sp.Inverse(sp.MatAdd(A, B)), C), sp.MatMul(C, sp.Inverse(sp.MatAdd(A, B)))
    shown = unicode(node)
    yield f"{unicode(left)} for {shown}: as if {unicode(C)} commuted with the coefficients", left
    yield f"{unicode(right)} for {shown}: the same, on the other side", right
    if A != B:
        yield f"the coefficients of {shown} swapped", Sylvester(B, A, C)


@mutation_rule(sp.MatPow)
def _matrix_power_mistakes(node, parent):
    base, k = node.args
    yield f"exponent {power_text(k + 1)} for {power_text(k)}", sp.MatPow(base, k + 1)
    yield f"exponent {power_text(k - 1)} for {power_text(k)}", sp.MatPow(base, k - 1)
    yield "the entrywise power for the matrix power (X**k in NumPy)", HadamardPower(base, k)
